"""The threat rules: ways of saying a threat, each a regular expression with anchor words.

A rule runs only when every one of its anchor groups has a word in the comment, so most
comments cost a few set operations instead of a hundred regular expressions. Read by
:func:`page_governor.moderation.threats.detect_threat`, which also decides when a match is not
a threat after all (a harm done to a thing, a retelling, a report, a denial)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from page_governor.moderation import (
    threat_hints,
    threat_marked,
    threat_promises,
    threat_schools,
    threat_shapes,
    threat_sideways,
    threat_spanish,
    threat_witnesses,
)
from page_governor.moderation.harm_senses import CONTEST as _CONTEST
from page_governor.moderation.harm_senses import NOT_A_CONTEST as _NOT_A_CONTEST
from page_governor.moderation.harm_senses import NOT_A_MESSAGE as _NOT_A_MESSAGE
from page_governor.moderation.harm_senses import NOT_AN_EFFORT as _NOT_AN_EFFORT
from page_governor.moderation.officials import SERVANT_TITLES
from page_governor.moderation.threat_idioms import CARED_FOR, TITLE_WORDS, not_after
from page_governor.moderation.threat_idioms import RULES as IDIOM_RULES
from page_governor.moderation.threat_idioms import anchor_group as _g
from page_governor.moderation.threat_veiled import RULES as VEILED_RULES

# where someone's family goes: "kids walk home from Lincoln Elementary"
_FAMILY_GOES = (
    r"(wife|husband|kids|children|daughter|son|family)('s)? ([^ ]+ ){0,5}(bus stop|school|drops|"
    r"walks|picks|gets out|every morning|every night|elementary|at \d)"
)
# a kind word beside a family's doings: "so proud of her", "congrats to the twins"
_KIND = (
    r"(proud|congrats|congratulations|great|awesome|amazing|love|loved|thank|thanks|glad|happy|"
    r"cute|adorable|beautiful|good luck|well done|won|wins|scored|shout ?out|kudos)"
)
# a safety request beside a family's doings: "the mayor's kids walk to Lincoln Elementary too,
# so fix the crosswalk already"
_SAFETY_ASK = (
    r"crosswalks?|crossing guards?|crossings?|sidewalks?|speed bumps?|speeding|speeders|speed limit|"
    r"school zones?|stop signs?|traffic (lights?|signals?)|slow down|fix (the|that|this)|repave|"
    r"potholes?|street ?lights?"
)
# the titles of the officials and officers a threat names (one vocabulary for every threat
# reader: :mod:`page_governor.moderation.officials`)
_TITLES = SERVANT_TITLES
# harm verbs that take their victim next ("kill" + "you")
_HARM_VERB = (
    r"(kill|killing|shoot"
    + _NOT_A_MESSAGE
    + r"|shooting|stab|stabbing|murder|hurt|beat"
    + _NOT_A_CONTEST
    + r"|bash|strangle|choke|burn"
    + _NOT_AN_EFFORT
    + r"|bomb|"
    r"blow up|smash|slit|hang|lynch|gut|cut|rape|torture|execute|drown|slaughter|unalive|kidnap|"
    r"abduct)"
)
# harms that name their victim themselves ("break your legs", "take him out", "snap his neck")
_HARM_DONE = (
    r"(break|breaks|breaking|snap|snaps|snapping) (your|ur|his|her|their|that|the)( [a-z]+('s)?)? "
    r"(legs?|arms?|necks?|face|jaw|bones?|skull|spine)\b|put (a|one) (bullet|cap|round) in|"
    r"take (you|him|her|them) out(?! (to|for|on|of|with|and)\b)|end (you|him|her|them)\b|"
    r"end (that|the|this)( [a-z]+)? (" + TITLE_WORDS + r")\b(?!'|s\b)|"
    r"end ([a-z']+ ){0,5}(and )?(your|ur|his|her|their) li(fe|ves)\b(?! (sentences?|insurance|support|"
    r"savings|stor(y|ies)|of|long|in prison|behind bars)\b)|"
    r"finish (you|him|her|them)( off)?\b(?! (at|in|on) (the|a) (game|match|debate|race|test))|"
    r"run (you|him|her|them) over|jump (you|him|her)\b"
)
_HARM = "(" + _HARM_VERB + "|" + _HARM_DONE + ")"
# Whom the harm is aimed at: a person or people, never "it" ("I'm going to kill it at the 5k").
_VICTIM = (
    r"\s+(you|u|ya|him|her|them|y'all|yall|every|each|all|that|those|these|the|his|your|their|"
    r"some|a|an|any|cops?|pigs?|officers?|deputies|deputy|sheriff|chief|judge|mayor|everyone|"
    r"everybody|somebody|someone|ur|ye|up|(dat|dis|dem)(?= [a-z]))\b"
)
# a harm with its victim
_HARM_AIMED = "(" + _HARM_VERB + _VICTIM + "|" + _HARM_DONE + ")"
# fmt: off
_HARM_WORDS = frozenset({
    "kill", "killing", "shoot", "shooting", "stab", "stabbing", "murder", "hurt", "beat", "bash",
    "strangle", "choke", "burn", "bomb", "blow", "smash", "slit", "hang", "lynch", "gut", "cut",
    "rape", "torture", "execute", "break", "put", "take", "end", "run", "jump", "drown",
    "slaughter", "snap", "unalive", "finish", "kidnap", "abduct",
})
_FIRST_PERSON = frozenset({"i", "we", "i'll", "ill", "we'll", "im", "i'm", "we're", "imma", "ima",
                           "i'ma",
                           "gonna", "going", "gon", "finna", "i'd", "we'd"})
_WILL = frozenset({"i'll", "ill", "we'll", "will", "imma", "ima", "i'ma", "gonna", "going"})



def wordset(text: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(text.split())


# Who is found, got or hunted in a threat: a person (not "you a copy", "you home safe", "him
# the forms"), every or one of a group, where someone lives, or someone's family or home.
_PURSUED = (
    r"(?:(?:you|u|ya|y'all|yall|him|her|them)\b(?!\s+(?:a|an|the|some|any|more|one|two|what|"
    r"there|home|out|in|on|to|into|back|up|our|my|his|her|their|your|that|this|those|these|"
    r"info\w*|details|answers?|everything|something|anything|help|started|through|covered|"
    r"connected|ready|set|signed|registered|a copy|access|done)\b)"
    r"|(?:every|each) (?:one|last)\b|(?:all|one) of (?:you|u|ya|y'all|yall|them|your)\b|whoever\b"
    r"|where (?:you|u|he|she|they) (?:live|sleep|work|park)"
    r"|(?:your|his|her|their) (?:family|kids?|wife|husband|children|house|home|address)\b"
    r"|(?:that|the|those|these|this|every|each) (?:cop|pig|officer|deputy|chief|mayor|judge|"
    r"snitch|rat|bitch|bastard|punk)s?\b)(?![^.!?]{0,30}\b(buy|thank|thanks|hug|reward|lunch)\b)"
)


# What "must die" is said of when it is a thing: "the surveillance ordinance must die in
# committee", "this bill should die" (a measure's defeat, not a person's death); not "it" or
# "that", which may stand for a person ("she is a … that needs to die").
_MEASURES = (
    "bill bills ordinance ordinances proposal proposals plan plans policy policies law laws "
    "measure measures tax taxes levy program programs idea ideas project projects amendment "
    "budget contract deal initiative referendum ban rule rules curfew scheme pothole potholes "
    "camera cameras meter meters weeds fee fees fines roundabout roundabouts"
)
_NOT_A_MEASURE = not_after(_MEASURES.split()) + not_after(
    # the dead counted in a protest: "how many more people have to die in that jail"
    f"{many} {who}"
    for who in ["people", "kids", "children", "inmates", "men", "women", "lives", "patients", "prisoners"]
    for many in ("many", "more")
)


# Where someone lives, found out about an animal or to bring something back, is no threat: "we
# found out where the stray cat lives", "… where he lives and returned his wallet".
_NOT_A_PET = (
    r"(?! (the|a|that|this|our|my|your) ([a-z]+ )?(dog|dogs|cat|cats|puppy|puppies|kitten|pet|"
    r"pets|bird|stray|strays|goat|horse|owners?)\b)"
)
_BROUGHT_BACK = (
    r"(?![^.!?]{0,50}\b(return|returned|returning|took (him|her|it|them) (home|back)|bring|"
    r"brought|drop|dropped|deliver|delivered|give|gave|send|sent|mail|mailed)\b)"
)


# (anchor groups, pattern): a pattern runs only when every one of its groups has a word in the
# comment, so most comments cost a few set operations instead of thirty regular expressions.
THREAT_RULES: tuple[tuple[tuple[frozenset[str], ...], re.Pattern[str]], ...] = tuple(
    (groups, re.compile(pattern))
    for groups, pattern in (
        # first-person intent: "I'll find you and break your legs", "I'm going to kill you"
        ((_HARM_WORDS, _FIRST_PERSON),
         # ("gonna kill you" says who by itself; "these potholes are going to kill someone" names
         # a thing that will)
         r"\b(i|we|i'll|ill|we'll|im|i'm|we're|imma|ima|i'ma|(?<!is )(?<!are )(?<!'s )(?<!'re )(?<!was )(?<!were )(gonna|going to|gon))\b[^.!?]{0,30}\b(will|gonna|going to|gon|about to|finna|'ll|ll|)\s*" + _HARM_AIMED),
        ((_g("find", "get", "hunt", "come", "track", "visit", "see"), _WILL),
         r"\b(i'll|ill|we'll|i will|we will|imma|ima|i'ma|gonna)\s+(come\s+(and\s+|to\s+)?)?(find|get|hunt|come for|come after|track down|visit|see(?!\s+(you|u|him|her|them|y'all|yall)\s+(at|soon|later|tomorrow|next|then|there|around|when|again|tonight|in court|on)\b))\s+" + _PURSUED),
        # "we're going to find you, officer", "I am gonna hunt down that cop" (a person or their
        # home as the object: "I'll find something else to use", "we'll get this straightened
        # out" are not threats)
        ((_g("find", "get", "hunt", "come", "track"), _g("i", "we", "we're", "i'm", "we'll", "i'll")),
         r"\b(i|we)('ll|'re going to|'m going to|'re gonna|'m gonna|\s+will|\s+are going to|\s+am going to|\s+are gonna|\s+am gonna)\s+(find|get|hunt( down)?|come for|come after|track down)\s+" + _PURSUED),
        ((_HARM_WORDS, _WILL), r"\b(i'll|i will|we'll|we will)\s+" + _HARM_AIMED),
        # "I'll attack you", "gonna beat the hell out of him"
        ((_g("attack", "assault", "jump", "beat"), _FIRST_PERSON),
         r"\b(i'll|ill|i will|we'll|we will|i'm going to|im going to|i'm gonna|im gonna|gonna|imma|i'd love to|i want to|i wanna)\s+(attack|assault|jump|beat up|beat the (shit|crap|hell|fuck) out of)\s+(you|u|ya|him|her|them|y'all|yall)\b"),
        # "I will rip off your head", "I'd love to tear his face off"
        ((_g("rip", "tear"), _FIRST_PERSON),
         r"\b(i|we|i'll|ill|i'd|we'll|gonna|imma)\b[^.!?]{0,30}\b(rip|tear)\s+(off\s+)?(your|ur|ya|his|her|their)\s+(head|face|throat|heart|arms?|legs?|eyes?|tongue)\b"),
        # "I'll blow the hell out of you", "gonna blow your head off"
        ((_g("blow"), _FIRST_PERSON),
         r"\b(i'll|ill|i will|we'll|we will|gonna|i'm going to|im going to|imma|i'd)\s+(love to\s+)?blow\s+(the\s+(hell|shit|fuck|crap)|(your|ur|his|her|their)\s+(head|brains?|face))\s+(out of|off)\b"),
        # harm to a home or a car, promised: "I'll throw a brick through your window"
        ((_g("brick", "bricks", "rock", "rocks", "bottle", "molotov", "firebomb"), _g("window", "windows", "house", "car", "windshield", "door", "home")),
         r"\b(i'll|ill|i will|we'll|we will|gonna|going to|imma|about to|might)\b[^.!?]{0,40}\b(throw|put|chuck|toss|hurl)\s+(a|another|some)\s+(brick|rock|bottle|molotov( cocktail)?|firebomb)s?\b[^.!?]{0,20}\b(through|at|into|in)\s+(your|ur|ya|his|her|their|the (chief|mayor|sheriff|officer|cop|judge|deputy)'?s?)\s+(window|windows|house|car|windshield|door|home)\b"),
        # a death wished on the reader: "go die in a fire", "you should commit suicide" (the
        # rules read the clean text, without punctuation: "^" is the start of the comment, and
        # a match through the group named "opens" counts only where it opens a sentence)
        ((_g("die"), _g("go")),
         r"(^|\b(just|now|please|pls|plz|so|and)\s+|(?P<opens>\b))go\s+(and\s+)?die\b(?!\s+(down|out|off|your|ur|my|his|her|the|it)\b)"),
        ((_g("die", "suicide", "yourself", "urself", "yourselves"), _g("you", "u", "ya", "y'all", "yall")),
         r"\b(you|u|ya|y'all|yall)\s+(should|need to|ought to|gotta|better|deserve to)\s+(just\s+|go\s+)*(die(?!\s+(your|ur|my|his|her|the|it|down|out|off)\b)|commit suicide|kill (yourself|urself|yourselves|ya self))\b"),
        # "you're dead", "you're a dead man" (not "dead wrong", "dead to me", "dead on")
        ((_g("dead"), _g("you're", "youre", "ur", "you", "your")),
         r"(\b(you're|youre|you are|ur|u r)|^your)\s+(a\s+)?dead(\s+(man|meat))?(?=\s*$|\s+(when|once|the moment|as soon as|if you|bro|pal|buddy|officer|cop|pig|enough said)\b)"),
        # "look over your shoulder from now on", "better start watching over your shoulder"
        ((_g("shoulder"), _g("look", "looking", "watch", "watching")),
         r"\b(look|looking|watch|watching)\s+over\s+(your|ur|ya)\s+shoulder\b(?=[^.!?]{0,20}\b(from now on|every|always|for the rest|at night|forever)\b)|\b(better|gonna have to|will have to|need to|should)\s+(start\s+)?(look|watch)(ing)?\s+over\s+(your|ur|ya)\s+shoulder\b"),
        # wishes and incitement: "hope you die", "somebody should put a bullet in…"
        # "wish you death", "I wish him a slow and painful death"
        ((_g("wish", "wishing", "hope", "pray"), _g("death")),
         r"\b(wish|wishing|hope|pray)\w*\s+(you|u|ya|him|her|them|y'all|yall|all of you)\s+(a\s+)?((slow|painful|horrible|quick|gruesome|violent|miserable)\s+)?((and|&)\s+(slow|painful|horrible|gruesome|violent|miserable)\s+)?death\b"),
        ((_g("hope", "wish", "pray", "hoping", "praying", "wishing"),),
         r"\b(hope|wish|pray|hoping|praying|wishing)\b(?! (for|nobody|no one|noone|none|nothing|not|that no|no)\b)(?![^.!?]{0,40}\b(don't|dont|doesn't|doesnt|never|didn't|won't)\b)[^.!?]{0,40}\b(?<!who )(?<!whoever )(?<!that )(?<!was )(?<!were )(?<!got )(?<!been )(?<!who would )(?<!who will )(?<!that would )(die|dies|dead|killed|(?<!a )(?<!another )shot|murdered|raped|stabbed|hanged|hung|burns?" + _NOT_AN_EFFORT + r"|suffer|gets? hurt|gets? what'?s coming|get cancer|hit by a|run over|rot in hell|(a )?(slow|painful|horrible|violent|gruesome) (end|death)|rots? in (a|the) (ditch|ground|dirt|grave|gutter|morgue))\b(?!\s+(peacefully|of old age|happy|at home|comfortably|painlessly|surrounded|for (his|her|their|this|the|our) (country|family|kids|children|community))\b)"),
        ((_HARM_WORDS, _g("should", "need", "needs", "ought", "gotta", "must", "oughta", "has", "have")),
         r"\b(someone|somebody|people|we|y'all|yall|you all|they|citizens|everyone|anyone)(\s+out\s+there|\s+here|\s+in\s+this\s+(town|city|county))?\s+(should|need to|needs to|ought to|gotta|must|oughta|has to|have to)\s+(just\s+)?(go\s+)?" + _HARM),
        # "he should be shot", "should be publicly executed", "should get raped to death"
        ((_g("should"), _g("shot", "hanged", "hung", "killed", "executed", "lynched", "dead", "strung", "beaten", "burned", "burnt", "tortured", "raped", "stoned", "gassed", "murdered", "stabbed", "eaten", "skinned")),
         r"\bshould\s+(all\s+|just\s+|both\s+)?(be|get)\s+([a-z]+ly\s+)?(shot|hanged|hung|killed|executed|lynched|dead(?! (wrong|serious|set|last|tired|broke|center|on|even|right|asleep|silent|quiet)\b)|strung up|beaten|burned|burnt|tortured|raped|stoned to death|gassed|murdered|stabbed|eaten alive|skinned alive)\b(?!\s+(by accident|in (a|the) (movie|game|show|film)|for (the|a) (photo|picture|movie|film|scene)))"),
        # a death wished: "I wish you were dead", "wish you nothing but death", "you don't
        # deserve to live" (not "I wish I were dead", "wish you nothing but the best")
        ((_g("wish", "wishing", "wished"), _g("dead", "death", "die", "died")),
         r"\b(wish|wishing|wished)\s+(you|u|ya|y'all|yall|he|she|they|him|her|them|all of you|every one of you|your family)\s+((were|was|would|would just|could|had|have)\s+)?(just\s+)?(dead|die|died|drop dead|nothing but death|death)\b"),
        # "I really wish that the cowards at the substation would just die"
        ((_g("wish", "wishing", "hope", "hoping", "pray", "praying"), _g("die", "dead")),
         r"\b(wish|wishing|hope|hoping|pray|praying)\s+(that\s+)?(?!(no|nobody|no one|none)\b)[^.!?]{0,60}\b(?<!who )(?<!that )(?<!which )would\s+(all\s+)?(just\s+)?(die|drop dead)\b(?!\s+(peacefully|of old age|happy|at home|comfortably|painlessly|surrounded|for (his|her|their|this|the|our) (country|family|kids|children|community))\b)"),
        ((_g("deserve", "deserves"), _g("live", "life", "breathe", "alive", "exist")),
         r"\b(you|u|ya|y'all|yall|he|she|they|cops|pigs)\s+(don't|dont|do not|doesn't|doesnt|does not)\s+deserve\s+(to\s+live|life|to\s+breathe|to\s+be\s+alive|to\s+exist)\b(?!\s+(in|here|there|among|around|near|next|with|on|at|like|as|under|off|free|rent|without)\b)"),
        ((_g("should", "should've", "shouldve"), _g("shot", "killed", "hanged", "hung", "executed", "lynched")),
         r"\bshould('?ve| have)\s+(shot|killed|hanged|hung|executed|lynched)\s+(him|her|them|you|that|those|the|every)\b"),
        ((_g("deserve", "deserves"),),
         r"\b(deserve|deserves)\s+to\s+(die|be shot|be killed|hang|be hanged|be executed|burn|suffer)\b|\b(deserve|deserves)\s+(a\s+((slow|painful|horrible|violent)\s+)?)?death\b(?!\s+(penalty|sentence|row)\b)"),
        ((_g("bullet"),),
         r"(?<!had )(?<!has )(?<!with )(?<!found )(?<!removed )(?<!treated for )(?<!took )(?<!takes )(?<!take )(?<!taking )(?<!stopped )\b(a|one)\s+bullet\s+(for|in|to|between)\s+(you|him|her|them|every|each|the|that|his|her|your)\b"),
        ((_g("bullet", "round", "cap"), _g("put")), r"\bput\s+(a|one)\s+(bullet|round|cap)\s+in\b"),
        ((_g("burn", "blow", "bomb", "shoot", "torch", "firebomb"),),
         r"\b(burn|blow up|bomb|shoot up|torch(?! [^.!?]{0,25}\b(meeting|hearing|debate)\b)|firebomb)\s+(down\s+)?((the|your|his|her|that|their)\s+[^.!?]{0,25}\b(station|office|precinct|house|home|building|department|school|hall|car|cars|cruisers?|dmv|clinic|library|substation|jail|dispatch|headquarters|hq|meeting)|city hall|town hall|village hall|(this|that|the)?\s*courthouse|police headquarters|(every|all the)\s+(police\s+)?(stations|precincts))\b(?!'?s?\s+(phones?|lines?|inbox|inboxes|email|emails|voicemail|mailbox)\b|\s+with\s+(calls|emails|letters|messages|complaints|phone calls)\b)"),
        ((_g("burn", "blow", "shoot"),),
         r"\b(burn|blow|shoot)\s+(it|the place|them|the station|the office)\s+(down|up)\b[^.!?]{0,30}\b(with|inside)\b"),
        ((_g("burn"), _g("inside")), r"\bburn\b[^.!?]{0,40}\bdown\b[^.!?]{0,20}\bwith\b[^.!?]{0,20}\binside\b"),
        # veiled threats
        ((_g("know"), _g("we")),
         r"\bwe\s+know\s+where\s+(you|your|he|she|they|his|her|their|u)\b[^.!?]{0,30}\b(live|lives|sleep|sleeps|work|works|park|kids|family|families|children|wife|husband|go to school)\b"),
        ((_g("know"), _g("we", "i")),
         r"\b(we|i)\s+know\s+(your|his|her|their|where)\s+[^.!?]{0,20}\b(address|house|home|car|shifts?|kids|children|school|family|families|route|schedule)\b"),
        ((_g("make", "live", "survive"), _g("won't", "wont", "not", "never", "ain't", "isn't"),
          _g("retirement", "christmas", "weekend", "week", "end", "pension", "trial", "court")),
         # (a person's, not a case's or a budget's: "this case won't make it to trial")
         r"\b(you|u|he|she|they|y'all|yall|((the|that|this|your|ur|those|these) )?(" + TITLE_WORDS + r"|snitch|rat|witness|guy|man|woman|bitch|bastard|punk|clown|coward)( [a-z]+)?)\s+"
         r"(won'?t|will not|wont|not gonna|isn'?t going to|ain'?t gonna|never)\s+(make it|live|survive)\s+(to|till|until|through|past)\s+(see\s+)?(the\s+|his\s+|her\s+|their\s+|your\s+)?(retirement|christmas|the weekend|next week|the end|his pension|her pension|trial|court)\b"),
        ((_g("watch"), _g("back", "backs", "family", "kids", "step")),
         # (not safety advice: "watch your back when jogging at night")
         r"(?<!can't )(?<!cant )(?<!cannot )(?<!can not )\bwatch\s+(your|his|her|their|ur|yo)\s+(back|backs|family|kids|step)\b(?!\s+(when|while)\s+"
         r"(jogging|walking|running|biking|hiking|shopping|driving|parking|using|at|in|out|on|"
         r"you('re| are) (out|jogging|walking|running|shopping|alone))|"
         # ("watch your step on the ice today"; "watch your back out on the roads")
         r"\s+(out )?(on|in) (the |those |these )?(ice|icy|roads?|highways?|trails?|stairs|"
         r"steps|sidewalks?|snow|slush|rain|fog|parking lots?|lots?)\b)"
         # ("the sheriff should watch his back, the voters are coming for his job")
         r"(?![^.!?]{0,60}\b(voters?|vote|votes|election|ballot|polls|primary|recall|his job|her "
         r"job|their jobs|seat|reelection)\b)"),
        ((_g("sleep"), _g("eye")), r"\bsleep\s+with\s+one\s+eye\s+open\b"),
        ((_g("coming"),),
         r"\b(you'?ll|you will|he'?ll|he will|she'?ll|they'?ll|u will|youll)\s+(get|be getting)\s+(what'?s|whats)\s+coming\b"),
        ((_g("coming", "comin", "comin'"),), r"\b(gets?|getting)\s+(what'?s|whats)\s+comin'?g?\s+to\s+(him|her|them|you|u|ya|y'all|yall)\b"),
        ((_g("bag", "feet", "box", "tag", "ground"),),
         r"\b(body bag|six feet under|toe tag|pine box)\b|\b(you|u|ya|he|she|they|him|her|them|y'all|"
         r"yall|cops?|pigs?|officers?|deputies|deputy|sheriff|chief|mayor|judge|detective|"
         r"sergeant|trooper|commissioner|snitch|rat|bitch|bastard)\b[^.!?]{0,25}\b(in a box|in "
         r"the ground)\b(?! (truck|van|trucks|vans|of|lunch|store|fan)\b)"),
        ((_g("numbered"),),
         r"\b((your|his|her|their)|(" + TITLE_WORDS + r"|lieutenant|lt|captain|sarge) [a-z]+'s|the (" + TITLE_WORDS + r")'s)\s+days\s+are\s+numbered\b"),
        # people, not crime or pests, to be wiped out: "They should be extinguished" (not "Crime
        # should be wiped out in this neighborhood")
        ((_g("exterminated", "eradicated", "extinguished", "wiped", "annihilated"), _g("should", "must", "need", "needs")),
         r"\b(they|you|y'all|yall|you people|cops|pigs|officers|deputies|people|officials|politicians)\s+(all\s+)?(should|must|need to|needs to)\s+(all\s+)?be\s+(exterminated|eradicated|extinguished|annihilated|wiped out|wiped off the (face of the )?(earth|planet|map))\b"),
        # a death wished or intended without a harm verb: "I want to end your life", "people like
        # you would all be dead", "the world would be better off without you"
        ((_g("end", "ending"), _g("life", "lives")),
         r"\b(i|we|i'll|we'll|ill|imma|ima)\b[^.!?]{0,15}\b(want|wanna|going|gonna|will|'ll|would love|'d love|like)\s+(to\s+)?end\s+(your|his|her|their|every|each|all)\b[^.!?]{0,30}\bli(fe|ves)\b(?!\s+(sentences?|support|cycles?|savings|insurance|of (crime|poverty|addiction)))"),
        ((_g("dead"), _g("like", "all")),
         r"\blike\s+(you|u|ya|y'all|yall)\s+(would|should|will|'d)\s+(all\s+)?be\s+dead\b|\b(you|u|y'all|yall|you people)\s+(should|would)\s+all\s+be\s+dead\b"),
        ((_g("without"), _g("world", "earth", "planet", "humanity")),
         r"\b(world|earth|planet|humanity)\s+(would|will|'d)\s+be\s+(a\s+)?(better|safer|happier|nicer)(\s+place)?\s+(off\s+)?without\s+(you|u|ya|y'all|yall|people like you|([a-z]+\s+){1,2}like you|(him|her|them)(?!\s+(in|on|at|as)\b))\b"),
        # a death looked forward to, in the first person: "I want to dance on your grave", "can't
        # wait to piss on his grave" (not "others dancing on their graves")
        ((_g("grave", "graves"), _g("dance", "dancing", "piss", "pissing", "spit", "spitting", "shit")),
         r"\b(i|we|i'll|ill|we'll|i'd|we'd|i'm|im|gonna|wanna|want to|going to|can't wait to|cant wait to)\b[^.!?]{0,30}\b(dance|dancing|piss|pissing|spit|spitting|shit)\s+on\s+(your|his|her|their|ur|ya|all your|all their|(that|the|this)\s+[a-z]+'s)\s+graves?\b"),
        ((_g("count", "counting"), _g("days")), r"\bcount(ing)?\s+(your|the|his|her)\s+days\b"),
        ((_g("see", "meet", "catch"), _g("outside", "shift", "parking", "duty", "alone")),
         r"\b(see|meet|catch)\s+(you|u|him|her)\s+(outside|after (your|his|her) shift|in the parking lot|off duty|alone)\b"),
        ((_g("shame", "accidents"),), r"\b(it would be a shame if (something|anything) (happened|happens|were to happen|was to happen)" + CARED_FOR + r"|shame if something happened" + CARED_FOR + r"|(^|[.!?] )(?![^.!?]*\b(careful|drive|driving|roads?|fog|ice|icy|snow|rain|slow down|speed|buckle|seatbelts?|helmets?|safe|safely)\b)[^.!?]*?\baccidents happen\b(?!,? (on|at|in|every|all|when|sometimes|glad|thank|so|but|please|drive|slow|stay|be careful)\b))"),
        # ("consequences" at the next election, for the budget or a career are the voters')
        ((_g("blood", "bloodshed", "violence", "consequences"),),
         r"\bthere (will|is going to|'s gonna) be (blood|bloodshed|violence|consequences(?![^.!?]{0,80}\b(election|elections|november|vote|votes|voters?|voting|ballot|polls|recall|primary|budget|levy|tax|taxes|funding|career|job|resign\w*|fired|accountab\w*|remember)\b))\b"),
        # a family taken away, promised: "I will make sure you never see your kids again" (not
        # the warning "drive drunk and you'll never see your kids again")
        ((_g("see"), _g("never", "won't", "wont")),
         r"\b(make sure|see to it|promise)( that)? (you|u) (never|won't|wont|will never) (see|hug|hold) (your|ur) (kids|family|children|wife|husband|daughter|son)( again)?\b"),
        ((_g("blood"), _g("spilled", "spilt", "spill", "flow", "run")),
         r"\bblood (will|is going to|'s gonna|gonna) (be spilled|be spilt|spill|flow|run)\b"),
        # coming back armed: "fire me and I'll come back with my AR" (not "with my AR-15
        # registration paperwork")
        ((_g("back"), _g("ar", "ar-15", "ar15", "gun", "guns", "rifle", "shotgun", "pistol", "glock", "piece", "strap", "nine")),
         r"\b(i'll|ill|i will|we'll|we will|imma|ima|i'ma|i'm gonna|im gonna|i'm going to|gonna) (come|be|coming) back (here |there )?with (my|a|an|some|the) (ar|ar-15|ar15|guns?|rifle|shotgun|pistol|glock|piece|strap|nine)\b(?! (registration|paperwork|permit|license|licence|receipt|case|safe|lock|serial))"),
        # death foretold or demanded: "you will die", "X must die", "ban me and die"
        ((_g("die", "dead", "hunted", "burn"), _g("will", "shall", "gonna", "going", "you'll", "youll", "u")),
         r"\b(you|u|ya|he|she|they|y'all|yall|you all|your family|you and your family)( [^ ]+)? (will|shall|gonna|are going to|is going to|'ll) (die|be dead(?! (wrong|serious|set|last|tired|broke|center|on|even|right|asleep|silent|quiet|tired))|be hunted|burn|be burned)\b|\b(you'll|youll) (die|be dead(?! (wrong|serious|set|last|tired|broke|center|on|even|right|asleep|silent|quiet|tired))|be hunted|burn)\b"),
        ((_g("die", "killed", "shot"), _g("must", "should", "deserve", "deserves", "needs", "need", "ought", "has", "have", "got", "gotta")),
         r"\b" + _NOT_A_MEASURE + r"(must|should|deserves? to|needs? to|ought to|(?<!n't )(?<!not )(?<!never )(?<!nobody )(?<!no one )(has to|have to|got to|gotta))( [^ ]+)? (die|be killed|be shot)\b"),
        ((_g("die"), _g("and", "or")), r"\b(and|or|then|so) (just )?die\b"),
        ((_g("dead", "death"),), r"\b(drop dead(?! (gorgeous|beautiful|sexy|funny|serious|gorgeous|stunning|simple))|(?<!every )(?<!each )(?<!any )(?<!a )(?<!the )(?<!his )(?<!her )(?<!their )(?<!this )(?<!that )(?<!one )death to(?! (blame|be|do|make|push|score|justify))|your death is|(you'd|you would|he'd|she'd) be dead(?! (wrong|serious|set|last|tired|broke|center|on|even|right|asleep|silent|quiet|tired)))\b"),
        ((_g("yourself", "urself", "yourselves", "kys"),),
         r"(?<!don't )(?<!dont )(?<!never )(?<!not )(?<!don't ever )(?<!dont ever )(?<!never ever )\b(kill|hang|shoot|off) (yourself|urself|yourselves)\b|\bkys\b"),
        # first-person violence without a weapon word: "I'll kick the shit out of you"
        ((_g("kick", "punch", "slap", "smack", "beat", "fuck", "slaughter", "castrate", "mutilate",
             "strangle", "behead", "decapitate", "sever", "stomp", "hurt"),
          _g("i'll", "ill", "i", "we'll", "we", "imma", "ima", "gonna", "shalt", "shall")),
         r"\b(i'll|ill|i will|i shall|i shalt|we'll|we will|imma|ima|i'ma|i'm gonna|im gonna|i am going to|i'm going to|we're going to|we are going to|gonna)\s+(kick|punch|slap|smack|beat|fuck|slaughter|castrate|mutilate|strangle|behead|decapitate|sever|stomp|hurt)\b[^.!?]{0,25}\b(you|your|u|ur|him|her|them|thy|his|their)\b"
         r"(?!\s+(butts?|behinds?|records?|times?|scores?|numbers|teams?)\b)" + _CONTEST),
        # a beating called for or promised: "let's go beat their … ass", "someone should kick
        # that ass" (the first-person rule above needs "I'll" and a pronoun)
        ((_g("ass", "asses"), _g("beat", "kick", "whoop", "smack", "knock", "stomp")),
         r"\b(let's|lets|let us|go|i'll|ill|i will|we'll|we will|gonna|imma|ima|i'ma|i'm going to|im going to|someone|somebody|should|needs? to|ought to|gotta)\s+(go\s+)?(beat|kick|whoop|smack|knock|stomp)\s+(his|her|their|your|ur|yo|that|this)\s+([a-z']+\s+){0,2}ass(es)?\b"),
        # street words for shooting a group: "gonna blast every cop I see", "spray all the pigs"
        ((_g("blast", "blasting", "spray", "spraying", "smoke", "smoking", "clap", "clapping", "drop", "dropping", "pop", "popping"),
          _g("every", "all", "any")),
         r"\b(blast|blasting|spray|spraying|smoke|smoking|clap|clapping|drop|dropping|pop|popping)\s+(every|all( of)?( the| you| them| those| these)?|any)\s+([a-z]+\s+)?(cops?|pigs?|officers?|deputies|deputy|feds?|troopers?|agents?|jailers?|guards?|wardens?|marshals?|detectives?|judges?|sheriffs?|one of (you|them|those|these))\b"),
        # a lynching foretold: "you crooked cops will be swinging from trees"
        ((_g("swinging", "hanging", "dangling"), _g("tree", "trees", "rope", "ropes", "lamppost", "lampposts", "overpass", "bridge", "streetlight", "streetlights", "noose")),
         r"\b(you|u|y'all|yall|they|he|she|cops?|pigs?|officers?|deputies|judges?|them|all of (you|them))\b[^.!?]{0,40}\b(swinging|hanging|dangling)\s+(from|off)\s+(a\s+|the\s+|an\s+)?(trees?|ropes?|lamp ?posts?|overpass(es)?|bridges?|streetlights?|noose)\b"),
        # a death foretold on the way home: "pull me over again and you won't be going home to
        # your family" (not "you won't be going home tonight, you'll be going to jail")
        ((_g("home"), _g("won't", "wont", "not", "ain't", "aint", "aren't", "isn't", "never")),
         r"\b(you|u|he|she|they)( [a-z']+){0,2} (won't|wont|will not|ain't|aint|are not|aren't|isn't|is not|never) (be )?(going|gonna go|go|making it|make it|coming|get to go) home (to (your|his|her|their|ur) [a-z]+|alive|in one piece|ever again|again)\b"),
        # conditional: a harm promised if the agency does or does not act
        ((_g("sorry", "regret"), _g("or", "else", "unless", "if", "until", "keep")),
         r"\b(or (else )?|unless [^ ]+( [^ ]+){0,6} |keep (it up|this up|ignoring [^ ]+) and )(you'll|you will|you're gonna|you are going to|they'll|he'll|she'll|u will|youll) (be sorry|regret (it|this))\b"),
        ((_g("regret"), _g("make")), r"\b(we|i)('ll| will| are going to| am going to|'re gonna|'m gonna) make (you|him|her|them|u) regret\b"),
        ((_g("good"), _g("know")), r"\bif (you|u|he|she|they) know(s)? what's good for (you|u|him|her|them)\b"),
        ((_g("happen", "happens", "happened"), _g("bad", "something", "see", "what", "watch")),
         r"\b(something (bad|terrible|awful|nasty) (is going to|is gonna|will|might|could) happen to (you|your|him|his|her|them|their|that|the)|(and|then) (see|watch) what happens (to|when) (you|your|ur|that|the|his|her|their|this|y'all|yall))\b"),
        ((_g("survive"), _g("won't", "wont", "not", "never")),
         r"\b(won't|wont|will not|not gonna|never) survive (the|this|next) (week|weekend|night|month|year)\b"),
        ((_g("bad", "rough", "long"), _g("weekend", "night", "day", "week")),
         r"\b(is|are|gonna|going to|will) (have|be having) a (very |really )?(bad|rough|long) (weekend|night|day|week)\b"),
        ((_g("safe"), _g("won't", "wont", "not", "never", "isn't")),
         r"\b(family|families|wife|husband|kids|children|daughter|son|house|home|officers?|you|he|she|they)( [^ ]+){0,2} (won't|wont|will not|is not|isn't|are not|aren't|never) (be )?safe\b"),
        ((_g("hospital", "morgue", "grave", "ambulance", "wheelchair"),),
         # (not a worry for passers-by: "someone's gonna end up in the hospital at that corner")
         r"\b(?<!someone's )(?<!somebody's )(?<!someone is )(?<!somebody is )(?<!someone )(?<!somebody )(?<!kids are )(?<!people are )(?<!child is )(?<!kid is )"
         r"(you'll|you will|you're gonna|u will|gonna|going to|he'll|she'll|they'll) (end up|wind up|be|leave) in (the|a) (hospital|morgue|grave|ambulance|wheelchair)\b"),
        # implied: a remark about someone's house, car or family that only makes sense as menace
        ((_g("shame", "pity", "hate"), _g("if", "for")),
         # (not a council's or a city's choice: "it would be a shame if the council cut the
         # library hours", "if they closed the pool")
         r"\b(((be|would be|it'd be|it would be|such) a |^|\bwhat a )(shame|pity) if|('d|would) hate (for|if)) "
         r"(?!(the|that|this|our|your) (council|city|county|board|commission|state|legislature|voters|court|school|district|department|government|mayor|library|budget|levy|bill|ordinance|measure|program|pool|park)\b)"
         r"(?!it (rain|rains|rained|snow|snows|snowed|storm|storms|stormed|pours|poured|hails|hailed)\b)"
         r"(?!(they|we|you) (cut|cuts|close|closed|raise|raised|cancel|canceled|cancelled|vote|voted|pass|passed|approve|approved|shut|end|ended|lose|lost|miss|missed|stop|stopped|drop|dropped)\b)"
         r"(anything|something|it|the|your|his|her|their|those|that|they|someone)\b"
         # (a thing cared for: "would hate for something to happen to the old station mural")
         # (nor a worry for the K9 on the ice, nor "for your family to miss the fireworks")
         + CARED_FOR + r"(?![^.!?]{0,60}\b(be careful|stay safe|take care|careful out there|drive safe|slow down)\b)"
         r"(?![^.!?]{0,30}\bto (miss|lose out on|not see|not get|forget|be late)\b)"),
        ((_g("watching"), _g("we're", "we", "i'm", "im", "i")), r"\b(we're|we are) watching\b|\b(i'm|i am|im) watching (you|u|him|her|them|your)\b"),
        ((_g("tight"), _g("sleep")), r"\bsleep tight\b(?!,? (everyone|everybody|all|folks|y'all|yall|friends|neighbors|neighbours|kids|little|babies|and|sweet|(the )?storm|[a-z]+ county)\b)(?![^.!?]{0,40}\b(you earned|you deserve|earned it|deserve it|well deserved|after (that|a|your|the) ([a-z]+ )?shift|thank)\b)"),
        ((_g("know"), _g("we", "i")),
         r"\b(we|i) (know|found out|figured out) (exactly )?(where|which|what time|when) (your|his|her|their|the|you|he|she|they)\b( [^ ]+){0,6} (lives?|house|home|sleeps?|kids|children|family|school|car|parks?|get out|wife|husband|works?)\b" + _BROUGHT_BACK + r"|\b(we|i) know (exactly )?(what time|when) (your|ur|his|her|their) shift (ends|starts|is over|lets out)\b"),
        # a home looked up: "took me ten minutes to find where you sleep" (not to send a card)
        ((_g("find", "found", "look", "looked", "track", "tracked", "locate", "located", "figure", "figured"), _g("where"), _g("live", "lives", "sleep", "sleeps", "stay", "stays", "park", "parks")),
         r"\b((i|we)( [a-z']+){0,2}|took (me|us)( [a-z0-9']+){0,4} to|(easy|wasn't hard|wasnt hard|not hard|simple) to) (find|found|look up|looked up|track down|tracked down|locate|located|figure out|figured out) (out )?where" + _NOT_A_PET + r" (you|u|he|she|they|y'all|yall|the [a-z]+|officer [a-z]+|deputy [a-z]+)( [a-z']+){0,2} (live|lives|sleep|sleeps|stay|stays|park|parks)\b" + _BROUGHT_BACK),
        ((_g("know", "found"), _g("lives", "live", "house", "home")),
         r"\b(i|we) (know|found out|figured out) (exactly )?(where|which house)" + _NOT_A_PET + r"( [^ ]+){0,4} (lives|live|belongs)\b" + _BROUGHT_BACK),
        ((_g("visit", "call"), _g("house", "pay")), r"\b(time for a house call|pay (him|her|them|you) a visit)\b"),
        ((_g("wife", "husband", "kids", "children", "daughter", "son", "family"),
          _g("bus", "school", "drops", "walks", "picks", "gets", "morning", "elementary", "stop")),
         # (a named person's family, or "your", "his" family beside an officer's or official's
         # title, with no kind word after it: not "please slow down, your kids walk to school on
         # this road too", "the sheriff's daughter plays in the school band, so proud of her")
         r"(?<!put )(?<!send )(?<!sending )(?<!putting )(?<!enroll )(?<!enrolling )\b([a-z]+'s " + _FAMILY_GOES + r"|"
         r"(your|his|her|their) " + _FAMILY_GOES + r"(?=[^.!?]*\b" + _TITLES + r"\b)|"
         + _TITLES + r"\b[^.!?]*\b(your|his|her|their) " + _FAMILY_GOES + r")"
         r"(?![^!?]{0,120}\b(" + _KIND + r"|" + _SAFETY_ASK + r")\b)"),
        ((_g("bus", "daycare", "practice", "ride", "rides", "route"), _g("wife", "husband", "kids", "children", "daughter", "son", "family")),
         r"\b(your|his|her|their|[a-z]+'s) (wife|husband|kids|children|daughter|son|family) ( ?[^ ]+){0,3}(rides?|takes?|catch(es)?) (the |bus |a )*(bus|daycare|practice|route)\b|\b(drops?|takes?|picks?) (your|his|her|their|[a-z]+'s) (kids|children|daughter|son) (up |off )?(at|to|from) (daycare|school|practice|the bus)\b|\bwhich (daycare|school|bus) (your|his|her|their|[a-z]+'s) (kids|children|daughter|son)\b"),
        ((_g("time"), _g("matter"), _g("gets", "get", "catches", "finds", "reaches")),
         r"\bmatter of time (before|till|until) (someone|somebody|we|they|i|one of us|one of them|people) (gets|get|catches|catch|finds|find|reaches) (to )?(you|u|ya|him|her|them|y'all|yall|every|one of you)\b"),
        ((_g("catch", "see", "find", "meet", "run"), _g("never", "clock", "uniform", "badge", "duty", "alone")),
         r"\bhope (i|we) never (catch|see|find|meet|run into) (you|u|ya|y'all|yall|him|her|them)\b|\b(catch|see|find|meet) (you|u|ya|y'all|yall|him|her|them) (off the clock|out of uniform|without (your|his|her|the) (badge|gun|uniform))\b"),
        ((_g("ready", "strapped", "armed", "prepared"), _g("come", "meet")),
         r"\bmeet me\b[^.!?]{0,60}\b(come|be) (ready|strapped|armed|prepared)\b|\bcome (strapped|armed)\b"),
        ((_g("waiting"), _g("i'll", "we'll", "will", "i'm", "im", "we're", "are", "am", "be")),
         r"\b(i'll|ill|we'll|i will|we will|i'm|im|we're|we are|i am)( be)? waiting (for (you|u|him|her|them) )?(outside(?![^.!?]{0,40}\b(for (my|our|a|the bus)|to (pick up|get|collect|file|drop off|sign|pay|meet with|give|hand|deliver|talk to))\b)|behind|in (the|your|his|her) (parking|garage|driveway|lot)|at (your|his|her|their) (house|home|door|car)|by (your|his|her|their) (house|car|door)|in your|after (your|his|her) shift|when (you|he|she|they) (get|gets|come|comes) (home|out|off))"),
        ((_g("address", "addy"), _g("got", "have", "found", "pulled", "know", "looked", "dug")),
         r"\b(i|we|i've|we've|ive)( [^ ]+)? (got|have|found|pulled|know|looked up|dug up) (your|ur|his|her|their|the [a-z]+'s|[a-z]+'s) (home |house |real |personal |exact )?(address|addy)\b(?!\s+on file|[^.!?]{0,40}\b(permit|application|mailing|letter|refund|delivery|ballot|invoice|bill|package|records)\b)"),
        ((_g("see", "live", "make"), _g("won't", "wont", "not", "never", "ain't", "aint")),
         r"\b(you|u|ya|he|she|they|y'all|yall)( [^ ]+)? (won't|wont|will not|ain't gonna|aint gonna|never gonna|are not gonna|is not gonna) (see|live to see|make it to) (christmas|the new year|new year'?s|next year|retirement|tomorrow|another birthday|the weekend|next week|spring|summer|thanksgiving|your kids|his kids|her kids|your pension)\b"),
        # property harm said as a forecast: "your office windows are coming in by morning"
        ((_g("windows", "window", "doors", "door", "car", "cruiser", "cruisers", "house", "station", "precinct", "office", "tires", "truck"),
          _g("coming", "going", "getting", "gonna", "will")),
         r"\b(your|ur|his|her|their|the [a-z]+'s|[a-z]+'s)( [^ ]+){0,2} (windows?|doors?|cars?|cruisers?|house|station|precinct|office|tires|truck)( [^ ]+)? (are|is|will be|'re|gonna be|gonna|will|are going to be|is going to be)? ?(coming in|going up in flames|going up|getting (smashed|bricked|torched|burned|slashed|busted))\b"),
        # menace said in the idioms English keeps for it: "you've been warned", "you're next",
        # "mark my words … pay", "won't be pretty", "teach him a lesson", "lock his doors"
        ((_g("warned"), _g("been", "consider")),
         r"\b(you'?ve been warned|you have been warned|consider yourselves? warned)\b"
         # (not a report of an earlier warning: "you have been warned twice on your talk page")
         r"(?! (twice|before|again|already|several|many|multiple|\d+|by|on|about|that|not|to|for|"
         r"repeatedly|numerous|three|two))"),
        ((_g("next"), _g("you're", "youre", "ur", "you", "are")),
         r"\b(you'?re|you are|ur|youre) next\b(?! (in line|week|month|year|time|up|door|to|on the|for))"),
        ((_g("pay", "pays", "answer", "answers"), _g("blood", "life", "lives", "dearly")),
         r"\b(pay|pays|paying|answer|answers|answering)( for (this|that|it))? (in|with) (blood|(his|her|their|your) (blood|li(fe|ves)))\b(?!,? sweat)|\bpay dearly\b"),
        ((_g("pretty"), _g("won't", "wont", "not", "ain't", "aint")),
         r"\b(won'?t|will not|ain'?t gonna|is not gonna|isn'?t going to) be pretty\b"),
        ((_g("find"), _g("out"), _g("keep", "mess", "messing", "touch", "cross")),
         r"\b(you'?ll|you will|you'?re gonna|you are going to|gonna) find out what happens\b"),
        ((_g("lesson"), _g("teach", "taught")),
         r"\bteach(ing)? (him|her|them|you|that|this|those|these|the|a few|some)( [^ ]+){0,3} a lesson\b(?! (about|in|on|at|from|for) (?!(pain|blood|violence|respect|fear|manners)\b))"),
        ((_g("doors", "door"), _g("lock"), _g("better")),
         r"\bbetter lock (his|her|their) doors?\b"),
        ((_g("armed", "loaded"), _g("ready", "locked")), r"\b(armed and ready|locked and loaded)\b"),
        ((_g("signs"), _g("more")), r"\bbring(ing)? more than (signs|words|posters|our voices)\b"),
        ((_g("alley", "alone", "dark"), _g("catch", "find", "meet", "get")),
         r"\b(catch|find|meet|get) (him|her|them|you|u|officer [a-z]+|that [a-z]+|the [a-z]+|[a-z]+)( [^ ]+){0,2} alone\b[^.!?]{0,25}\b(dark|alley|night|parking)\b"),
        ((_g("knife", "blade", "bullet"), _g("gut", "back", "throat", "neck", "chest", "head")),
         r"(?<!had a )(?<!has a )(?<!with a )(?<!found a )(?<!for a )(?<!removed a )\b(knife|blade|bullet|shiv) in (his|her|their|your|ur) (gut|back|throat|neck|chest|head|skull)\b"),
        ((_g("tree", "lamppost", "lamp", "rope", "oak", "branch", "streetlight", "overpass", "flagpole", "pole"), _g("hang", "hanging", "hung", "swing", "swinging", "dangling")),
         r"\b(hang|hanging|hung|swing|swinging|dangling) (from|off) (a|the|the nearest|every|that|some) ([a-z]+ ){0,2}(tree|oak|branch|lamppost|lamp post|street ?light|light ?pole|flag ?pole|bridge|overpass|rope)\b(?! (decorations?|lights?|ornaments?|baskets?|banners?|flags?)\b)"),
        ((_g("taking", "take", "pick"), _g("one", "out", "off")),
         r"\b(taking|take|pick(ing)?) (out|off) (these|those|the|all|every|each)( [^ ]+){0,2} (cops|pigs|officers|deputies|judges|officials)( one by one)?\b"),
        ((_g("burn", "torched", "burning"), _g("see", "watch", "city", "town", "station", "precinct", "getting")),
         r"\b(see|watch) (this|that|the|your) (station|precinct|place|house|building|city|town|courthouse|department)( [^ ]+)? (burn|go up in flames)\b|\b(this|the) (city|town|station|precinct|courthouse|place) (is|are|will be|gonna be)( [^ ]+)? (getting |going to get |gonna get )?(torched|burned down|burnt down|on fire)\b"),
        ((_g("light", "lighting"), _g("cruiser", "cruisers", "car", "cars", "house", "station", "precinct", "truck")),
         r"\b(light|lighting) up (the|that|this|your|his|her|their|every|each|a)( next)?( [^ ]+){0,2} (cruiser|cruisers|car|cars|house|station|precinct|truck)\b"),
        ((_g("sugar"), _g("tank", "tanks")), r"\bsugar in (the|their|his|her|your|those)( [^ ]+){0,2} (gas )?tanks?\b"),
        ((_g("happened", "happen", "happens"), _g("terrible", "awful", "sad", "tragic", "bad", "shame", "pity", "hate")),
         r"\b(would|it'?d|it would|be) (be )?(a )?(terrible|awful|sad|tragic|too bad|real shame|shame|pity)( [^ ]+)? if (something|anything)( bad)? (happened|were to happen|happens) to (him|her|them|you|(your|his|her|their) (family|kids|children|wife|husband|daughter|son|girls|boys|house|home))\b"),
        # a time and place to meet "with protection"
        ((_g("protection", "backup", "need"), _g("bring", "with", "need")),
         r"\b(bring|with) (some |your )?(protection|backup|friends|a vest)\b( [^ ]+){0,4}( (you'll|you will|you're going to|you are going to|you're gonna) need it)?"),
        ((_g("alone"), _g("come", "meet")), r"\b(come|meet me) alone\b"),
        # harm to vehicles and buildings
        ((_g("torch", "burn", "smash", "slash", "slashed", "flip", "firebomb", "trash", "wreck", "key"),
          _g("car", "cars", "cruiser", "cruisers", "tires", "windows", "window", "station", "precinct", "substation", "house", "office", "vehicle", "vehicles", "truck")),
         r"\b(torch|burn|smash|slash|flip|firebomb|trash|wreck|key)(ed)? (down |up )?(every |all |each |the |those |that |your |his |her |their )?([^ ]+ ){0,3}(cars?|cruisers?|tires|windows?|station|precinct|substation|house|office|vehicles?|truck)\b"),
        ((_g("tires", "windows", "cars", "cruisers", "car", "truck"), _g("slashed", "smashed", "fire", "burning", "torched", "flipped")),
         # (not a report: "my tires got slashed last night", "the windows were smashed")
         r"\b(tires|windows|cars?|cruisers|truck)( [^ ]+){0,3} (get |be |are |will be |would look better )(slashed|smashed|on fire|burning|torched|flipped)\b"),
        # a tragedy foretold for someone's things: "it'd be a real tragedy if your patrol car's
        # brakes went out"
        ((_g("tragedy", "shame", "pity"), _g("if")),
         r"\b(it'?d|itd|it would|would|that'?d) be a (real |terrible |awful |damn |)?(tragedy|shame|pity) if (your|ur|his|her|their|[a-z]+'s)( [^ ]+){0,3} (went|got|caught|were|was|broke|blew|fell|stopped)\b"),
        # arson wished on people's houses: "their houses should burn like ours did"
        ((_g("burn", "torched", "flames"), _g("should", "ought", "deserve", "deserves", "need", "needs")),
         r"\b(your|their|his|her|[a-z]+'s|(the )?(cops|officers|deputies|pigs|judges|feds|troopers|narcs)) (houses?|homes?|cars?|cruisers?|station|precinct)( [^ ]+){0,2} (should|ought to|need to|needs to|deserve to|deserves to) (burn|be burned|be torched|go up in flames|burn down)\b"),
        ((_g("fire", "caught", "burn", "burned", "burns"), _g("shame", "pity", "if")),
         r"\b(shame|pity) if (it|the|your|his|her|their|that)( [^ ]+){0,2} (caught fire|burned|burnt|burns|got burned)\b"),
        # "shame if it didn't stay in one piece" (not "a shame if it didn't pass")
        ((_g("shame", "pity"), _g("if")),
         r"\b(shame|pity) if (it|that|something|anything) (didn't|did not|wasn't|was not|were to|was to|got|caught|went|happened|accidentally|ended up|burned|broke)\b(?! (to )?(pass|passed|approved|funded|fixed|repaired|cleaned|open|opened|reopen|reopened|rain|rained|snow|snowed))" + CARED_FOR + r"|"
         # "… softball at Memorial Field every Thursday. shame if she got hurt."
         r"\b(shame|pity) if (he|she|they|someone|somebody|one of (them|those kids|his kids|her kids)) (got|gets|was|were|ended up|happened to get) (hurt|injured|hit|shot|killed|burned|attacked|jumped|beaten|taken|snatched|grabbed)\b"),
        # wishing death on officers, officials or a group of them
        ((_g("casket", "coffin", "grave", "ditch", "bag"),),
         r"\b(deserves?|belongs?|needs?|should be|end up|ends up) (a |an |in a |in the )?(casket|coffin|grave|body bag|ditch)\b|(?<!nail )(?<!nails )\bin (a |the )?(casket|coffin|body bag)\b"),
        ((_g("die", "dead"), _g("choke", "rot", "ditch", "should", "better", "cops", "pigs", "officers", "deputies")),
         r"\b((choke|rot|burn) and die|(?<!found )(?<!was )(?<!were )(?<!lying )(?<!left )dead in a ditch|(should|better) (all )?be dead(?! (wrong|serious|set|last|tired|broke|center|on|even|right|asleep|silent|quiet))|dead (cops|pigs|officers|deputies))\b"),
        ((_g("flattens", "flatten", "hits", "runs", "crushes"), _g("hope", "pray", "wish")),
         r"\b(hope|pray|wish)( [^ ]+){0,3} (a |the )?(truck|bus|car|train)( [^ ]+){0,2} (flattens|hits|runs over|crushes)\b"),
        ((_g("die", "dies"), _g("may", "hope", "every")), r"\bmay (every|all|each|they|he|she|you)( [^ ]+){0,5} (die|dies|rot)\b"),
        # armed presence announced at a named place
        ((_g("rifle", "shotgun", "gun", "guns", "ar", "ak", "glock", "pistol", "piece", "ar-15", "ar15"),
          _g("coming", "bringing", "bring", "showing", "come")),
         r"\b(i'm|im|i am|we're|we are|i'll be|we'll be)? ?(coming|bringing|bring|showing up)( [^ ]+){0,8} (with )?(my|our|a) (rifle|shotgun|gun|guns|ar|ak|glock|pistol|piece|ar-15|ar15)\b"
         # (the place it is brought to is part of the match: "my rifle to the budget hearing" is not
         # harm to a budget)
         r"( (to|into|at) (the|this|that|tonight's|tomorrow's|next|our|your)( [a-z]+){1,2}\b)?"),
        # menace in the shapes of posts read out in threat prosecutions: revenge promised,
        # a court order that "won't stop a bullet", weapons stockpiled for someone, a massacre
        # announced in the first person, a weapon drawn, plans for someone, a launcher aimed
        # at a house
        # (not a bond's or a loan's payback)
        ((_g("revenge", "vengeance", "payback", "payback's", "revenge's"), _g("coming", "mine", "dish", "served", "is", "will", "way")),
         r"\b(revenge|vengeance|payback)( is|'s| will be) (coming|mine|a dish|best served|served|on its way)\b"
         r"(?![^.!?]{0,40}\b(loans?|debt|taxes|mortgage|bills?|payments?|student|rent|refund|bonds?|"
         r"investments?|dividends?|interest|stocks?|funds?)\b)(?![^!?]{0,60}\b(haha\w*|lol|lmao|jk|"
         r"kidding)\b)"),
        ((_g("bullet", "bullets"), _g("stop")),
         r"\b(your|ur|ya)\s+([a-z]+\s+){0,2}(order|orders|paper|papers|pfa)\b[^.!?]{0,40}\bstop (a|the|my|any) bullets?\b"),
        ((_g("enough"), _g("guns", "ammo", "ammunition", "bullets", "explosives", "firepower", "rounds", "weapons", "bombs")),
         r"\b(i|we|i've|we've|ive)( [^ ]+)? (got|have|own|bought|built) enough (guns|ammo|ammunition|bullets|explosives|firepower|rounds|weapons|bombs)\b[^.!?]{0,50}\b(take care of|take out|deal with|wipe out|for (you|u|all of you|every one of you|them|him|her|y'all|yall))\b"),
        ((_g("shooting", "massacre", "bombing", "rampage"), _g("initiate", "commit", "carry", "pull")),
         r"\b(i|i'm|im|i'll|ill|we|we'll|we're|myself)\b[^.!?]{0,60}\b(initiate|commit|carry out|pull off)\s+(?:(?!(of|into|about|on|for|after|regarding|review|investigation|inquiry)\b)[a-z-]+\s+){0,4}(shooting|massacre|bombing|rampage)\b"),
        ((_g("pull", "draw", "grab", "pulling", "drawing"), _g("knife", "blade", "gun", "pistol", "strap", "glock", "piece")),
         r"\b(?<!had to )(?<!have to )(?<!having to )(pull|draw|grab|pulling|drawing) my (knife|blade|gun|pistol|strap|glock|piece)\b[^.!?]{0,60}\b(you|u|him|her|them|throat|head|chest)\b"),
        ((_g("slit", "cut", "slice", "slash"), _g("throat", "jugular")),
         r"\b(i'll|ill|i will|imma|ima|i'ma|i'd|i want to|i wanna|i'm gonna|im gonna) (slit|cut|slice|slash) (his|her|your|their|ur|ya) (throat|jugular)\b"),
        ((_g("plans", "plan"), _g("sinister", "evil", "deadly", "violent")),
         r"\b(i|we|i've|we've|ive)( [^ ]+)? (have|got|'ve got) (some )?(sinister|evil|deadly|violent) plans? for\b"),
        ((_g("fire", "shoot", "launch", "lob"), _g("house", "home", "car", "window", "windows", "door", "office", "porch", "station")),
         r"\b(fire|shoot|launch|lob)\s+(a|an|the|my|some)?\s*([a-z-]+\s+){0,2}(mortar|rocket|rockets|round|rounds|shots?|bullets?|grenade|molotov|launcher|rifle)\b[^.!?]{0,20}\b(at|into|through) (his|her|your|their|ur|the [a-z]+'s|[a-z]+'s) (house|home|car|windows?|front door|door|office|porch|station)\b"),
        # an ultimatum's price paid in the body: "arrest my brother and you'll be the next one
        # needing an ambulance", "the next officer who touches my son will leave in a stretcher",
        # "the board members will need more than police protection"
        ((_g("ambulance", "stretcher", "gurney", "stitches", "surgeon", "medic", "protection", "bodyguards", "bodyguard", "security"),
          _g("will", "'ll", "you'll", "youll", "he'll", "she'll", "they'll", "gonna", "going", "better", "need", "needing", "leave", "hire")),
         r"\b(you|u|he|she|they|y'all|yall|" + _TITLES + r"|the next (one|" + _TITLES + r")( [a-z']+){1,6})( [a-z']+){0,2}"
         r"( will| is going to| are going to| is gonna| are gonna| gonna| better| 'd better| had better|'ll|'d better) "
         r"(be the next one |be the one |)(needing|need|leave|leaving|go home|be leaving|be going home|hire|get) "
         r"(in |on |)(an? |some |)(more than (police protection|security|a lawyer|a badge|backup)|ambulance|stretcher|"
         r"gurney|stitches|surgeon|medic|body bag|bodyguards?|(police )?protection(?! order))\b"),
        ((_g("security", "bodyguards", "bodyguard", "protection", "ambulance", "stretcher", "stitches", "surgeon", "bag"), _g("again", "time", "more")),
         r"\b(again|one more time|once more|one more [a-z]+)( [a-z']+){0,3},? (and|&) (the|that|this|your|ur|his|her|their|you)( [a-z']+){0,3} "
         r"((better|'d better|had better|will need to|'ll need to|is gonna need|are gonna need) (hire|get|find|call) (some |a |an |more |)(security|bodyguards?|protection)|(will|'ll|is gonna|are gonna|is going to|are going to) (need|be needing) (an ambulance|a stretcher|stitches|a surgeon|a body bag))\b"),
        # a day foretold when someone does not come home: "one night you won't get to go home"
        ((_g("home"), _g("night", "day", "days", "someday")),
         r"\b(one (night|day|of these days)|some ?day|some night),? (you|u|he|she|they)( [a-z']+)? (won't|wont|will not|ain't|aint|never) (get to |be )?(go|going|make it|come|coming|get|getting) home\b"),
        # an arrival with menace: "see who shows up at the town manager's driveway", "pulling up
        # to the precinct and it won't be for coffee"
        ((_g("shows", "show", "pulls", "comes", "turns"), _g("who")),
         r"\b(see|watch|guess|wait and see) who (shows up|pulls up|comes|turns up|comes knocking) (at|to|on) (your|ur|his|her|their|the [a-z]+'s|the [a-z]+ [a-z]+'s|[a-z]+'s) (driveway|house|door|doorstep|porch|home|front door|yard|office)\b"),
        ((_g("coffee", "donuts", "doughnuts", "talk", "talking", "chat", "tea", "visit", "conversation"),
          _g("won't", "wont", "ain't", "aint", "isn't", "not", "aren't")),
         r"\b(pull(ing)? up|show(ing)? up|coming|come|came|stopping by|heading|rolling up|roll up)\b[^.!?]{0,60}\b(it|we|i|they|that)('s|'re|'m| is| are| am|)( [a-z']+)? (won't|wont|will not|ain't|aint|isn't|is not|aren't|are not|not) (be )?(coming |here |there )?(for|to) (coffee|donuts|doughnuts|a chat|chat|talk|a talk|talking|tea|a visit|small talk|a conversation)\b"),
        # a weapon with someone's name on it: "I got a 9mm with the chief's name on it"
        ((_g("name"), _g("9mm", "gmm", "nine", "glock", "gun", "rifle", "shotgun", "pistol", "bullet", "round", "slug", "shell", "mag", "clip", "ar", "knife", "blade")),
         r"\b(9mm|gmm|nine|glock|gun|rifle|shotgun|pistol|bullet|round|slug|shell|mag|clip|ar|knife|blade)s? with (your|ur|his|her|their|the [a-z]+'s|[a-z]+'s|[a-z]+ [a-z]+'s) name (on|written on|engraved on|carved on) it\b"),
        # a last warning to a named official: "this is your only warning commissioner" (not the
        # warnings that end in a block on a wiki)
        ((_g("warning"), _g("only", "last", "final")),
         r"\bthis is (your|ur) (only|last|final) warning,? (" + _TITLES + r"|(officer|deputy|detective|sgt|sergeant|lieutenant|chief|mayor|judge|trooper|commissioner|councilman|councilwoman) [a-z]+)(?![a-z' ]*( to| for| about| on| from|:))"),
        # a meeting hoped to be avoided: "he better hope he never runs into me off duty", "those
        # deputies better pray I don't catch them outside of work"
        ((_g("hope", "pray"), _g("better")),
         r"\bbetter (hope|pray)( that)? (i|we|he|she|they|you)( [a-z']+){0,2} (never|don't|dont|doesn't|doesnt|do not|won't|wont) (run|runs|catch|catches|see|sees|find|finds|bump|bumps|meet|meets) (into )?(me|us|him|her|them|you)\b"),
        # an official told to take care on the way to the car: "the judge should be careful
        # walking to his car at night" (not while the lot's lights are out)
        ((_g("careful"), _g("walking", "driving", "going", "getting", "heading", "coming")),
         r"\b(" + _TITLES + r"|(officer|deputy|detective|sgt|sergeant|lieutenant|lt|captain|capt|sarge|corporal|cpl|chief|mayor|judge|trooper|commissioner) [a-z]+)( [a-z']+){0,2} (should|better|'d better|had better|might want to|may want to) be (more |real |very |extra )?careful (walking|driving|going|getting|heading|coming) (to|home|out|from)\b(?![^.!?]{0,60}\b(lights?|lighting|ice|icy|snow|fix|fixes|fixed|repair|repaired|robbed|robberies|muggings?|break-ins|construction|potholes?)\b)"),
        # "if i see that deputy at the gas station again hes done"
        ((_g("done", "finished", "history"), _g("see", "catch", "find")),
         r"\b(if|when|next time|the next time) (i|we) (see|catch|find|run into) (you|u|him|her|them|that [a-z]+|the [a-z]+|this [a-z]+|officer [a-z]+|deputy [a-z]+)\b[^.!?]{0,50}\b(he's|hes|he is|she's|shes|she is|they're|theyre|you're|youre|ur|you are) (done|finished|history|dead meat)\b"),
        # "somebody needs to take out the whole city council" (not at the polls)
        ((_g("out"), _g("take", "taking", "took"), _g("whole", "entire")),
         r"\b(take|taking) out (the|that|this) (whole|entire) ([a-z]+ )?(council|board|department|precinct|station|commission|force|swat team|city hall|police force)\b(?![^.!?]{0,40}\b(election|elections|primary|vote|votes|voting|ballot|ballots|polls|recall)\b)"),
        # arson and bombs: "that station would go up real nice with a couple molotovs", "pipe bomb
        # under the mayor's car", "one match and that whole records office is gone"
        ((_g("molotov", "molotovs", "bomb", "bombs", "grenade", "ied"), _g("station", "precinct", "house", "office", "car", "truck", "cruiser", "courthouse", "hall", "home", "up", "window", "windows", "porch", "door")),
         r"(?<!found an old )(?<!found an )(?<!found a )(?<!found the )\b(pipe bomb|car bomb|molotovs?( cocktails?)?|grenade|ied)s? (under|in|through|at|into|on) (the|your|ur|his|her|their|that|this|[a-z]+'s|the [a-z]+'s)( [a-z]+)? (car|truck|house|home|office|station|precinct|porch|cruiser|courthouse|window|windows|front door|door|city hall)\b(?![^.!?]{0,60}\b(who do (we|i) call|what do (we|i) do|bomb squad|disposal|turn (it|them) in)\b)|"
         r"\b(station|precinct|house|office|courthouse|city hall|building|cruiser|car)s? (would|will|'d|gonna|is gonna) go up (real |so |pretty |really )?(nice|nicely|quick|fast|easy|good)\b"),
        ((_g("match", "lighter", "spark"), _g("gone", "ashes", "toast")),
         r"\b(one|a single|just one|a) (match|lighter|spark) and (that|the|this|your|his|her|their)( [a-z]+){0,4} (is|'s|are|would be|will be|be) (gone|ashes|toast)\b"),
        # damage wished on an official's things: "shame if the windows got busted out"
        ((_g("shame", "pity", "tragedy"), _g("busted", "smashed", "broken", "bricked", "slashed", "keyed", "torched")),
         r"\b(shame|pity|tragedy) if (the|your|ur|his|her|their|those|that|[a-z]+'s)( [^ ]+){0,2} (windows?|windshield|tires|car|truck|house|cruisers?|doors?) (got|get|were|was|ever got) (busted|smashed|broken|bricked|slashed|keyed|torched)\b"),
        # a body foretold: "they'll find the inspector in a ditch one of these days"
        ((_g("find", "found"), _g("ditch", "river", "dumpster", "floating", "face")),
         r"\b(they'll|they will|someone will|somebody will|they're gonna|they are going to|gonna|you'll|people will) find (you|u|him|her|them|the [a-z]+|that [a-z]+|officer [a-z]+|deputy [a-z]+|judge [a-z]+)( [a-z]+)? (in a ditch|in the river|in a dumpster|in the lake|face ?down|floating)\b"),
        # hurt foretold for a named body: "if the vote passes somebody on that council is going to
        # get hurt" (not "someone is going to get hurt at that intersection")
        ((_g("hurt"), _g("going", "gonna")),
         r"\b(somebody|someone|one of (you|them)|people|" + _TITLES + r") (on|at|in|from) (that|the|this) (" + _TITLES + r"|city hall|station|precinct|department)( [a-z]+)? (is|are) (going to|gonna) (get|be) hurt\b|"
         r"\bif\b[^.!?]{0,60}\b(the|that|this|your) " + _TITLES + r" (is|are|'s|'re) (going to|gonna) (get|be) hurt\b"),
        # "you picked the wrong family to mess with, detective, you'll regret it"
        ((_g("wrong"), _g("regret", "sorry")),
         r"\b(picked|chose|messed with|crossed) the wrong (family|person|people|guy|man|woman|one|house|neighborhood)\b[^.!?]{0,40}\b(you'll|youll|you will|you're gonna|you are going to|u will) (regret|be sorry)\b"),
        *IDIOM_RULES, *VEILED_RULES, *threat_schools.RULES, *threat_spanish.RULES,
        *threat_witnesses.RULES, *threat_sideways.RULES, *threat_shapes.RULES,
        *threat_promises.RULES, *threat_marked.RULES, *threat_hints.RULES,
    )
)
# fmt: on


_FIRST_GROUPS = frozenset().union(*(groups[0] for groups, _ in THREAT_RULES))
THREAT_WORDS = _HARM_WORDS | {
    "die",
    "dies",
    "dead",
    "killed",
    "shot",
    "murdered",
    "bullet",
    "hanged",
    "hung",
    "suffer",
}


def index_by_word(keys: Iterable[Iterable[str]]) -> dict[str, tuple[int, ...]]:
    """For each word, the positions of the entries whose key words hold it, in order: so a
    comment's words pick out the few rules worth checking instead of every rule being tested
    against every comment (the threat rules here, the menace idioms in ``menace``)."""
    index: dict[str, tuple[int, ...]] = {}
    for position, words in enumerate(keys):
        for word in words:
            index[word] = (*index.get(word, ()), position)
    return index


# Rule indexes by the words of their first anchor group.
_BY_FIRST_WORD = index_by_word(groups[0] for groups, _ in THREAT_RULES)


def threat_candidates(words: set[str]) -> list[re.Pattern[str]]:
    """The rules whose anchor groups all have a word in the comment, in the rules' order."""
    if _FIRST_GROUPS.isdisjoint(words):
        return []
    indexes = sorted({i for w in _FIRST_GROUPS.intersection(words) for i in _BY_FIRST_WORD[w]})
    return [
        THREAT_RULES[i][1]
        for i in indexes
        if all(not group.isdisjoint(words) for group in THREAT_RULES[i][0][1:])
    ]


HARM = _HARM  # the harm verbs, for the checks that read a match again
