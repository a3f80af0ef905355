"""Threat rules in the words of threats against schools, read on a school district's or a school
resource officer's page: a warning to stay away on a given day ("don't come to Westside High
tomorrow. just trust me"), a gun brought to school, "another Parkland", a lockdown that "won't be
a drill", a backpack "full of surprises", a place that "would make a great target", a list with
a teacher's name first, a vest to wear to homeroom. Each is (anchor groups, pattern), read as the
other threat rules are (:mod:`page_governor.moderation.threat_rules`): the pattern runs only
when every group has a word in the comment, and a match passes the same guards."""

from __future__ import annotations

from page_governor.moderation.threat_idioms import anchor_group as _g

# a school, by kind or by the name schools go by ("Lincoln Middle", "Westside High")
_SCHOOL_WORDS = frozenset(
    [
        "school",
        "schools",
        "high",
        "middle",
        "elementary",
        "academy",
        "campus",
        "class",
        "classes",
        "period",
        "homeroom",
        "lunch",
        "cafeteria",
        "gym",
        "assembly",
        "graduation",
        "prom",
        "hs",
        "ms",
    ]
)
_DAYS = (
    r"(tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next week|"
    r"this week|all week)"
)
# what turns a day to stay home into a warning: "just trust me", "if you want to live"
_WARNED = (
    r"(trust me|i'm not playing|im not playing|not playing|not joking|i'm serious|im serious|"
    r"if you (want|wanna) (to )?live|if you value your life|you've been warned|you have been "
    r"warned|youve been warned|for your own good|don't say i didn't warn|dont say i didnt warn|"
    r"i warned you|consider yourself warned|you'll see why|youll see why|you'll thank me|"
    r"youll thank me)"
)


