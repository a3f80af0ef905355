"""Veiled threats: menace said without a harm verb the threat rules know.

"Your cruisers will be nothing but burnt metal by Monday", "I'd keep the porch light on if I
were you, Chief", "Officer Park jogs past the quarry every Sunday. Lonely stretch of road." The
rules and frames read threat verbs ("kill", "shoot") and their victims; these comments have
none. What they are made of, within a sentence and the sentences either side of it, is read
here in three parts, all of which must be present:

1. **whom**: someone the page answers for: the reader ("you", "your"), an officer or official,
   or what is theirs (their family, their home or car, the station, the cruisers);
2. **menace**: a harm idiom with no everyday use ("six feet under", "eating through a straw",
   "up in smoke", "check under your car"), a weapon held for someone, or knowledge of someone's
   movements said as a warning ("I know which school …", "… every Sunday. Lonely stretch");
3. **forward**: intent, a forecast, a condition, a wish or advice ("will", "or", "keep … and",
   "hope", "if I were you", "from now on"). Stock menace ("say your prayers", "we're coming for
   you") and knowledge of movements point forward by themselves.

Where an officer, an official or their family lives, works or walks, told with no kind word
around it ("Sergeant Diaz lives on Crestview in the white house"), is read as a veiled threat
too. A sentence that reports, asks, consoles or talks about a game, a fundraiser, a vote or
training is not read (what the threat rules also skip). The score (0.55) is below the rules' 0.9
and the frames' 0.85: a veiled threat is weaker evidence, so the "precision first" preset (0.6)
leaves it out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from page_governor.moderation.detectors import Hit
from page_governor.moderation.incitement import quoted
from page_governor.moderation.menace_idioms import IDIOMS, OFFICIAL, THEIRS
from page_governor.moderation.normalize import Normalized
from page_governor.moderation.threat_rules import index_by_word, wordset

SCORE = 0.55
WINDOW = 30  # words: a sentence and the short ones after it

# whom: the reader, an officer or official, or what is theirs
_WHOM = re.compile(
    r"\b(you|u|ya|y'all|yall|your|ur|yours|" + OFFICIAL[1:-1] + r"|(officer|deputy|detective|"
    r"sgt|sergeant|lieutenant|lt|chief|mayor|judge|trooper|corporal|captain|commissioner|"
    r"councilman|councilwoman|councilmember) [a-z]+('s)?|[a-z]+'s " + THEIRS + r"|"
    r"(his|her|their) " + THEIRS + r"|station|precinct|substation|courthouse|city hall|"
    r"headquarters|hq|cruisers?|patrol cars?|squad cars?|(the|that|this) (whole )?([a-z]+ )?(council|"
    r"department|force|board|unit|squad|task force))\b"
)


def _anchor(spec: str | tuple[str, str]) -> tuple[frozenset[str], ...]:
    return (wordset(spec),) if isinstance(spec, str) else (wordset(spec[0]), wordset(spec[1]))


_MENACE = tuple(
    (tuple(_anchor(spec) for spec in specs), re.compile(r"\b(" + pattern + r")\b"))
    for specs, pattern, *_ in IDIOMS
)
_POINTED = frozenset(
    compiled for (_, compiled), (_, _, *pointed) in zip(_MENACE, IDIOMS, strict=True) if pointed
)


# The idioms by the words of each anchor's first part.
_BY_WORD = index_by_word(
    frozenset().union(*(anchor[0] for anchor in anchors)) for anchors, _ in _MENACE
)
_FIRST_WORDS = frozenset(_BY_WORD)


def _idioms(words: set[str] | list[str]) -> list[re.Pattern[str]]:
    """The idioms one of whose anchors is in the comment, in the idioms' order."""
    found = _FIRST_WORDS.intersection(words)
    if not found:
        return []
    return [
        _MENACE[i][1]
        for i in sorted({i for w in found for i in _BY_WORD[w]})
        if any(all(not part.isdisjoint(words) for part in anchor) for anchor in _MENACE[i][0])
    ]


