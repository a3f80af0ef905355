"""Threat rules read by the shape of the harm rather than by a threat verb: a weapon put into
someone's body as a wish or a plan ("I hope someone puts a blade in that judge's throat"), harm
foretold and welcomed ("… and I won't shed a tear"), "there will be bodies", a person run over
or handled ("run that meter maid over", "put hands on the sergeant"), an official who may "not
come home", "lucky there's a camera", the first stop after release at an official's door, a face
to be ruined, brake lines, insurance an official had "better have", a weapon at hand with a
message for an official, "lights out for you", following an official home, "walking targets", a
hospital trip if a demand is not met, a family that would shrink, a building gone with one match,
minutes alone with a weapon, an attack elsewhere foretold here, a car bomb as advice, retaliation
in kind, fear demanded, a head on a pike, a grave made ready, a last shift wished, "me and my
9mm", a death shared ("taking the assessor down with me"), a beating someone "is gonna catch",
teeth on the curb, a "permanent vacation", a car that "would look better on its roof", "the
next cop who … dies", vests that "won't save you", sleeping with the lights on, and "what
happens to snitches". A weapon "learn what it sounds
like" and a hanging pictured are in :mod:`threat_idioms` and :mod:`threat_rules`. Each is
(anchor groups, pattern), read as the other rule modules are: the pattern runs only when every
group has a word in the comment, and a match passes the same guards (reports, consolation,
denial, questions, quotes). Numbers are read de-leeted, so "9mm" is also matched as "gmm"."""

from __future__ import annotations

from page_governor.moderation.officials import NAMED
from page_governor.moderation.threat_idioms import TITLE_WORDS, not_after
from page_governor.moderation.threat_idioms import anchor_group as _g

# a violent act already done, in the past tense, before what it did ("slammed his face into"):
# the comment reports or condemns it
_NOT_DONE = not_after(
    (
        "slammed",
        "smashed",
        "shoved",
        "pushed",
        "threw",
        "pinned",
        "forced",
        "dragged",
        "ground",
        "rammed",
        "drove",
        "knocked",
        "kneed",
    )
)

# an official, an employee doing a public job, or the reader
_PERSON = (
    r"(you|u|ya|him|her|them|(that|the|this|your|those|these|every|each|some) ([a-z]+ )?("
    + TITLE_WORDS
    + r"|landlord)s?|"
    + NAMED
    + r"|(ms|mr|mrs) [a-z]+)"
)
# whose body: a possessive person
_WHOSE = r"(your|ur|his|her|their|[a-z]+'s|that [a-z]+'s|the [a-z]+'s)( [a-z]+)?"
_WEAPONS = (
    r"(bullet|bullets|round|rounds|slug|knife|blade|shiv|needle|screwdriver|ice pick|nail|arrow|"
    r"bolt|shank)"
)
_BODY = (
    r"(neck|head|skull|face|throat|eye|eyes|chest|heart|gut|guts|belly|spine|temple|brain|teeth)"
)
# an intent, a wish or a plan, not a report ("the victim had a bullet in his chest")
_INTENT = (
    r"(hope|hoping|wish|pray|praying|deserves?|should|ought to|gonna|going to|will|'ll|i'd|we'd|"
    r"i'm|ima|let's|need to|needs to|someone|somebody)"
)

