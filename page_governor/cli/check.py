"""``page-governor check|check-profile|classify|check-post``: the two judgments and the
post rules, on captured pages or on files.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from rich.table import Table

from page_governor.cli.base import app_of, console, jsonl_rows, read_input, settings_of
from page_governor.cli.root import cli
from page_governor.errors import InputError

# -- compliance -----------------------------------------------------------------------------


def _element_table(report: Any, policy: Any, page: dict[str, Any] | None) -> Table:
    from page_governor.compliance.fixes import fix_for_page

    table = Table("element", "", "evidence (source) or what to fix", show_lines=True)
    for element_id, result in report.elements.items():
        rule = policy.element(element_id)
        if result.passed:
            detail = f"“{result.evidence}” ({result.source})"
            if result.reason != "found":  # the learned reader's, not a pattern's: say so
                detail += f"\n[dim]{result.reason}[/]"
        else:
            fix = fix_for_page(rule, page)
            detail = f"{result.reason}\n[bold]Fix:[/] {fix}\n[dim]{rule.seed_clause}[/]"
        table.add_row(element_id, "[green]✓[/]" if result.passed else "[red]✗[/]", detail)
    return table


@cli.command()
@click.option("--page", "page_key", help="Check only this page (key or id).")
@click.option(
    "--json", "as_json", is_flag=True, help="Print one JSON object per page, a line each."
)
@click.option(
    "--fetch-linked/--no-fetch-linked",
    default=True,
    show_default=True,
    help="Also read a comment-policy page the profile links on an official domain.",
)
@click.pass_context
def check(ctx: click.Context, page_key: str | None, as_json: bool, fetch_linked: bool) -> None:
    """Check registered pages for every required element, with evidence and fixes.

    Reads each page's profile from the platform (archiving it first), checks it, stores the
    result, and queues a drift alert when an element that passed now fails.

    \b
    Example:
      page-governor check --page springfield-pd-x
      page-governor check --json > compliance.jsonl
    """
    from page_governor.compliance.linked import LinkedPageFetcher
    from page_governor.compliance.service import check_page
    from page_governor.governance.registry import all_pages, page_row

    app = app_of(ctx)
    with app.db.connect() as conn:
        pages = [page_row(conn, page_key)] if page_key else all_pages(conn)
    if not pages:
        raise InputError(
            "no pages are registered", hint="run `page-governor demo` or fill config/pages.yaml"
        )
    fetcher = LinkedPageFetcher(timeout=app.settings.http_timeout_seconds) if fetch_linked else None
    ingestor = app.ingestor()
    try:
        for page in pages:
            ingestor.capture_profile(page, app.adapter_for(page))
            with app.db.begin() as conn:
                result = check_page(
                    conn, page, app.policy, now=app.clock.now(), fetch_linked=fetcher
                )
            if result.report is None:
                continue
            if as_json:
                click.echo(
                    json.dumps(
                        {
                            "page": page["key"],
                            "platform": page["platform"],
                            **result.report.as_json(),
                            "drift": list(result.drift),
                            "recovered": list(result.recovered),
                        },
                        ensure_ascii=False,
                    )
                )
                continue
            console.print(
                f"\n[bold]{page['key']}[/] ({page['platform']}): "
                f"{result.report.passed}/{result.report.total} elements present"
            )
            console.print(_element_table(result.report, app.policy, page))
            for warning in result.report.warnings:
                console.print(
                    f"[yellow]⚠ wording for counsel[/]: “{warning.text}” — {warning.note}"
                )
            for element in result.drift:
                console.print(
                    f"[red]drift[/]: {element} passed before and fails now (alert queued)"
                )
            for element in result.recovered:
                console.print(f"[green]recovered[/]: {element} is present again")
    finally:
        if fetcher is not None:
            fetcher.close()


@cli.command("check-profile")
@click.argument("file")
@click.option(
    "--official-domain",
    "domains",
    multiple=True,
    required=True,
    help="An official web domain of the agency (repeat for several).",
)
@click.option("--agency-name", help="The agency's name, used in suggested fixes.")
@click.option("--json", "as_json", is_flag=True, help="Print exactly one JSON object.")
@click.option(
    "--fetch-linked/--no-fetch-linked",
    default=False,
    show_default=True,
    help="Also read a comment-policy page the profile links on an official domain.",
)
@click.pass_context
def check_profile(
    ctx: click.Context,
    file: str,
    domains: tuple[str, ...],
    agency_name: str | None,
    as_json: bool,
    fetch_linked: bool,
) -> None:
    """Check one profile given as a JSON file (or - for standard input).

    Fields: platform, name, about, description, website, phone, email, address, pinned_post
    (missing fields count as empty; other text fields are read too).

    \b
    Example:
      page-governor check-profile profile.json --official-domain springfieldpd.gov --json
    """
    from page_governor.compliance.checker import check_fields, fields_from_json
    from page_governor.compliance.policy import load_policy

    text = read_input(file)
    try:
        data = json.loads(text)
    except RecursionError:
        raise InputError(f"{file}: JSON nested too deeply to be a profile") from None
    except ValueError as exc:
        raise InputError(f"{file}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise InputError(f"{file}: must be a JSON object of profile fields")
    fields = fields_from_json(data)
    policy = load_policy(settings_of(ctx).config_dir)
    if fetch_linked:
        from page_governor.compliance.linked import LinkedPageFetcher, policy_links

        fetcher = LinkedPageFetcher(timeout=settings_of(ctx).http_timeout_seconds)
        try:
            for url in policy_links(fields, domains):
                linked = fetcher(url)
                if linked:
                    fields[f"linked:{url}"] = linked
        finally:
            fetcher.close()
    report = check_fields(fields, policy, official_domains=domains)
    if as_json:
        click.echo(json.dumps(report.as_json(), ensure_ascii=False))
        return
    page = {
        "department_name": agency_name,
        "official_domains": list(domains),
        "platform": data.get("platform") if isinstance(data.get("platform"), str) else None,
    }
    console.print(f"{report.passed}/{report.total} required elements present")
    console.print(_element_table(report, policy, page))
    for warning in report.warnings:
        console.print(f"[yellow]⚠ wording for counsel[/]: “{warning.text}” — {warning.note}")


@cli.command()
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per input line, in order.")
@click.option(
    "--jobs",
    type=click.IntRange(0, 64),
    default=0,
    show_default=True,
    help="Worker processes; 0: one per core for 4,000 comments or more, else one.",
)
@click.pass_context
def classify(ctx: click.Context, file: str, as_json: bool, jobs: int) -> None:
    """Classify comments from a JSON Lines file (or - for standard input).

    Each line is {"id": …, "text": "…"}, optionally with "reply": true for a comment that
    answers another visitor (otherwise it is read as a comment to the agency) and "post": the
    text of the post it answers (an insult under a post naming an officer is aimed at the
    officer). Nothing is
    stored: this is for trying the classifier and for bulk review of exported comments. The
    whole input is read and checked before anything is printed; results come in input order.

    \b
    Example:
      echo '{"id": 1, "text": "you spineless cowards"}' | page-governor classify - --json
    """
    from page_governor.moderation.bulk import classify_json_lines, classify_rows, default_jobs
    from page_governor.moderation.classifier import Classifier

    rows = list(jsonl_rows(read_input(file), "standard input" if file == "-" else file))
    classifier = Classifier.from_config_dir(settings_of(ctx).config_dir)
    if as_json:
        out = sys.stdout
        for block in classify_json_lines(classifier, rows, jobs or default_jobs(len(rows))):
            out.write(block + "\n")
        out.flush()
        return
    results = classify_rows(classifier, rows)
    table = Table("id", "flagged", "categories", "target", "evidence")
    for result in results:
        table.add_row(
            str(result["id"]),
            "yes" if result["flagged"] else "-",
            ", ".join(result["categories"]),
            result["target"] or "",
            "; ".join(f"{e['category']}: {e['text']}" for e in result["evidence"]),
        )
    console.print(table)


@cli.command("check-post")
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per input line, in order.")
@click.pass_context
def check_post_command(ctx: click.Context, file: str, as_json: bool) -> None:
    """Check the agency's own posts (or drafts) against the policy's post rules.

    Each line of FILE (JSON Lines, or - for standard input) is {"id": …, "text": "…"}. A
    finding names the rule, quotes the clause of the policy (config/policy.yaml post_rules)
    and the words that matched, and suggests what to write instead: statements of guilt
    before a conviction, comments on a pending case, a named juvenile, victim or witness,
    confidential details, endorsements, personal opinion in the agency's voice. Nothing is
    stored or posted. Exits 0 whether or not something was found.

    \b
    Example:
      echo '{"id": "draft", "text": "Vote yes on Measure B!"}' | page-governor check-post - --json
    """
    from page_governor.compliance.policy import load_policy
    from page_governor.compliance.posts import check_post

    rows = list(jsonl_rows(read_input(file), "standard input" if file == "-" else file))
    rules = load_policy(settings_of(ctx).config_dir).post_rules
    results = [
        {"id": item_id, "findings": [f.as_json() for f in check_post(text, rules)]}
        for item_id, text, _reply, _post in rows
    ]
    if as_json:
        for result in results:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return
    for result in results:
        if not result["findings"]:
            console.print(f"{result['id']}: nothing to change", markup=False)
        for finding in result["findings"]:
            console.print(f"{result['id']}: [bold]{finding['rule']}[/]")
            console.print(f"  “{finding['evidence']}”", markup=False)
            console.print(f"  policy: {finding['clause']}", markup=False)
            console.print(f"  instead: {finding['suggestion']}", markup=False)
