"""Policies written as questions and answers.

Pages put their rules in a FAQ ("Do comments speak for the Sheriff? No, they're the views of
whoever posts them.", "Will you delete my comment? Only if it has profanity, threats …"). Read
sentence by sentence, the question says nothing (it asks) and the answer says nothing on its
own ("No, they're the views of whoever posts them": whose views?). Read together, they state
the rule. A yes/no question and its answer are turned into the statement they make together:
"comments do not speak for the Sheriff, they're the views of whoever posts them", "you will
delete my comment only if it has profanity, threats …". The checker matches that statement and
shows the question and answer as they were written.

Questions that open with an auxiliary ("do", "is", "will", …) are read; the subject is told
from the main verb for "do" and modal questions ("Do *comments* speak …") and from a determiner
for "be" and "have" questions ("Is *this page* public?"). So are three questions about the page
itself: what it is for, what it posts, and who runs it ("What's this page for? Recycling
schedules." reads as "this page is for recycling schedules"). A question the reading cannot
take apart gives no statement.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PREFIX = re.compile(r"^\W*(q|question|a|answer)\s*[:.)-]\s*", re.IGNORECASE)
_DO = frozenset({"do", "does", "did"})
_MODALS = frozenset({"will", "would", "can", "could", "should", "may", "might", "shall"})
_BE = frozenset({"is", "are", "was", "were", "has", "have"})
# main verbs a page's rules are said with ("Do you *read* messages here?")
_VERBS = _words(
    "speak speaks reflect reflects represent represents endorse endorses agree agrees support "
    "supports read reads monitor monitors watch watches check checks delete deletes remove removes "
    "hide hides take takes answer answers respond responds reply replies keep keeps record "
    "records save saves retain retains archive archives share shares see sees moderate moderates "
    "allow allows approve approves block blocks ban bans look looks censor censors edit edits "
    "get gets release releases disclose discloses"
)
_DETERMINERS = _words(
    "this that the these those my your our its their a an any all every each some"
)
_NO = re.compile(r"^(no|nope|never|not really|not at all)\b[\s,.;:!-]*", re.IGNORECASE)
_YES = re.compile(r"^(yes|yep|yeah|sure|absolutely|of course|always|correct)\b[\s,.;:!-]*", re.I)
MAX_WORDS = 25  # a question longer than this is no FAQ entry


def is_question(sentence: str) -> bool:
    return sentence.rstrip().endswith("?")


# questions about the page itself, answered with what it is for or who runs it: "What's this
# page for? Recycling schedules …" reads as "this page is for recycling schedules …"
_PAGE = r"(?:page|account|channel|feed|site)"
_WH = (
    (
        re.compile(rf"^what(?:'s| is)\s+(?:(?:this|the|our)\s+{_PAGE}|it)\s+(?:for|about)$", re.I),
        "this page is for",
    ),
    (
        re.compile(
            rf"^what\s+(?:do|will|does)\s+(?:you|we)\s+(?:post|share)(?:\s+(?:here|on\s+this\s+{_PAGE}))?$",
            re.I,
        ),
        "we post",
    ),
    (
        re.compile(
            rf"^who\s+(?P<verb>runs|manages|maintains|operates|moderates)\s+(?:this|the)\s+{_PAGE}$",
            re.I,
        ),
        "this page is {verb} by",
    ),
)
_PASSIVE = {"runs": "run", "manages": "managed", "maintains": "maintained", "operates": "operated",
            "moderates": "moderated"}  # fmt: skip


def _about_the_page(question: str, answer: str) -> str | None:
    """The statement a question about the page itself and its answer make, or None."""
    for pattern, lead in _WH:
        m = pattern.match(question)
        if m is not None:
            verb = m.groupdict().get("verb")
            said = lead.format(verb=_PASSIVE[verb.lower()]) if verb else lead
            return f"{said} {answer[0].lower()}{answer[1:]}"
    return None


def statement(question: str, answer: str) -> str | None:
    """The statement a ``question`` and its ``answer`` make together, or None: a yes/no
    question, or one about the page itself ("What's this page for?", "Who runs this page?")."""
    words = _PREFIX.sub("", question).strip().rstrip("?").split()
    answer = _PREFIX.sub("", answer).strip()
    if answer and 1 < len(words) <= MAX_WORDS:
        about = _about_the_page(" ".join(words), answer)
        if about is not None:
            return about
    if len(words) < 2 or len(words) > MAX_WORDS or not answer:
        return None
    aux, rest = words[0].lower(), words[1:]
    denied = _NO.match(answer)
    said_so = denied or _YES.match(answer)
    tail_text = answer[said_so.end() if said_so else 0 :].strip()
    if aux in _DO or aux in _MODALS:
        verb = next((i for i, w in enumerate(rest[:5]) if w.lower() in _VERBS and i > 0), None)
        if verb is None:
            return None
        subject, predicate = rest[:verb], rest[verb:]
        middle = [aux, "not"] if denied else ([aux] if aux in _MODALS else [])
    elif aux in _BE:
        size = 2 if rest[0].lower() in _DETERMINERS and len(rest) > 2 else 1
        subject, predicate = rest[:size], rest[size:]
        middle = [aux, "not"] if denied else [aux]
    else:
        return None
    said = " ".join([*subject, *middle, *predicate])
    if not tail_text:
        return said
    # a denial's reason follows it ("No, they're the views of …"); any other answer qualifies
    # the statement and is read as its end ("… my comment only if it has profanity")
    return f"{said}, {tail_text}" if denied else f"{said} {tail_text[0].lower()}{tail_text[1:]}"


def answered(sentences: list[str]) -> list[tuple[str, str]]:
    """(statement, question and answer as written) for every yes/no question among
    ``sentences`` that the next sentence answers; an answer that is only "Yes." or "No." is
    read with the sentence after it."""
    out: list[tuple[str, str]] = []
    for i, question in enumerate(sentences[:-1]):
        if not is_question(question):
            continue
        answer = sentences[i + 1]
        bare = _PREFIX.sub("", answer).strip()
        if (_NO.fullmatch(bare) or _YES.fullmatch(bare)) and i + 2 < len(sentences):
            answer = f"{answer} {sentences[i + 2]}"
        if is_question(answer):
            continue
        said = statement(question, answer)
        if said is not None:
            out.append((said, f"{question} {answer}"))
    return out
