"""Spam: scams, advertising, crypto and giveaway schemes, link farms, floods. A score that
adds up signals (strong terms, terms, links, money promises, repeated emoji and words)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from functools import lru_cache

from page_governor.domains import registrable
from page_governor.models import Category
from page_governor.moderation.detectors import MAX_EVIDENCE, Hit
from page_governor.moderation.lexicon import Lexicon, phrase_possible, word_runs
from page_governor.moderation.normalize import Normalized
from page_governor.moderation.spam_shapes import CHEAP_TLDS, WEIGHT, may_have_shape, spam_shapes

_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# A bare domain is found from its top-level domain (a literal dot first: fast on long text).
TLD = re.compile(
    r"\.(?=[a-z])(?:com|net|org|biz|info|io|co|me|ly|gg|xyz|top|example|club|shop|site|online|link|store|"
    r"live|vip|win|click|today|buzz|fun|icu|space|website|pro|cc|tk|ws|ru|cn|app|cam|bid|loan|"
    r"sbs|cfd|rest|bond|help|support|page|center|network|services)\b(?:/\S*)?",
    re.IGNORECASE,
)
_DOMAIN_LABELS = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*$", re.IGNORECASE)


def _urls(text: str, limit: int) -> list[tuple[int, int]]:
    """Spans of links and bare domains ("www.x.example", "luckyspin.example/win"; not the domain
    of an e-mail address)."""
    spans = [m.span() for m in _LINK.finditer(text)][:limit]
    for m in TLD.finditer(text):
        if len(spans) >= limit:
            break
        head = _DOMAIN_LABELS.search(text, max(0, m.start() - 80), m.start())
        if head is None:
            continue
        start = head.start()
        if any(a <= start < b for a, b in spans):
            continue  # part of a link already counted
        if start and text[start - 1] == "@":
            continue  # an e-mail address's domain ("tips@ashbypd.org") is not a link
        spans.append((start, m.end()))
    return sorted(spans)


_MONEY = re.compile(
    r"\$\s?\d[\d,.]*\s*(k\b)?\s*(/|per|a|an|in|every)\s*(one\s+)?(day|week|hour|month|wk|hr)\b"
    r"|\$\s?\d[\d,.]*\s*(k\b)?\s*(daily|weekly|nightly)\b"
    r"|\b(make|earn|making|earning)\s+\$|\$\$+|\b\d{2,4}\s?%\s+(guaranteed|returns?|profit)"
    r"|\b\d{2,3}x\s+(signals|returns|profit|gains)|\b(guaranteed|passive)\s+(returns?|income|profit)"
)


_PRICE = re.compile(r"\$\s?\d")
_WAGE = re.compile(
    r"\b(pay|salary|salaries|wage|wages|pay rate|rate)( is| of| starts at| from)?\s*$"
)

# Signals the spam model reads beside the words (the same at training and at inference).
_SIG_LINK = re.compile(r"https?://|www\.|\.(com|net|org|info|biz|ly|me|co|io|xyz)\b", re.I)
_SIG_LONG_NUMBER = re.compile(r"\d(?:\d{4,}|\d\d[\s.-]\d{3}[\s.-]?\d{4})")
_SIG_DIGIT = re.compile(r"\d")
_SIG_SHOUT_PRE = re.compile(r"[A-Z]{4}")
_SIG_MONEY = re.compile(r"[$£€]\s?\d|\d\s?(usd|dollars|pounds|gbp|k\b)", re.I)
_SIG_SHOUT = re.compile(r"\b[A-Z]{4,}\b")


def has_money(text: str) -> bool:
    """A sum of money in the text ("£5000", "$200", "50 dollars")."""
    return _SIG_MONEY.search(text) is not None


_GOVERNMENT_HOST = re.compile(
    r"(?:[\w-]+\.)*[\w-]+\.(?:gov|mil|gov\.[a-z]{2}|gob\.[a-z]{2}|gc\.ca|[a-z]{2}\.us)",
    re.IGNORECASE,
)


_HOST_BEFORE = re.compile(r"[\w.-]{1,253}$")
_HOST_AFTER = re.compile(r"[\w.-]{1,253}")


def link_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the first few links and bare domains in a text (evidence for a flag)."""
    return _urls(text, MAX_EVIDENCE)


