"""Incitement: a call to kill or harm people, or urging the reader to harm themselves.

A call to kill or harm a group of people, or whoever the sentence points at, said as a command
("Kill all the …", "Let's go lynch them"), as intent or a wish ("someone should strangle all
these …", "it would be best to just drown those …", "I'm going to make those … suffer"), as a
demand that they be killed ("… must be hanged", "should all be put to death"), or argued for
("… is the only solution for those …", "murdering a … like you should be legal"). What is talked
about is people: a group word follows the verb ("kill every mosquito", "execute all the
warrants", "shoot all the photos", "put an end to the homeless camps" are not people).
A sentence that denies, asks or reports is no call to violence. Read by
:func:`page_governor.moderation.threats.detect_threat` when no threat rule or frame matched.
"""

from __future__ import annotations

import re

from page_governor.moderation.detectors import Hit
from page_governor.moderation.normalize import Normalized


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_GROUP_NOUNS = _words(
    "people persons folks humans men women girls boys kids children babies whites blacks browns "
    "asians hispanics latinos latinas mexicans arabs africans europeans americans indians "
    "pakistanis chinese jews muslims moslems christians catholics protestants mormons hindus "
    "sikhs buddhists atheists pagans gays lesbians queers homosexuals trans transgenders "
    "bisexuals immigrants migrants refugees illegals aliens foreigners natives liberals "
    "conservatives democrats republicans leftists communists socialists protesters protestors "
    "rioters cops pigs officers deputies police judges politicians journalists reporters "
    "sheriffs troopers detectives mayors governors senators prosecutors commissioners "
    "teachers doctors nurses priests pastors preachers imams rabbis infidels heretics "
    "unbelievers nonbelievers disabled retards retarded homeless addicts junkies prostitutes "
    "handlers dispatchers guards jailers wardens marshals agents feds investigators staffers"
)
_PERSON_NOUNS = _words(
    "person man woman girl boy kid child immigrant migrant refugee muslim jew christian "
    "catholic mormon hindu sikh atheist cop pig officer deputy judge politician journalist "
    "reporter teacher doctor nurse priest pastor protester protestor sheriff trooper detective "
    "mayor governor senator prosecutor commissioner president bitch whore slut bastard "
    "motherfucker"
)
# the nouns as regular-expression alternatives: groups, one person, either
_GROUPS = "|".join(sorted(_GROUP_NOUNS))
_ONES = "|".join(sorted(_PERSON_NOUNS))
_ANYONE = "|".join(sorted(_GROUP_NOUNS | _PERSON_NOUNS))
_ONE_OF_GROUP = (
    r"(any|every|each|that|this|a|an|the|our|your|ur)( [a-z]+)? (" + _ONES + r")(?!'s?\b)"
)
# a group word that modifies the noun after it names no people: "put an end to the homeless
# camps", "wipe out police brutality", "end the immigrant detention program"
_GROUP_AS_MODIFIER = _words(
    "camp camps encampment encampments shelter shelters crisis problem problems issue issues "
    "brutality violence misconduct corruption budget budgets funding crime crimes population "
    "policy policies program programs vote votes rights community communities culture unions "
    "union reform reforms department departments cars car tents tent debt detention raids "
    "quotas quota state lobby agenda narrative propaganda myth myths stereotypes stereotype "
    "bias racism hate discrimination harassment abuse poverty hunger"
)
# a group of people or one of them, as a frame's target: "those … people", "any … like you"
PEOPLE = (
    r"(the|that|this|those|these|every|all|any|each)( [a-z]+)? ("
    + _ANYONE
    + r")|("
    + _ANYONE
    + r") like you"
)
_INCITE_VERBS = _words(
    "kill murder shoot stab hang lynch exterminate slaughter gas behead execute massacre "
    "butcher burn stone torture nuke eradicate annihilate killing shooting lynching hanging "
    "executing slaughtering gassing murdering drown strangle snap wipe end cut unalive"
)
_INCITE_FILLERS = _words("so just now go and then lets let's let us time to its it's all")
_INCITE = re.compile(
    r"\b(?P<verb>kill|murder|shoot|stab|hang|lynch|exterminate|slaughter|gas|behead|execute|unalive|"
    r"massacre|butcher|burn|stone|torture|eradicate|annihilate|drown|strangle|wipe out|"
    r"snap the necks? of|cut the throats? of|put an end to|end the lives of) "
    r"(?P<object>(them|'em|em|him|her)(?! (with|a|an|me|us|at|off|down|out|up|on|in|into|over|under|"
    r"back|around|everywhere|anywhere|here|there)\b)|(his|their) ass(es)?|"
    r"(all|every|each|these|those|the|any)"
    r"( (last|single))?( (one|ones|kinds?|sorts?|types?))?( of)?( (the|them|those|these))?"
    r"( [a-z]+)? (?P<group>" + _GROUPS + r")|(?P<bare>" + _GROUPS + r") like you|"
    r"(?P<one>"
    + _ONE_OF_GROUP
    + r"))\b"
    + r"(?! ("
    + "|".join(sorted(_GROUP_AS_MODIFIER))
    + r")\b)"
)
# what makes the words before such a verb a call, a wish or an intent rather than a report
# ("someone should snap the necks of …", "it would be best to just drown …", "we are going to
# put an end to all …"); "the heat will kill the homeless" has none of them
_INTENT_LEAD = _words(
    "i we i'll we'll i'm we're i'd we'd im imma ima someone somebody let's lets should must "
    "ought best interest hope wish only want wanna gotta need needs shall"
)
_WHOM = (
    r"(you|him|her|them|y'all|yall|(those|these|all|every|the|that|this)( [a-z]+)? ("
    + _GROUPS
    + "|"
    + _ONES
    + r")|("
    + _GROUPS
    + r")( like you)?)"
)
# "I am going to make those … suffer", "I would love to see them suffer" (with an intent lead)
_SUFFER = re.compile(r"\b(make|see|watch) " + _WHOM + r" (all )?suffer\b")
# harm to people argued for as lawful: "murdering a … like you should be decriminalised",
# "raping … should not be illegal"
_LAWFUL = re.compile(
    r"\b(killing|murdering|raping|shooting|lynching|hanging|torturing|beating|stabbing|gassing|"
    r"executing|drowning) (an? |any |all |the |those |these )?([a-z]+ )?("
    + _GROUPS
    + "|"
    + _ONES
    + r"|you|them)( like you)? should (be (legal|allowed|decriminali[sz]ed|encouraged|rewarded|"
    r"mandatory|a sport)|not be (illegal|a crime|punished|prosecuted|against the law))\b"
)
# death offered as the answer to people: "execution is the only solution for those …"
_DEATH_ANSWER = re.compile(
    r"\b(execution|executions|extermination|genocide|death|a bullet|bullets|the gallows|the "
    r"rope|a noose) (is|are) the (only |best |final |real )?(solution|answer|cure|way) (for|to) "
    + _WHOM
    + r"\b"
)
# each of these patterns needs one word of each set of its pair
_LAWFUL_PAIR = (
    _words(
        "killing murdering raping shooting lynching hanging torturing beating stabbing gassing "
        "executing drowning"
    ),
    _words("legal allowed decriminalised decriminalized encouraged rewarded illegal mandatory"),
)
_ANSWER_PAIR = (
    _words("execution executions extermination genocide death bullet bullets gallows rope noose"),
    _words("solution answer cure way"),
)
_SUFFER_PAIR = (_words("suffer"), _words("make see watch"))


