"""The harm idioms :mod:`page_governor.moderation.menace` reads: menace said in words with no
everyday use ("six feet under", "living on borrowed time"), a weapon held for someone, knowledge
of someone's movements. Each entry is (anchors, pattern) or (anchors, pattern, self-pointed):
the pattern runs only when one of its anchors is in the comment (a word of a string, or one
word of each string of a pair), so most comments cost a few set operations; a self-pointed
idiom needs no word pointing forward ("will", "if", "or") beside it."""

from __future__ import annotations

from page_governor.moderation.threat_rules import TITLE_WORDS

OFFICIAL = "(" + TITLE_WORDS + r"|partner|(city|county|district) attorneys?)"
THEIRS = (
    r"(house|home|porch|car|truck|suv|cruisers?|patrol cars?|squad cars?|cars|family|kids?|wife|"
    r"husband|daughters?|sons?|children|twins|baby|mom|mother|dad|father|parents|girlfriend|"
    r"boyfriend|dog|windows|tires|garage|driveway|street|neighborhood|school|daycare)"
)
PERSON = (
    r"(you|u|him|her|them|'em|(the|that|this|your|ur|every|each) " + OFFICIAL + r"|"
    r"(officer|deputy|detective|sgt|sergeant|lieutenant|chief|mayor|judge|trooper) [a-z]+)"
)
# Harm idioms that have no everyday use, weapons held for someone, and knowledge of movements.
# Each runs only when one of its anchors is in the comment: a word of a string, or one word of
# each string of a pair ("walk" and "never"), so most comments cost a few set operations.
# A group marked SELF_POINTED points forward by itself (knowledge of someone's movements,
# "say your prayers"); the others need a frame ("or", "if I were you").
SELF_POINTED = True
Anchors = tuple[str | tuple[str, str], ...]
IDIOMS: tuple[tuple[Anchors, str] | tuple[Anchors, str, bool], ...] = (
    # death and injury, said around the word
    (("six bag bags toe pine",), r"six feet (under|deep|down)|body bags?|toe tags?|pine box"),
    (("straw",), r"(eat|eating|drink|drinking) through a straw"),
    ((("walk walks", "never"),), r"never (walk|walks) again"),
    (
        (
            "wheelchair icu intensive morgue grave coffin casket",
            ("ground box hospital dirt", "put send sends land leave visiting visit"),
        ),
        r"(put|send|sends|land|leave|visiting|visit) " + PERSON + r" in (a|the) (wheelchair|icu|"
        r"intensive care|hospital|morgue|ground|box|grave|dirt|coffin|casket)",
    ),
    (
        (("see", "won't wont never not"),),
        r"(won't|wont|will not|never) (live|make it|be around|be alive) to see|"
        r"(won't|wont|will not|never) see (his|her|their|your|ur) (kids|children|family|grandkids|"
        r"daughter|son|wife|husband|retirement|pension|next birthday|birthday|next christmas)",
    ),
    (
        (("last", "shift breath patrol christmas birthday"),),
        r"(your|ur|his|her|their) last (shift|breath|patrol|christmas|birthday)",
    ),
    (
        (
            "river lake bay ditch canal pond harbor creek",
            ("water", "pull pulling pulled fish fishing fished drag dragging"),
        ),
        r"((pull|pulling|pulled|fish|fishing|fished|drag|dragging) (you|u|him|her|them|'em)|"
        r"(be|get|getting) (pulled|fished|dragged)) out of (the|a) (river|lake|bay|water|ditch|"
        r"canal|pond|harbor|creek)",
    ),
    (
        ("carried",),
        r"carried out of (that|the|this|your|his|her) (station|precinct|building|"
        r"house|courthouse|office|car|cruiser)",
    ),
    (
        ("string strings stringing strung",),
        r"(string|strings|stringing) (up|(him|her|them|'em|you) up)|strung up",
    ),
    (
        ("chest", ("head back", "two one three couple")),
        r"(two|one|three|a couple) in the (chest|head|back)",
    ),
    (
        (("over down", "run runs running ran"),),
        r"(run|runs|running|ran) " + PERSON + r" (over|down)",
    ),
    # a meeting someone had better not have, a grave made ready, a lesson in pain
    (
        (("hope pray", "meet run cross see find catch"),),
        r"(better|best) (hope|pray) (we|i|they|nobody|no one) (never|don't|dont|do not|doesn't|"
        r"doesnt) (meet|run into|cross paths|see (you|u|him|her|them)|find (you|u|him|her|them)|"
        r"catch (you|u|him|her|them))",
        SELF_POINTED,
    ),
    (
        ("shovel hole grave plot spot casket coffin",),
        r"(shovel|hole|grave|plot|spot|casket|coffin)( [a-z']+){0,8} ((picked out|dug|ready|"
        r"waiting|reserved) for|with ([a-z]+ )?([a-z]+'s|(his|her|your|ur|their)) name on it)|"
        r"(from|need|needs|needing|get|"
        r"gets|getting|earned|earning|headed for|headed to|on the way to) a closed[- ]casket",
        SELF_POINTED,
    ),
    (
        (("teach teaching show showing", "beating whooping ass-whooping bullet pain hurt"),),
        r"(teach|teaching|show|showing) [a-z' ]{1,30} what (a )?(real |good )?(beating|"
        r"ass[- ]?whooping|whooping|bullet|pain|hurt|hurting) (feels|is|looks|tastes) like",
    ),
    # a family left without a parent, an eye kept open, a vest for the family, a target, the
    # last face someone sees, a fight without badges, courage without a bodyguard
    (
        (("grow growing", "without"),),
        r"(grow|growing) up without (a|their|his|her|your|ur) (daddy|dad|father|mommy|mom|mother|"
        r"parents?)",
    ),
    ((("eye", "open"),), r"(sleep|sleeping|sleeps) with one eye open"),
    # "Trooper Pratt better sleep light" (said with a warning word: "better", "if I were you")
    # (not a night of storms or trains: "better sleep light tonight, the sirens will go off")
    (
        (("light lightly", "sleep sleeping sleeps"),),
        r"(sleep|sleeping|sleeps) (light|lightly)\b(?![^.!?]{0,60}\b(storms?|sirens?|thunder|wind|"
        r"baby|noise|trains?|construction|fireworks|alarms?|tornado)\b)",
    ),
    (
        ("vest vests kevlar armor bulletproof",),
        r"(vests?|kevlar|body armor|bulletproof [a-z]+)( [a-z]+){0,2} for (his|her|their|your|ur|"
        r"the [a-z]+'s) (wife|husband|kids|children|family|son|daughter|twins|baby)",
        SELF_POINTED,
    ),
    (
        (("target", "nice easy good perfect great juicy sitting"),),
        r"(makes?|made|would make|is|are|looks?|look like|looks like) (a|an|such a) (real |really |"
        r"very |pretty )?(nice|easy|good|perfect|great|juicy|sitting) targets?",
    ),
    (
        (("last", "sees see hears"),),
        r"(the )?last (face|thing|person|sound) (that )?([a-z]+ ){0,2}(ever )?(sees?|hears?)",
    ),
    (
        (("settle", "way badges badge outside clock man"),),
        r"settle (this|it|things|that) (the old[- ](fashioned )?way|outside|man to man|"
        r"off the clock|without (the |his |her |your |ur )?badges?|with no badges?|no badges?)",
        SELF_POINTED,
    ),
    (
        (("without no", "brave tough"),),
        r"(see|find out|wonder) how (brave|tough|big|bad|strong|hard) ([a-z']+ ){1,3}(is|are|gets?) "
        r"(without (his|her|their|your|ur|the)|with no|when (there's|there is|there ain't) no|"
        r"when (you|u|he|she|they) (don't|dont|doesn't|doesnt) have (a |the |your |his |her |"
        r"their )?) ?(badge|gun|bodyguards?|uniform|backup|partner|vest|security|guards?)",
        SELF_POINTED,
    ),
    (
        (("watch mind keep", "accidents"),),
        r"((watch|mind) (yourself|your back|ur back|your step)|keep (it|this|that) up)[^.!?]{0,40}"
        r"[.!?,]? accidents happen",
        SELF_POINTED,
    ),
    # fire and wreckage
    (
        (
            "smoke flames ablaze torch candle ash ashes rubble crater scrap crisp torches torched "
            "torching "
            "sky",
            ("burn", "nice nicely good well bright pretty"),
            ("metal ground", "burnt burned"),
            ("left", "windows tires glass"),
        ),
        r"up in (smoke|flames)|(will|'ll|gonna|going to) be (in flames|ablaze)(?![^.!?]{0,40}\b(scandal|"
        r"politically|metaphorically|figuratively|audit|polls|headlines|news)\b)|(would|will|'d|gonna|going to) burn (real |so |really )?(nice|"
        r"nicely|good|well|bright|pretty)|go(es|ing)? up like (a )?(torch|candle|match)|"
        r"nothing (but|left but) (ash|ashes|rubble|burnt metal|scrap|a crater)|"
        r"(going to|gonna|is gonna|will|'ll) light up the sky|"
        r"(would|'d|will) look (better|nicer|good|great|best) (as (a )?(pile of )?(ash|ashes|rubble|"
        r"a crater)|on fire|burned down|burnt down|in flames)|"
        r"(burnt|burned) to (a crisp|the ground)|won't have (any )?(windows|tires|glass) left|"
        r"(torch|torches|torched|torching) (their|his|her|your|ur) (cars?|trucks?|houses?|homes?|"
        r"cruisers?)",
    ),
    # bombs under cars, advice only a threat gives
    (
        (
            ("under", "check checks checking"),
            "remotely",
            ("carefully remote across distance stick pole", "start starts starting"),
            ("twice", "ignition key engine"),
            ("light lights were", "you"),
            "pairs",
            "happen",
        ),
        r"(check|checks|checking) under (your|ur|his|her|their|[a-z]+'s) (car|truck|cruiser|hood|"
        r"vehicle)(?![^.!?]{0,40}\b(leaks?|oil|rust|cats?|kittens?|flat|tires?|brakes)\b)|"
        r"start (your|ur|his|her|their|[a-z]+'s) (car|truck|cruiser) (remotely|(real |very |extra )?"
        r"carefully|with a (remote( starter)?|(long )?(stick|pole))|from (a distance|across the "
        r"(street|lot)))(?![^.!?]{0,40}\b(winter|cold|warm|heat|heater|frost|freezing|snow|icy)\b)|"
        r"(think|thinks) twice before (you |he |she |they )?(start|starts|starting|turn|turns|"
        r"turning) (the|your|ur|his|her|their) (key|ignition|engine|car|truck)|"
        r"(keep|leave) (the|your|ur) (porch )?lights? on (if i were you|from now on)|"
        r"if i (were|was) (you|"
        + OFFICIAL[1:-1]
        + r")( [a-z]+)?,? (i'd|i would) (keep|leave|check|lock|"
        r"watch|move|sleep|stay)|"
        r"travel in (pairs|groups|twos) from now on|"
        r"(won't|wont|wouldn't|wouldnt) want anything to happen to|"
        r"something (is gonna|is going to|will) happen to (your|ur|his|her|their|that|the)",
    ),
    # what is done to someone by the writer's own hand
    (
        ("dealt", ("care", "taken")),
        r"(you|u|he|she|they|him|her|them|" + OFFICIAL[1:-1] + r")( [a-z']+){0,5} "
        r"(will|'ll|gonna|is gonna|are gonna|is going to|are going to) (be|get) (dealt with|"
        r"taken care of)(?! (by|through|in|according|under|per)\b)",
    ),
    (
        ("ourselves myself personally fashioned old-fashioned",),
        # (a person: not "we'll handle the bake sale ourselves")
        r"(handle|deal with|take care of|settle with) (him|her|them|'em|you|u|((that|the|this) "
        r"([a-z]+ )?)?" + OFFICIAL + r"( [a-z]+)?) (ourselves|myself|personally|our way|my way|"
        r"the old[- ]fashioned way)",
    ),
    # a bullet with someone's name on it says by itself that it waits for them
    (
        (
            (
                "name",
                "bullet bullets round rounds slug shell hollow point points hollowpoint hollowpoints",
            ),
        ),
        r"(bullet|round|slug|shell|hollow ?point|hollowpoint)s?( [a-z]+){0,3} with (your|ur|his|her|their|the [a-z]+'s|"
        r"[a-z]+'s) name",
        SELF_POINTED,
    ),
    # a weapon held ready for someone, a death deserved
    (
        (
            "buckshot birdshot load loaded strapped bullet noose rope faceful",
            ("name", "round slug shell bullets"),
            ("full", "lead bullets holes"),
            ("round", "deserve deserves earned need needs"),
        ),
        r"(face|chest|belly|back) ?full? of (buckshot|birdshot|lead|bullets|holes)|"
        r"lock and load|(loaded|locked and loaded|strapped) (up )?(for|and waiting)|"
        r"(something|a little something|a surprise) (special )?(loaded|waiting|ready) (up )?for|"
        r"(deserves?|earned|need|needs) (a|one|the) (bullet|noose|rope|round)",
    ),
    # knowledge of someone's movements, said as a warning
    (
        (
            (
                "know found figured got have",
                "where which address addresses route schedule plate plates time",
            ),
        ),
        r"(^|(i|we) )(know|found out|figured out|got|have|found) (exactly )?(where|which|"
        r"what time|when|what school|what daycare|what car|what church)"
        r"(?=( [a-z']+){0,8} (lives?|sleeps?|parks?|jogs?|runs|drops?|picks?|locks? up|gets? off|"
        r"leaves (work|the office|alone)|closes? up|kids|wife|husband|"
        r"family|daughter|son|twins|children|girlfriend|boyfriend|mom|parents)\b)"
        # (not an errand: "I know where you live now, I'll drop your package off tonight")
        r"(?![^.!?]{0,60}\b(return|returned|drop|dropping|dropped|deliver|delivered|bring|brought|"
        r"mail|mailed|package|wallet|keys|casserole|cookies)\b)|"
        # (not a clerk's record: "we have your address on file for the permit")
        r"(^|(i|we) )(know|found|got|have|found out) (your|ur|his|her|their|the [a-z]+'s) "
        r"(home )?(address|addresses|route|schedule|plates?)(?! on file| in (our|the) (system|"
        r"records|file))|"
        r"(^|(i|we|i've|we've|ive|weve) )(know|found|got|have|found out) the (home )?(addresses|"
        r"routes|schedules|plates) of (every|each|all|the|that|those|your|his|her)\b",
        SELF_POINTED,
    ),
    # stock menace and street slang: "you'll catch these hands", "say your prayers", "we're
    # coming for you", "I'll make you disappear", "light him up", "get clapped"
    (
        (
            "hands clapped smoked popped bodied merked whacked capped prayers goodbye maker "
            "rearrange disappear bleed vanish goner",
            ("coming", "for"),
            ("wish", "never hadn't"),
            ("light", "up"),
            ("finished history done", "you're youre ur are"),
            ("time days", "coming running"),
        ),
        r"catch(es|ing)? (these|the|my|some|them) hands|"
        r"(get|gets|getting|gettin|got) (clapped|smoked|popped|bodied|merked|whacked|capped|done in)"
        r"(?! (for|at|on|by|out|up)\b| in the (game|match|polls))|"
        r"light (him|her|them|'em|you|u|that [a-z]+|the [a-z]+|this [a-z]+) up|"
        r"say (your|ur|his|her|their) prayers(?! for)|"
        r"kiss (your|ur|his|her|their) (kids|family|wife|husband|children|life|ass) goodbye|"
        r"(your|ur|his|her|their) (time|days|clock) (is|are) (coming|up|running out)|"
        r"(we're|we are|i'm|i am|im|were) coming for (you|u|him|her|them|every (last )?one of (you|them)|all of (you|them)|that [a-z]+|"
        # (not "coming for the open house", "the pancake breakfast")
        r"the (?!(open|party|meeting|game|bbq|barbecue|cookout|event|parade|show|dinner|"
        r"breakfast|lunch|ceremony|festival|fair|concert|class|training|food|free|pancake|fun|"
        r"kids|donuts|coffee|celebration|graduation|funeral|service|vigil|rally|march|hearing|"
        r"weekend|holidays?|block)\b)[a-z]+|"
        r"officer [a-z]+|deputy [a-z]+)|"
        r"make (you|u|him|her|them|'em|" + OFFICIAL + r" [a-z]+|(that|the|this) [a-z]+) "
        r"(disappear|bleed|vanish)|"
        r"meet(s|ing)? (your|his|her|their|ur|thy) maker|"
        r"(you're|you are|ur|youre|u r) (done for|finished|a goner|history)|"
        r"rearrange (your|ur|his|her|their) face|"
        r"(you'll|you will|u will|youll|you're gonna|youre gonna) wish (you|u)('d| had)? "
        r"(never|hadn't|had not|were never born|stayed home)",
        SELF_POINTED,
    ),
    # stock threats said to or of an officer or official: "take out these pigs", "it's the last
    # thing you'll do", "when my brothers find him", "won't leave my property", "taken out back
    # and dealt with", "hope your family's insured", "watch what they eat", "a knife to his
    # throat", "pay in blood", "remember my face, deputies", karma helped along
    (
        (
            ("pigs cops officers deputies troopers feds", "out"),
            ("shooting", "back"),
            ("leave leaving walk", "won't wont never ain't aint"),
            ("hate glad", "find catch"),
            ("dealt handled beaten put", "back"),
            "insured insurance",
            ("feel felt", "house home place"),
            ("remember", "face"),
            ("last", "thing mistake"),
            ("eat drink", "watch"),
            ("knife blade gun pistol barrel glock shank", "throat head temple neck"),
            ("blood", "pay"),
            ("got", "get"),
            ("lose capable", "nothing"),
            ("shoulder shoulders", "were was"),
            ("personally", "time"),
            ("gallon match lighter molotov gas", "up"),
            "karma",
            ("list", "name name's"),
            ("protect guard watch", "forever minute 24/7 24"),
        ),
        r"(take|takes|taking) out (these|those|all the|every|the|that)( [a-z]+)? (pigs|cops|"
        r"officers|deputies|troopers|feds)\b|"
        # (not figurative: "start firing back at the council with records requests")
        r"(start|starting|begin|begins) shooting back\b(?![^.!?]{0,60}\b(with|using|by) "
        r"(records?|requests?|lawsuits?|facts|letters|emails?|votes?|questions|petitions?|"
        r"comments|complaints|ballots?)\b)|"
        r"(comes?|steps?|shows? up|sets? foot)( [a-z]+){0,3} (to|on|at|onto|in|into) my (house|home|"
        r"property|land|door|porch|yard|place)\b[^.!?]{0,40}\b((he|she|they|you|u)('ll| will)? )?"
        r"(?<!\bi )(?<!\bwe )(won't|wont|will not|ain't gonna|aint gonna|never) (leave|walk out|"
        r"make it out|be "
        r"leaving)|"
        r"(hate to be|wouldn't want to be|would not want to be|glad i'm not) (that|the|him|her|you)"
        r"( [a-z]+)? when (my|our) (brothers|boys|cousins|people|homies|friends|crew|guys|sons) "
        r"(find|catch|get hold of) (him|her|them|you)|"
        r"(taken|take|took|dragged|drag) ((him|her|them|'em|you|these [a-z]+|those [a-z]+|the "
        r"[a-z]+) )?out back (and|to be) (dealt with|shot|handled|beaten|put down|put (them|him|her|"
        r"'em) down)|"
        r"hope (your|ur|his|her|their) (family|families|kids|wife|husband|house|home)('s| is| are)? "
        r"(insured|covered)|hope (you|u|he|she|they|the [a-z]+|that [a-z]+) (have|has|got) (good |plenty of )?life "
        r"insurance|"
        r"(drive|go|roll|swing|stop) by (the [a-z]+'s|his|her|their|[a-z]+'s) (house|home|place)"
        r"[^.!?]{0,40}\b(let|show) (him|her|them) (know )?how (we|you|i|everyone|people|y'all) "
        r"(feel|felt)\b"
        # (a protest on the sidewalk is the public's speech: "… with signs on the sidewalk")
        r"(?![^.!?]{0,40}\b(signs?|petitions?|candles|vigil|protest|rally|march|chants?|"
        r"banners?)\b)|"
        r"remember (my|this|our) face,? (deputies|officers|cops|pigs|officer|deputy|sheriff|chief|"
        r"sergeant|detective|judge)\b|"
        r"(it's|it is|it will be|it'll be|that's|that will be|that'll be) the last (thing|mistake) "
        r"(you|u|he|she|they)('ll| will)? (ever )?(do|make)\b|"
        r"(better|should|'d better|had better) watch what (they|you|u|he|she) (eat|drink)\b|"
        r"(knife|blade|gun|pistol|barrel|glock|shank) (to|against|at) (his|her|your|ur|their|the "
        r"[a-z]+'s) (throat|head|temple|neck)\b|"
        r"pay (for (this|it|that) )?in blood\b(?!,? sweat)|"
        r"(gonna|going to|about to|finna|will|'ll|gon) get got\b|"
        # a longer warning: "think about what a man with nothing left to lose is capable of,
        # Sheriff", "I'd be looking over my shoulder if I were Hall", "I'll make sure of it
        # personally, one house at a time" (not "I'm not the type to forget a face", which
        # thanks as often as it warns)
        r"(man|person|guy|woman|someone|somebody) with nothing (left )?(to lose|is capable)\b|"
        r"(i'd|i would|id) (be )?(looking|look|watching|watch) over (my|his|her|their) shoulders?\b"
        r"[^.!?]{0,20}\bif i (were|was) [a-z]+"
        r"(?![^.!?]{0,60}\b(audit|auditors|election|vote|voters|polls|investigation|indictment|"
        r"grand jury|lawsuit|subpoena|fbi|recall|press|reporters?)\b)|"
        r"personally\b[^.!?]{0,20}\bone (house|home|door) at a time\b|"
        r"(would|will|'d|gonna|going to) go up (nice|nicely|real nice|real quick|quick|fast|easy) "
        r"with (a|one|some) (gallon|can|match|lighter|bottle|molotov)|"
        r"karma\b[^.!?]{0,40}\b(help|helping|give) (it|karma|her) (along|a (hand|push|nudge))|"
        r"(your|ur|his|her|their) name('s| is) on (my|our) list\b(?! (for|of (people|folks) to "
        r"(thank|invite|call)))|"
        r"(can't|cant|cannot|can not) (protect|watch|guard) (your|ur|his|her|their) (family|kids|"
        r"wife|husband|house|home|children) (24/7|24 7|forever|all the time|every minute),? "
        + OFFICIAL,
        SELF_POINTED,
    ),
    # a condition and its consequence for someone's things: "raise the fines one more time and
    # watch what happens to city hall's windows"
    (
        (("happens happen", "watch see"),),
        r"(watch|see) (what|wat|wut) (happens|happen) to (your|ur|his|her|their|the|that|"
        r"([a-z]+ )?[a-z]+'s) [a-z]+",
    ),
    # advice to an official's family that only a threat gives: "her son should be real careful
    # walking to the bus stop"
    (
        (("careful", "should better"),),
        r"(his|her|their|the [a-z]+'s|[a-z]+'s) (son|daughter|kids|children|wife|husband|family|"
        r"mom|dad|parents|girlfriend|boyfriend)( [a-z]+)? (should|better|'d better|had better|"
        r"needs? to|ought to) (be|stay) (real |really |very |extra |super )?careful",
    ),
    # being easy to find, said of someone the page answers for
    (
        (("find", "easy"),),
        r"(pretty|real|really|very|so|super) easy to find (him|her|them|you|his|her|their)",
        SELF_POINTED,
    ),
    # a meeting with protection: "bring your security, you'll need it"
    (
        (("bring wear", "security backup guards guard bodyguards bodyguard vest kevlar armor"),),
        r"(bring|wear) (your|ur|a|some) (security|backup|back up|guards?|bodyguards?|vest|kevlar|"
        r"armor)( [a-z']+){0,4} (you'll|you will|youll|u will|you're gonna|youre gonna|gonna) "
        r"need (it|them|one|that)",
        SELF_POINTED,
    ),
    # an officer told the badge will not always be there: "you won't always have your badge and
    # your gun, Trooper", "you can't hide behind that uniform forever"
    (
        (("always forever", "badge uniform gun vest backup"),),
        r"(won't|wont|will not|can't|cant|cannot) (always )?(have|hide behind|be wearing|wear) "
        r"(your|ur|that|the) (badge|uniform|gun|vest|backup)( and (your|ur|that|the) "
        r"(badge|uniform|gun|vest|backup))?( [a-z]+)? (always|forever)|"
        r"(won't|wont|will not) always (have|be wearing|wear) (your|ur|that|the) (badge|uniform|"
        r"gun|vest|backup)",
        SELF_POINTED,
    ),
    # watching someone's home or family, announced: "we've been watching your house"
    (
        (("watching", "house home family kids wife husband daughter son children place car"),),
        r"(we've|weve|i've|ive|we have|i have|we've been|i've been|been|we are|we're|i am|i'm|im) "
        r"(been )?watching (your|ur|his|her|their|the [a-z]+'s|[a-z]+ [a-z]+'s|[a-z]+'s) "
        r"(house|home|family|kids|wife|husband|daughter|son|children|place|car)",
        SELF_POINTED,
    ),
    # a harm promised to be felt: "someone at city hall is going to regret it physically"
    (
        ("physically",),
        r"(regret|pay for|feel) (it|this|that) physically|physically (regret|pay)",
    ),
    # what an officer or official will need, have or become: "that precinct better have good
    # insurance", "those councilmembers better start wearing vests", "that sheriff is living on
    # borrowed time", "your wife becomes a widow"
    (
        (("better should", "insurance security bodyguard bodyguards protection"),),
        r"(station|precinct|substation|courthouse|city hall|department|headquarters|"
        + OFFICIAL[1:-1]
        + r"|(officer|deputy|detective|sergeant|judge|mayor|chief|commissioner) [a-z]+)"
        r"( [a-z0-9']+){0,2} (better|'d better|had better) (have|get|hire|buy|call|check) "
        r"((good|great|plenty of|a lot of|extra|fire|real|more|their|his|her|its) )*(insurance|"
        r"security|bodyguards?|protection)",
    ),
    (
        (("better", "vest vests kevlar armor bulletproof helmets"),),
        r"(you|u|y'all|yall|" + OFFICIAL[1:-1] + r"|council|board|department|(officer|deputy|"
        r"detective|sergeant|judge|mayor|chief|commissioner) [a-z]+) (better|'d better|had "
        r"better) (start )?(wear|wearing|invest in|buy|get) (a |their |your |his |her |some )?"
        r"(vests?|kevlar|body armor|bulletproof [a-z]+|helmets?)",
    ),
    (
        (("borrowed", "time"),),
        r"(living|lives|live|is|are|he's|she's|you're|youre|ur) on borrowed time",
        SELF_POINTED,
    ),
    (
        ("widow widower orphan orphans fatherless motherless",),
        r"(your|ur|his|her|their|the [a-z]+'s|[a-z]+'s) (wife|husband|kids|children|family|son|"
        r"daughter|mom|mother|boys|girls)( [a-z']+)? (becomes?|will be|'ll be|gonna be|is gonna "
        r"be|are gonna be|grows? up|growing up|ends? up) (a |an )?(widow|widower|orphans?|"
        r"fatherless|motherless)",
        SELF_POINTED,
    ),
    # the fear someone will live in: "gonna be looking over his shoulder for the rest of his
    # life" (not the writer's own: "I'm always looking over my shoulder downtown")
    (
        (("shoulder shoulders", "looking look"),),
        r"look(ing)? over (your|ur|his|her|their) shoulders? (for the rest of|every (time|day|"
        r"night)|from now on|forever|wherever|everywhere|when|if i were you)|"
        r"(start|starting|begin|begin to|keep) look(ing)? over (your|ur|his|her|their) shoulders?",
    ),
    # someone who does not come home: "when one of you doesn't come home" (not a worry for
    # them: "I pray one of them never fails to come home")
    (
        (("home", "doesn't doesnt don't dont won't wont not never"),),
        r"(?<!worry )(?<!worried )(?<!afraid )(?<!fear )(?<!scared )(?<!pray )(?<!hope )"
        r"(?<!that )(one of (you|u|y'all|yall|them|your [a-z]+|those [a-z]+|these [a-z]+)|"
        r"somebody|someone|a cop|an officer|a deputy) (doesn't|doesnt|don't|dont|won't|wont|"
        r"will not|does not|never) (come|comes|make it|makes it|get|gets|go|goes) home",
    ),
    # the last of something, ever: "the last stop you ever make", "the last door you ever kick"
    (
        (("last", "ever"),),
        r"(the|your|ur) last [a-z]+( [a-z]+)? (you|u|he|she|they)('ll| will)? ever (make|do|kick|"
        r"knock|write|take|pull|answer|see|work|serve|give|sign)",
        SELF_POINTED,
    ),
    # a condition on being seen, and regret: "if the mayor shows his face at the parade, he'll
    # regret it"
    (
        (("face foot", "regret sorry"),),
        r"(show|shows|showing) (his|her|your|their|ur) (face|ass)( [a-z']+){0,8},? "
        r"(he|she|you|they|u)('ll| will|'s gonna|'re gonna| is gonna| are gonna) (regret|be sorry)|"
        r"(set|sets|setting) foot( [a-z']+){0,8},? (he|she|you|they|u)('ll| will|'s gonna|"
        r"'re gonna| is gonna| are gonna) (regret|be sorry)",
    ),
    # brakes that may fail: "I'd start checking your brake lines every morning if I were you"
    # (not a mechanic's advice before winter: the check is advised as a warning)
    (
        ("brake",),
        r"(cut|cutting|cuts|snip|snipped) (your|ur|his|her|their|[a-z]+'s) brake lines?|"
        r"(i'd|i would|might want to|may want to|better|'d better|should)( start)? (check|checking|"
        r"inspect|inspecting|look at) (your|ur|his|her|their|[a-z]+'s) brake lines?"
        r"( [a-z']+){0,3} ((every|each) (morning|night|day|time)|if i were (you|him|her))",
        SELF_POINTED,
    ),
    # what someone will need: "shopping for wheelchairs", "should hire a food taster"; a brick
    # through a cruiser's windshield
    (
        (
            ("shopping shop", "wheelchairs wheelchair caskets casket coffins coffin headstones"),
            ("taster", "food"),
        ),
        r"(shopping|shop) for (a )?(wheelchairs?|caskets?|coffins?|headstones?|burial plots?)|"
        r"(hire|get|need|needs) (a|some) food tasters?",
    ),
    (
        (("through", "brick bricks rock rocks molotov"),),
        r"(brick|bricks|rock|rocks|molotov|bullet|bullets)( (goes|go|going|comes|coming|flies|"
        r"flying|will go|'ll go|gonna go))? through ((the|your|ur|his|her|their|that|its) )?"
        r"([a-z]+'s )?(front )?(windshield|windows?)",
    ),
    # an explosion's aftermath: "picking glass out of their hair"
    (
        (("picking pick picks", "glass shrapnel nails pellets"),),
        r"(picking|pick|picks) (glass|shrapnel|nails|pellets|buckshot) out of",
    ),
    # weapons at hand, told to officers as something to remember: "I have a scope and a lot of
    # free time, officer", "lots of deer rifles in this county, remember that, deputies"
    (
        (
            (
                "rifle rifles scope scopes guns ammo ammunition shotgun shotguns ar-15 ar-15s ars",
                "remember mind saying time patience lose",
            ),
        ),
        r"(i have|i've got|ive got|i got|i own|we have|we've got|weve got|we got|we own|there are "
        r"(a lot of|lots of|plenty of)|lots of|plenty of|a lot of) ([a-z0-9-]+ ){0,2}(rifles?|"
        r"scopes?|guns|ammo|ammunition|shotguns?|ar-15s?|ars)( [a-z0-9']+){0,10} (remember that|"
        r"keep that in mind|keep it in mind|think about that|just saying|and (a lot of|lots of|"
        r"plenty of|all the) (free time|time|patience)|and nothing to lose) " + OFFICIAL,
        SELF_POINTED,
    ),
    # comeuppance promised: "the cop who helps him is going to get what's coming"
    (
        (("coming", "what's whats what"),),
        r"(will|'ll|is going to|are going to|is gonna|are gonna|gonna|going to) (get|gets|be "
        r"getting) (what's|whats|what is) coming( to (him|her|them|you|u|'em))?",
    ),
    # a visit to an official's home with a "message": "drive by that trooper's house tonight and
    # leave him a message he'll understand"
    (
        (("message present surprise gift reminder", "house home place driveway porch"),),
        r"(house|home|place|driveway|porch)( [a-z']+){0,5} (leave|leaving|send|sending|give|"
        r"giving) (him|her|them|'em|the [a-z]+|that [a-z]+) a (little )?((message|reminder)|"
        r"(present|surprise|gift)(?= (he|she|they)))( (he|she|they)('ll| will| won't| wont) "
        r"(understand|forget|never forget|get))?",
        SELF_POINTED,
    ),
    (
        ("lonely", ("alone", "all")),
        r"lonely (stretch|road|trail|spot|street|drive|walk)|"
        r"all alone out there",
    ),
)