def _government_link(match: re.Match[str]) -> bool:
    """A link to a government site (.gov, .mil, .gov.uk, state .us names): not a spam signal."""
    text = match.string
    if match.group(0).endswith(("//", "www.")):
        host = _HOST_AFTER.match(text, match.end())
        name = host.group(0) if host else ""
    else:  # a bare domain found by its top-level domain: the host runs back from the dot
        before = _HOST_BEFORE.search(text[max(0, match.start() - 253) : match.start()])
        after = _HOST_AFTER.match(text, match.start())
        name = (before.group(0) if before else "") + (after.group(0) if after else "")
    return government_host(name)


def government_host(host: str) -> bool:
    """A host under .gov, .mil, .gov.uk-style or state .us names."""
    return _GOVERNMENT_HOST.fullmatch(host.rstrip(".")) is not None


def model_words(words: list[str], original: str) -> list[str]:
    """The normalised words plus signal tokens (a link, a long number, a money amount,
    shouting): what the spam model is trained on and scored with."""
    extra = []
    if "." in original and any(
        not _government_link(m) for m in _SIG_LINK.finditer(original[:5000])
    ):
        extra.append("__link__")
    # (cheap tests first: every pattern below needs a digit, or four capitals in a row)
    digit = _SIG_DIGIT.search(original) is not None
    if digit and _SIG_LONG_NUMBER.search(original):
        extra.append("__number__")
    if digit and _SIG_MONEY.search(original):
        extra.append("__money__")
    if _SIG_SHOUT_PRE.search(original) and len(_SIG_SHOUT.findall(original)) >= 2:
        extra.append("__shout__")
    return [*words, *extra]


# Moving the conversation to a messaging app or a private handle: the scammer's first step
# ("contact him on WhatsApp", "DM @restore_desk", "text me on Telegram").
_CONTACT_LURE = re.compile(
    r"\b(contact|message|text|dm|inbox|write to|reach out to|reach|chat with|talk to|add|"
    r"get in touch with|got in touch with|email|e-mail|hit up)\b[^.!?\n]{0,40}"
    r"(?:\b(?P<app>whatsapp|telegram|signal|wechat|kik|snapchat|hangouts)\b|(?<!\w)@\w{3,}"
    # a public network or an e-mail address is also how residents reach the agency, so these
    # weigh as a handle does: with two topics ("hacked", "got mine back") they are the scam
    r"|\bon (instagram|insta|ig|facebook|fb|messenger|tiktok|twitter)\b|[\w.+-]+@[\w-]+\.[a-z]{2,})"
    r"|\b(?P<app_number>whatsapp|telegram)\b[^.!?\n]{0,12}\+?\d[\d\s()-]{7,}",
    re.IGNORECASE,
)
_LURE_WORDS = frozenset(
    [
        "contact",
        "message",
        "text",
        "dm",
        "inbox",
        "write",
        "reach",
        "chat",
        "talk",
        "add",
        "whatsapp",
        "telegram",
        "touch",
        "email",
        "e-mail",
        "hit",
    ]
)


def _may_lure(n: Normalized) -> bool:
    """Could ``_CONTACT_LURE`` match? (It needs one of these words: a set test first.)"""
    return not _LURE_WORDS.isdisjoint(n.words[:2000])


