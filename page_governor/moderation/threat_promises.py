"""Threat rules for harm promised without a weapon or a violent verb: regret "being born", a
visit someone "won't walk away from", an official who "won't finish her term breathing", a
writer who "won't be unarmed" at the next meeting, "I'll be waiting … with something for you"
after a raid, a cruiser that "is getting torched" the next time, an official's family's
whereabouts announced ("we know the sergeant's wife works at the bank on 5th"), an official's
routine recited beside a dark or empty place, and a face put to the pavement as a plan. Each is
(anchor groups, pattern), read as the other rule modules are: the pattern runs only when every
group has a word in the comment, on its clean words, and a match passes the same guards (a
report, a denial, a quotation, a question are not threats).

Each pattern keeps the twin that shares its words: the voters who make officials "regret that
vote", a school visit "she won't forget", "armed with facts", a training burn, a car on fire on
the interstate, a friend of the chief's wife, a patrol thanked for walking a dark trail, and
police violence reported or condemned ("officers should never slam a man's head into the
pavement")."""

from __future__ import annotations

from page_governor.moderation.threat_idioms import NO_GOODWILL, TITLE_WORDS
from page_governor.moderation.threat_idioms import anchor_group as _g

# the person a promise is aimed at: a pronoun, a title, a title's possessive
_WHO = (
    r"(you|u|ya|y'all|them|him|her|every one of (you|them)|the [a-z]+|that [a-z]+|("
    + TITLE_WORDS
    + r") [a-z]+)"
)
# a modal of intent or wish, without a "never" or "not" before the harm
_INTENT = (
    r"\b(ought to|oughta|should|needs? to|gonna|going to|will|'ll|let's|lets|i'd|wanna|want to|"
    r"gotta)\b((?!\bnever\b|\bnot\b|n't)[^.!?]){0,40}"
)
_FAMILY = (
    r"(wife|husband|kids|children|daughter|son|mom|mother|dad|father|family|girlfriend|boyfriend)"
)
_DAYS = (
    r"(morning|night|evening|day|weekday|weekend|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)s?"
)
_OFFICIAL = "(" + TITLE_WORDS + ")"
_POLICE_THINGS = (
    r"(cruisers?|squad cars?|patrol cars?|cop cars?|police cars?|police trucks?|substations?|"
    r"precincts?|police stations?|sheriff'?s? (office|station))"
)
_WRECKED = r"(torched|burned|burnt|smashed|firebombed|blown up|shot up)"
# "won't finish", "never survive" …, as fixed-width lookbehinds: the match begins at what is not
# finished, so the threat readers' denial guard does not take the negation for a denied harm
_NOT_FINISHING = (
    "(?:"
    + "|".join(
        f"(?<={negation} {verb} )"
        for negation in ("won't", "wont", "not", "never", "not gonna", "ain't gonna")
        for verb in ("finish", "survive", "serve out", "see the end of", "make it through", "last")
    )
    + ")"
)