def _pair(pair: tuple[frozenset[str], frozenset[str]], words: set[str] | list[str]) -> bool:
    return not pair[0].isdisjoint(words) and not pair[1].isdisjoint(words)


# "start killing reporters", "time for hanging all the politicians" (a gerund after a verb of
# starting: the same command)
_INCITE_GERUND = re.compile(
    r"\b(start|begin|get to|go|time for|time to start)\s+(killing|shooting|lynching|hanging|"
    r"executing|slaughtering|gassing|murdering)\s+((all|every|each|these|those|the|some)\s+)?"
    r"((of\s+)?(the|them|those|these)\s+)?([a-z]+\s+)?(" + _GROUPS + r")\b"
)
_GERUND_LEAD = _INCITE_FILLERS | _words("we should need must gotta to i say can could it's its")
_INCITE_PASSIVE_WORDS = _words(
    "hanged hung lynched executed exterminated gassed killed shot slaughtered death wiped "
    "removed erased eradicated raped tortured murdered stabbed burned burnt beaten annihilated "
    "exterminated"
)
_INCITE_PASSIVE = re.compile(
    r"\b(must|should|shall|will|need to|needs to|ought to|deserve to|deserves to|have to|has to)"
    r"( all| just| both)?( be| get)?( publicly| slowly| all)? (hanged|hung|lynched|executed|"
    r"exterminated|annihilated|gassed|killed|shot|slaughtered|put to death|wiped out|raped|tortured|murdered|"
    r"stabbed|(burned|burnt) alive|beaten to death|(removed|wiped|erased) (from|off) the face of "
    r"the (earth|planet))\b"
)
_PASSIVE_SUBJECTS = _GROUP_NOUNS | _words("they them all every everyone anyone everybody anybody")
# urging the reader to harm themselves: "do the world a favor and die", "drink bleach"
_SELF_HARM = re.compile(
    r"\bdo (the world|us all|us|everyone|everybody|society|humanity) a favou?r and "
    r"(die|kill|hang|shoot|off|end|drink|jump|pour|get dead|stop breathing)\b"
    r"|(?<!to )(?<!wanna )(?<!rather )(?<!i )(?<!i'll )(?<!i'd )(?<!gonna )(?<!we )"
    r"\b(drink|chug|pour|swallow) (some |a cup of |a glass of )?bleach\b"
    r"|\bcut (your|ur|ya) (own )?(veins|wrists|throat)\b"
    r"|\bget dead\b"
    r"|\b(faster|quicker) than my (bullets?|gun|rounds?)\b"
)
# what keeps a sentence from being a call to violence: it denies, asks, or reports
_INCITE_BLOCK = _words(
    "don't dont never not no nobody doesn't didn't won't wont shouldn't wouldn't cannot can't "
    "cant allowed suspect suspects accused allegedly charged convicted arrested police said "
    "movie game games zombie zombies"
)