# What the lure is about: money, accounts, investments, loans, jobs, dates.
_LURE_TOPIC = re.compile(
    r"\b(recover\w*|hack\w*|restor\w*|locked|disabled|suspended|invest\w*|crypto\w*|bitcoin|"
    r"forex|broker|trad(e|er|ing)|profit\w*|payouts?|loans?|credit|hiring|job|earn\w*|income|"
    r"singles?|lonely|sexy|dating|expert|specialist|legit|cash|prize|winner|scam\w*|"
    r"got (it|mine|them|everything|it all|all of it|my money|my account) back|traced)\b|\$\s?\d",
    re.IGNORECASE,
)
# "Turned $500 into $7,200", "invest $200 and receive $2,000".
# A testimonial that credits a named "expert" or a handle with a recovered account or a profit:
# "Thanks to Mr. Kevin Hacks on Instagram I recovered my disabled account".
_CREDIT_WORDS = frozenset(["got", "restored", "recovered", "fixed", "helped", "returned", "traced"])
_TESTIMONIAL = re.compile(
    r"\b(thanks to|thank you to|all thanks|shout ?out to|credit to|grateful to|recommend)\b"
    r"[^.!?\n]{0,40}\b(mr|mrs|ms|dr|sir|madam|@\w{3,}|on (instagram|ig|facebook|fb|telegram|"
    r"whatsapp|tiktok|snapchat))\b"
    # a handle credited with the recovery: "@unlock.desk got it back for me"
    r"|(?<!\w)@[\w.]{3,}\s+(got|restored|recovered|fixed|returned|traced)\b",
    re.IGNORECASE,
)
_TESTIMONIAL_WORDS = frozenset(
    ["thanks", "thank", "shout", "shoutout", "credit", "grateful", "recommend", *_CREDIT_WORDS]
)
# every match of _MONEY_MULTIPLY's first branch holds "$" and one of these; of its second, "sen"
_MULTIPLY_VERBS = ("turn", "invest", "put in", "deposit")
_MONEY_MULTIPLY = re.compile(
    r"\b(turned|turn|invest(ed)?|put in|deposit(ed)?)\s+\$\s?\d[\d,.]*k?\s+(into|and (get|receive|got|make|earn))"
    r"[^.!?]{0,10}\$\s?\d"
    # "send $100 and get $200 back", "send 0.1 BTC and receive 0.2 BTC"
    r"|\b(send|sent)\s+(\$\s?\d[\d,.]*|\d[\d,.]*\s*(btc|eth|usdt|bitcoin))\s+and\s+"
    r"(get|receive|got|you('ll| will) (get|receive))\b",
    re.IGNORECASE,
)
# A link spelled to slip past filters: "freerobux . site", "support-desk (dot) com" (a dot
# with a space on one side only is a sentence's end: "at the mall. me and my wife").
_OBFUSCATED_LINK = re.compile(
    r"\b[a-z0-9-]{3,}(?: \. |\s?[(\[]dot[)\]]\s?)(?:com|net|org|site|online|xyz|shop|store|"
    r"info|live|club|top|link|app|io|co|me|ly|vip|win|click)\b"
)
# Impersonating the platform to take over the page: a warning that "your page" or "this
# account" will be disabled, deleted or restricted, and an order to verify, confirm or appeal.
_SCARE_TARGET = re.compile(
    r"\b(your|this)\s+((facebook|fb|instagram|ig|business|fan)\s+)?(page|account|profile)\b|"
    r"\bpage (owner|admin)\b",
    re.IGNORECASE,
)
# the consequence foretold or announced ("will be disabled", "has been locked", "scheduled for
# deletion"), not a resident's story of what happened ("they deleted my comment")
_SCARE_CONSEQUENCE = re.compile(
    r"\b(will|may|is going to|are going to)\s+be\s+(permanently\s+)?(disabled|suspended|deleted|"
    r"removed|restricted|unpublished|deactivated|terminated|banned|locked)\b"
    r"|\b(has|have)\s+been\s+(temporarily\s+|permanently\s+)?(flagged|disabled|suspended|"
    r"restricted|locked|deactivated)\b"
    r"|\bscheduled for (permanent\s+)?(deletion|removal|suspension|deactivation)\b"
    r"|\bto avoid (permanent\s+)?(suspension|deletion|removal|deactivation)\b",
    re.IGNORECASE,
)
_SCARE_ACTION = re.compile(
    r"\b(verify|confirm|appeal|secure|submit|review|fill out|log ?in|click|sign in)\b",
    re.IGNORECASE,
)
# Brands that phishing domains imitate, and the words they add ("paypa1-secure-login").
_BRANDS = (
    "facebook",
    "fb",
    "instagram",
    "meta",
    "paypal",
    "apple",
    "icloud",
    "google",
    "gmail",
    "amazon",
    "microsoft",
    "outlook",
    "netflix",
    "cashapp",
    "venmo",
    "zelle",
    "chase",
    "wellsfargo",
    "bankofamerica",
    "coinbase",
    "binance",
    "whatsapp",
    "telegram",
    "twitter",
    "tiktok",
    "usps",
    "fedex",
    "irs",
    "walmart",
)
_DELEET = str.maketrans("013457$@", "oieastsa")
_PHISH_WORDS = re.compile(
    r"secur|login|log-in|verify|verif|support|recover|unlock|check|account|reward|help"
)