# where an officer or official, or their family, can be found, told for no reason a reader can
# see ("Sergeant Diaz lives on Crestview in the white house", "the mayor's wife works the front
# desk at the dental office every weekday"): a warning even without a threat word
_FAMILY = (
    r"(wife|husband|kids?|children|sons?|daughters?|family|mom|dad|parents|girlfriend|"
    r"boyfriend|twins|boys?|girls?|grandkids)"
)
_TITLE = (
    r"(officer|deputy|sgt|sergeant|detective|lieutenant|lt|chief|mayor|judge|trooper|captain|"
    r"commissioner|councilman|councilwoman|councilmember|sheriff|corporal|warden|prosecutor|"
    r"principal|superintendent|coach|teacher|counselor|dean)"
)
_FAMILY_WORDS = wordset(
    _FAMILY[1:-1].replace("?", "").replace("|", " ") + " kid son daughter boy girl"
)
# an official ("Sergeant Diaz", "the judge"), or an official's or the reader's family
_SOMEONE = (
    rf"(({_TITLE} [a-z]+|the {_TITLE})('s {_FAMILY})?|(your|ur|the {_TITLE}'s|{_TITLE} [a-z]+'s) "
    rf"{_FAMILY})"
)
_WHEREABOUTS = re.compile(
    # ("Sgt. Ames lives for these community events": he loves them)
    rf"\b{_SOMEONE}( (who|that) [a-z']+( [a-z']+){{0,4}}?)? ((lives(?! for)|live(?! for)|stays|stay|sleeps|parks|"
    r"works|work|gets off|get off|drops|picks|plays|jogs|walks|shops|leaves|is home|are home|"
    r"is alone|are alone|keeps|docks|stores|eats|drinks|hangs out|works out|trains|lifts|swims|"
    r"golfs|fishes|hunts|coaches|volunteers|gets (coffee|gas|lunch|breakfast)|does (pilates|yoga|"
    r"crossfit|zumba|spin|karate|laundry))( [a-z']+){0,3} "
    r"(on|at|off|in|near|by|past|around|every|each|for|alone)"
    # (where an officer works is public: "works at Station 4", "works in dispatch")
    r"(?! (the )?(station|stations|precinct|substation|department|firehouse|fire station|hq|"
    r"headquarters|courthouse|jail|city hall|dispatch|front desk|academy)\b)"
    # what they drive: "the commissioner's daughter drives a white Jeep"
    r"|drives? (a|an) ([a-z]+ ){0,2}(?<!patrol )(?<!squad )(?<!police )(?<!unmarked )(?<!county )"
    r"(?<!department )(?<!city )(car|truck|jeep|suv|van|pickup|sedan|tahoe|camry|civic|prius|"
    r"mustang|silverado|charger|motorcycle|minivan|bmw|honda|toyota|ford|chevy)\b|"
    r"(goes to|go to|attends|attend) "
    r"(?!(because|since|cause|cuz)\b)[a-z0-9]+)\b"
    # (an acquaintance explained: "… which gym the sergeant goes to because he trains my son")
    r"(?!( [a-z']+){0,8} (because|since|cause|cuz) (he|she|they|i|we|my|our)\b)"
)
_WHEREABOUTS_WORDS = wordset(
    "lives live stays stay sleeps parks goes go works work attends attend gets get drops picks "
    "plays jogs walks shops leaves home alone keeps docks stores eats drinks hangs trains lifts "
    "swims golfs fishes hunts coaches volunteers does drives drive"
)
_WHOSE_WORDS = wordset(
    "officer deputy sgt sergeant detective lieutenant lt chief mayor judge trooper captain "
    "commissioner councilman councilwoman councilmember sheriff corporal warden prosecutor "
    "your ur wife husband kids kid children son sons daughter daughters family mom dad parents "
    "girlfriend boyfriend twins"
)
_KIND_WORDS = wordset(
    "great nice nicest kind kindest wonderful awesome amazing best love loved thank thanks proud "
    "helped helps helpful welcome congrats congratulations glad happy friendly sweet good "
    "neighbor neighbour blessed lucky hi hello wave cheer say medal medals hero heroes salute "
    # a kindness the family member did the writer: "she delivered my son", "he coached my kid"
    "delivered treated coached taught"
)
# a person's routine, told with a warning: "Officer Park jogs past the quarry every Sunday.
# Lonely stretch of road."
_ROUTINE_VERBS = (
    r"(jogs?|runs|walks|drives|parks|leaves|gets off|drops|picks up|goes|takes|works out|"
    r"shops|rides)"
)
_ROUTINE = re.compile(
    rf"\b{_ROUTINE_VERBS}( [a-z']+){{0,8}} (every|each) (morning|night|day|evening|sunday|monday|"
    r"tuesday|wednesday|thursday|friday|saturday|weekend)"
)
_CLOCK = re.compile(
    r"\b(at|around|by|before|after) \d{1,2}(:\d\d)? ?(am|pm|a\.m\.|p\.m\.)?\b", re.I
)
_WARNING = re.compile(
    r"\b(lonely|alone|just saying|be a shame|nice (truck|car|house|ride|family)|i know the one|"
    r"funny how|anything could happen|dark out there)\b"
)
# with a clock time ("walks his dog past the old mill at 5am"), the plain forms count too
_ROUTINE_VERB = re.compile(rf"\b({_ROUTINE_VERBS}|run|walk|drive)\b")
# what points the menace forward: intent, a forecast, a condition, a wish, advice
_FORWARD = re.compile(
    r"\b(will|'ll|ll|won't|wont|gonna|going to|about to|finna|ima|imma|better|or else|or|unless|if|"
    r"i have|i got|i've got|ive got|we have|we got|for (every|each|the next|any)|"
    r"keep [a-z]+(ing|in|in')|again and|one more|(the )?next [a-z]+ (who|that|on|at|in|to)|soon|tonight|"
    r"tomorrow|be ready|get ready|be prepared|"
    r"one of these (days|nights)|someday|hope|hoping|pray|wish|should|oughta|ought to|needs? to|"
    r"deserves?|would|wouldn't|wouldnt|i'd|i would|if i were you|from now on|just saying|"
    r"funny how|enjoy|be a shame|i know|we know|found out|nice|lonely|alone|every (morning|"
    r"night|day|evening|sunday|monday|tuesday|wednesday|thursday|friday|saturday|weekend)|"
    r"waiting|when i'm done|when we're done|by (monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|morning|tonight|the weekend))\b"
)
_BLOCK_PHRASES = re.compile(
    r"\b(get well|speedy recovery|thank you|well deserved|rest in peace|stay safe|be safe|"
    r"police said|internal affairs|(toy|food|coat|blood|book|donation) drive)\b"
)
# a sentence that reports, consoles, or is about a game, a show, an event or training
BLOCK = wordset(
    "suspect suspects accused allegedly charged arrested arrest convicted sentenced "
    "reportedly according victim victims investigating investigation recover "
    "recovery recovering surgery condolences rip heal healing game games "
    "movie movies show season episode fundraiser charity softball parade concert band "
    "baseball football soccer basketball hockey volleyball tournament "
    "training academy class classes qualification range drill demo demonstration raffle "
    "buyback safety disciplined discipline policy court lawsuit vote votes voting ballot "
    "election polls november recall gala hosting host "
    "shoulders appreciation thank thanks congratulations congrats proud please retire "
    "retirement retiring retired earned happy miss cancer stroke illness sick diagnosis hospice "
    "chemo"
)
# A remark about an official's family, house or car, closed with a tag that only menace adds:
# "Officer Kent's boy plays shortstop for the Tigers, games are Saturdays. Good to know.", "I
# drove past the chief's place last night. Big windows. Lots of glass."
_TAG = re.compile(
    r"\b(good to know|just an observation|(something|somethin|sumn|smth) (to|2) (think about|consider|"
    r"chew on|keep in mind)|think about (that|it)|food for thought|lots of glass|mark my words|"
    r"consider (yourself|yourselves|this|it) warned|(you've|you have|youve|y'all been|yall been) "
    r"been warned|"
    r"just so you know|tick[- ]?tock|((would|it'd|itd|it would) )?be a (real )?(shame|tragedy|"
    r"pity))\b"
)
_TAG_WORDS = wordset(
    "know observation think thought glass shame tragedy pity tock tick-tock consider mind mark warned"
)
# tags that may also open a clause ("good to know the schools are doing well", "think about
# that proposal", "it'd be a shame if the council cut the library"): a tag only where the
# sentence ends
_CLAUSE_TAGS = (
    "good to know",
    "just so you know",
    "think about",
    "would",
    "it",
    "itd",
    "be",
    "some",
    "smth",
    "mark my words",
    "consider",
)
_OWNER = rf"({_TITLE} [a-z]+|the {_TITLE}|{_TITLE})'s"
_REMARK = re.compile(
    rf"\b({_SOMEONE}|{_OWNER} (boys?|girls?|place|house|home|address|car|truck|porch|cruiser|"
    rf"tahoe|suv)|"
    rf"(drove|driven|driving|walked|went|been) (past|by) (the )?{_OWNER} (place|house|home))\b"
)
_REMARK_BLOCK = wordset(
    "thank thanks congratulations congrats proud condolences rip retire retirement retiring "
    "retired welcome happy deadline deadlines budget due filing"  # ("Tick tock, Sheriff, the
    # budget deadline is Friday": a reminder)
    " election elections reelection re-election vote votes voting voters ballot ballots polls "
    "primary term"  # ("Mark my words, the chief won't survive the next election": politics)
)