# fmt: off
RULES: tuple[tuple[tuple[frozenset[str], ...], str], ...] = (
    # a weapon put into a body, as a wish or a plan: "I hope some junkie puts a needle in that
    # prosecutor's neck", "someone needs to put a round through his skull" (not "the victim had
    # a bullet in his chest", "a knife in the back" said of a betrayal)
    ((_g("bullet", "bullets", "round", "rounds", "slug", "knife", "blade", "shiv", "needle",
         "screwdriver", "pick", "nail", "arrow", "bolt", "shank"),
      _g("neck", "head", "skull", "face", "throat", "eye", "eyes", "chest", "heart", "gut", "guts",
         "belly", "spine", "temple", "brain", "teeth")),
     r"\b" + _INTENT + r"\b[^.!?]{0,40}\b(put|puts|putting|stick|sticks|sticking|shove|shoves|jam|"
     r"jams|drive|drives|sink|sinks|plant|plants|pump|pumps|take|takes|get|gets|catch|catches) "
     r"(a|an|one|some|two|three|his|her|my|the) ([a-z]+ )?" + _WEAPONS + r" (in|into|through|"
     r"between) " + _WHOSE + r" " + _BODY + r"\b"),
    # harm foretold and welcomed: "somebody's going to drop a block on a patrol car and I won't
    # cry", "if a deputy gets shot I won't lose sleep" (of officials and their cars; not "if the
    # old mill comes down I won't cry")
    ((_g("cry", "tear", "tears", "sleep", "miss", "mourn"),
      _g("cop", "cops", "pigs", "pig", "officer", "officers", "deputy", "deputies", "patrol",
         "cruiser", "cruisers", "sheriff", "chief", "judge", "mayor", "trooper", "troopers",
         "police", "warden", "prosecutor", "commissioner", "councilman", "guards")),
     r"\b(shot|killed|dead|die|dies|hurt|blown up|run over|drop(s|ped)? (dead|(a|an|the) ([a-z]+ ){1,2}(on|off|onto))|"
     r"smash(es|ed)?|burn(s|ed)?|"
     r"torch(es|ed)?|gets? (shot|hit|jumped|stabbed|smoked|capped|popped)|catch(es)? (a bullet|"
     r"fire)|a bullet|in a (box|bag|casket|coffin))\b[^.!?]{0,60}\b(and|but|i|nobody|no one)\b "
     r"(i )?(won't|wont|will not|would not|wouldn't|ain't gonna|am not gonna|won't be the one to) "
     r"(cry|shed a (single )?tear|lose (any |a wink of |one minute of )?sleep|miss (him|her|them|"
     r"it)|mourn)\b"),
    # "there will be bodies", "there'll be funerals" (not "there will be a funeral procession on
    # Main Street")
    ((_g("bodies", "funerals", "casualties", "caskets", "coffins", "bags"),),
     r"\b(there will be|there'll be|there's gonna be|there is going to be|there are going to be|"
     r"it'll end in|it will end in|ends in) (more )?(bodies|funerals|casualties|caskets|coffins|"
     r"body bags)\b(?! (found|recovered|at|on|in the (river|lake|morgue)))"
     r"(?![^.!?]{0,30}\b(from|because of|due to|of|if|unless)\b)"),
    # "blood will be spilled over this", "there will be blood in the streets" (not a blood drive)
    ((_g("blood"), _g("spilled", "shed", "spill", "flow", "run", "be")),
     r"\bblood (will|is going to|is gonna|gonna) (be spilled|be shed|spill|flow|run)\b|\bthere "
     r"(will|is going to|'s gonna) be blood\b(?! (drive|work|test|tests|donors?|bank|pressure))"),
    # weapons readied for officers who come: "molotovs at the ready for when they clear the
    # camp", "first one through my door eats lead", "he's lucky I didn't have my gun on me"
    ((_g("molotov", "molotovs"),),
     r"\bmolotovs?( cocktails?)? (at the ready|ready|are ready|on standby|lined up|stocked)\b"),
    ((_g("lead"), _g("eat", "eats", "taste", "tastes", "catch", "catches")),
     r"\b(eat|eats|taste|tastes|catch|catches) (some )?lead\b(?! (paint|pipes?|"
     r"poisoning|levels?|water|contamination|exposure|role|singer|story))"),
    ((_g("lucky"), _g("have", "carrying", "packing", "strapped", "armed")),
     r"\b(he's|she's|they're|you're|ur|youre|he is|she is|they are|you are) lucky (i|we) "
     r"(didn't|did not|wasn't|was not|weren't|were not) ((have|carrying|packing) (my|a|the) (gun|piece|"
     r"pistol|knife|bat|glock|rifle|strap|heater|blade)|strapped|armed)"),
    # a person run over or handled, as a plan: "I'd run that crossing guard over", "ima put hands
    # on that lieutenant" (not "officers put hands on my son": done, retold)
    ((_g("run", "running", "put", "putting", "lay", "laying"), _g("over", "down", "hands")),
     r"\b(i'd|i would|i'll|i will|i'm gonna|im gonna|ima|imma|i'm going to|gonna|we'll|we will|"
     r"we're gonna|i swear i'll|i'm about to)( [a-z]+)? (run|running) " + _PERSON + r" (over|down)\b|"
     r"\b(i'd|i'll|i will|i'm gonna|im gonna|ima|imma|i'm going to|gonna|we'll|we're gonna|"
     r"i'm about to|bout to) (put|putting|lay|laying) (my |our )?hands on " + _PERSON + r"\b"),
    # an official who may not come home: "I'd hate for him to not come home to them" (not
    # "praying every officer comes home safe", "too many officers don't come home")
    ((_g("home"), _g("hate", "shame", "pity", "sad", "terrible", "awful", "hope", "wish")),
     r"\b(hate|shame|pity|sad|terrible|awful|tragic)\b (for|if) (him|her|you|them|your|his|her|"
     r"the|that|a|(" + TITLE_WORDS + r")( [a-z]+)?)\b[^.!?]{0,30}\b(not|never|didn't|doesn't|"
     r"wouldn't|couldn't|don't)\b (to )?(come|came|make it|made it|get|got|go|went)( back)? "
     r"home\b|"
     r"\b(hope|wish)\b (you|he|she|they|(the|that|your|his|her) (" + TITLE_WORDS + r")( [a-z]+)?) "
     r"(don't|doesn't|never|won't|wont|do not|does not) (come|make it|get)( back)? home\b"
     r"(?! (late|drunk|early|empty|too|so|with|before|after|until)\b)"),
    # "you're lucky there's a camera in the lobby, officer"
    ((_g("lucky", "fortunate"),
      _g("camera", "cameras", "witness", "witnesses", "badge", "uniform", "bodyguard",
         "bodyguards", "security", "public", "daylight", "people")),
     r"\b(you're|you are|youre|ur|he's|she's|they're|y'all are|yall are)( so| real| damn)? "
     r"(lucky|fortunate) (there's|there is|there was|there are|there were|that there's|that "
     r"there (is|are|was|were)|i was|we were|you (have|had|got|wear|wore)|it was|you're in|you were in)\b"
     r"[^.!?]{0,25}\b(cameras?|witness(es)?|a badge|that badge|the badge|(a|your|that|the) uniform|"
     r"bodyguards?|security|in public|broad daylight|people around)\b"),
    # the first stop after release: "when I get out, the first stop is Judge Ward's front door"
    ((_g("out", "released", "free", "parole"), _g("stop", "place", "visit", "thing")),
     r"\b(when|once|the day|the minute|the second|as soon as|after) (i get|i am|i'm|im|we get|"
     r"we are|we're|i make|we make) (out|released|free|parole)\b[^.!?]{0,30}\b(first|only) (stop|place|visit|thing)\b"
     r"[^.!?]{0,30}\b(" + _WHOSE + r"|(the|that|this) [a-z]+'s) (front |back )?(door|doorstep|house|"
     r"home|porch|place|office|street)\b"),
    # a face to be ruined: "you ruined my life so I'm going to ruin your face"
    ((_g("face", "teeth", "jaw", "nose", "skull", "kneecaps", "legs"),
      _g("ruin", "rearrange", "smash", "bust", "cave", "break", "mess", "split", "crack", "kick",
         "knock", "punch", "fix")),
     r"\b(i'm going to|i'm gonna|im gonna|ima|imma|i'll|i will|gonna|going to|we'll|we're gonna|"
     r"about to|bout to|i'd love to|i want to|i wanna|somebody should|someone should|somebody needs "
     r"to|someone needs to)\b[^.!?]{0,10}\b(ruin|rearrange|smash|bust|cave in|break|mess up|split|"
     r"crack|kick in|knock in|knock out|punch in) " + _WHOSE + r" (face|teeth|jaw|nose|skull|"
     r"kneecaps|knees|legs)\b(?! (paint|painting|mask|masks|cream|wash|shield|shields|off))"),
    # brake lines: "tell the mayor to check his brake lines", "somebody should cut her brakes"
    # (not "check your brakes before winter")
    ((_g("brake", "brakes"),),
     r"\b(cut|cuts|cutting|snip|snipped|mess with|messed with|loosen|loosened|drain|drained) "
     r"(his|her|their|your|ur|the (mayor|chief|judge|sheriff|officer|deputy|councilman|"
     r"commissioner|inspector)'s|[a-z]+'s) (brake|brakes|brake lines?)\b|"
     r"\btell (the|that|your|our) [a-z]+ (to )?(check|checks|better check|should check) (his|"
     r"her|their) (brake|brakes|brake lines?)\b"),
    # insurance an official had better have: "Ms. Delgado better have good insurance on that
    # Prius" (not "you better have insurance before you drive": a reminder to everyone)
    ((_g("insurance", "insured"),),
     r"\b(" + TITLE_WORDS + r"|board|council|ms|mr|mrs|inspector|clerk|landlord|he|she|they)\b"
     r"[^.!?]{0,40}\b(better|had better|'d better|should|might want to) (have|get|carry|check|"
     r"up) ([a-z]+ ){0,2}(insurance|insured) (on|for) (that|his|her|their|the)( [a-z]+)? (car|truck|"
     r"house|home|boat|prius|tahoe|suv|cabin|camper|family|kids|face|life)\b|"
     r"\bhope (his|her|their|the (mayor|chief|judge|sheriff|officer|deputy|councilman|"
     r"commissioner|inspector)'s) [a-z]+ (is|are) (well )?insured\b"),
    # a weapon at hand and a message for an official: "my cousin has a deer rifle and a lot of
    # free time, tell the chief that" (not "my cousin has a deer rifle, tell me where to hunt")
    ((_g("rifle", "rifles", "gun", "guns", "shotgun", "pistol", "glock", "ar15", "ammo", "scope",
         "crossbow"),
      _g("tell", "let", "pass", "remind")),
     r"^(?!.*\b(vote|votes|voters|voting|ballot|election|november|rights|law.abiding|legal|legally|"
     r"permit|licensed|registered|2a|second amendment|constitution)\b)"
     r".*?(\b(i|we|my [a-z]+|he|she|they)\b (has|have|got|own|owns|keep|keeps)\b[^.!?]{0,25}\b(rifle|"
     r"rifles|gun|guns|shotgun|pistol|glock|ar15|ar 15|ammo|scope|crossbow)\b[^.!?]{0,40}\b(tell|"
     r"let|remind) (the|that|your|our) (" + TITLE_WORDS + r"|board|council|inspector|clerk|"
     r"landlord)\b|\b(tell|let|remind) (the|that|your|our) (" + TITLE_WORDS + r"|board|council|"
     r"inspector|clerk|landlord)( know)?\b[^.!?]{0,30}\b(i|we|my [a-z]+) (has|have|got|own|owns|"
     r"keep|keeps)\b[^.!?]{0,25}\b(rifle|rifles|gun|guns|shotgun|pistol|glock|ar15|ammo|scope|"
     r"crossbow)\b)"),
    # "pull up on me again and it's lights out for you"
    ((_g("lights"), _g("out")),
     r"\b(it's|its|it is|it'll be|it will be|then|and) lights out (for|4) (you|u|ya|him|her|them|"
     r"y'all|yall|that [a-z]+|the [a-z]+|every [a-z]+)\b"),
    # following an official home: "someone's gonna follow the sheriff home" (not "follow the
    # sheriff's page for updates")
    ((_g("follow", "following", "followed", "tail", "tailing", "tailed"), _g("home", "house")),
     r"\b(gonna|going to|will|'ll|should|oughta|ought to|need to|needs to|let's|we'll|i'll|about "
     r"to)\b[^.!?]{0,20}\b(follow|tail) " + _PERSON + r" (home|to (his|her|their|your) (house|"
     r"home|place|door|car))\b|"
     # done, and told as a warning: "I followed Officer Keene home last night. Nice
     # neighborhood." (not to return something)
     r"\b(i|we) (followed|tailed) " + _PERSON + r" (home|to (his|her|their|your) (house|home|"
     r"place))\b(?![^.!?]{0,60}\b(return|returned|give|gave|drop|dropped|wallet|keys|phone|"
     r"license|ticket|flat|tire|breakdown|broke down|help|helped|escort|escorted)\b)"),
    # "u cops are walking targets" (said to them; not "officers are targets of harassment";
    # "sitting" and "easy" targets are in threat_veiled)
    ((_g("targets", "target"), _g("walking", "moving")),
     r"\b(you|u|ya|y'all|yall)( (cops|pigs|officers|deputies|troopers|feds|all))? (are|r|is|"
     r"re|'re) (all )?(walking|moving) targets?\b(?![^.!?]{0,60}\b(without|in those|"
     r"need|needs|fund|funding|budget|staffing|stay safe|be safe|deserve|protect|old|new)\b)"),
    # someone at the office bound for the hospital if the writer's demand is not met: "if my son
    # gets one more day, somebody at the DA's office is going to the hospital" (not "someone from
    # the DA's office is going to the hospital to take a statement")
    ((_g("hospital", "er", "icu", "morgue", "cemetery"), _g("if", "again", "more", "keep")),
     r"\b(if|again|one more|keep)\b[^.!?]{0,60}\b((somebody|someone|one of (you|them)|people) "
     r"(at|in|from|on) ((the|that|this|your) [a-z']+( [a-z']+)?|city hall|town hall)|one of (you|"
     r"them)|(the|that|your) "
     r"(" + TITLE_WORDS + r")) "
     r"(is|are|'s|'re|will be|gonna be|is gonna be) (going|gonna go|headed|heading|going straight) "
     r"to the (hospital|er|icu|morgue|cemetery)\b(?! to (visit|see|take|get|give|donate|help))"),
    # a family that would shrink: "you have a lovely family, judge; would be sad to see it shrink"
    ((_g("family", "kids", "children"), _g("shrink", "smaller", "fewer", "less")),
     r"\b((your|ur|his|her|their|that|the [a-z]+'s|a|such a) )?((lovely|beautiful|nice|big|"
     r"little|sweet) ){0,2}"
     r"(family|kids|children)\b[^.!?]{0,60}\b(see|watch|if)\b[^.!?]{0,10}\b(it|them|that|the "
     r"family)? ?(shrink|get smaller|get a little smaller|lose one|one (less|fewer))\b"),
    # a building gone with one match: "all it takes is one match and that precinct is history"
    # (not "all it takes is one match to start a wildfire")
    ((_g("match", "spark", "molotov", "lighter"),
      _g("history", "gone", "ash", "ashes", "toast", "done", "rubble")),
     r"\b(one|a single|just one|1) (match|spark|molotov|lighter|flick)\b[^.!?]{0,20}\b(and )?(that|"
     r"the|your|his|her|their) ([a-z]+ )?(precinct|station|courthouse|city hall|jail|office|house|"
     r"home|building|cruiser|substation|headquarters|hq) (is|will be|would be|'s|be) (history|"
     r"gone|ash|ashes|toast|done|rubble)\b"),
    # "give me five minutes alone with that sergeant and a baseball bat"
    ((_g("alone"), _g("bat", "crowbar", "hammer", "knife", "pipe", "iron", "knuckles", "gun",
                       "machete", "belt", "chain", "rope")),
     r"\b(minutes?|seconds?|an hour|one hour|a night|a moment) alone with\b[^.!?]{0,40}\b(and|"
     r"with) (a|my|some|an|this) ([a-z]+ )?(bat|crowbar|hammer|knife|pipe|tire iron|knuckles|"
     r"gun|machete|belt|chain|rope)\b"),
    # an attack on officers elsewhere, foretold here: "remember what happened to those officers
    # in Dallas? could happen here too"
    ((_g("happened"), _g("happen")),
     r"\bwhat happened to (those|the|them|these|that|two|five) ([a-z]+ ){0,2}(officers|cops|deputies|"
     r"troopers|police|judges?|officer|cop|deputy)\b[^.!?]{0,50}\b(could|can|might|will|gonna|is "
     r"going to|about to) happen (here|again|to (you|him|her|them|y'all|yall|your))\b"
     r"(?![^.!?]{0,20}\b(if|unless|without)\b)"),
    # a car bomb as advice: "I wouldn't start my truck without looking underneath"
    ((_g("underneath", "under", "beneath"), _g("start", "starting", "starts", "drive", "driving")),
     r"\b(wouldn't|would not|i'd|better not|might want to|should|shouldn't|if i were|if i was)\b"
     r"[^.!?]{0,40}\b(start|starting|starts|drive|driving)( up)? (his|her|their|your|ur|my|the|that) "
     r"([a-z]+ )?"
     r"(car|truck|suv|tahoe|cruiser|van|jeep|vehicle|ride)\b[^.!?]{0,20}\bwithout (looking|checking|"
     r"a look|peeking) (underneath|under( it| the (car|truck|hood))?|beneath)\b"
     r"(?![^.!?]{0,30}\b(cats?|kittens?|animals?|critters|leaks?|kids|children|pets?)\b)"),
    # retaliation in kind: "you pigs took my brother, so I'm taking one of yours", "somebody
    # oughta do to the sheriff what he did to my son"
    ((_g("yours", "theirs"), _g("took", "taken", "killed", "shot")),
     r"\b(took|taken|killed|shot|murdered|locked up|put away) (my|our) (brother|sister|son|daughter|"
     r"boy|girl|kid|kids|husband|wife|dad|father|mom|mother|cousin|nephew|family|friend|homie|"
     r"people)\b[^.!?]{0,40}\b(taking|take|gonna take|will take|'ll take|taking out) one of "
     r"(yours|theirs)\b"),
    ((_g("did"), _g("do", "does")),
     r"\b(do|does) to " + _PERSON + r" what (he|she|they|you|him|her) did to (my|our|his|her|their) "),
    # fear demanded: "every officer in this department should fear for their life" (not "no
    # officer should have to fear for their life")
    ((_g("fear", "fearing"), _g("life", "lives", "safety")),
     r"\b(you|u|y'all|yall|cops|pigs|officers?|deputies|deputy|troopers?|judges?|every [a-z]+|"
     r"(the|that|this|those|these|your) (" + TITLE_WORDS + r"))\b[^.!?]{0,40}"
     r"(?<!not )(?<!n't )(?<!never )(?<!to )\b(should|better|ought to|will|'ll|gonna|are going to|"
     r"is going to|need to|needs to) (start )?(fear|fearing) for (their|your|his|her|ur) (life|"
     r"lives|safety)\b"),
    # a head on a pike: "I'd give anything to see the mayor's head on a pike" (not "voters want
    # his head on a platter": a firing)
    ((_g("head", "heads"), _g("pike", "pikes", "spike", "spikes", "stick", "stake")),
     r"^(?!.*\b(voters?|vote|election|ballot|fired|fire|resign\w*|recall|audit|scandal|plea deal)\b)"
     r".*?\b(head|heads) on (a|the|some|sharp) (pike|pikes|spike|spikes|stick|sticks|stake|stakes)\b"),
    # a grave made ready: "a special place in the ground waiting for that warden, and I know the
    # shovel"
    ((_g("ground", "dirt"), _g("waiting", "saved", "reserved", "shovel", "dug", "digging")),
     r"\b(place|spot|hole|plot|grave) in the (ground|dirt)\b[^.!?]{0,20}\b((waiting|saved|reserved|"
     r"dug|ready)( and waiting)? for " + _PERSON + r"|with (his|her|your|their|ur) name)\b|"
     r"\bknow (the|which) shovel\b"),
    # a last call wished: "I hope the next call Officer Tate answers is his last" (not "this
    # shift is her last before retirement")
    ((_g("last"), _g("hope", "hoping", "wish", "pray", "praying")),
     r"\b(hope|hoping|wish|pray|praying)\b[^.!?]{0,40}\b(next|this|that) (call|shift|stop|traffic "
     r"stop|patrol|ride|run|raid|arrest|day)\b[^.!?]{0,30}\b(is|will be|be|turns out to be) (his|"
     r"her|your|their|ur) (last|final)\b(?! (one )?(before|of (the|his|her)|as a|until|shift "
     r"before)\b)"),
    # a gun brought into the conversation: "you'll be hearing from me and my 9mm"
    ((_g("9mm", "gmm", "glock", "gun", "rifle", "shotgun", "ar", "ar15", "pistol", "45", "ak", "gauge"),
      _g("me", "us")),
     r"\b(from|with|meet|see|visit( from)?) (me|us) and (my|our) (little )?(friend )?(9mm|gmm|glock|gun|"
     r"rifle|shotgun|ar|ar15|ar 15|pistol|45|ak|ak47|12 gauge|twelve gauge)\b"),
    # a death shared: "if I lose my house I'm taking the assessor down with me"
    ((_g("down"), _g("me", "us")),
     r"\b(taking|take|gonna take|i'll take|will take|'ll take|bring|bringing) " + _PERSON
     + r" down with (me|us)\b"),
    # a beating that someone "is gonna catch": "that clerk is gonna catch a beatdown" (not "catch
    # an earful")
    ((_g("catch", "catching", "get", "getting"),
      _g("beatdown", "beating", "whooping", "stomping", "fade", "hands", "bullet", "round")),
     r"\b(" + _PERSON + r"|(the|that|this) ([a-z]+ ){0,2}(driver|guy|man|woman|lady|dude|worker|"
     r"manager|landlord|neighbou?r))( is| are|'s|'re)? (gonna|going to|will|'ll|about to|bout to|"
     r"finna|is gonna|"
     r"better not) (catch|get) (a |an |the |some |these )?(beat ?down|beating|ass whooping|"
     r"whooping|stomping|fade|hands|bullet|round)\b"),
    # a curb stomp pictured: "with his teeth on the curb" (not the police violence a comment
    # reports: "the deputy slammed his face into the curb")
    ((_g("curb", "curbside"), _g("teeth", "face", "mouth", "jaw", "head")),
     r"\b" + _NOT_DONE + r"(his|her|their|your|ur|[a-z]+'s) (teeth|face|mouth|jaw|head) (on|against|"
     r"into) (the|a) curb\b"),
    # killing said as a holiday: "give the assessor a permanent vacation", "a dirt nap"
    ((_g("permanent", "dirt", "eternal"), _g("vacation", "nap", "sleep", "rest")),
     r"\b(give|send|put|gonna give|should give) " + _PERSON + r" (a |on a |on )?(permanent|dirt|"
     r"eternal|long) (vacation|nap|sleep|dirt nap)\b(?![^.!?]{0,40}\b(vote|votes|voters|november|"
     r"election|ballot|recall|fire|fired|retire|retirement|pink slip)\b)|\bdirt nap\b"),
    # a thing of theirs pictured wrecked: "the warden's car would look better on its roof, in
    # flames" (not "the car was found on its roof after the storm")
    ((_g("better", "good", "nice", "great"), _g("look", "looks")),
     r"\b(your|ur|his|her|their|[a-z]+'s) (car|truck|cruiser|house|home|office|boat|precinct|"
     r"station|suv|tahoe) (would|'d|will|gonna|is gonna) look (so |real |really )?(better|good|nice|great) "
     r"(on (its|it's|the) roof|upside down|in flames|on fire|burning|torched|burnt|burned|as ash|"
     r"in pieces|with no windows)\b"),
    # "the next cop who touches my son dies"
    ((_g("next"), _g("dies", "dead", "die", "buried", "bag", "box")),
     r"\bthe next (" + TITLE_WORDS + r"|person|one|guy|fool|man|woman|clerk|inspector) (who|that|"
     r"to)\b[^.!?]{0,50}\b(dies|is dead|is a dead (man|woman)|will die|gonna die|gets (buried|"
     r"shot|stabbed)|leaves in a (bag|box|body bag))\b"),
    # protection that will not help: "your vests won't save you from what's coming", "tell your
    # officers to wear two vests this weekend"
    ((_g("vest", "vests", "badge", "badges", "uniform", "uniforms", "kevlar", "armor", "backup"),
      _g("save", "protect", "help", "wear", "two", "extra", "double")),
     r"\b(vests?|badges?|uniforms?|kevlar|body armor|backup|bodyguards?|guns?) (won't|will not|"
     r"can't|cannot|ain't gonna|aren't gonna|isn't gonna) (save|protect|help) (you|u|him|her|them|"
     r"y'all|yall)\b(?![^.!?]{0,30}\b(crash|collision|wreck|accident|fire|flood|heat|cold)\b)|\bwear (two|2|extra|double|a second|an extra) vests?\b"),
    # "the inspector should sleep with his lights on from now on"
    ((_g("lights", "light", "eye"), _g("sleep", "sleeping")),
     r"\b(you|u|he|she|they|y'all|yall|(the|that|this|your|every|all) [a-z]+|(" + TITLE_WORDS
     + r")( [a-z]+)?)( [a-z']+){0,3} (should|better|had better|might want to|oughta|ought to|need to|"
     r"needs to|will have to|gonna have to|better start|should start)( start)? sleep(ing)? with "
     r"(the|his|her|your|their|ur|one) (lights?|eye) (on|open)\b"
     r"(?![^.!?]{0,30}\b(storm|power|outage|kids?|baby|scared of the dark|nightlight)\b)"),
    # harm foretold of an official by someone unnamed: "somebody is going to gut that probation
    # officer", "someone's gonna shoot the judge" (not a contest or an election: "someone's gonna
    # beat the mayor in November"; not a message: "someone's going to shoot the clerk an email")
    ((_g("somebody", "someone", "somebody's", "someone's"),
      _g("kill", "shoot", "stab", "gut", "strangle", "hurt", "hang", "lynch", "drown",
         "shank", "stomp", "knife", "smoke", "cap", "pop", "jump", "whack", "murder")),
     r"\b(somebody|someone)('s| is) (gonna|going to|about to) (kill|shoot|stab|gut|strangle|hurt|"
     r"hang|lynch|drown|shank|curb stomp|stomp|knife|smoke|cap|pop|jump|whack|murder) "
     r"((that|this|the|those|these|your|ur|our)( [a-z]+){0,2} (" + TITLE_WORDS + r")|" + NAMED
     + r")\b(?!'|s\b| (a|an) (message|email|e-mail|text|note|line|letter)\b)"
     r"(?![^.!?]{0,40}\b(election|elections|vote|votes|polls|primary|race|november|ballot|"
     r"debate|game|match)\b)"),
    # "I'd pay good money to watch that judge get curb stomped" (not "… get voted out")
    ((_g("pay"), _g("watch", "see"),
      _g("shot", "stomped", "beaten", "beat", "hanged", "hung", "lynched", "killed", "stabbed",
         "run", "fire", "strung", "executed", "murdered", "tortured", "strangled", "knifed",
         "jumped")),
     r"\b(i'd|i would|i'll|id|we'd|we would) (happily |gladly )?pay\b[^.!?]{0,30}\bto (see|watch) "
     r"(him|her|them|(that|the|this|those|these|every|each)( [a-z]+)? (" + TITLE_WORDS + r")|"
     + NAMED + r") (get|getting|be|being) (curb )?(shot|stomped|beaten|beat up|hanged|hung|"
     r"lynched|killed|stabbed|run over|set on fire|strung up|executed|murdered|tortured|"
     r"strangled|knifed|jumped)\b"),
    # stock threats with the official named in them: a bounty on an official's head, prison
    # time worth paying for one, an official as target practice, matters taken into one's own
    # hands with one, "end up like those cops in Dallas", hunting season on officers, an
    # official "permanently retired", a shotgun greeting, "consider yourself dead"
    ((_g("bounty"),),
     r"\b(put|puts|putting|place|placing|offer|offering|should be|needs to be|need to be|there "
     r"should be|there oughta be) (a |an )?([a-z$0-9]+ )?bounty on (his|her|their|the [a-z]+'s|that "
     r"[a-z]+'s|[a-z]+'s) heads?\b"),
    ((_g("prison", "jail", "gladly", "happily", "serve"), _g("time", "years", "life")),
     r"\b(worth (the )?(prison|jail) time|(gladly|happily|i'd|i'll|i would|i will) (do|serve) (the )?"
     r"(time|\d+ years|[a-z]+ years|life))\b[^.!?]{0,50}\b(" + TITLE_WORDS + r"|him|her|them|you)\b"),
    ((_g("practice"), _g("target")),
     r"\b(use|using|uses) (the|that|those|these|him|her|them|you)( [a-z]+){0,2} (for|as) target "
     r"practice\b"),
    ((_g("matters", "things"), _g("hands")),
     r"\b(take|taking) (matters|things|it) into (my|our) own hands (with|on|against) (that|the|this|"
     r"those) ([a-z]+ )?(" + TITLE_WORDS + r")\b"),
    ((_g("end"), _g("like"),
      _g("cops", "officers", "deputies", "troopers", "cop", "officer", "deputy", "trooper")),
     r"\bend up like (those|the|that) (cops|officers|deputies|troopers|cop|officer|deputy|trooper) "
     r"(in|from|at) [a-z]+"),
    ((_g("season"), _g("hunting", "open")),
     r"\b(hunting|open) season (on|for) (cops|pigs|officers|deputies|troopers|judges|the [a-z]+)\b"),
    ((_g("permanently"),),
     r"\bpermanently retire (him|her|them|that [a-z]+|the [a-z]+|this [a-z]+)\b"),
    ((_g("greeting", "welcome", "reception"), _g("shotgun", "buckshot", "lead", "rifle")),
     r"\b(shotgun|buckshot|lead|rifle) (greeting|welcome|reception)\b"),
    ((_g("dead"), _g("consider", "good")),
     r"\b(consider yourself|consider yourselves|you're as good as|you are as good as) dead\b"),
    ((_g("meat"),),
     r"\b(you're|you are|youre|ur|he's|he is|she's|she is) dead meat\b"),
    # property ruined if a demand is not met: "deny my permit one more time and see how your
    # office looks with no windows", "you'll be sorry, and so will your cruiser"; a meeting
    # with an official without the badge ("meet me at the county line, detective, no badge")
    ((_g("windows", "tires", "roof", "glass", "doors"), _g("look", "looks", "does")),
     r"\b(one more time|again|keep [a-z]+ing)\b[^.!?]{0,60}\b(see|watch) (how|what) (your|ur|his|"
     r"her|their|the [a-z]+'s) (office|house|home|car|truck|cruiser|station|building|shop) "
     r"(looks?|does) (with no |without (any )?)(windows|tires|roof|glass|doors)\b"),
    ((_g("sorry"),
      _g("car", "cruiser", "truck", "house", "home", "family", "kids", "wife", "husband",
         "windows", "tires", "office")),
     r"\b(you'll|you will|youll|u will) be sorry\b[^.!?]{0,20}\b(and )?so will (your|ur) (car|"
     r"cruiser|truck|house|home|family|kids|wife|husband|windows|tires|office)\b"),
    ((_g("meet"), _g("badge", "gun", "partner", "backup", "uniform")),
     r"\bmeet me\b[^.!?]{0,60}[.!?,]?\s*[^.!?]{0,30}\b(no badge|without (your|ur|the) (badge|"
     r"gun|partner|backup|uniform)|leave (your|ur|the) (badge|gun) (at home|behind))\b"),
    # "plenty of places to bury a body", "his family isn't off limits anymore", "nothing to lose
    # and a full tank of gas"
    ((_g("bury", "hide", "dump"),
      _g("places", "place", "room", "space", "acres", "land", "spots", "spot")),
     r"\b(i've got|i have|i got|we've got|we have|we got|my|our)\b[^.!?]{0,40}\b(places|place|"
     r"room|space|acres|land|spots?) to (bury|hide|dump) (a body|bodies|the bodies|him|her|them)\b"),
    ((_g("limits"),),
     r"\b(his|her|their|your|ur|the [a-z]+'s|[a-z]+'s) (family|families|kids|children|wife|husband|"
     r"house|home)('s| is| are)? (isn't|aren't|ain't|is not|are not|no longer|not) off[- ]limits\b"),
    ((_g("fair"), _g("game")),
     r"\b(his|her|their|your|ur|[a-z]+'s) (family|families|kids|children|wife|husband) (is|are) "
     r"(now )?fair game\b(?! for (reporters|the press|the media|criticism|questions|scrutiny|"
     r"comment|debate)\b)(?![^.!?]{0,40}\b(running for|campaign|office|election)\b)"),
    ((_g("lose"), _g("nothing")),
     r"\bnothing (left )?to lose\b[^.!?]{0,15}\band (a|the|my) (full tank of gas|gas can|gallon of "
     r"gas|gun|rifle|shotgun|match|lighter|box of matches)\b"),
    # "what happens to snitches happens to cops too"
    ((_g("snitches", "rats"), _g("happens", "happen")),
     r"\bwhat happens to (snitches|rats)\b[^.!?]{0,30}\b(happens?|will happen|can happen|gonna "
     r"happen) to (cops|you|officers|deputies|pigs|them|him|her|y'all|yall|the [a-z]+)\b"),
)
# fmt: on