def lookalike(domain: str) -> bool:
    """A registrable domain that imitates a brand it does not belong to: "faceb00k-security-
    check.com", "paypa1-secure-login.com", "cashapp-rewards.net" (not "facebook.com")."""
    reg = registrable(domain)
    if reg is None:
        return False
    name = reg.split(".", 1)[0]
    plain = name.translate(_DELEET).replace("-", "")
    for brand in _BRANDS:
        if name == brand:
            return False  # the brand itself
        if brand in plain and (brand not in name or _PHISH_WORDS.search(name)):
            return True  # a leet-spelled brand, or a brand plus "secure", "login", "rewards"
    return False


# a visitor warning the others ("That giveaway post is fake, don't share it", "it's a scam, don't
# click"), not "100% legit, not a scam"
_SCAM_WARNING = re.compile(
    r"(?<!not )(?<!n't )(?<!never )\b(is|are|was|looks|seems|it's|its|that's|thats|this is|"
    r"total|obvious|another)\s+(a\s+|an\s+|like\s+a\s+|totally\s+|obviously\s+)?(scam|fake|hoax|"
    r"phishing|fraud)\b|\b(don't|dont|do not|never)\s+(click|share|respond to|reply to|fall for|pay|"
    r"send (them|him|her|anything))\b"
    # a victim asking how to report it: "I lost $500 in a crypto scam, how do I report it?"
    r"|\b(how|where|who) (do|can|should|would) (i|we) report\b"
    # the agency's reminder: "we will never accept payment by gift card", "no deputy will ever
    # ask for money"
    r"|\b(not|never|don't|dont|doesn't|doesnt|won't|wont|cannot|can't|cant) (ever )?(accept|ask|"
    r"take|request|demand)\w*( [a-z']+){0,3} (payment|payments|money|gift cards?|bitcoin|crypto|"
    r"wire transfers?|fines?|fees?)\b"
    r"|\bno [a-z]+( [a-z]+)? (will|would) (ever )?(ask|call|request|demand)\b"
)
# a victim asking about money taken from them, even by a "trader" on a messaging app: "a
# Telegram 'trader' took $2,000 from my uncle, does the fraud unit handle that?"
_VICTIM_QUESTION = re.compile(
    r"\b(took|stole|scammed|cheated)\b[^.?!]{0,40}\b(from|out of)\s+(me|my|us|our)\b[^.!]*\?",
    re.IGNORECASE,
)
# every match of _SCAM_WARNING holds one of these (a screen for long comments)
_SCAM_WARNING_WORDS = (
    "scam",
    "fake",
    "hoax",
    "phishing",
    "fraud",
    "pay",
    "click",
    "share",
    "respond",
    "reply",
    "fall for",
    "send",
    "report",
    "accept",
    "ask",
    "take",
    "request",
    "demand",
    "call",
)
_VICTIM_WORDS = frozenset(["took", "stole", "scammed", "cheated"])
# marks at a word's edge ("**CHECK OUT MY NEW MIXTAPE****"), for the classifier's screen too
MARKS = "*#%!|+"
# ("70% off": a percent sign after a number is no decoration)
EDGE_MARKS = re.compile(r"(?:(?<= )|^)[*#%!|+]+|(?<!\d)[*#%!|+]+(?= |$)")
_MARK_RUN = re.compile(r"[*#%!|+]+")  # scanned fast (a character class): most comments have none


_SCARE_WORDS = frozenset(
    [
        "disabled",
        "suspended",
        "deleted",
        "deletion",
        "removed",
        "removal",
        "restricted",
        "unpublished",
        "deactivated",
        "terminated",
        "banned",
        "suspension",
        "locked",
    ]
)
_SCARE_TARGETS = frozenset({"page", "account", "profile", "admin", "owner"})
_NETWORK_WORDS = frozenset(
    [
        "instagram",
        "insta",
        "ig",
        "facebook",
        "fb",
        "messenger",
        "tiktok",
        "twitter",
        "whatsapp",
        "telegram",
        "signal",
        "wechat",
        "kik",
        "snapchat",
        "hangouts",
    ]
)


_SCARE_ACTIONS = frozenset(
    [
        "verify",
        "confirm",
        "appeal",
        "secure",
        "submit",
        "review",
        "fill",
        "log",
        "login",
        "click",
        "sign",
    ]
)
# with an "@": a handle or an e-mail address to contact, or a handle credited with a recovery
_AT_WORDS = frozenset(
    ["contact", "message", "text", "dm", "inbox", "reach", "chat", "add", "email", "e-mail",
     "touch", "hit", "restored", "recovered", "fixed", "returned", "traced"]
)  # fmt: skip


