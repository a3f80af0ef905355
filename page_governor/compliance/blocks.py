"""Reading a profile the way its author laid it out: headings, paragraphs and list items.

Real pages state their rules as lists ("Comments may be removed if they contain:" then one item
per line) or under headings ("Comments that will be removed", then the items). Read sentence by
sentence, "• obscene language" says nothing; read with its lead-in, it is the moderation policy.
So every field becomes a list of :class:`Block` s, and each block gives the checker one or more
*readings*: a paragraph's sentences (also prefixed with the heading they sit under), a list
item joined to its lead-in (or, without one, to its heading), a heading on its own. A sentence
after a list that points back at it ("Posts that violate the above guidelines may be deleted")
is also read with that list's items.

Plain text (about, description, bios, pinned posts): a line that starts with a bullet, a
number or a letter ("•", "-", "1.", "a)") is a list item; a line ending with ":" is a lead-in
for the items after it, and so is a line announcing "the following" right before a list
("Content containing any of the following is not allowed."); a short line without closing
punctuation followed by more text, or a line in capitals, is a heading. HTML (a linked
comment-policy page): parsed with Beautiful Soup over Python's own ``html.parser`` (tolerant of
broken markup, no compiled dependency), keeping ``h1``-``h6``, ``p`` and ``li`` with the list's
lead-in. PDF (a linked policy document): text extracted with ``pypdf`` (pure Python,
maintained), then read as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from page_governor.compliance.faq import answered, is_question
from page_governor.compliance.text import MAX_FIELD_CHARS, clean, sentences

_BULLET = re.compile(
    r"^\s*(?:[-*•·▪▫►▶➡➤➔→✅✔☑◦‣–—+>■□●○◆◇◼◻◾◽❖➢➣⁃∙★☆✓✗]+\ufe0f?|\(?\d{1,2}[.)](?!\d)|\(?[a-zA-Z][.)](?=\s))\s*"
)
# an outline number before a heading or an item ("3.4 Prohibited Content", "- 3.4.1 Personal
# Attacks: …"): numbering, not words (its dots would end the sentence for every pattern)
_OUTLINE = re.compile(r"^\(?\d{1,2}(?:\.\d{1,2}){1,3}\)?\.?\s+(?=[A-Z])")
_CLOSED = re.compile(r"[.!?)\"']\s*$")
_BLOCK_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "td", "th", "caption")
MAX_HEADING_CHARS = 80
MAX_SEPARATED_CHARS = 300
_SEPARATOR = re.compile(r"\s+[|•·▪]+\s+")
# a sentence of one to four words and no number: "Visitation.", "Inmate mail rules." A run of
# three or more is read as one list too ("Hydrant flushing. Leaf collection. Trash schedules."),
# which the list-shaped purpose pattern then judges (a motto's virtues, banned content and
# sentences with a verb are not a purpose there)
_FRAGMENT = re.compile(r"^\W*[^\W\d]+(?:[\s&/'-]+[^\W\d]+){0,3}\W*$")
MIN_FRAGMENTS = 3
# a motto is a run of virtues, not a list of what the page posts: "Honor. Service. Safety."
_VIRTUE = re.compile(
    r"^\W*(honou?r|courage|commitment|integrity|respect|pride|duty|loyalty|excellence|compassion|"
    r"professionalism|trust|fairness|justice|dedication|teamwork|accountability|service|"
    r"protect|serve|vigilance|valou?r|sacrifice|unity|community)\W*$",
    re.IGNORECASE,
)
# A sentence that announces the list after it ("… any of the following is not allowed.")
_ANNOUNCES = re.compile(
    r"\b(the following|as follows|(outlined|listed|set out|set forth|detailed|described|noted|shown) "
    r"below)\b",
    re.IGNORECASE,
)
# A sentence that points back at the list before it ("Comments that violate the above
# guidelines may be deleted."): read with that list's items, it says what may be deleted.
_POINTS_BACK = re.compile(
    r"\b(the\s+above|listed\s+above|above[- ](listed|mentioned|named)|the\s+foregoing|"
    r"(these|those|such|the)\s+(guidelines|rules|standards|criteria|categories|conditions))\b",
    re.IGNORECASE,
)
MAX_LIST_CONTEXT_CHARS = 600
# A lead-in that points back at the sentence before it ("We may hide content. Examples
# include:", "… take down posts it considers out of bounds. Such posts can include:"): the
# items are read with both, so the removal and the content meet in one reading.
_ANAPHORIC = re.compile(
    r"^\W*(such|these|this|those|examples?|they|that|which|it|including|among them)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # "heading", "paragraph" or "item"
    text: str
    heading: str | None = None  # the heading it sits under
    lead_in: str | None = None  # for an item: the line introducing its list
    list_before: str | None = None  # for a paragraph: the items of the list just above it
    question: str | None = None  # for a paragraph: the question on the line before it

    def describe(self) -> str:
        """Where in the field this block is, for evidence ("list item under 'Comments'")."""
        if self.kind == "item":
            context = self.lead_in or self.heading
            return f"list item after {_quote(context)}" if context else "list item"
        if self.kind == "heading":
            return "heading"
        return f"paragraph under {_quote(self.heading)}" if self.heading else "paragraph"

    def answers(self) -> list[tuple[str, str]]:
        """A paragraph's questions read with their answers (see :mod:`faq`): the statement
        each makes, and the question and answer as written."""
        if self.kind != "paragraph":
            return []
        said = sentences(self.text)
        return answered([self.question, *said] if self.question else said)

    def readings(self) -> Iterator[str]:
        """The texts the checker matches, most specific first."""
        if self.kind == "item":
            context = _context(self.lead_in) if self.lead_in else (self.heading or "")
            context = context.rstrip(":").strip()
            if context:
                yield f"{context}: {self.text}"
            yield self.text
            return
        if self.kind == "heading":
            yield self.text
            return
        for sentence in sentences(self.text):
            yield sentence
            if self.heading:
                yield f"{self.heading.rstrip(':').strip()}: {sentence}"
            if self.list_before and _POINTS_BACK.search(sentence):
                yield f"{sentence.rstrip('.!? ')}: {self.list_before}"
        yield from _fragment_lists(sentences(self.text))
        if len(self.text) <= MAX_SEPARATED_CHARS and _SEPARATOR.search(self.text):
            # a bio of items between separators ("News | Alerts | Events") read as one list
            yield _SEPARATOR.sub(", ", self.text)


def _fragment_lists(said: list[str]) -> Iterator[str]:
    """Each run of at least ``MIN_FRAGMENTS`` fragment sentences, joined as one list ("Road
    closures. Boil-water notices. Meeting agendas." → "Road closures, Boil-water notices and
    Meeting agendas")."""
    run: list[str] = []
    for sentence in [*said, ""]:
        if sentence and _FRAGMENT.match(sentence):
            run.append(sentence.strip().rstrip(".!;").strip())
            continue
        if len(run) >= MIN_FRAGMENTS and not any(_VIRTUE.match(part) for part in run):
            yield f"{', '.join(run[:-1])} and {run[-1]}"
        run = []


def _context(lead_in: str) -> str:
    """The part of a lead-in an item is read with: its sentence that announces "the
    following", else its last sentence ("The following are examples of unacceptable content.
    Please note this list is not all-inclusive:" gives the first)."""
    parts = sentences(lead_in) or [lead_in]
    announcing = [i for i, p in enumerate(parts) if _ANNOUNCES.search(p)]
    at = announcing[-1] if announcing else len(parts) - 1
    chosen = parts[at].rstrip(".:").strip()
    if at > 0 and _ANAPHORIC.match(chosen):
        chosen = f"{parts[at - 1].rstrip('.!? ')}; {chosen}"
    return chosen


def _with_antecedent(lead_in: str, blocks: list[Block]) -> str:
    """``lead_in`` with the paragraph before it when it points back at that paragraph (the
    lead-in is the last block of ``blocks``; the one before it is the antecedent)."""
    if len(blocks) < 2 or not _ANAPHORIC.match(lead_in) or blocks[-2].kind != "paragraph":
        return lead_in
    return f"{blocks[-2].text} {lead_in}"


def _add_item(blocks: list[Block], items: list[str], item: str) -> list[str]:
    """The items of the list being read, with ``item`` added: a new list starts whenever the
    block before is not an item."""
    items = items if blocks and blocks[-1].kind == "item" else []
    items.append(item)
    return items


def _items_text(items: list[str]) -> str | None:
    """The items of a list as one context string (capped), for a paragraph pointing back at it."""
    if not items:
        return None
    joined = "; ".join(item.rstrip(".;, ") for item in items)
    return joined if len(joined) <= MAX_LIST_CONTEXT_CHARS else joined[:MAX_LIST_CONTEXT_CHARS]


def _asked(blocks: list[Block]) -> str | None:
    """The question a new paragraph answers: the block before it (a paragraph, or a heading
    such as "Do you delete comments?"), when that block ends with a question mark."""
    if not blocks or blocks[-1].kind == "item" or not is_question(blocks[-1].text):
        return None
    return sentences(blocks[-1].text)[-1]


def _quote(text: str | None) -> str:
    text = (text or "").strip()
    return "'" + (text if len(text) <= 60 else text[:59] + "…") + "'"


def _is_heading(line: str, following: str | None) -> bool:
    if len(line) > MAX_HEADING_CHARS or line.endswith(":"):
        return False
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters) and len(line.split()) <= 8:
        return True  # "PROHIBITED CONTENT", "MONITORING"
    if _CLOSED.search(line) or following is None:
        return False
    # "Comment Guidelines", "About this page": a few words, no sentence punctuation inside
    return len(line.split()) <= 6 and not re.search(r"[.!?;,]", line) and line[:1].isupper()