def _tagged_remark(n: Normalized, present: set[str]) -> tuple[str, tuple[int, int]] | None:
    """A remark about an official's family, house or car closed by a menace tag: the window of
    words read (for the caller's guards) and the span from the remark to the tag; or None."""
    if _TAG_WORDS.isdisjoint(present):
        return None
    words = n.words
    for tag in _TAG.finditer(n.clean):
        tag_first, tag_last = n.word_at_clean(tag.start()), n.word_at_clean(tag.end() - 1)
        after = n.original[n.span(tag_last)[1] :].lstrip()
        if after and after[0].isalnum() and tag.group(0).startswith(_CLAUSE_TAGS):
            continue  # "good to know the schools are doing well": a clause, not a tag
        # the remark comes before its tag, a sentence or a few short ones before
        end = _window(n, tag_first)[1]
        first = max(0, tag_first - WINDOW)
        if not _REMARK_BLOCK.isdisjoint(words[first:end]) or asked(n, first, end):
            continue
        window = " ".join(words[first:end])
        for remark in _REMARK.finditer(window):
            start = first + window.count(" ", 0, remark.start())
            if start > tag_last and "'s" not in remark.group(0):
                # after an opening tag, an official named alone is a forecast's subject, not a
                # remark about their family or home ("Mark my words, the chief will need a
                # lawyer after this audit")
                continue
            return window, (n.span(min(start, tag_first))[0], n.span(max(start, tag_last))[1])
    return None


