"""Threat rules for witness intimidation and for threats to the people who run the page:
"snitches get stitches", "anybody who talks to the detectives is next", a witness's testimony
that "will be her last", "I found your LinkedIn. See you soon" said to the page's admin, a joke
with a harm in it ("imagine if someone ran over the chief … jk. unless?"), "delete you", jurors
who "better not go outside". Each is (anchor groups, pattern), read as the other threat rules
are (:mod:`page_governor.moderation.threat_rules`): the pattern runs only when every group has a
word in the comment, and a match passes the same guards."""

from __future__ import annotations

from page_governor.moderation.threat_idioms import TITLE_WORDS
from page_governor.moderation.threat_idioms import anchor_group as _g

# fmt: off
RULES: tuple[tuple[tuple[frozenset[str], ...], str], ...] = (
    # "Snitches get stitches" (not the saying discussed: "the 'snitches get stitches' culture is
    # why cases go unsolved")
    ((_g("snitches", "snitch", "rats", "rat"), _g("stitches", "ditches", "ditch", "dealt")),
     r"\b(snitch(es)?|rats?) (get|gets|end up in|ends up in|wind up in|winds up in|get dealt with|gets dealt with)"
     r"( (stitches|ditches|a ditch))?\b(?![^.!?]{0,60}\b(culture|mentality|saying|code|why|attitude|stop|mindset|"
     r"painted|graffiti|spray\w*|written|tagged|sign|sticker|shirt|mural|song|lyrics)\b)"),
    # "… gonna get what rats get"
    ((_g("get", "gets", "deserve", "deserves"), _g("rats", "snitches", "traitors", "pigs", "rat", "snitch")),
     r"\b(gets?|getting|gonna get|will get|going to get|deserves?) what (rats|snitches|traitors|pigs|a rat|a snitch) "
     r"(get|gets|deserve|deserves)\b"),
    # whoever talks to the police is next: "Anybody who talks to the detectives about Saturday
    # night is next" (not "anybody with information, please talk to the detectives")
    ((_g("anybody", "anyone", "whoever", "person"), _g("talks", "talked", "talking", "speaks", "snitches", "snitched", "testifies", "testified", "cooperates", "rats", "ratted", "tells", "told", "called", "calls", "reported")),
     r"\b(anybody|anyone|whoever|any one of you|the next person)( who| that)? (talks|talked|talking|speaks|snitches|"
     r"snitched|testifies|testified|cooperates|rats|ratted|tells|told|called|calls|reported)\b[^.!?]{0,60}\b(is next|are "
     r"next|gonna regret|will regret|better watch|is dead|are dead|gets? (it|hurt|dealt with)|will be dealt with|will pay|"
     r"gonna pay|i will find you|we will find you|i'll find you|we'll find you)\b"),
    # a witness's testimony or a day that will be the last: "Hope she likes her testimony, it'll
    # be her last" (not "it'll be her last day at the station")
    ((_g("last"), _g("it'll", "itll", "that'll", "will", "gonna")),
     r"\b(it'll|itll|it will|that'll|that will|gonna|it's gonna|its gonna) be (his|her|their|your|ur) last\b"
     r"(?!\s+(day|week|shift|game|season|term|year|meeting|chance|warning|paycheck|month|race|ride|"
     r"run|concert|show|class|semester|budget|vote|election|time (as|at|in|on)|one|visit)\b)"),
    # the page's admin found: "To the person who runs this page: I found your LinkedIn. See you
    # soon." "Your name is Jessica and you drive a white Jeep. Think about that."
    ((_g("found", "know", "have", "got", "looked", "pulled"), _g("linkedin", "facebook", "instagram", "address", "name", "family", "kids", "wife", "husband", "car", "plate")),
     r"\b(i|we) (found|know|have|got|pulled up|looked up)\s+(your|ur)\s+(linkedin|facebook|instagram|address|home address|"
     r"real name|family|kids|wife|husband|car|plate)\b[^\n]{0,40}\b(see you soon|see you around|be seeing you|see ya soon|"
     r"coming for you|watch (your|ur) back|think about (that|it)|sleep well|good to know|just saying)\b"),
    ((_g("name"), _g("drive", "live", "park", "car", "house", "kids", "address")),
     r"\byour (real )?name is [a-z]+\b[^\n]{0,60}\b(you drive|you live|you park|your (car|kids|house|address))\b"
     r"[^\n]{0,60}\b(think about (that|it)|just saying|good to know|remember that|keep that in mind|before you)\b"),
    # a harm as a joke: "imagine if someone ran over the chief in the crosswalk. jk. unless?"
    ((_g("imagine"), _g("ran", "shot", "killed", "stabbed", "beat", "jumped", "burned", "bombed", "torched", "hit", "kidnapped", "run", "shoot", "kill")),
     r"\bimagine if (someone|somebody|a [a-z]+|i|we)\s+([a-z]+\s+){0,2}(ran over|run over|shot|shoot|killed|kill|stabbed|"
     r"beat up|jumped|burned|bombed|torched|hit|kidnapped)\s+(the|that|this|those|our|your|[a-z]+'s)\s+([a-z]+\s+)?("
     + TITLE_WORDS + r"|principal|admin|clerk|inspector|captain)\b"
     r"(?!\s+(an?|some)\s+([a-z-]+\s+){0,2}(message|text|email|note|line|dm|letter|question|call|look|card)\b)"),
    # "I'll show up to the PIO office and delete you" (not "delete you from my friends list", nor
    # comments: "I will delete them")
    ((_g("delete", "erase", "unalive", "eliminate"), _g("i'll", "ill", "will", "gonna", "imma", "we'll")),
     r"\b(i'll|ill|i will|i'm gonna|im gonna|gonna|imma|we'll|we will)\b[^.!?]{0,40}\b(delete|erase|unalive|eliminate)\s+"
     r"(you|u|him|her|y'all|yall)\b(?!\s+(from|off|on|as)\b)|\bunalive\s+(you|u|him|her|them|y'all|yall)\b"),
    # "the jurors better not go outside for a while" (not the cold: "kids better not go outside,
    # it's twenty below")
    ((_g("outside"), _g("better", "should", "shouldn't", "want")),
     r"\b(better|'d better|had better|should|might want to)\s+not\s+(go|step|walk|come|be)\s+outside\b"
     r"(?![^\n]{0,60}\b(cold|heat|hot|snow|ice|icy|storm|smoke|air quality|freezing|degrees|wind|rain|flu|covid|sick|"
     r"tornado|lightning|below|warning|advisory|bears?|coyotes?)\b)"),
    # "his dog won't be the only one getting put down"
    ((_g("only"), _g("put", "hurt", "shot", "killed", "buried", "tased", "bitten")),
     r"\b(won't|wont|will not|ain't|aint) be the only one (getting|to get|who gets|that gets|gettin) (put down|hurt|shot|"
     r"killed|buried|tased|bitten)\b"),
    # the words of "sovereign citizens" to the officers who stop them: "will be treated as a
    # trespasser and dealt with accordingly. I am armed", "the people's court will carry out your
    # sentence" (not a permit holder telling an officer he is carrying, as the law asks)
    ((_g("treated"), _g("trespasser", "trespassers", "hostile", "enemy", "combatant", "invader")),
     r"\btreated as (a |an )?(trespasser|hostile|threat|enemy|enemy combatant|combatant|invader)s?\b"
     r"(?![^\n]{0,60}\b(court|sued|lawsuit|prosecuted|charged|police report)\b)"),
    ((_g("armed", "strapped"), _g("officer", "officers", "deputy", "deputies", "trooper", "troopers", "cop", "cops", "police", "agent", "agents", "warrant")),
     r"\b(i am|i'm|im|we are|we're|i'll be|we'll be) (armed|strapped)\b(?!\s+with\b)"
     r"(?![^\n]{0,80}\b(inform\w*|tell|told|disclose\w*|permit|license|licensed|duty|required|ccw|lawfully|legally "
     r"carrying)\b)"),
    ((_g("sentence", "judgment", "judgement", "punishment", "execution"), _g("carry", "execute", "enforce")),
     r"\b(people's court|peoples court|common law court|the people|the patriots|the militia|we the people)\b"
     r"[^.!?]{0,30}\b(will )?(carry out|execute|enforce) (your|the|his|her|their) (sentence|judge?ment|punishment|execution)\b"
     r"(?![^.!?]{0,40}\b(ballot|polls|vote|votes|voting|election|recall)\b)"),
    # a car as the weapon: "I'm slamming the brakes and finishing the job", "your cart won't
    # survive a meeting with it" (not the road crew "finishing the job on Main")
    ((_g("finish", "finishing"), _g("cruiser", "brakes", "deputy", "officer", "cop", "trooper", "him", "her", "them", "you")),
     r"\b(i'm|im|i am|i'll|ill|gonna|and) (finish|finishing) (the job|what (i|we) started|him|her|them|you)\b"
     r"(?![^.!?]{0,40}\b(paperwork|report|paint|painting|repairs?|roof|fence|road|street|project|shift|degree|"
     r"school|class|training|course|book|puzzle)\b)"),
    ((_g("survive"), _g("meeting", "encounter", "run-in", "collision", "introduction")),
     r"\b(won't|wont|will not|wouldn't|would not|ain't gonna|aint gonna) survive (a|an|the) (meeting|encounter|run-in|"
     r"collision|introduction) with (it|my|me|us|him|her)\b"),
    # a shift's end shared: "Ms. Alvarez at the permit desk gets off at 4:30. So do I."
    ((_g("so", "too", "waiting"), _g("off", "leaves", "out", "finishes")),
     r"\b(ms|mr|mrs|miss|officer|deputy|sgt|sergeant|detective|judge|clerk|inspector|trooper|the (clerk|inspector|"
     r"officer|deputy|lady|guy|woman|man) (at|from|in))\b[^.!?]{0,40}"
     # (the clean text splits "4:30" and spells a digit in a word: "11pm" is read as "iipm")
     r"\b(gets off|leaves|clocks out|is off|finishes)\b[^.!?]{0,20}\b(at )?(\d{1,2}( \d\d)?\s*(am|pm)?|[a-z]{1,3}(am|pm)|"
     r"noon|midnight)\W+"
     r"(so do i|so am i|me too|same time as me|i'll be there too|i'll be waiting)\b"),
    # "Planning a welcome party for the new chief. Bring your own body armor." (not a range day)
    ((_g("armor", "armour", "vest", "vests", "kevlar"), _g("bring")),
     r"\bbring (your own |a |some |extra )?(body armou?r|bulletproof vests?|kevlar)\b"
     r"(?![^\n]{0,60}\b(range|qualification|training|class|academy|course|fitting|drive|donation|donate)\b)"),
    # "I'ma handle it the old fashioned way, and I don't mean a letter"
    ((_g("way", "style", "outside"), _g("handle", "settle", "deal", "take", "fix")),
     r"\b(handle|settle|deal with|take care of|fix)\s+(it|this|that|him|her|them|you)\s+(the old[- ]fashioned way|"
     r"the hard way|street style|outside(?!\s+(the|of|a|an)\b))\b(?![^.!?]{0,40}\b(paper|letter|lawyer|court|complaint|meeting|vote|petition|"
     r"potluck|handshake|phone|call|conversation|talk)\b)"),
    ((_g("mean"), _g("don't", "dont", "not")),
     r"\b(handle|settle|deal with|take care of|visit|see|talk to|answer)\b[^.!?]{0,40}\band (i|we) (don't|dont|do not) "
     r"mean (a|with|in|by|at) (letter|lawyer|lawyers|court|lawsuit|complaint|vote|ballot|petition|email|the polls)s?\b"
     r"(?![^.!?]{0,40}\b(public comment|meeting|town hall|in person|face to face|hearing)\b)"),
    # "There's a reason they call it a kill switch. Councilman Ames is about to find out." (not
    # "the council is about to find out how angry voters are")
    ((_g("find"), _g("about", "fixing", "gonna", "going")),
     r"\b(" + TITLE_WORDS + r"|captain|principal|inspector|clerk)( [a-z]+)? (is|are|'s|'re) (about|fixing|going|gonna) "
     r"(to )?find out\s*(?=[.!]|$)"),
    # a vehicle turned into a fireball: "Gonna turn the chief's Tahoe into a fireball"
    ((_g("turn", "turning", "make"), _g("fireball", "bonfire", "torch", "crater", "ash", "ashes", "scrap")),
     r"\b(turn|turning|make)\s+(the|your|ur|his|her|their|that|[a-z]+'s|[a-z]+ [a-z]+'s)\s+([a-z]+\s+)?(car|truck|cruiser|"
     r"tahoe|suv|house|home|station|precinct|office|van|jeep|charger|explorer)\s+into\s+(a|an)?\s*(fireball|bonfire|"
     r"torch|crater|pile of ash|ashes|scrap metal)\b"),
)
# fmt: on