def may_scam_shape(words: set[str], folded: str) -> bool:
    """Could a page-takeover warning, a lure to a network or an e-mail address, a credited
    handle or a link spelled apart be here? (Set tests first: the screen's question.)"""
    return (
        _may_scare(words)
        or (not _NETWORK_WORDS.isdisjoint(words) and not _LURE_WORDS.isdisjoint(words))
        or (
            "@" in folded
            and (not _AT_WORDS.isdisjoint(words) or ("got" in words and "back" in words))
        )
        or (" . " in folded and _OBFUSCATED_LINK.search(folded) is not None)
        or "dot" in words
        or may_have_shape(words, folded)
    )


def _may_scare(words: set[str]) -> bool:
    """Could ``_account_scare`` find a page-takeover warning? (It needs one word of each kind.)"""
    return (
        not _SCARE_WORDS.isdisjoint(words)
        and not _SCARE_TARGETS.isdisjoint(words)
        and not _SCARE_ACTIONS.isdisjoint(words)
    )


def _account_scare(text: str) -> tuple[int, int] | None:
    """Where a comment warns the page's owner that the page or account will be disabled unless
    they verify, confirm or appeal (the page-takeover phish): the consequence's span, or None.
    A resident's own story ("Facebook disabled my account, I had to appeal") names no "your
    page"; a warning about the scam is zeroed by ``_SCAM_WARNING``."""
    target = _SCARE_TARGET.search(text)
    if target is None:
        return None
    consequence = _SCARE_CONSEQUENCE.search(text)
    if consequence is None or _SCARE_ACTION.search(text) is None:
        return None
    return consequence.span()


def _is_wage(lower: str, start: int) -> bool:
    """Whether the amount at ``start`` is a job's pay ("starting pay $22/hour")."""
    return _WAGE.search(lower, max(0, start - 20), start) is not None


@lru_cache(maxsize=4)  # asked by the classifier's screen and by detect_spam of the same text
def has_edge_marks(clean: str) -> bool:
    """Whether ``EDGE_MARKS`` matches anywhere in ``clean``, found by scanning the runs of marks
    (a character class, fast) and looking at each run's neighbours: the pattern's lookbehinds
    would be tried at every position of a long comment."""
    end_of_text = len(clean)
    for run in _MARK_RUN.finditer(clean):
        start, end = run.span()
        if start == 0 or clean[start - 1] == " ":
            return True  # a mark after a space or at the start
        at_end = end == end_of_text or clean[end] == " " or clean[end:] == "\n"
        # a mark before a space or at the end, unless the whole run follows a digit ("70% ")
        if at_end and (end - start > 1 or not clean[start - 1].isdecimal()):
            return True
    return False


def victim_question(n: Normalized) -> bool:
    """A victim asking about money taken from them, with no link of their own: not spam,
    whatever its words (the classifier asks the spam model nothing then either)."""
    if _VICTIM_WORDS.isdisjoint(n.words[:500]):
        return False
    text = n.original[:3000]
    return _VICTIM_QUESTION.search(text) is not None and not _urls(text, 1)