_ROUTINE_WORDS = wordset(
    "jog jogs run runs walk walks drive drives park parks leaves drops picks goes ride rides shops"
)
_WARNING_WORDS = wordset("lonely alone saying shame nice funny dark happen")


def may_menace(words: set[str] | list[str]) -> bool:
    """Whether a veiled threat could be read in a comment with these words."""
    words = set(words)
    return (
        bool(_idioms(words))
        or _routine(words)
        or _whereabouts(words)
        or not _TAG_WORDS.isdisjoint(words)
    )


def _routine(words: set[str]) -> bool:
    return not _ROUTINE_WORDS.isdisjoint(words) and not _WARNING_WORDS.isdisjoint(words)


def _whereabouts(words: set[str]) -> bool:
    return (
        not _WHEREABOUTS_WORDS.isdisjoint(words)
        and not _WHOSE_WORDS.isdisjoint(words)
        and _KIND_WORDS.isdisjoint(words)
    )


def detect_menace(n: Normalized, skip: Callable[[str], bool] = lambda text: False) -> Hit:
    """Menace, aimed at someone the page answers for, pointed forward, within its sentence and
    the ones either side of it; a window of words for which ``skip`` is true (a report, a
    consolation) is not read."""
    hit = Hit()
    words = n.words
    present = set(words)
    idioms = _idioms(present)
    routine, whereabouts = _routine(present), _whereabouts(present)
    tagged = _tagged_remark(n, present)
    if tagged is not None and not skip(tagged[0]):
        hit.add(SCORE, tagged[1])
        return hit
    if not idioms and not routine and not whereabouts:
        return hit
    text = n.clean
    found = [(m, pattern in _POINTED) for pattern in idioms for m in pattern.finditer(text)]
    if not found and routine and _WARNING.search(text):
        # a routine told with a warning: the routine is the menace, and tells itself
        m = _ROUTINE.search(text)
        if m is None and _CLOCK.search(n.original):
            m = _ROUTINE_VERB.search(text)
        found = [(m, True)] if m else []
    for m, told in found:
        first, following = _window(n, n.word_at_clean(m.start()))
        window = " ".join(words[first:following])
        if (
            _WHOM.search(window)
            and (told or _FORWARD.search(window))
            and BLOCK.isdisjoint(words[first:following])
            and not _BLOCK_PHRASES.search(window)
            and not asked(n, first, following)
            and not skip(window)
            and not quoted(n, n.span_of_clean(m.start(), m.end())[0])
        ):
            hit.add(SCORE, n.span_of_clean(m.start(), m.end()))
            return hit
    if whereabouts:
        for m in _WHEREABOUTS.finditer(text):
            start, stop = n.word_at_clean(m.start()), n.word_at_clean(m.end() - 1)
            first, end = n.sentence_bounds(start, limit=WINDOW)
            # ("The deputy who arrested me shops at …": the clause says who, not what happened;
            # without such a clause the whole sentence is read: "The deputy's daughter plays
            # softball at Memorial Field")
            clause = not _WHO_THAT.isdisjoint(n.words[start : stop + 1])
            around = (
                n.words[first:start] + n.words[stop + 1 : end] if clause else n.words[first:end]
            )
            # (nor a question: "The mayor lives on Maple? I thought she lived downtown")
            if (
                n.words[first] not in _ASKING
                and BLOCK.isdisjoint(around)
                and not asked(n, first, end)
                and not quoted(n, n.span_of_clean(m.start(), m.end())[0])
                and not _residency(n, start, stop)
            ):
                hit.add(SCORE, n.span_of_clean(m.start(), m.end()))
                return hit
    return hit


