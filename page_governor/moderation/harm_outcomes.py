"""Threats told by what will become of someone: "the chief will be coughing up blood in an
alley", "the next cop who lays a hand on my son leaves in pieces", "I want to see the guards
who hurt my brother bleed", "your precinct will be a crater by Christmas".

The threat rules read a harm verb and its victim ("kill you", "shoot the chief") and the menace
reader reads idioms with no everyday use. These comments have neither: they name the harm by
what it leaves behind (blood, broken teeth, a wheelchair, a crater), and the words are ordinary.
What makes them threats is read here, within a sentence (and a short one before it: "You towed
my car again. Next time it's your skull."), in three parts that must all be present:

1. **what harm leaves**: a word or phrase of injury or ruin (``_OUTCOME_WORDS``,
   ``_OUTCOME_PHRASES``), not denied ("won't bleed") and not in everyday use ("bleed the county
   dry", "the blood drive", "choke on");
2. **whom**: an officer or official, the reader, their station or car, named
   before the harm and not displaced by someone else nearer to it ("… someone's going to end up
   in the hospital" is a worry for passers-by, not a threat to the reader it is addressed to);
3. **a menace frame**: the writer's word or wish ("I swear", "I want to see", "can't wait to
   see", "I hope"), a condition on what the officer does ("… again", "one more time", "mess
   with", "touch my …"), a deserving ("should", "deserves to"), or a forecast said of the
   officer ("that sheriff's gonna be bleeding out").

A sentence that reports, consoles, asks, or is about a game, a race, training or a fundraiser is
not read, as elsewhere. The score is the menace reader's (0.55): weaker evidence than a harm verb
with its victim, so the "precision first" preset leaves it out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from page_governor.moderation.detectors import Hit
from page_governor.moderation.menace import BLOCK, asked
from page_governor.moderation.normalize import Normalized
from page_governor.moderation.officials import TITLE_WORDSET
from page_governor.moderation.threat_rules import wordset

SCORE = 0.55
_LOOKBACK = 14  # words before the harm word in which its target is named

# What harm leaves behind: injury, a body's ruin, a building's ruin.
_OUTCOME_WORDS = wordset(
    "bleed bleeds bleeding bleedin bled blood teeth skull skulls jaw jaws kneecaps "
    "kneecap knees ribs spine bones limping crippled choke chokes choking strangled suffocate "
    "coma pieces crater rubble morgue stretcher wheelchair stitches hosing scraping scraped "
    "dragged beaten bloodied mangled firebomb firebombed firebombing firebombs "
    # where the harmed and the dead are taken: "leaves in an ambulance", "on her casket", "the
    # morgue's gonna have a busy month with y'all"
    "ambulance ambulances casket caskets coffin coffins morgue's grave graves gravestone "
    "tombstone headstone obituary obituaries hearse autopsy cemetery"
)
# the same words in everyday use: "bleed the county dry", "blood drive", "blood pressure",
# "in pieces" of a plan, "knees" of a bad back
_EVERYDAY = re.compile(
    r"\b(bleed(s|ing)? ([a-z]+ ){0,3}(dry|white)|blood (drive|drives|pressure|sugar|test|tests|"
    r"work|type|donation|donations|donor|donors|bank|alcohol|levels?|moon|orange|oath|brother|"
    r"brothers|relatives?|family|line|lines|sport|feud)|bad knees|bloody (mary|marys|good|"
    r"brilliant|hell|well)|slid|slide|slides|skid|skidded|icy|snow|sleet|"
    r"skull (cap|caps|and crossbones)|(potholes?|pothole) [a-z ]{0,20}"
    r"crater|crater[- ]sized|scraping by|scraped by|choke (hold|holds|point|points|on)|"
    r"(fall|falling|fell|came|coming|come) apart|to pieces of|pieces of (evidence|paper|"
    r"information|the puzzle|art|equipment|furniture|mail)|beaten (path|track|up car)|"
    r"dragged (on|out (for|over))|dragging (on|their feet|its feet|his feet|her feet)|"
    # dragged before a body, not along the ground: "dragged into court", "through the mud"
    r"dragged (in front of|before|into (court|a hearing|the hearing|a meeting|this)|through the "
    r"mud|to (court|the podium|the table|a hearing))|"
    # a funeral announced: "Officer Gray's funeral will be closed casket, services at St. Mark's"
    r"(closed|open) casket|casket (spray|flag|team|bearers?)|pallbearers?|(funeral|memorial) "
    r"(service|services|home|procession|mass|arrangements|details)|services (at|will be|are|"
    r"for)|laid to rest|in lieu of flowers|obituary (for|of|is))\b"
)
# whom: an officer or official, the reader, their station or car (a word, or a word with "'s")
_WHOM = TITLE_WORDSET | wordset(
    "agent agents marshal marshals swat you u ya your ur y'all yall you're youre precinct "
    "station substation courthouse cruiser cruisers jail headquarters hq whoever manager managers"
)
_NOT_READ = BLOCK - {"arrest"}  # ("arrest me one more time and …" is the condition)
# someone other than the officer nearer to the harm: a worry for them, not a threat to the
# officer ("your deputies will get someone killed", "kids are going to end up in the hospital")
_BYSTANDERS = wordset(
    "someone somebody someone's somebody's anyone anybody people kids children child kid "
    "pedestrians residents folks citizens neighbors neighbours drivers riders students "
    "passengers myself"
)
# the writer's word or wish, a condition on what the officer does, a deserving
_FRAME = re.compile(
    r"\b((i|we)('ll| will|'m gonna|'re gonna| am gonna| are gonna|'m going to|'re going to| am "
    r"going to| are going to)|imma|ima|i'ma|ill|would be nice if|it'd be nice if|wouldn't mind "
    r"if|wouldnt mind if|wouldn't cry if|i swear|i promise|i want to see|i wanna see|i'd like to see|i'd love to (see|watch)|i would love to (see|"
    r"watch)|(i'd|i would|i'll|ill) (pay|give) [a-z' ]{0,20}to (see|watch)|can't wait|cant wait|"
    r"can not wait|i hope|hope (that|those|the|every|all|he|she|they|you|your|ur)|i wish|"
    r"(would|'d) be a (real |such a |damn |terrible )?(shame|pity|tragedy)|"
    r"i pray|when (i'm|im|i am|we're|we are) done|(i'd|i would) (happily|gladly|gleefully|"
    r"love to|pay to|like to)|(had|'d) better|mark my words|next time|next [a-z]+ "
    r"(who|that)|one more time|once more|again|keep [a-z]+ing|mess with|messing with|"
    r"(touch|touches|touching) (my|our)|first chance (i|we) get|"
    r"(won't|wont|not|ain't|aint) (be|look|talk|act|sound) so "
    r"(smug|tough|cocky|brave|mouthy|funny|pretty|proud|loud|big|bold|smart|chatty)|"
    r"(people|folks|guys|men|women|cops|pigs|officials|politicians|snitches|rats) like (you|u|him|"
    r"her|them|that|this|[a-z]+ [a-z]+ [a-z]+|[a-z]+ [a-z]+|[a-z]+) (end|ends|wind|winds|tend to|"
    r"usually|always|often|"
    r"have a way of)|keep (it|this|that) up|(lay|lays|put|puts|laying|putting) a (hand|finger) on|"
    r"who did this|for what (he|she|they|you) did|deserves?|should|oughta|ought to|needs? to|"
    r"would (teach|fix|shut|sort)|"
    r"(and|&) see (if|whether|how|what happens)|better (pray|hope)|"
    r"(they|someone|somebody|people|y'all|yall)('ll| will|'re gonna| are gonna| are going to) be "
    r"(scraping|hosing|picking|cleaning|peeling|mopping|wiping|fishing)|(would|'d) look (better|good|"
    r"nice|great|prettier)|is next|are next|just wait|wait (till|until|'til|til)|(one|a single) (match|spark|lighter|"
    r"molotov|bullet|round)( and|,)|all it takes is (one|a) |(gonna|going to|will|'ll|about to) "
    r"(learn|find out)|if (he|she|they|you) (comes?|shows?|"
    r"steps?|sets?|tries|try))\b"
)
# a forecast said of the officer: "that sheriff's gonna be bleeding out", "your precinct will
# be a crater", "the chief will be coughing up blood" (the forecast's subject is the target)
_FORECAST = re.compile(
    r"\b(will|'ll|is gonna|are gonna|'s gonna|'re gonna|gonna|is going to|are going to|'s going "
    r"to|'re going to|going to|gunna|finna|won't|wont) (be|end up|leave|go home|get)\b"
)
# harm told in a few words: "face down in the mud", "breathing through a tube", "eating the
# pavement", "burns with you in it" (the match's last word is read as the harm word)
_OUTCOME_PHRASES = re.compile(
    r"\b(face ?down in (the|a) (mud|dirt|street|gutter|ditch|road|river|lake|creek)|"
    r"(breathing|breathe|breathes|eating|eat|eats|fed)( [a-z']+){0,2} through a (tube|straw)|"
    r"(upside down in|at the bottom of|floating in|sunk in|sinking in) (the|a) (canal|river|"
    r"lake|bay|harbor|ditch|creek|pond|reservoir|quarry)|on (a|the) milk cartons?|"
    r"(eat|eats|eating|kiss|kisses|kissing|taste|tastes|tasting) (the )?(pavement|concrete|curb|"
    r"asphalt|dirt)|(lined|line them|line em|line 'em|lined them) up against (a|the) wall|"
    r"(pour|pours|pouring|poured) (gas|gasoline|kerosene|lighter fluid) (on|over|all over)|"
    r"(drag|drags|dragging|dragged) (him|her|them|'em|you|u|the [a-z]+|that [a-z]+|those "
    r"[a-z]+)( [a-z]+)? behind (a|my|his|the|our) (truck|car|pickup)|"
    r"(with|while) (you|u|him|her|them|'em|the [a-z]+|those [a-z]+|that [a-z]+)( are| is)? "
    r"(still )?(in|inside|on) (it|there|board)|"
    r"with (everybody|everyone|all of (you|them)|the whole (shift|crew|squad|department)|y'all|"
    r"yall) (still )?inside|"
    r"(push|pushes|pushing|throw|throws|throwing|toss|tossing) (him|her|them|'em|you|u|the "
    r"[a-z]+|that [a-z]+|those [a-z]+)( [a-z]+)? off (a|the|that) (bridge|roof|cliff|overpass|"
    r"building|balcony|pier)|"
    r"(a|the)( good| real| proper| serious| nice)? (beating|beatdown|beat down|ass kicking|ass-kicking|asskicking|whooping|whupping|"
    r"thrashing)|"
    r"(fist|foot|boot|knee|bat|brick|elbow) (through|in|into|to) ((that|the|this) )?(his|her|"
    r"your|ur|their|[a-z]+'s) (face|teeth|skull|head|jaw|throat|mouth)|"
    r"(wearing|wear|in) (a )?(neck brace|body cast|full cast|cast|eye patch|crutches)|"
    r"wrap (his|her|their|your|ur) (cars?|cruisers?|trucks?|patrol cars?) around (a|the) "
    r"(tree|pole)|"
    r"(never|won't|wont|will never|can't|cant) (use|uses|walk|walks|see|sees|hold|holds) "
    r"(his|her|their|your|ur) (hands|legs|eyes|kids|badge|gun) again|"
    # where the dead are carried or found: "he's leaving in a bag", "people like him end up in
    # ditches", "gonna be needing more flags at half mast"
    r"(leave|leaves|leaving|left|go home|goes home|going home|carried out|come out|comes out|"
    r"coming out|rolled out|roll out) in (a |the )?(bag|body bag|box|pine box)"
    r"(?! (truck|van|car|of|lunch)\b)|"
    r"(going|goes|go|thrown|tossed|dumped) in(to)? the (river|lake|canal|bay|ditch|trunk|dumpster|"
    r"landfill|swamp|quarry)|"
    r"(end|ends|ended|ending|wind|winds|wound) up (in|at the bottom of|face down in) (a |the )?"
    r"(ditch|ditches|river|lake|trunk|landfill|dumpster|shallow grave|swamp)|"
    r"more flags (at|to|flying at) half[- ]?(mast|staff)|"
    # care needed afterwards: "you'll be the one needing a lawyer... and a doctor"
    r"(need|needs|needing|needed) (a|an) ([a-z]+ (and|or|plus) (a|an) )?(doctor|surgeon|medic|"
    r"paramedic|dentist|new face|new jaw|new teeth|priest|coroner|body bag)\b|"
    r"(hospital|prison|jail) food|(in|to) the (hospital|icu|er|burn ward|morgue)|"
    r"(get|gets|getting|be|leave|leaves|leaving) carried out\b(?! (the|a|an|by|as|according|"
    r"properly|successfully|without|in accordance))|"
    # (the match ends before its object, which is read as the target)
    r"(bury|burying|buried) (a few|some|one|all|two|three|more|most|half|every one|each) of"
    r"(?= (you|u|y'all|yall|them|em|your)\b)|"
    r"(enjoy|enjoys|plan|planning|plans|pick out|picking out|order|ordering)\b[^.]{0,30}\b(his|her|"
    r"your|ur|their) (own )?funeral|"
    r"(doesn't|doesnt|don't|dont|won't|wont|can't|cant|ain't|aint|didn't|never) (stop|stops) (a |no )?"
    r"(bullet|bullets|buckshot|slugs?|rounds?|lead|blade|knife)|"
    # an injury the target will carry: "won't be signing warrants with broken hands"
    r"(broken|busted|shattered|smashed|crushed|snapped) (hands|hand|legs|leg|arms|arm|jaw|"
    r"knees|kneecaps|fingers|ribs|neck|nose|wrists|ankles)|"
    # a weapon's load in the face: "he's getting a faceful of bear spray"
    r"(faceful|face full|mouthful|eyeful|bellyful|belly full) of (bear spray|pepper spray|mace|"
    r"lead|hot lead|buckshot|birdshot|rock salt|my fist|knuckles|steel)|"
    # leaving upright put in doubt: "see if you leave on your own feet", "he won't walk out in
    # one piece" (not "I hope every officer goes home in one piece")
    r"((see|seeing) (if|whether)|(i )?doubt) (you|u|he|she|they|y'all|yall|any of (you|them))"
    r"( [a-z']+){0,2} (leave|leaves|walk out|walks out|go home|goes home|make it out|makes it "
    r"out|walk away|walks away)( of (here|there|my [a-z]+))? (on (your|ur|his|her|their) own "
    r"(two )?feet|in one piece|under (your|ur|his|her|their) own power|upright)|"
    r"(won't|wont|will not|ain't|aint|not gonna|never) (leave|walk out|go home|make it out|walk "
    r"away)( of (here|there|my [a-z]+))? (on (your|ur|his|her|their) own (two )?feet|in one "
    r"piece|under (your|ur|his|her|their) own power|upright)|"
    # "you better pray you make it home in one piece, deputy"
    r"better (pray|hope) (that )?(you|u|he|she|they|y'all|yall)( [a-z']+){0,2} (make it|makes it|"
    r"get|gets|go|goes|come|comes) (back )?home( safe| safely| in one piece| alive)?)\b"
)
# harm that carries its own menace, read with a target alone: "lock the council in city hall
# and light it up", "enjoy your knees while you still have them"
_TOLD = re.compile(
    r"\b((throw|throws|throwing|toss|tossing|dump|dumping|chuck|drop|dropping) (him|her|them|'em|"
    r"you|u|(the|that|this|those)( [a-z]+){1,2}) (in|into) (the|a) (river|lake|canal|bay|harbor|"
    r"ocean|sea|quarry|reservoir|swamp|creek)|lock (them|him|her|'em|you|the [a-z]+|those [a-z]+)( [a-z]+){0,4} and (light|burn|torch|"
    r"set fire to) (it|the place|the building)|"
    r"enjoy (your|ur|his|her|their) (knees|legs|teeth|kneecaps|eyes|hands|face|kids|family) "
    r"while (you|u|he|she|they) (still )?(can|has|have|got))\b"
)
_DENIED = wordset("not never no won't wont don't dont doesn't doesnt can't cant cannot nobody")
_MEANT_SO = re.compile(r"\b(lol|lmao|haha|jk|kidding|5k|10k|marathon|race|workout|gym)\b")


# the words one of the phrases cannot be without (the screen: most comments have none)
_PHRASE_WORDS = wordset(
    "canal bay harbor ocean sea quarry reservoir creek face facedown tube straw pavement "
    "concrete curb asphalt lined line wall gas gasoline "
    "kerosene drag drags dragging inside board burns burn burning sank sinks explodes bridge "
    "roof cliff overpass balcony pier beating beatdown kicking ass-kicking asskicking whooping "
    "whupping thrashing bag box ditch ditches river lake trunk landfill dumpster grave swamp "
    "mast staff doctor surgeon medic paramedic dentist priest coroner fist foot boot knee bat "
    "brick elbow lock enjoy brace cast patch crutches "
    "wrap hospital icu er ward morgue food never beat fluid lighter hands legs bullet bullets "
    "upside bottom floating sunk sinking carton cartons "
    "buckshot slug slugs rounds blade knife carried bury burying buried funeral "
    "arm arms leg jaw knees kneecaps fingers ribs neck nose wrists ankles "
    "faceful mouthful eyeful bellyful full feet piece power upright home"
)


def may_harm(words: set[str] | list[str]) -> bool:
    """Whether a threat told by its outcome could be read in a comment with these words."""
    words = set(words)
    if _OUTCOME_WORDS.isdisjoint(words) and _PHRASE_WORDS.isdisjoint(words):
        return False
    return not _WHOM.isdisjoint(words) or any(w.removesuffix("'s") in _WHOM for w in words)


def detect_harm_outcome(n: Normalized, skip: Callable[[str], bool] = lambda text: False) -> Hit:
    """A harm told by its outcome, aimed at someone the page answers for, in a menace frame;
    a window of words for which ``skip`` is true (a report, a consolation) is not read."""
    hit = Hit()
    words = n.words
    if not may_harm(words):
        return hit
    at = [i for i, word in enumerate(words) if word in _OUTCOME_WORDS]
    at += [n.word_at_clean(m.end() - 1) for m in _OUTCOME_PHRASES.finditer(n.clean)]
    told = {n.word_at_clean(m.end() - 1) for m in _TOLD.finditer(n.clean)}
    for i in sorted({*at, *told}):
        before = words[max(0, i - 2) : i]
        if (
            not _DENIED.isdisjoint(before)
            and words[i] in _OUTCOME_WORDS
            and before[-2:] != ["with", "no"]  # "with no teeth"
            and before[-1:] != ["without"]
        ):
            continue
        first, end = n.sentence_bounds(i, limit=40)
        if first > 0:  # a short sentence before may hold the condition or the target
            before = n.sentence_bounds(first - 1, limit=12)
            if first - before[0] <= 10:
                first = before[0]
        sentence = " ".join(words[first:end])
        target = _target_before(words, first, i)
        if (
            target is None
            or _EVERYDAY.search(sentence)
            or _MEANT_SO.search(sentence)
            or not _NOT_READ.isdisjoint(words[first:end])
            or asked(n, first, end)
            or skip(sentence)
        ):
            continue
        forecast = _FORECAST.search(" ".join(words[target : i + 1]))
        if i in told or _FRAME.search(sentence) or (forecast is not None and target < i):
            hit.add(SCORE, (n.span(first)[0], n.span(i)[1]))
            return hit
    return hit


def _target_before(words: list[str], first: int, i: int) -> int | None:
    """The index of the nearest word naming whom the harm at ``i`` falls on: within the
    sentence and ``_LOOKBACK`` words before it, nearest first, else within the eight words after
    it ("bleed, deputy"); None when there is none or a bystander is named nearer to the harm."""
    before = range(i - 1, max(first, i - _LOOKBACK) - 1, -1)
    for j in (*before, *range(i + 1, min(len(words), i + 9))):
        word = words[j]
        if word in _BYSTANDERS:
            return None
        if word in _WHOM or word.removesuffix("'s") in _WHOM:
            return j
    return None