# what may follow "her" when she is the one harmed ("kill her now", "shoot her and …")
_AFTER_HER = _words(
    "now already slowly too again and or for because before if when right please dead today "
    "tonight all quick quickly first"
)
_OBJECT_WORDS = _GROUP_NOUNS | _PERSON_NOUNS | _words("them 'em em him her ass asses")
_MODALS = _words("must should shall will need needs ought deserve deserves have has")
# each self-harm phrase needs one word of each set ("faster than my bullet": faster + bullet)
_SELF_HARM_PAIRS = (
    (_words("favor favour"), _words("and")),
    (_words("bleach"), _words("bleach")),
    (_words("veins wrists throat"), _words("cut")),
    (_words("dead"), _words("get")),
    (_words("faster quicker"), _words("bullet bullets gun round rounds")),
)


def _may_command(words: set[str] | list[str]) -> bool:
    return not _INCITE_VERBS.isdisjoint(words) and not _OBJECT_WORDS.isdisjoint(words)


def _may_demand(words: set[str] | list[str]) -> bool:
    return not _INCITE_PASSIVE_WORDS.isdisjoint(words) and not _MODALS.isdisjoint(words)


def _may_urge(words: set[str] | list[str]) -> bool:
    return any(not a.isdisjoint(words) and not b.isdisjoint(words) for a, b in _SELF_HARM_PAIRS)


def may_incite(words: set[str] | list[str]) -> bool:
    """Whether an incitement could match a comment with these words (a few set operations,
    so that the screen keeps most comments away from the patterns)."""
    return (
        _may_command(words)
        or _may_demand(words)
        or _may_urge(words)
        or _pair(_SUFFER_PAIR, words)
        or _pair(_LAWFUL_PAIR, words)
        or _pair(_ANSWER_PAIR, words)
    )