def detect_spam(n: Normalized, lex: Lexicon) -> Hit:
    score = 0.0
    terms_seen: set[str] = set()
    term_spans: list[tuple[int, int]] = []  # in the clean text; mapped only if flagged
    clean = n.clean
    words = n.words
    if has_edge_marks(clean):
        # "**CHECK OUT MY NEW MIXTAPE****": marks at a word's edge are decoration, not part of
        # the word (inside one they may mask a letter, "f**k"); blanked so positions still map
        clean = EDGE_MARKS.sub(lambda m: " " * len(m.group(0)), clean)
        words = [w.strip(MARKS) or w for w in words]
    # no term can match unless its word runs are all there: a long comment need not be scanned
    terms_possible = phrase_possible(word_runs(words), lex.spam_term_runs)
    for pattern, weight in ((lex.spam_strong, 0.5), (lex.spam_terms, 0.3)):
        if pattern is None or not terms_possible:
            continue
        for count, m in enumerate(pattern.finditer(clean)):
            if m.group(0) not in terms_seen:
                terms_seen.add(m.group(0))
                score += weight
                term_spans.append(m.span())
            if len(terms_seen) >= MAX_EVIDENCE or count >= 4 * MAX_EVIDENCE:
                break
    original = n.original
    spans: list[tuple[int, int]] = []
    seen_urls: set[str] = set()
    repeated = False
    plain = 0.0  # what plain links add, and nothing else
    for start, end in _urls(original, MAX_EVIDENCE):
        url = original[start:end].lower()
        repeated = repeated or url in seen_urls
        seen_urls.add(url)
        shortened = any(s in url for s in lex.shorteners)
        score += 0.3 if shortened else 0.15
        spans.append((start, end))
        host = url.split("//", 1)[-1].split("/", 1)[0]
        if lookalike(host):
            score += 0.6  # a look-alike of a brand's domain: phishing
        elif host.split(":", 1)[0].rstrip(".,;!?)]'\"").rsplit(".", 1)[-1] in CHEAP_TLDS:
            score += 0.35  # a shop's, a stream's or a throwaway site's domain
        elif not shortened:
            plain += 0.15
    if repeated:
        score += 0.3  # the same link repeated
    lower = original.lower()
    if (terms_seen or seen_urls) and any(
        not _is_wage(lower, m.start()) for m in itertools.islice(_PRICE.finditer(lower), 20)
    ):
        score += 0.2  # a price next to spam terms or links: "5000 followers for $9.99"
    for count, m in enumerate(_MONEY.finditer(lower)):
        if _is_wage(lower, m.start()):
            continue  # "starting pay $22/hour": a job's wage, not a promise of easy money
        score += 0.35
        spans.append(m.span())
        if count >= MAX_EVIDENCE:
            break
    if (terms_seen or seen_urls) and not original.isascii():
        symbols = Counter(ch for ch in original[:5000] if unicodedata.category(ch) == "So")
        if symbols and max(symbols.values()) >= 3:
            score += 0.2
    words = [w for w in n.words[:500] if len(w) > 2]
    if len(words) >= 6:
        most = Counter(words).most_common(1)[0][1]
        if most >= max(3, len(words) // 3):
            score += 0.3  # a flood of the same word
    lure = _CONTACT_LURE.search(original) if _may_lure(n) else None
    if lure:
        topics = {m.group(0).lower() for m in _LURE_TOPIC.finditer(original[:5000])}
        if topics:
            # a messaging app or a phone number is the scam's channel; an @handle alone is
            # also how visitors answer each other, so it needs two topics ("locked", "recovery")
            score += 0.5 if lure["app"] or lure["app_number"] or len(topics) > 1 else 0.3
            spans.append(lure.span())
    testimonial = (
        _TESTIMONIAL.search(original[:5000])
        if not _TESTIMONIAL_WORDS.isdisjoint(n.words[:1000])
        else None
    )
    if testimonial:
        topics = {m.group(0).lower() for m in _LURE_TOPIC.finditer(original[:5000])}
        if topics:
            score += 0.5 if len(topics) > 1 else 0.3
            spans.append(testimonial.span())
    scare = _account_scare(original[:3000]) if _may_scare(set(n.words[:500])) else None
    if scare is not None:
        score += 0.5
        spans.append(scare)
    obfuscated = (
        _OBFUSCATED_LINK.search(original[:5000]) if " . " in original or "dot" in original else None
    )
    if obfuscated and not seen_urls:
        score += 0.45
        spans.append(obfuscated.span())
    multiply = (
        _MONEY_MULTIPLY.search(original)
        if "sen" in lower or ("$" in original and any(w in lower for w in _MULTIPLY_VERBS))
        else None
    )
    if multiply:
        score += 0.5
        spans.append(multiply.span())
    for span in spam_shapes(set(n.words[:1000]), original):
        score += WEIGHT
        spans.append(span)
    if "!!!" in original and (terms_seen or seen_urls):
        score += 0.1
    if (
        score > 0
        and not seen_urls
        and not lure
        and any(w in clean for w in _SCAM_WARNING_WORDS)
        and _SCAM_WARNING.search(clean)
    ):
        score = 0.0  # "That giveaway post is fake, don't share it": a warning about spam
    hit = Hit(score=min(score, 1.0), links_only=score > 0 and abs(score - plain) < 1e-9)
    if hit.score >= lex.thresholds[Category.SPAM]:
        hit.evidence = ([n.span_of_clean(a, b) for a, b in term_spans] + spans)[:MAX_EVIDENCE]
    return hit
