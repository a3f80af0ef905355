"""Threat rules for menace said by hint, ultimatum and slang: "we pulling up to his crib" after a
deadline, "we taking matters into our own hands" if the chief does not resign, "keep playing,
watch what happens on the 4th", an official told to "check his brakes", "this town needs another
Dallas", houses "smelling like gasoline", "my boys inside know your shift schedule", "when I get
out I'm coming straight to see Judge Whitfield", addresses of officers leaked, a sheriff dragged
out of his office, a truck rammed into the precinct "imagined", an official's child's bus stop
"real lonely", "a 9 in ur face", a judge who "will never see 60", doors locked and "the fire do
the rest", "I'm the one holding the scope", and what the writer has "planned" for a parade. Each
is (anchor groups, pattern), read as the other rule modules are: the pattern runs only when every
group has a word in the comment, on its clean words, and a match passes the same guards (a
report, a denial, a quotation, a question are not threats).

Each pattern keeps the twin that shares its words: a records request with a deadline "or we're
filing suit", "watch what happens at the next election", "check your brakes before winter,
folks", "another Fourth of July parade", a shift schedule that is "brutal", a truck rammed into a
gate (a report), "drag the sheriff's budget into the light", SWAT with "targets on their backs",
a judge's approval that "will never see 60 percent", "big plans for Saturday's parade"."""

from __future__ import annotations

from page_governor.moderation.officials import TITLE_WORDS
from page_governor.moderation.threat_idioms import NO_GOODWILL
from page_governor.moderation.threat_idioms import anchor_group as _g

_TITLE = r"(" + TITLE_WORDS + r")"
# an official by title, with a name or a determiner ("Marshal Greer", "the chief", "that judge")
_OFFICIAL = r"((the|that|this|your|ur|our)\s+)?" + _TITLE + r"(\s+[a-z]+)?"
_FAMILY = r"(daughter|son|kids?|children|wife|husband|family|boy|girl|twins|baby)"
_POLICE_PLACES = (
    r"(station|substation|precinct|courthouse|city hall|council chambers?|chambers?|jail|"
    r"headquarters|hq|sheriff'?s office|police department)"
)
# politics, not menace: "watch what happens at the next election"
_POLITICS = (
    r"(?![^.!?]{0,60}\b(election|elections|vote|votes|voting|ballot|ballots|polls|primary|recall|"
    r"lawsuit|suit|court|budget|meeting|hearing)\b)"
)