def detect_incitement(n: Normalized) -> Hit:
    """A command or demand to kill or harm people, or urging the reader to harm themselves."""
    hit = Hit()
    words = set(n.words)
    text = n.clean
    if _may_command(words):
        for m in _INCITE.finditer(text):
            i = n.word_at_clean(m.start())
            first, end = n.sentence_bounds(i, limit=30)
            before = n.words[first:i]
            commanded = all(w in _INCITE_FILLERS for w in before)
            pronoun = m.group("object").split(" ")[0] in ("them", "'em", "em", "him", "her")
            intended = not pronoun and not _INTENT_LEAD.isdisjoint(before)
            if not (commanded or intended) or _blocked(n, first, end, m):
                continue
            last = n.word_at_clean(m.end() - 1)
            if (
                m.group("object") == "her"
                and last + 1 < end
                and n.words[last + 1] not in _AFTER_HER
            ):
                continue  # "kill her vibe", "hang her picture": "her" owns the next word
            hit.add(0.85, n.span_of_clean(m.start(), m.end()))
    if _may_command(words):
        for m in _INCITE_GERUND.finditer(text):
            i = n.word_at_clean(m.start())
            first, end = n.sentence_bounds(i, limit=30)
            if any(w not in _GERUND_LEAD for w in n.words[first:i]) or _blocked(n, first, end, m):
                continue  # "they started killing people" is a report, not a command
            hit.add(0.85, n.span_of_clean(m.start(), m.end()))
    if _may_demand(words):
        for m in _INCITE_PASSIVE.finditer(text):
            i = n.word_at_clean(m.start())
            first, end = n.sentence_bounds(i, limit=30)
            if _PASSIVE_SUBJECTS.isdisjoint(n.words[first:i]) or _blocked(n, first, end, m):
                continue
            hit.add(0.85, n.span_of_clean(m.start(), m.end()))
    if _pair(_SUFFER_PAIR, words):
        for m in _SUFFER.finditer(text):
            i = n.word_at_clean(m.start())
            first, end = n.sentence_bounds(i, limit=30)
            if not _INTENT_LEAD.isdisjoint(n.words[first:i]) and not _blocked(n, first, end, m):
                hit.add(0.85, n.span_of_clean(m.start(), m.end()))
    for pattern, pair in ((_LAWFUL, _LAWFUL_PAIR), (_DEATH_ANSWER, _ANSWER_PAIR)):
        if _pair(pair, words):
            for m in pattern.finditer(text):
                i = n.word_at_clean(m.start())
                if not _blocked(n, *n.sentence_bounds(i, limit=30), m, own_words=False):
                    hit.add(0.85, n.span_of_clean(m.start(), m.end()))
    if _may_urge(words):
        for m in _SELF_HARM.finditer(text):
            i = n.word_at_clean(m.start())
            if not _blocked(n, *n.sentence_bounds(i, limit=30), m):
                hit.add(0.85, n.span_of_clean(m.start(), m.end()))
    return hit


# a threat quoted in order to name or reject it: 'for saying "cops should all be killed"',
# 'writing things like "you deserve to die"'
_QUOTING = re.compile(
    r"\b(say|says|said|saying|write|writes|wrote|writing|post|posts|posted|posting|tweet|"
    r"tweets|tweeted|tweeting|call|calls|called|things|stuff|statements?|comments?|words|"
    r"phrases?|chants?|chanting|signs?)( [a-z]+)?( like)?\s*$"
    # "telling an official", "told you", "imagine someone told you"
    r"|(?<!\bi )(?<!\bwe )\b(tells|told|telling)( [a-z]+){0,2}\s*$"
)
QUOTES = '"\u201c\u201d'
# what is said right after a quotation that names it as talk about a threat: 'Is "I hope you get
# run over" a threat or just rude?', '… "I know where your kids go to school". Would you not
# report it?', '… "I'll end you" a crime'
_DISCUSSED = re.compile(
    r"^[^\n]{0,60}?\b(a threat|threats?\b|threatening|a crime|crimes?\b|a felony|illegal|"
    r"free speech|protected speech|report(ed)? it|reported|prosecuted|charged|arrested|rude)"
)


# the writer standing by the quotation: '"Watch your back." Not a threat, a promise.'
_VOUCHED = re.compile(r"\bpromise\b|\bwarning\b")


def quoted(n: Normalized, start: int) -> bool:
    """Whether the original text at ``start`` sits inside quotation marks opened right after a
    word of saying, writing or telling, or followed by words that name the quotation as a threat
    or a crime being talked about ('Is "…" a threat?')."""
    before = n.original[max(0, start - 200) : start]
    opened = max(before.rfind(q) for q in QUOTES)
    if opened < 0 or sum(before.count(q) for q in QUOTES) % 2 == 0:
        return False
    if _QUOTING.search(before[:opened].lower().rstrip(" :")):
        return True
    closes = [i for i in (n.original.find(q, start) for q in QUOTES) if i >= 0]
    after = n.original[min(closes) + 1 :].lower() if closes else ""
    return bool(_DISCUSSED.search(after)) and not _VOUCHED.search(after[:80])


def _blocked(
    n: Normalized, first: int, end: int, match: re.Match[str], *, own_words: bool = True
) -> bool:
    """A sentence that denies, asks or reports is no call to violence, nor is a call quoted.
    ``own_words=False``: the match's own words deny nothing ("should not be illegal")."""
    if quoted(n, n.span_of_clean(match.start(), match.end())[0]):
        return True
    words = n.words[first:end]
    if not own_words:
        i, last = n.word_at_clean(match.start()), n.word_at_clean(match.end() - 1)
        words = n.words[first:i] + n.words[last + 1 : end]
    if not _INCITE_BLOCK.isdisjoint(words):
        return True
    start, stop = n.span(first)[0], n.span(end - 1)[1]
    return "?" in n.original[start : stop + 4]