# words a wrapped line can end on mid-sentence ("… any of" / "the following:")
_OPEN_ENDING = re.compile(
    r"(,|\b(and|or|of|the|a|an|to|in|on|for|with|by|as|at|from|that|which|any|our|its|their|"
    r"is|are|be|may|will|shall|not))$",
    re.IGNORECASE,
)


def _unwrap(lines: list[str]) -> list[str]:
    """Lines joined where a hard wrap split a sentence (text from a PDF or a fixed-width page):
    a line that does not close its sentence, followed by one that starts in lower case or
    after a word a sentence cannot end on ("… verify or" / "agree with Third Party comments")."""
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else ""
        if (
            line
            and previous
            and not _BULLET.match(line)
            and not _CLOSED.search(previous)
            and not previous.endswith(":")
            and (line[0].islower() or _OPEN_ENDING.search(previous))
            and len(previous) >= 30
        ):
            out[-1] = f"{previous} {line}"
        else:
            out.append(line)
    return out


def blocks_from_text(text: str) -> list[Block]:
    """Blocks of a plain-text field (HTML in a plain field is reduced to text first)."""
    if re.search(r"<(p|li|ul|ol|h[1-6]|div|br)\b", text[:MAX_FIELD_CHARS], re.IGNORECASE):
        return blocks_from_html(text)
    return _blocks_from_plain(text)


