"""Threat rules for someone marked for harm without a harm verb: a name "on my list", a bullet
"with the sheriff's name on it", officers told to wear their vests to the grocery store, "five
minutes alone with" an officer in a dark alley, firebombs beside a station that "has no
fence", and the slogan that "traitors get ropes". Each is (anchor groups, pattern), read as the other rule modules are: the pattern runs
only when every group has a word in the comment, on its clean words, and a match passes the
same guards (a report, a denial, a quotation, a question are not threats).

Each pattern keeps the twin that shares its words: a pothole "on my list" to report, a plaque
"with the sheriff's name on it", officers told to wear their vests on every traffic stop, "five
minutes with the chief" at a town hall, a firebomb thrown at a station last night (a report)."""

from __future__ import annotations

from page_governor.moderation.officials import TITLE_WORDS
from page_governor.moderation.threat_idioms import anchor_group as _g

# an officer or official, or the reader
_WHOM = (
    r"(you|u|ya|y'all|yall|him|her|them|(the\s+|that\s+|this\s+|those\s+|every\s+)?("
    + TITLE_WORDS
    + r")(\s+[a-z]+)?)"
)
_OWNER = r"(your|ur|his|her|their|(the\s+|that\s+)?(" + TITLE_WORDS + r")('s|s')|[a-z]+'s)"
_POLICE_PLACES = (
    r"(station|stations|substation|substations|precinct|precincts|courthouse|city hall|jail|"
    r"cruisers?|squad cars?|patrol cars?|cop cars?|headquarters|hq|sheriff'?s office)"
)
_INCENDIARY = r"(molotovs?|molotov cocktails?|pipe ?bombs?|firebombs?|fire bombs?|ieds?)"
# a report of what was done, not a plan: "someone threw a molotov at the substation last night"
_DONE = (
    r"(threw|thrown|tossed|hurled|found|recovered|seized|arrested|charged|exploded|detonated|"
    r"last night|yesterday|suspects?|investigat\w*|police said|bomb squad)"
)


# fmt: off
RULES: tuple[tuple[tuple[frozenset[str], ...], str], ...] = (
    # a target put "on my list" ("Tell the chief his house is on my list", "Deputy Cole, you're
    # at the top of my list"; not "the pothole on Elm is on my list to report", "on my list of
    # people to thank")
    ((_g("list"),),
     r"\b(" + _WHOM + r"|" + _OWNER + r"\s+(house|home|place|car|truck|family|kids|wife|husband|"
     r"name|address))(\s+(is|are|was|were|just\s+(went|got)|went|got\s+put)|'s|'re|'m)\s+(on|at\s+the\s+top\s+of)\s+"
     r"my\s+(hit\s+)?list\b(?!\s+(of|to|for)\b)"),
    # a bullet with a name on it ("I got something with the sheriff's name on it, loaded and
    # ready", "there's a round with your name on it"; not "a plaque with the sheriff's name on
    # it for his retirement")
    ((_g("name", "names"), _g("bullet", "bullets", "round", "rounds", "shell", "shells", "slug",
                             "slugs", "loaded", "chambered", "cocked")),
     r"\b((bullets?|rounds?|shells?|slugs?)\s+(with|has|have|that\s+(has|have))\s+" + _OWNER
     + r"\s+names?\s+on\s+(it|them)\b|(something|one|a\s+little\s+something)\s+with\s+" + _OWNER
     + r"\s+names?\s+on\s+it\b[^.!?]{0,20}\b(loaded|chambered|cocked))"),
    # armor advised off duty ("Every cop in this county better start wearing their vest to the
    # grocery store"; not "officers should wear their vests on every traffic stop")
    ((_g("vest", "vests", "kevlar", "armor", "armour"),
      _g("grocery", "store", "church", "home", "bed", "gym", "school", "duty", "everywhere",
         "kids", "games", "dinner", "walmart", "target")),
     r"\b(better|'d\s+better|might\s+want\s+to|should|wanna|want\s+to|needs?\s+to|gotta)\s+(start\s+)?"
     r"(wear|wearing|wearin|sleep\s+in|put\s+on|keep\s+on)\s+((a|their|your|ur|his|her|them|those|"
     r"some)\s+)?(vests?|kevlar|body\s+armou?r|bullet\s?proof\s+vests?)\b[^.!?]{0,30}\b(to|at|in|"
     r"around|when|while|everywhere|off)\s+(the\s+)?(grocery\s+store|grocery|store|church|home|bed|"
     r"gym|school|walmart|target|dinner|(their|your|ur|his|her)\s+(kids'?|children's)\s+games?|"
     r"duty|everywhere)\b"),
    # an official met alone where no one sees ("I'd love five minutes alone with Officer
    # Petrakis in a dark alley"; not "five minutes with the chief at the town hall")
    ((_g("alone", "alley", "alleys", "cameras", "witnesses", "badge"),
      _g("minutes", "minute", "alone", "one-on-one")),
     r"\b((five|5|ten|10|two|2|a\s+few|one|1)\s+minutes?\s+(alone\s+)?with|alone\s+with|one[\s-]on[\s-]one\s+"
     r"with)\s+" + _WHOM + r"\b[^.!?]{0,30}\b(dark\s+alley|alley|back\s+alley|parking\s+lot|no\s+cameras|"
     r"without\s+(the|his|her|their|your|ur)\s+(badge|gun|vest|uniform|backup)|no\s+witnesses|off\s+"
     r"the\s+clock)\b"),
    # firebombs beside a police building or car, as a plan ("Molotovs are cheap and that
    # substation has no fence"; not "someone threw a molotov at the substation last night")
    ((_g("molotov", "molotovs", "pipebomb", "pipebombs", "bomb", "bombs", "firebomb", "firebombs",
         "ied", "ieds", "cocktails"),
      _g("station", "stations", "substation", "substations", "precinct", "precincts", "courthouse",
         "hall", "jail", "cruiser", "cruisers", "car", "cars", "headquarters", "hq", "office")),
     r"^(?![^!?]*\b" + _DONE + r"\b)[^!?]*?\b(" + _INCENDIARY + r"\b[^!?]{0,80}\b" + _POLICE_PLACES
     + r"|" + _POLICE_PLACES + r"\b[^!?]{0,80}\b" + _INCENDIARY + r")\b"),
    # the hanging slogan aimed at officials branded traitors ("Traitors get ropes", "rope for
    # traitors"; not "traitors get voted out", not a gym's climbing ropes)
    ((_g("rope", "ropes", "noose", "nooses"), _g("traitor", "traitors", "treason", "treasonous")),
     r"\b(traitors?|treasonous\s+[a-z]+)\s+(get|gets|deserve|deserves|need|needs|will\s+get|should\s+get)"
     r"\s+(the\s+|a\s+)?(ropes?|nooses?)\b|\b(ropes?|nooses?|rope\s+and\s+tree)\s+for\s+(the\s+|all\s+(the\s+)?|every\s+)?"
     r"(traitors?|treasonous)\b"),
)
# fmt: on
