"""The package's shape, as docs/DESIGN.md draws it: no import circle, a pure core, a command
line whose shared helpers import no command, and modules a newcomer can read in one sitting."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "page_governor"
MAX_LINES = 600
# The classifier's and the compliance check's pure core: no database, no network, no archive.
PURE = (
    "page_governor.models",
    "page_governor.hashing",
    "page_governor.clock",
    "page_governor.domains",
    "page_governor.moderation.normalize",
    "page_governor.moderation.lexicon",
    "page_governor.moderation.detectors",
    "page_governor.moderation.threats",
    "page_governor.moderation.threat_rules",
    "page_governor.moderation.menace",
    "page_governor.moderation.menace_idioms",
    "page_governor.moderation.incitement",
    "page_governor.moderation.spam",
    "page_governor.moderation.personal_info",
    "page_governor.moderation.pii",
    "page_governor.moderation.pii_numbers",
    "page_governor.moderation.offtopic",
    "page_governor.moderation.model",
    "page_governor.moderation.classifier",
    "page_governor.compliance.policy",
    "page_governor.compliance.text",
    "page_governor.compliance.blocks",
    "page_governor.compliance.checker",
    "page_governor.compliance.fixes",
    "page_governor.compliance.statement_model",
    "page_governor.compliance.posts",
    "page_governor.governance.lifecycle",
    "page_governor.alerts.render",
    "page_governor.alerts.commands",
    "page_governor.web.charts",
)
IMPURE_PREFIXES = (
    "sqlalchemy",
    "alembic",
    "httpx",
    "requests",
    "urllib.request",
    "socket",
    "telegram",
    "tweepy",
    "facebook",
    "page_governor.db",
    "page_governor.archive",
    "page_governor.app",
    "page_governor.capture",
    "page_governor.platforms",
    "page_governor.web",
    "page_governor.worker",
    "page_governor.cli",
)


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at its top or inside a function ("from package import
    module" counts as importing the module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in MODULES else node.module)
    return found


def _internal(name: str) -> str | None:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


GRAPH = {
    module: {t for t in (_internal(i) for i in _imports(path)) if t and t != module}
    for module, path in MODULES.items()
}


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(GRAPH[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    return found


def test_no_module_imports_itself_back_through_others():
    assert _cycles() == []


def test_the_cycle_check_finds_a_circle_when_there_is_one():
    GRAPH["page_governor.models"].add("page_governor.hashing")
    GRAPH["page_governor.hashing"].add("page_governor.models")
    try:
        assert ["page_governor.hashing", "page_governor.models"] in _cycles()
    finally:
        GRAPH["page_governor.models"].discard("page_governor.hashing")
        GRAPH["page_governor.hashing"].discard("page_governor.models")


@pytest.mark.parametrize("module", PURE)
def test_the_pure_core_does_no_io(module):
    imported = _imports(MODULES[module])
    impure = sorted(i for i in imported if i.startswith(IMPURE_PREFIXES))
    assert impure == [], f"{module} imports {impure}"


def test_the_command_lines_shared_helpers_import_no_command():
    commands = {m for m in MODULES if m.startswith("page_governor.cli.")} - {
        "page_governor.cli.base"
    }
    assert GRAPH["page_governor.cli.base"] & commands == set()


def test_modules_stay_readable_in_one_sitting_or_say_why_not():
    long = []
    for module, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") <= MAX_LINES:
            continue
        doc = ast.get_docstring(ast.parse(text)) or ""
        if "One piece:" not in doc:
            long.append(f"{module}: {text.count(chr(10))} lines")
    assert long == []