def _blocks_from_plain(text: str) -> list[Block]:
    """Blocks of text read as plain lines, whatever it holds (no second look for markup)."""
    lines = _unwrap([line.strip() for line in text[:MAX_FIELD_CHARS].splitlines()])
    blocks: list[Block] = []
    heading: str | None = None
    lead_in: str | None = None
    items: list[str] = []  # the items of the last list, until a new list or heading
    for index, raw in enumerate(lines):
        if not raw:
            # a blank line ends a list, unless the list goes on after it (pages turned into
            # text often put a blank line between the items, or after the lead-in)
            following = next((x for x in lines[index + 1 :] if x), None)
            if following is None or not _BULLET.match(clean(following)):
                lead_in = None
            continue
        line = _OUTLINE.sub("", clean(raw), count=1)
        if not line:
            continue
        following = next((x for x in lines[index + 1 :] if x), None)
        bullet = _BULLET.match(line)
        if bullet and len(line) > bullet.end():
            item = _OUTLINE.sub("", line[bullet.end() :].strip(), count=1)
            items = _add_item(blocks, items, item)
            blocks.append(Block("item", item, heading, lead_in))
            if item.endswith(":") and len(item) > 1:
                # an item that announces the items after it ("- Content Moderation: We
                # reserve the right to delete posts that contain any of the following:")
                lead_in = item
            continue
        announces = following is not None and _BULLET.match(following) and _ANNOUNCES.search(line)
        if (line.endswith(":") and len(line) > 1) or announces:
            # a lead-in: it also stands as a paragraph of its own ("Comments may be removed
            # if they contain:") and introduces the items after it
            blocks.append(Block("paragraph", line, heading))
            lead_in = _with_antecedent(line, blocks)
            continue
        if _is_heading(line, following):
            blocks.append(Block("heading", line, heading))
            heading, lead_in, items = line, None, []
            continue
        lead_in = None
        blocks.append(
            Block(
                "paragraph", line, heading, list_before=_items_text(items), question=_asked(blocks)
            )
        )
    return blocks


