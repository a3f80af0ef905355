"""The normalised comment's positions (words, sentences, the clean text) and the fast forms of
patterns that are read over a whole long comment."""

from __future__ import annotations

import random
import re
from bisect import bisect_left

import pytest

from page_governor.moderation import pii, pii_named, pii_numbers, spam
from page_governor.moderation.detectors import SOUND_SCREEN
from page_governor.moderation.normalize import has_spaced_words, normalize

_PIECES = ["Officer Kim", "f*ck", "sh1t", "you.", "ok!!", "b - c", "x;", "\n", "123", "i'm", "?"]
_PIECES += ["Zoë", "ｆｕｃｋ", "$$$", "'", "--", "@ss", "**SALE**", "70% ", "lives at 12 Oak St"]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(
            rng.choice(_PIECES) + rng.choice(["", " ", "  "]) for _ in range(rng.randint(0, 40))
        )
        for _ in range(count)
    ]


def test_span_of_clean_quotes_the_original_words_a_clean_span_covers() -> None:
    n = normalize("Officer Kim is a ｆｕｃｋing clown,  really.")
    start = n.clean.index("clown")
    assert n.original[slice(*n.span_of_clean(start, start + 5))] == "clown"
    # a span from the space before a word starts at that word, not the one before it
    assert n.original[slice(*n.span_of_clean(start - 1, start + 5))] == "clown"
    whole = n.span_of_clean(0, len(n.clean))
    assert n.original[slice(*whole)] == "Officer Kim is a ｆｕｃｋing clown,  really"
    assert n.span_of_clean(len(n.clean), len(n.clean) + 3) == (0, 0)
    assert normalize("").span_of_clean(0, 4) == (0, 0)


def test_word_at_clean_and_clean_start_agree_with_the_clean_text() -> None:
    for text in _texts(300, 1):
        n = normalize(text)
        for i, word in enumerate(n.words):
            start = n.clean_start(i)
            assert n.clean[start : start + len(word)] == word
            assert n.word_at_clean(start) == i
            assert n.word_at_clean(start + len(word) - 1) == i
        assert n.word_at_clean(-5) == 0


def test_sentence_numbers_and_bounds_agree_with_one_word_at_a_time() -> None:
    for text in _texts(300, 2):
        n = normalize(text)
        count = len(n.words)
        numbers = normalize(text).sentence_numbers(count)
        assert numbers == [n.sentence(i) for i in range(count)]
        for i in range(count):
            first, end = normalize(text).sentence_bounds(i, limit=3)
            assert first <= i < end and i - first <= 3 and end - i <= 3
            assert all(numbers[j] == numbers[i] for j in range(first, end))
            # maximal within the limit: the word beyond each edge is in another sentence
            if first > 0 and i - first < 3:
                assert numbers[first - 1] != numbers[i]
            if end < count and end - i < 3:
                assert numbers[end] != numbers[i]


@pytest.mark.parametrize(
    ("clean", "expected"),
    [
        ("check out my new mixtape****", True),
        ("** check out my page", True),
        ("what the f*ck", False),
        ("b!tch please", False),
        ("70% off today", False),
        ("ok!! sure", True),
        ("", False),
    ],
)
def test_edge_marks_are_marks_at_a_words_edge_not_inside_it(clean: str, expected: bool) -> None:
    assert spam.has_edge_marks(clean) is expected