def _window(n: Normalized, i: int) -> tuple[int, int]:
    """Word indices [first, end) of the sentence of word ``i`` with the sentences either side
    of it, within about ``WINDOW`` words ("Officer Park jogs past the quarry every Sunday.
    Lonely stretch of road.")."""
    first, end = n.sentence_bounds(i, limit=WINDOW)
    if first > 0 and end - first < WINDOW:
        first = n.sentence_bounds(first - 1, limit=WINDOW // 2)[0]
    if end < len(n.words) and end - first < WINDOW:
        end = n.sentence_bounds(end, limit=WINDOW // 2)[1]
    return first, end


# A residency argument: where an official lives set against where they serve ("the chief lives
# in Hillcrest, not in the city he polices", "Commissioner Ortiz lives in Oakdale, he doesn't even
# live in the district he represents") is criticism of the official, not a warning; read only
# where no house, street or number is told (a house on a street is a whereabouts whatever else
# the comment argues)
_RESIDENCY = re.compile(
    r"\b((should|must|needs? to|ought to|has to|have to|doesn'?t|does not|don'?t|do not|didn'?t|"
    r"did not|won'?t|will not|never|not) (even |actually |really )?(live|lives|living|reside|resides)"
    r"|not in (the|this|our|his|her|their) (city|town|county|district|community|parish|village)"
    r"|(city|town|county|district|community|neighborhood|parish|village|state|streets|area) "
    r"(he|she|they) (polices?|serves?|patrols?|represents?|runs?|governs?|oversees?|leads?|"
    r"(is|are|was|were) (elected|appointed|sworn|paid|supposed))"
    r"|(outside|out of) (the |our |this |his |her |their )?(city|town|county|district|state|"
    r"limits|jurisdiction|parish)|city limits|(towns?|counties|cities|miles|hours?) (over|away)"
    r"|commutes?|commuting|residency|carpetbagg[a-z]*)\b"
)
_PLACE_DETAIL = wordset(
    "house home door apartment apt unit street st lane ln avenue ave road rd drive dr court ct "
    "boulevard blvd way place pl corner cul-de-sac driveway porch"
)
# nor where a menace follows the argument ("… he lives in Hillcrest. We'll pay him a visit")
_MENACE_AFTER = wordset(
    "visit visiting visits shame happen happens happened soon tonight waiting warned careful"
)
_RESIDES = wordset("lives live stays stay")


def _residency(n: Normalized, start: int, stop: int) -> bool:
    """Whether the whereabouts in words ``start``..``stop`` is an official's own home told as a
    residency argument (see above); where their family works or studies is read as before."""
    told = n.words[start : stop + 1]
    if _RESIDES.isdisjoint(told) or not _FAMILY_WORDS.isdisjoint(told):
        return False
    first, end = _window(n, start)
    words = n.words[first:end]
    return (
        _RESIDENCY.search(" ".join(words)) is not None
        and _PLACE_DETAIL.isdisjoint(words)
        and _MENACE_AFTER.isdisjoint(words)
        and not any(w[:1].isdigit() for w in words)
    )


_WHO_THAT = wordset("who that")
_ASKING = wordset("does do did is are was were where when which who how why can could will would")


def asked(n: Normalized, first: int, end: int) -> bool:
    """Whether a window of words ends a question ("Did someone torch their cars?")."""
    start, stop = n.span(first)[0], n.span(end - 1)[1]
    return "?" in n.original[start : stop + 2]


# Weapons and death said in pictures, aimed at an officer, an official or the reader with no
# kind word around them: "Officer Daniels 🔫🔫🔫 see u soon", "chief reyes 🔪🩸⚰️" (not "gun
# buyback Saturday 🔫➡️💵", "RIP Officer Diaz ⚰️🙏", "range day with Sgt. Ames 🔫🎯": a report, a
# consolation, an event or training is not read, as above). The skull is left out: it is mostly
# laughter.
WEAPON_EMOJI = re.compile(
    "[\U0001f52b\U0001f52a\U0001f5e1\U0001f4a3\U0001f9e8\u26b0\U0001faa6\U0001fa78\U0001fa93]"
)
_EMOJI_WHOM = re.compile(
    r"\b(you|u|ya|y'all|yall|your|ur|" + OFFICIAL[1:-1] + r"|(officer|deputy|detective|sgt|"
    r"sergeant|lieutenant|lt|chief|mayor|judge|trooper|corporal|captain|commissioner|sheriff|"
    r"councilman|councilwoman|councilmember) [a-z]+)\b"
)


# what weapon pictures illustrate when they are no menace: a debate, a sport, a season, a sale
_PICTURE_TOPICS = wordset(
    "control law laws rights amendment 2a buyback lock locks hunting hunt hunter hunters season "
    "deer duck turkey show shows sale store shop range class course cooking chef kitchen recipe "
    "movie film game halloween costume fireworks july"
)


def detect_emoji_menace(n: Normalized) -> Hit:
    """Weapon or death pictures beside someone the page answers for, in a comment with no
    kind word, report, event or consolation in it."""
    hit = Hit()
    text = n.original
    # a picture standing in a word or before one ("School🔫s") is no menace
    pictures = [m for m in WEAPON_EMOJI.finditer(text) if not text[m.end() : m.end() + 1].isalpha()]
    if not pictures:
        return hit
    words = n.words
    whom = _EMOJI_WHOM.search(n.clean)
    if (
        whom is None
        or not _KIND_WORDS.isdisjoint(words)
        or not BLOCK.isdisjoint(words)
        or not _PICTURE_TOPICS.isdisjoint(words)
        or _BLOCK_PHRASES.search(n.clean)
        or "?" in n.original
    ):
        return hit
    start = n.span_of_clean(whom.start(), whom.end())[0]
    if min(abs(p.start() - start) for p in pictures) > 60:
        return hit  # the pictures are not beside the person
    hit.add(SCORE, (min(start, pictures[0].start()), max(start, pictures[-1].end())))
    return hit