def blocks_from_html(markup: str) -> list[Block]:
    """Blocks of an HTML page: headings, paragraphs and list items with their lead-ins."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup[:MAX_FIELD_CHARS], "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "nav", "footer", "header"]):
        tag.decompose()
    blocks: list[Block] = []
    heading: str | None = None
    last_paragraph: str | None = None
    items: list[str] = []
    announcing: tuple[Any, str] | None = None  # an item ending in ":" and its list
    for element in soup.find_all(_BLOCK_TAGS):
        if element.find(_BLOCK_TAGS):
            continue  # read the innermost blocks only (an li holding p's, a td holding a list)
        text = _OUTLINE.sub("", clean(element.get_text(" ", strip=True)), count=1)
        if not text:
            continue
        name = element.name
        if name and name[0] == "h" and name[1:].isdigit():
            blocks.append(Block("heading", text, heading))
            heading, last_paragraph, items = text, None, []
        elif name == "li":
            items = _add_item(blocks, items, text)
            parent = element.find_parent(["ul", "ol"])
            lead = announcing[1] if announcing and announcing[0] is parent else None
            own = _lead_in_of(element)
            if own and last_paragraph and last_paragraph.endswith(own):
                own = last_paragraph  # the same lead-in, with the paragraph it points back at
            blocks.append(Block("item", text, heading, lead or own or last_paragraph))
            announcing = (parent, text) if text.endswith(":") else announcing
        else:
            blocks.append(
                Block(
                    "paragraph",
                    text,
                    heading,
                    list_before=_items_text(items),
                    question=_asked(blocks),
                )
            )
            last_paragraph = _with_antecedent(text, blocks) if text.endswith(":") else None
    if not blocks:  # a page of bare text, or markup with no block elements
        # (read as plain lines: "<p" with no closing bracket is text, and asking
        # blocks_from_text again would hand it back here for ever)
        return _blocks_from_plain(clean(markup))
    return blocks


def _lead_in_of(item: Any) -> str | None:
    """The text just before the list an item belongs to, when it introduces the list."""
    parent = item.find_parent(["ul", "ol"])
    if parent is None:
        return None
    previous = parent.find_previous_sibling()
    if previous is None:
        return None
    text = clean(previous.get_text(" ", strip=True))
    return text if text and (text.endswith(":") or previous.name in ("p", "div")) else None


def pdf_text(data: bytes, *, max_pages: int = 40) -> str:
    """The text of a PDF document (a linked policy), page by page; empty when unreadable."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages[:max_pages]]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        return ""
    return "\n".join(pages)[:MAX_FIELD_CHARS]