def test_edge_marks_scan_matches_the_edge_marks_pattern_everywhere() -> None:
    rng = random.Random(3)
    alphabet = "ab 1*#%!|+\n7"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert spam.has_edge_marks(text) is (spam.EDGE_MARKS.search(text) is not None), text


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (pii_numbers._CARD, re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")),
        (pii_numbers._SSN, re.compile(r"(?<![\d-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\d-])")),
        (pii._STREET, re.compile(pii.STREET.replace(r"\d(?<!\w\d)\d{0,5}", r"\b\d{1,6}"), re.I)),
    ],
)
def test_digit_first_patterns_find_what_their_lookbehind_first_forms_find(
    fast: re.Pattern[str], plain: re.Pattern[str]
) -> None:
    assert fast.pattern != plain.pattern
    rng = random.Random(4)
    alphabet = ["1", "2", "9", "0", " ", "-", "a", "x", "Elm ", "St ", "street ", "٣", "\n"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        found = [(m.span(), m.groups()) for m in fast.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in plain.finditer(text)], text


def test_sentence_breaks_are_counted_before_a_word() -> None:
    n = normalize("one two. three! four")
    breaks = n._sentence_breaks()
    assert n.sentence_numbers(4) == [bisect_left(breaks, n.folded_start(i)) for i in range(4)]
    assert n.sentence_numbers(4) == [0, 0, 1, 2]


def test_spaced_words_are_three_one_letter_words_in_a_row_anywhere() -> None:
    plain = re.compile(r"(?:^| )\w \w \w(?: |$)")
    assert has_spaced_words("k i l l the cop") and has_spaced_words("you f u c k")
    assert not has_spaced_words("a b cd") and not has_spaced_words("")
    rng = random.Random(5)
    for _ in range(20_000):
        text = "".join(rng.choice("ab \n1_é") for _ in range(rng.randint(0, 12)))
        assert has_spaced_words(text) is (plain.search(text) is not None), text


def test_sound_screen_finds_what_its_word_boundary_form_finds() -> None:
    plain = re.compile(
        r"\b(?:ph|f)(?:u|c?k\b|ck)|\bs(?:c?h)(?:ee?i|ie|y|ii)|\bbull|\bb(?:ia|io|eo|ey?a|ya|yo|iya)"
        r"|\bm[uo]th|\beff\b"
    )
    assert SOUND_SCREEN.search("phuk off") and SOUND_SCREEN.search("u r a biatch")
    assert not SOUND_SCREEN.search("a tough bluff")
    rng = random.Random(6)
    for _ in range(50_000):
        text = "".join(rng.choice("phfuckshieyblamotef 1é") for _ in range(rng.randint(0, 12)))
        assert (SOUND_SCREEN.search(text) is None) is (plain.search(text) is None), text


@pytest.mark.parametrize("later", [False, True])
def test_named_place_pattern_finds_what_its_lookbehind_first_form_finds(later: bool) -> None:
    # both forms: the plain one, and the one read where another clause comes first ("… stocks
    # shelves at the Dollar Tree and lives on Elm Ct")
    pattern = pii_named._NAMED_PLACE_LATER if later else pii_named._NAMED_PLACE
    titles = ["Officer", "Deputy", "Sergeant", "Detective", "Chief", "Mayor", "Judge", r"Sgt\."]
    titles += ["Sheriff", "Trooper"]
    tail = pattern.pattern[pattern.pattern.index("[a-z]+ [A-Z][a-z]+)") :]
    plain = re.compile(r"\b(?=[A-Z])" + "".join(f"(?<!{t} )" for t in titles) + "([A-Z]" + tail)
    assert pattern.search("That's Tanya Webb, she lives on Cedar Court")
    assert not pattern.search("Officer Tanya Webb works at the Main station")
    rng = random.Random(8)
    pieces = ["Tanya ", "Webb ", "Officer ", "Sgt. ", "lives ", "on ", "Cedar ", "Court", "the "]
    pieces += ["works at ", "Shell", ", she ", "who ", "x", "Ab", "\n", " and ", "stocks "]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        found = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in plain.finditer(text)], text


def test_the_spam_screens_hold_a_word_of_every_match_of_their_patterns() -> None:
    # a scam warning is looked for only where one of its words is; a money multiplier only
    # with "sen" or with "$" and one of its verbs
    rng = random.Random(9)
    words = [
        "no",
        "deputy",
        "officer",
        "will",
        "would",
        "ever",
        "call",
        "ask",
        "request",
        "demand",
        "you",
        "for",
        "payment",
        "money",
        "gift",
        "cards",
        "never",
        "accept",
        "take",
        "not",
        "scam",
        "fake",
        "is",
        "this",
        "a",
        "don't",
        "click",
        "share",
        "how",
        "do",
        "i",
        "report",
        "send",
        "$100",
        "and",
        "get",
        "$200",
        "back",
        "turned",
        "invest",
        "put",
        "in",
        "deposit",
        "into",
        "btc",
        "receive",
    ]
    for _ in range(30_000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 10)))
        if spam._SCAM_WARNING.search(text):
            assert any(w in text for w in spam._SCAM_WARNING_WORDS), text
        if spam._MONEY_MULTIPLY.search(text):
            lower = text.lower()
            assert "sen" in lower or (
                "$" in text and any(w in lower for w in spam._MULTIPLY_VERBS)
            ), text