# fmt: off
RULES: tuple[tuple[tuple[frozenset[str], ...], str], ...] = (
    # showing up at an official's home after an ultimatum ("sheriff got 2 weeks to release the
    # tape or we pulling up to his crib"; not "or we're filing suit", not "pulling up to the
    # town hall")
    ((_g("crib", "house", "home", "spot", "place", "door", "doorstep"),
      _g("pulling", "pull", "pullin", "roll", "rolling", "rollin", "showing", "show")),
     r"\b(or|else|unless|if not|otherwise|or else)\b[^.!?]{0,20}\b(we|i|we're|i'm|we'll|i'll|im|"
     r"ima|imma)\s+(are\s+|am\s+|gonna\s+|going\s+to\s+)?(pulling|pullin|pull|rolling|rollin|roll|"
     r"showing|show)\s+up\s+(to|on|at)\s+(his|her|their|your|ur|the\s+[a-z]+'s|[a-z]+'s)\s+"
     r"(crib|house|home|spot|place|door|doorstep|front door)\b"),
    # vigilante action promised on an ultimatum ("if the chief dont resign by friday we taking
    # matters into our own hands"; not "deputies are taking matters into their own hands by
    # ignoring the new policy")
    ((_g("matters"), _g("hands")),
     r"\b(if|unless|by|or)\b[^.!?]{0,60}\b(we|i|we're|i'm|we'll|i'll|we\s+are|im|ima|imma)\s+"
     r"((are|am|gonna|going\s+to|will|'ll|about\s+to)\s+)?(taking|take|takin)\s+matters\s+into\s+"
     r"(our|my)\s+own\s+hands\b"),
    # "keep playing, watch what happens on the 4th" (not "… watch what happens at the next
    # election")
    ((_g("watch", "see"), _g("happens"), _g("keep", "keeps", "continue", "again", "push",
                                          "pushing", "test", "testing")),
     r"\b(keep|keeps|continue|push|pushing|test|testing)\b[^.!?]{0,40}\b(watch|see|wait\s+and\s+"
     r"see)\s+what\s+happens\b" + _POLITICS),
    # sabotage hinted to an official ("Marshal Greer should check his brakes before he drives
    # home tonight"; not "check your brakes before winter, folks")
    ((_g("brakes", "brake", "lug", "tires"),
      _g("check", "checking", "checked", "double-check")),
     r"\b" + _OFFICIAL + r"\b[^.!?]{0,20}\b(should|better|'d\s+better|might\s+want\s+to|needs?\s+to|"
     r"wanna|gotta|ought\s+to)\s+(double[\s-])?check\s+(his|her|their|your|ur)\s+(brakes|brake\s+"
     r"lines?|lug\s+nuts|tires)\b"),
    # the massacres of police named as what a place needs ("This town needs another Dallas"; not
    # "another Fourth of July parade")
    ((_g("dallas", "baton"), _g("another", "needs", "need", "due", "overdue", "time", "deserves",
                                "ready", "use")),
     r"\b(needs?|deserves?|due\s+for|overdue\s+for|time\s+for|could\s+use|ready\s+for)\s+(another|"
     r"a|its\s+own|a\s+little)\s+(dallas|baton\s+rouge)\b(?!\s+(cowboys|mavericks|stars|"
     r"trip|game|vacation|concert))"),
    # houses smelling of fuel ("Let's see how they like their houses smelling like gasoline")
    ((_g("gasoline", "gas", "kerosene", "fluid"),
      _g("house", "houses", "home", "homes", "office", "offices", "car", "cars", "porch")),
     r"\b(his|her|their|your|ur|[a-z]+'s)\s+(house|houses|home|homes|office|offices|cars?|"
     r"porch|porches|lawn)\s+(smelling|smell|smells|soaked|doused|drenched)\s+(like|in|with|of)\s+"
     r"(gasoline|gas|kerosene|lighter\s+fluid)\b"),
    # an official's schedule known to the writer's people ("my boys inside know your shift
    # schedule"; not "I know your shift schedule is brutal, thank you")
    ((_g("schedule", "shifts", "shift", "route", "routine", "address", "plate"),
      _g("know", "knows", "got", "have")),
     r"\b(my|our)\s+(boys|people|guys|homies|cousins|friends|crew|brothers|folks)\b[^.!?]{0,15}\b"
     r"(know|knows|got|have)\s+(your|ur|his|her|their|the\s+[a-z]+'s)\s+(shift\s+schedule|schedule|"
     r"shifts?|route|routine|home\s+address|address|plate\s+number|plates?)\b" + NO_GOODWILL),
    # a visit on release ("When I get out I'm coming straight to see Judge Whitfield. She knows
    # why."; not "when I get out of work I'm coming to see Officer Tran's K9 demo")
    ((_g("out", "released", "free"), _g("coming", "going", "headed", "heading", "visiting")),
     r"\b(when|once|soon\s+as|as\s+soon\s+as|the\s+day)\s+(i|we)\s+(get|gets|am|are|'m|'re)\s+"
     r"(out|released|free|paroled)\b(?!\s+of\s+(work|class|school|the\s+hospital|church|practice|"
     r"surgery))[^.!?]{0,30}\b(coming|going|headed|heading|visiting)\b[^.!?]{0,15}\b(see|for|after|"
     r"to|visit)\s+" + _OFFICIAL + r"\b(?![^.!?]{0,30}\b(to\s+thank|thank|demo|open\s+house|apolog\w*)\b)"),
    # officers' addresses leaked as a warning ("Y'all better pray nobody leaks the addresses of
    # those SWAT guys"; not "a hacker leaked the addresses of 200 officers, police said")
    ((_g("addresses", "address"), _g("leak", "leaks", "post", "posts", "publish", "publishes",
                                    "drop", "drops", "dox", "doxx", "leaked")),
     r"\b(nobody|no\s+one|someone|somebody|we|i|y'all|yall|people)\s+((is|are|gonna|will|'ll|should|"
     r"oughta|ought\s+to|needs?\s+to|gotta)\s+)?"
     r"(leaks?|posts?|publish(es)?|drops?|dox+(es)?|leaking|posting|dropping)\s+(the\s+)?(home\s+)?"
     r"address(es)?\s+of\s+(those|the|these|every|all|that|this|your|ur)\s+([a-z]+\s+)?("
     + TITLE_WORDS + r"|swat|guys?|men|man|women|woman|members?)\b"),
    # an official dragged out of their office or home ("the people of this county will drag the
    # sheriff out of his office"; not "drag the sheriff's budget into the light", not voted
    # "out of office")
    ((_g("drag", "dragged", "dragging", "drags"), _g("out")),
     r"\bdrag\w*\s+" + _OFFICIAL + r"\s+out\s+of\s+(his|her|their|the)\s+(office|house|home|car|"
     r"cruiser|bed|courtroom|chambers|truck)\b"),
    # an attack on a police building imagined aloud ("Imagine if someone rammed a truck into the
    # precinct during shift change. Wild thought."; not a report of one)
    ((_g("imagine", "imagined", "picture"),
      _g("rammed", "plowed", "torched", "firebombed", "bombed", "blew", "shot", "burned", "crashed")),
     r"\b(imagine|picture)\s+(if\s+)?(someone|somebody|a\s+guy|some\s+guy|people|a\s+truck|a\s+"
     r"car)\s+(rammed|plowed|torched|firebombed|bombed|blew\s+up|shot\s+up|burned\s+down|crashed)\b"
     r"[^.!?]{0,50}\b" + _POLICE_PLACES + r"\b"),
    # an official's child's place told lonely ("Somebody tell Deputy Lane his daughter's bus
    # stop is real lonely at 7am")
    ((_g("lonely", "dark", "empty", "deserted", "isolated", "quiet", "cameras", "alone"),
      _g("tell", "remind", "let")),
     r"\b(tell|remind|let)\s+" + _OFFICIAL + r"\s+(know\s+)?(that\s+)?(his|her|their)\s+" + _FAMILY
     + r"('s|s')?\b[^.!?]{0,50}\b(lonely|dark|empty|deserted|isolated|real\s+quiet|no\s+cameras|"
     r"all\s+alone|alone)\b" + NO_GOODWILL),
    # a gun to the reader's face in slang ("lets see how tough u are with 9 in ur face")
    ((_g("9", "nine", "9mm", "glock", "strap", "pistol", "gun", "barrel", "tec", "draco"),
      _g("face", "head", "mouth", "temple", "grill")),
     r"\b(with|get|gets|getting|catch|catches|catching)\s+(a\s+|my\s+|the\s+)?(9|nine|9mm|glock|"
     r"strap|pistol|gun|barrel|tec|draco)\s+(in|to|against|up\s+to)\s+(your|ur|yo)\s+(face|head|"
     r"mouth|temple|grill)\b"),
    # an age the official "will never see" ("The judge who gave my brother 20 years will never
    # see 60"; not "will never see 60 percent approval")
    ((_g("see", "reach"), _g("never", "won't", "wont")),
     r"\b" + _TITLE + r"\b[^.!?]{0,60}\b(will\s+never|won't\s+ever|wont\s+ever|won't|wont|ain't\s+"
     r"gonna|is\s+never\s+gonna)\s+(see|reach|make\s+it\s+to|live\s+to\s+see)\s+(\d{2}|forty|fifty|"
     r"sixty|seventy|eighty|retirement)\b(?=(\s+(again|alive|years\s+old))?\s*([.!,;]|$))"),
    # doors locked and a fire left to finish ("Lock the council chamber doors and let the fire
    # do the rest")
    ((_g("lock", "locked", "chain", "chained", "bar", "barred"), _g("fire", "flames", "smoke")),
     r"\b(lock|chain|bar|nail)\w*\s+(the\s+)?([a-z]+\s+){0,3}(doors?|exits?)\b[^.!?]{0,20}\b(and|"
     r"then)\s+(let\s+the\s+(fire|flames|smoke)\s+do\s+the\s+rest|light\s+it\s+up|burn\s+it|torch\s+"
     r"it|set\s+it\s+on\s+fire)"),
    # the writer as the one aiming ("… have a target on their backs now, and I'm the one holding
    # the scope"; not "SWAT have targets on their backs every day")
    ((_g("scope", "rifle", "trigger", "crosshairs", "gun", "sights"), _g("one", "ones")),
     r"\b(i'm|i\s+am|im|we're|we\s+are)\s+the\s+ones?\s+(holding|with|behind|on|pulling)\s+the\s+"
     r"(scope|rifle|trigger|gun|crosshairs|sights)\b"),
    # a plan for an event that will wipe the official's smile ("Bet the mayor won't be smiling
    # after what I've got planned for Saturday's parade"; not "big plans for the parade")
    ((_g("planned", "plan", "plans"), _g("smiling", "laughing", "smug", "waving", "happy")),
     r"\b(won't|wont|will\s+not|ain't\s+gonna|not\s+gonna)\s+be\s+(smiling|laughing|so\s+smug|so\s+"
     r"happy|waving)\s+(after|when|once)\s+(what|(he|she|they|you)\s+(sees?|finds?\s+out)\s+what)\s+"
     r"(i|we)\s*('ve|'ve\s+got|\s+have|\s+got|'m|'re|\s+am|\s+are)?\s*(got\s+)?(planned|planning)\b"),
)
# fmt: on