# fmt: off
RULES: tuple[tuple[tuple[frozenset[str], ...], str], ...] = (
    # "I'll personally make them regret being born" (not "voters will make them regret that
    # vote")
    ((_g("regret"), _g("born")),
     r"\b(make|making|made)\s+(" + _WHO + r"|(" + TITLE_WORDS + r"))\s+(all\s+)?regret\s+(ever\s+)?"
     r"(being born|the day (you|u|they|he|she) (were|was) born|(you|they|he|she) (were|was) ever born)\b"),
    # "pay the commissioner a visit he won't walk away from" (not "a visit she won't forget")
    ((_g("visit"), _g("walk", "survive", "recover", "through", "back")),
     r"\bvisit\b[^.!?]{0,15}\b(he|she|they|you|u)\s+(won't|wont|will not|wouldn't|ain't gonna|"
     r"isn't going to|aren't going to)\s+(walk away from|survive|come back from|recover from|"
     r"live through|walk out of)\b"),
    # "the mayor won't finish her term breathing" (not "won't finish his term politically
    # alive"); the match starts after the negated verb, which denies nothing here
    ((_g("breathing", "alive"), _g("term", "year", "week", "month", "christmas", "election")),
     _NOT_FINISHING + r"(his|her|their|your|ur|the|this)\s+(term|year|week|month|election|next "
     r"election|christmas)\s+(breathing|alive)\b"),
    # "I'll be at the school board meeting Tuesday and I won't be unarmed this time", "I'll be
    # strapped at the next hearing" (not "I'll be armed with facts at the meeting")
    ((_g("unarmed", "armed", "strapped", "packing"),
      _g("meeting", "hearing", "council", "board", "station", "precinct", "courthouse", "office", "time")),
     r"\b(i|we)\s+(won't|wont|will not|ain't gonna|am not gonna|are not gonna)\s+be\s+unarmed\b"
     r"[^.!?]{0,20}\b(this|next) time\b|"
     r"\b(i|we)\b[^.!?]{0,60}\b(meeting|hearing|council|board|station|precinct|courthouse|city hall)"
     r"\b[^.!?]{0,40}\b(i|we)\s+(won't|wont|will not|ain't gonna)\s+be\s+unarmed\b|"
     r"\b(i'll|ill|i will|we'll|we will|i'm gonna|im gonna|we're gonna)\s+be\s+(armed|strapped|packing)"
     r"\b(?!\s+with\b)[^.!?]{0,15}\b(at|to)\s+(the\s+)?(next\s+)?(meeting|hearing|council|board meeting|"
     r"station|precinct|courthouse|city hall)\b"),
    # "You raid my cousin's place again and I'll be waiting on the porch with something for you",
    # "Come to my door again and we'll be waiting …" (not "next time you stop by the bakery I'll
    # be waiting with something for you")
    ((_g("waiting"), _g("something", "surprise", "present", "gift")),
     r"\b(you|u|y'all|they|cops?|officers?|deputies|come|show up|knock|raid|pull me over|step)\b"
     r"[^.!?]{0,50}\b(again|one more time|ever)\b"
     r"[^.!?]{0,10}\b(and|&)\s+(i'll|ill|i will|we'll|we will|i'm gonna|we're gonna)\s+be\s+waiting\b"
     r"[^.!?]{0,40}\bwith\s+(something|a (little )?(surprise|present|gift)|a little something)\s+"
     r"for\s+(you|u|ya|them|y'all)\b"),
    # "Next time I see a cruiser on my street it's getting torched", "the next patrol car on
    # Elm gets smashed" (not "the old station gets burned for training", not a report)
    ((_g("torched", "burned", "burnt", "smashed", "firebombed", "blown", "shot"),
      _g("cruiser", "cruisers", "car", "cars", "substation", "substations", "precinct", "precincts",
         "station", "truck", "office")),
     r"\b(next time|the minute|the second|if|whenever|any time|anytime)\b[^.!?]{0,60}\b"
     + _POLICE_THINGS + r"\b[^.!?]{0,40}\b(it's|its|it is|it|that)\s+(getting|gonna get|going to "
     r"get|gets|will get|will be)\s+" + _WRECKED + r"\b(?![^.!?]{0,30}\b(training|drill|exercise|"
     r"controlled burn|demolition)\b)|"
     r"\b(the\s+)?next\s+" + _POLICE_THINGS + r"\b[^.!?]{0,40}\b(gets|will get|is getting|is "
     r"gonna get)\s+" + _WRECKED + r"\b(?![^.!?]{0,30}\b(training|drill|exercise|controlled burn|"
     r"demolition)\b)"),
    # an official's family's whereabouts announced: "We know the sergeant's wife works at the
    # bank on 5th" (we, with no kind word after; or I, with a warning after: not "I know the
    # chief's wife works at the hospital, tell her I said hi")
    ((_g("know", "knows"), _g("wife", "husband", "kids", "children", "daughter", "son", "mom",
                             "mother", "dad", "father", "family", "girlfriend", "boyfriend")),
     r"\bwe\s+(all\s+)?(know|found out|figured out)\s+(that\s+|where\s+)?(the\s+|that\s+|your\s+|"
     r"ur\s+|his\s+|her\s+)?((" + _OFFICIAL + r")('s)?\s+([a-z]+('s)?\s+)?)?" + _FAMILY + r"\b"
     r"[^.!?]{0,10}\b(works|lives|goes|drives|parks|shops|is at|teaches|attends|plays|gets off|"
     r"stays)\b" + NO_GOODWILL + r"|"
     r"\bi\s+(know|found out)\s+(that\s+|where\s+)?(the\s+|that\s+|your\s+|ur\s+|his\s+|her\s+)?"
     r"((" + _OFFICIAL + r")('s)?\s+)?" + _FAMILY + r"\b[^.!?]{0,10}\b(works|lives|goes|drives|"
     r"parks|shops|is at|teaches|attends|gets off|stays)\b[^!?]{0,80}\b(just saying|just sayin|"
     r"keep that in mind|think about that|remember that|we're watching|i'm watching)\b"),
    # an official's routine beside a dark or empty place: "The zoning chair parks behind the
    # library every Thursday. Just saying, it's dark back there." (not "Officer Diaz walks the
    # trail every evening, it gets dark early so thank you")
    ((_g("dark", "cameras", "nobody", "alone", "empty", "deserted"), _g("every", "each")),
     r"\b" + _OFFICIAL + r"\b[^.!?]{0,60}\b(every|each)\s+" + _DAYS + r"\b[^!?]{0,30}\b(just "
     r"saying|just sayin|no cameras|nobody around|no one around|all alone|by (himself|herself))"
     r"\b[^!?]{0,30}\b(dark|no cameras|nobody|alone|empty|deserted)\b"),
    # a face put to the pavement as a plan: "Somebody ought to teach Officer Brandt what a curb
    # feels like with his face on it", "gonna put that deputy's head through a windshield" (not
    # "officers should never slam a man's head into the pavement", not a report)
    ((_g("face", "head", "skull", "teeth"),
      _g("curb", "pavement", "concrete", "asphalt", "sidewalk", "wall", "windshield", "ground", "floor")),
     _INTENT + r"\b(face|head|skull|teeth)\b[^.!?]{0,15}\b(on|into|in|through|against|off)\s+(the\s+|a\s+)?"
     r"(curb|pavement|concrete|asphalt|sidewalk|wall|windshield|ground|floor)\b"
     r"(?![^.!?]{0,40}\b(lawsuit|fired|charged|prosecuted|arrested|video|footage|bodycam)\b)|"
     r"\bteach\b[^.!?]{0,30}\bwhat (a|the) (curb|pavement|concrete|sidewalk|wall|windshield|floor)\s+"
     r"(feels|tastes) like\b"),
)
# fmt: on