# fmt: off
RULES: tuple[tuple[tuple[frozenset[str], ...], str], ...] = (
    # a day to stay away, with a warning: "dont come to westside high tomorrow. just trust me",
    # "skip 3rd period tomorrow if you want to live" (not "if you're sick, the flu is everywhere")
    ((_g("trust", "playing", "joking", "serious", "live", "life", "warned", "warn", "why", "thank"),
      _g("home", "come", "go", "skip", "avoid", "away", "out"), _SCHOOL_WORDS),
     r"\b(stay home|stay away|stay out|don't come|dont come|do not come|don't go|dont go|do not go|"
     r"skip|avoid|don't show up|dont show up|keep (your|ur) kids home)\b"
     # (not a day with a reason: "if your kid has a fever", "for pickup, the lot is closed",
     # "it's pizza day")
     r"(?![^\n]{0,100}\b(if (your|ur|the|it|you're|youre|you are|you have|you've|you need)|because|cause|since|for (pickup|drop-?off|the game|practice)|"
     r"closed|cancel\w*|sick|fever|flu|snow|weather|ice|icy|traffic|construction|pizza|test|exam|"
     r"workday|holiday|no school|half day|delay\w*|no way|line is)\b)"
     r"[^.!?]{0,50}\b" + _DAYS
     + r"\b[^?\n]{0,40}?\b" + _WARNED + r"\b"),
    # a gun brought to school: "bringing my dads gun to school monday" (not a camera; a report
    # of a student who did is read by the guards)
    ((_g("gun", "pistol", "rifle", "glock", "shotgun", "knife", "bomb", "piece", "strap", "ar", "ar15", "ar-15", "9mm", "gmm"), _g("bring", "bringing", "take", "taking", "carry", "carrying")),
     # (not a report: "a student was caught taking a knife to class")
     r"(?<!caught )(?<!was )(?<!were )(?<!for )(?<!about )"
     r"\b(bring|bringing|take|taking|carry|carrying)\b[^.!?]{0,25}(?<!pocket )(?<!butter )(?<!toy )(?<!nerf )"
     r"(?<!water )(?<!glue )\b(gun|pistol|rifle|glock|shotgun|knife|bomb|piece|strap|ar|ar15|ar-15|9mm|gmm)\b"
     r"[^.!?]{0,15}\b(to|into|in) (school|class|homeroom|campus|the school|the building|[a-z]+ (high|middle|"
     r"elementary))\b"
     # (not a question about the rules or a class project)
     r"(?![^\n]{0,60}\b(demo|project|presentation|scouts?|scouting|show and tell|allowed|permitted|"
     r"is it ok|policy|rules?|sro|police|handled|arrested|suspended|expelled|charged|confiscated)\b)"),
    # a school massacre named as the plan: "its gonna be another Parkland at Eastview" (not "another
    # Parkland could happen anywhere, fund the counselors")
    ((_g("parkland", "columbine", "uvalde", "sandy", "oxford"),),
     r"\b(another|next|the next|a new|be (a|another)|pull (a|an|another)) (parkland|columbine|uvalde|sandy hook|"
     r"oxford)\b"
     r"(?![^\n]{0,120}\b(fund|funding|prevent\w*|counselors?|security|pray\w*|thoughts|never again|"
     r"how many more|stop|mental health|gun (laws?|control|safety)|could happen|can happen|before|"
     r"remember|anniversary|victims|rip|rest in peace)\b)"),
    # "Next lockdown at Roosevelt won't be a drill"
    ((_g("drill"), _g("lockdown", "alarm", "evacuation", "lockdowns")),
     r"\b(next|this|the next|friday's|monday's|tomorrow's)( [a-z]+'s)? (lockdown|fire alarm|alarm|evacuation)\b"
     r"[^.!?]{0,30}\b(won't|wont|will not|isn't going to|ain't gonna|is not going to|is not gonna|isn't gonna|"
     r"not gonna|ain't) be (a|no) drill\b"),
    # a bag of "surprises" brought to a meeting or a school (not a trunk of presents for the toy
    # drive)
    ((_g("full"), _g("surprises", "presents", "gifts", "fireworks", "party"), _g("meeting", "school", "board", "court", "station", "office", "hall", "class", "homeroom", "precinct")),
     r"\b(backpack|back pack|bag|duffel|duffle|trunk|van|truck|car) full of (surprises|presents|gifts|"
     r"fireworks|party favors)\b(?![^\n]{0,60}\b(toy drive|donat\w*|kids|children|families|christmas|"
     r"holiday|santa|raffle|teachers? appreciation|volunteers?|kindergarten|pta|pto|students|thanks|"
     r"thank|birthday|class party)\b)"),
    # "lock the doors of that school and light it up"
    ((_g("lock", "locked", "chain"), _g("light", "burn", "torch", "fire")),
     r"\b(lock|chain) (the|those|all the|its) (doors|exits)\b[^.!?]{0,30}\band (light|burn|torch|set fire to) "
     r"(it|the place|the building|the school)( up| down)?\b"),
    # the place named as a target: "the cafeteria would make a great target" (not "a great target
    # audience")
    ((_g("target"), _g("make", "makes")),
     r"\b(would|will|could|'d|might)\s+make\s+(a|an|the)\s+(great|good|perfect|easy|nice|prime|juicy|soft)\s+"
     r"target\b(?!\s+(audience|market|for|demographic|date|goal|group|area|zone|price))"),
    # regret on sight: "… is gonna regret it when I catch that bus at the corner"
    ((_g("regret"), _g("catch", "find", "see", "run")),
     r"\b(gonna|going to|will|'ll)\s+regret (it|this|that)\s+when (i|we|my [a-z]+) (catch|find|see|"
     r"run into|get (to|ahold of)|get my hands on)\b"),
    # the headline promised: "Coach Reilly touch my son again and you'll be the one on the news"
    ((_g("news", "headline", "headlines"), _g("again", "more")),
     r"\b(touch|hurt|hit|grab|yell at|put (your|ur|his|her) hands on)\b[^.!?]{0,30}\b(again|one more time)\b"
     r"[^.!?]{0,30}\b(you'll|youll|you will|you're gonna|youre gonna|he'll|she'll|he will|she will) (be the one|end "
     r"up|wind up|make) (on the news|in the news|the headline|the headlines|the news)\b"),
    # a list with a teacher's name first: "my list is ready. first name on it is Mrs. Dalton" (not
    # the bake sale's volunteers)
    ((_g("list"), _g("first", "top", "one", "#1")),
     r"\b(my|the|our) (list|hit list)\b[^.!?]{0,20}\b(is ready|is done|is made|is complete|is finished|is long|"
     r"grows|is growing)\b(?![^\n]{0,80}\b(volunteers?|bake|sale|sign-?ups?|party|invites?|guests?|shopping|"
     r"christmas|santa|grocer\w*|raffle|winners?|thank\w*|reading|books?|supplies|chores)\b)"
     r"[^\n]{0,40}\b(first|top|number one|#1)( name| one)?( on (it|the list|my list))?( is\b| ?=| ?:| [a-z]+)"),
    # a vest to wear to school: "wear a vest to homeroom tomorrow lol" (not a reflective or a
    # life vest)
    ((_g("vest", "vests", "helmet", "kevlar"), _g("wear", "wearing")),
     r"(^|[.!?]\s*|\b(better|should|might want to|gonna want to|i'd|i would|tell (them|him|her|everyone|"
     r"your [a-z]+) to)\s+)(wear|wearing)\s+(a|your|ur)\s+(bullet ?proof |kevlar )?(vest|helmet)\b"
     r"[^.!?]{0,20}\b(to|at|in)\s+(school|homeroom|class|work|the meeting|the station|court|church|"
     r"first period|lunch)\b"),
)
# fmt: on
