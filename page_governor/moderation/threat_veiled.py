"""Threat rules for menace said sideways, beside :mod:`page_governor.moderation.threat_idioms`:
a message for an official's family ("tell your wife I said hi"), the makings of a fire with a
place to use them ("a full tank of gas and a lighter, and the permit office closes at five"),
the next person to cross the writer leaving in an ambulance, a life given a short count ("your
days on this earth are short", "won't see another Christmas"), knowledge of the car an official
drives home, a massacre of officers recalled as something that "could happen here". Each is
(anchor groups, pattern), read as the other rules are: the pattern runs only when every group
has a word in the comment, and a match passes the same guards (a report, a denial, a question,
a quotation, a game are not threats)."""

from __future__ import annotations

from page_governor.moderation.threat_idioms import TITLE_WORDS
from page_governor.moderation.threat_idioms import anchor_group as _g

_FAMILY = r"(wife|husband|kids|children|daughter|son|boys|girls|family|mom|mother|dad|parents)"
# someone the page answers for: the reader, an officer or official, named or by title
_WHO = (
    r"(you|u|he|she|they|y'all|yall|(the |that |this )?(" + TITLE_WORDS + r"|driver|handler|"
    r"manager)"
    r"( [a-z]+)?)"
)
# people a harm is put on (not a bulb, a hydrant or sandbags put in the ground)
_PEOPLE = (
    TITLE_WORDS + r"|teacher|coach|driver|guy|dude|man|woman|lady|boy|snitch|rat|bitch|"
    r"bastard|punk|clown|landlord|neighbor|manager"
)
# what a life is counted in: "won't see another birthday"
_OCCASIONS = (
    r"(birthday|christmas|thanksgiving|easter|sunrise|sunset|summer|spring|winter|new year|"
    r"anniversary|payday|weekend|holiday)"
)
# where an arsonist would go: the anchor group that makes gas and a lighter a plan
_PLACES = (
    "office",
    "offices",
    "station",
    "precinct",
    "hall",
    "courthouse",
    "building",
    "headquarters",
    "hq",
    "department",
    "house",
    "closes",
    "insurance",
    "cruiser",
    "cruisers",
    "substation",
    "jail",
)


# fmt: off
RULES: tuple[tuple[tuple[frozenset[str], ...], str], ...] = (
    # a greeting or a warning sent through an official's family: "tell your wife I said hi",
    # "tell the chief's kids to enjoy their walk to school while it lasts" (not "tell your wife
    # thanks for the cookies", nor safety advice: "tell your daughter to be careful on the ice")
    ((_g("tell"), _g("wife", "husband", "kids", "children", "daughter", "son", "boys", "girls", "family", "mom", "mother", "dad", "parents")),
     r"\btell (your|ur|his|her|their|the [a-z]+'s|[a-z]+'s) " + _FAMILY + r",? (i said hi|we said hi|"
     r"hi from (me|us)|hello from (me|us)|i say hello|we say hello|to enjoy\b[^.!?]{0,40}\bwhile "
     r"(it|they|she|he|you) (lasts?|still can|can))\b"),
    # the makings of a fire with a place for it: "I've got a full tank of gas and a lighter, and
    # the permit office closes at five" (not a storm-prep list: the guard below)
    ((_g("gas", "gasoline", "kerosene", "accelerant", "fluid"), _g("lighter", "matches", "zippo", "rag", "rags", "bottles", "match"), _g(*_PLACES)),
     r"\b(i've got|ive got|i got|i have|we've got|we got|we have|bought|bringing|brought|grabbed|"
     r"filled up|got me)\b[^.!?]{0,25}\b(gas|gasoline|kerosene|lighter fluid|accelerant)\b[^.!?]{0,25}"
     r"\b(and|&|plus)\s+(a\s+|some\s+|my\s+|a\s+few\s+|a\s+box\s+of\s+)?(lighter|matches|zippo|rags?|bottles?)\b"
     r"(?![^.!?]{0,60}\b(storm|hurricane|outage|camping|camp|grill|bbq|generator|prep|kit)\b)"),
    # the next one to cross the writer leaves in an ambulance: "the next inspector who steps on
    # my lot is leaving in an ambulance" (not "my mom is leaving in an ambulance now")
    ((_g("ambulance", "stretcher", "hearse", "gurney"), _g("leaving", "leave", "leaves", "home", "out")),
     r"\b((the )?next|whoever|anybody|anyone|any [a-z]+ (who|that))\b[^.!?]{0,60}\b(is|'s|will|'ll|"
     r"is gonna|is going to|gonna)( be)? (leaving|leave|going home|go home|carried out|riding out) "
     r"(in|on) (an?|the) (ambulance|stretcher|hearse|gurney)\b|"
     r"\b(you|u|he|she|they|y'all|yall)('ll| will| are gonna| is gonna| gonna| are going to| is going to) "
     r"(leave|be leaving|go home|be going home|be carried out) (in|on) (an?|the) (ambulance|stretcher|hearse|gurney)\b"),
    # a life given a short count: "your days on this earth are short" (not "your days of free
    # parking are numbered")
    ((_g("days"), _g("earth", "ground", "breathing", "alive", "living")),
     r"\b(your|ur|his|her|their|[a-z]+'s) days (on this earth|on earth|above ground|breathing|alive|"
     r"among the living)( [a-z]+)? (are|is) (short|few|numbered|running out|almost up|almost over|"
     r"coming to an end|counted)\b"),
    # "the chief won't see another Christmas", "I'll make sure he never sees another birthday"
    # (a hospice's word is a consolation: the guards read it)
    ((_g("another", "next"), _g("birthday", "christmas", "thanksgiving", "easter", "sunrise", "sunset", "summer", "spring", "winter", "year", "anniversary", "payday", "weekend", "holiday")),
     r"\b" + _WHO + r" (won't|wont|will not|ain't gonna|aint gonna|isn't gonna|not gonna|is not "
     r"going to|isn't going to|will never|never) (see|live to see|make it to|get to see|celebrate) "
     r"(another|(his|her|your|ur|their) next) " + _OCCASIONS + r"\b"
     r"(?![^.!?]{0,60}\b(cancer|hospice|doctors?|sick|illness|diagnos\w*|chemo|rates|prices|budget)\b)|"
     r"\b(make sure|see to it|promise|guarantee)( that)? " + _WHO + r" (never|don't|doesn't|won't) "
     r"(sees?|lives? to see|makes? it to|gets? to see) (another|(his|her|your|their) next) " + _OCCASIONS + r"\b"),
    # knowing the car an official takes home, said with a warning: "I know which truck the
    # driver takes home. He won't be driving it long." (not "I know which car the mayor
    # drives, a Prius, good for him")
    ((_g("know", "knows"), _g("which", "what"), _g("truck", "car", "cruiser", "suv", "tahoe", "van", "jeep", "pickup"),
      _g("long", "longer", "soon", "shame", "careful", "tonight", "brakes", "happen", "happens", "accident", "accidents", "waiting", "wait", "see")),
     r"\b(i|we)\s+know\s+(which|what)\s+(truck|car|cruiser|suv|tahoe|van|jeep|pickup)\s+" + _WHO
     + r"\s+(takes home|drives home|drives|parks|leaves in|goes home in)\b"
     r"(?![^.!?]{0,40}\b(thank|thanks|nice|love|cool|awesome|great)\b)"),
    # a house remarked on as fuel: "Keep it up, Commissioner. Your house is mostly wood, right?"
    # (not fire-safety advice: "your house is wood, check the smoke detectors")
    ((_g("wood", "wooden", "firetrap", "tinderbox", "flammable", "kindling"), _g("house", "home", "place", "porch", "garage", "office", "cabin")),
     r"\b(your|ur|his|her|their|[a-z]+'s) (house|home|place|porch|garage|office|cabin)( is|'s| looks)"
     r"( [a-z]+){0,2} (wood|wooden|a firetrap|a tinderbox|flammable|kindling|old dry wood|dry wood)\b"
     r"(?![^.!?]{0,60}\b(smoke|detectors?|alarms?|extinguishers?|inspection|sprinklers?|insurance "
     r"quote|safety|termites?|rot)\b)"),
    # a beating promised on sight: "If I see that officer at the gas station again he's getting
    # stomped"
    ((_g("if"), _g("see", "catch", "find", "spot"), _g("stomped", "beat", "beaten", "jumped", "smoked", "dropped", "wrecked", "popped", "shot", "stabbed", "hurt", "handled", "stomp", "jump", "beat", "hurt", "hands", "touched", "laid")),
     r"\bif (i|we|my boys|my brothers) (ever )?(see|catch|find|spot)\b[^.!?]{0,60}\b(again|one more time|"
     r"around here|on my (street|block|property)|near my [a-z]+)\b[^.!?]{0,30}\b(he|she|they|you|u|"
     r"that [a-z]+|the [a-z]+)('s| is|'re| are| will be|'ll be| gonna be| is gonna be|'s gonna be)?"
     r" (getting|get|gets|going to get|gonna get) (stomped|beat|beaten|beat up|jumped|smoked|dropped|"
     r"wrecked|popped|shot|stabbed|hurt|handled|laid out|touched|hands)\b"),
    # a death promised as the price of a decision: "That council vote is going to cost somebody
    # their life, and I'll see to it personally" (not "cost this city millions")
    ((_g("cost", "costs"), _g("life", "lives")),
     r"\bcost (somebody|someone|you|him|her|them|the [a-z]+|[a-z]+) (their|his|her|your|ur) (life|"
     r"lives)\b[^.!?]{0,40}\b(i'll|ill|i will|we'll|we will|i'm gonna|im gonna|i am going to) "
     r"(see to it|make sure|make it happen|do it|handle it|be the one)\b"),
    # advice no one gives kindly: "whoever towed my car better sleep light tonight", "I'd start
    # varying your route home if I were you" (not "take the bypass home, Route 9 is closed")
    ((_g("sleep"), _g("light", "lightly", "shifts")),
     r"\b(better|should|'d better|had better|might want to|wanna|gonna want to|i'd)\s+sleep\s+(light|lightly|in shifts)\b"
     r"(?![^.!?]{0,60}\b(storms?|sirens?|thunder|wind|baby|noise|trains?|construction|fireworks|alarms?|tornado)\b)"),
    ((_g("vary", "varying", "change", "changing", "switch", "switching", "mix", "mixing"), _g("route", "routes", "routine", "schedule"), _g("were", "was", "saying", "good", "now", "can")),
     r"\b(vary|varying|change|changing|switch|switching|mix up|mixing up)\s+(your|ur|his|her|their)\s+(route|routes|routine|schedule)( home| to work| to school)?\b[^.!?]{0,10}\b(if i were you|if i was you|just saying|for your own good|from now on|while you can)\b"),
    # an official's property remarked on as easy to break: "Bet the captain's windows are real
    # easy to break at 3am" (not "car windows are easy to break, don't leave valuables")
    ((_g("easy"), _g("break", "smash", "slash", "burn", "reach", "find", "cut")),
     r"\b(your|ur|his|her|their|the [a-z]+'s|[a-z]+ [a-z]+'s)\s+(windows?|doors?|tires?|brakes?|house|home|car|truck|cruiser|porch|garage|brake lines?)\s+(are|is|'s|look|looks)\s+(real |really |pretty |so |awful |mighty )?easy to (break|smash|slash|cut|burn|get into|reach|find)\b"),
    # a family made to vanish on an order: "one phone call and that officer's whole family
    # disappears"
    ((_g("disappears", "disappear", "vanishes", "vanish", "missing", "gone"), _g("call", "word", "text", "order")),
     r"\bone (phone call|call|word|text|order)\b[^.!?]{0,40}\b(and|&)\b[^.!?]{0,40}\b(family|families|kids|wife|husband|children|daughter|son)\s+(disappears?|vanish(es)?|go(es)? missing|is gone|are gone)\b"),
    # "you're all dead men walking", "that deputy is dead meat" (not "we're dead men walking at
    # this DMV": the writer's own wait)
    ((_g("dead"), _g("walking", "meat")),
     r"\b(you|u|you're|youre|ur|y'all|yall|you all|he|he's|she|she's|they|they're|them|cops|pigs|officers|deputies|"
     r"(that|the|this|those|these) (" + TITLE_WORDS + r"|guy|man|woman|snitch|rat|bitch|bastard|punk|clown))( [a-z0-9']+){0,3}\s+"
     r"(is |are |'s |'re |)(all |both )?dead (man|men|woman|women) walking\b"
     # (a career's end: "the officer was a dead man walking after that scandal")
     r"(?![^.!?]{0,40}\b(career|careers|politically|political|job|scandal|election|campaign|"
     r"reelection|term|polls)\b)|"
     r"\b(you|u|you're|youre|ur|y'all|yall|he's|she's|they're|(that|the) (" + TITLE_WORDS + r"|guy|snitch|rat|bitch|punk) is)\s+(so |all |)dead meat\b"),
    # a person put in the ground: "I'll put the principal in the ground if he suspends my kid"
    # (not the bulbs, a post or a time capsule)
    ((_g("ground", "dirt", "grave"), _g("put", "putting", "puts", "lay", "laying", "send", "sending")),
     r"\b(put|putting|puts|lay|laying|send|sending)\s+(him|her|them|you|u|ya|'em|em|(the|that|this|your|ur|those|these)\s+"
     r"([a-z]+\s+)?(" + _PEOPLE + r"))\s+in (the|a|an) (ground|dirt|grave|early grave)\b(?!\s+(floor|level))"),
    # "see how many of y'all go home in one piece"
    ((_g("many"), _g("home", "piece", "alive", "walk", "leave")),
     r"\bsee how many (of )?(you|y'all|yall|them|those [a-z]+|your [a-z]+|em|'em|" + TITLE_WORDS + r")\b[^.!?]{0,30}\b(go home|make it home|get home|walk away|walk out|leave) (in one piece|alive|breathing|at all|standing|on (their|your) own feet)\b"),
    # "City council, consider this your last meeting" (not "your last warning from voters")
    ((_g("consider"), _g("last")),
     r"\bconsider (this|tonight|today|it) (your|ur|his|her|their) last (meeting|day|shift|ride|patrol|christmas|birthday|night|"
     r"morning|breath|call|arrest|traffic stop|stop|session|hearing|vote)\b"
     r"(?![^.!?]{0,60}\b(in office|recall|election|ballot|vote (you|them|him|her) out|polls|voters|term)\b)"),
    # a life owed and collected: "That deputy owes me a life and I always collect"
    ((_g("owes", "owe"), _g("collect", "collecting", "pay", "paying", "pays")),
     r"\b(owes|owe)\s+me\s+(a life|his life|her life|their lives|blood|a body)\b[^.!?]{0,30}\b(collect|collecting|pay|paying|pays)\b"),
    # the words of militias and of letters to officials: "The tree of liberty needs refreshing
    # and this council is first in line", "there are always Second Amendment remedies", "the
    # militia has your names" (not "the tree of liberty is watered by voters")
    ((_g("liberty"), _g("tree")),
     r"(\btree of liberty\b[^.!?]{0,40}\b(needs?|must be|is due|is thirsty|thirsts|time to|refresh\w*)\b|"
     r"\b(refresh|refreshing|water|watering|feed|feeding) the tree of liberty\b)"
     r"(?![^.!?]{0,60}\b(votes?|voters|voting|ballots?|polls|election)\b)"),
    ((_g("amendment", "2a", "2nd"), _g("remedies", "remedy", "solution", "solutions", "answer")),
     r"\b((second|2nd) amendment|2a) (remedies|remedy|solutions?|answer)\b"
     # (not the phrase condemned: "'Second Amendment remedies' is dangerous talk")
     r"(?![^.!?]{0,40}\b(dangerous|condemn\w*|talk|rhetoric|remark|comment|statement|quote)\b)"),
    ((_g("names", "addresses", "plates", "photos", "faces"), _g("militia", "patriots", "boys", "brothers", "network", "movement", "people")),
     r"\b(the militia|our militia|the patriots|my boys|my brothers|the network|the movement|our people)\s+(has|have|got|know|knows)\s+"
     r"(your|ur|their|his|her|all (your|their))\s+(names|addresses|plates|photos|faces)\b"
     r"(?![^.!?]{0,40}\b(thank\w*|cards?|great|appreciat\w*|prayers?|plaque|wall|list of heroes)\b)"),
    # officials' home addresses gathered: "I have compiled the home addresses of every officer on
    # that raid team" (not their public salaries)
    ((_g("addresses"), _g("home", "house", "houses")),
     r"\b(compiled|collected|gathered|got|have|found|pulled|dug up)\b[^.!?]{0,20}\b(home|house) addresses\s+(of|for)\s+"
     r"(every|all|each|those|these|the)( [a-z]+){0,2} (" + TITLE_WORDS + r"|agents?|members|inspectors?|clerks?|raid team)\b"
     # (not addresses the official published: "on the county's candidate filings, they're public")
     r"(?![^.!?]{0,60}\b(public|filings?|website|records|ballot|candidate)\b)"),
    # an ultimatum with a price: "You have 48 hours to release my son or the consequences will be
    # on your hands" (not "… or I'm filing an appeal")
    ((_g("hours", "hour", "days", "day", "minutes"), _g("or"), _g("else", "consequences", "blood", "happens")),
     r"\byou (have|got|get) (\d+|one|two|three|four|five|six|seven|ten|twelve|24|48|72) (hours?|days?|minutes?)\b"
     r"[^.!?]{0,60}\bor (else|the consequences|whatever happens|what happens next|blood|there will be blood)\b"
     # (not a raffle's deadline: "or else you miss out")
     r"(?!,? (you|u|you'll|youll)( will)? (miss|lose|won't get|don't get|can't))"),
    # "Hang the traitors on the council. Every last one." (not "hang the council's portraits")
    ((_g("hang", "hanging", "hanged", "lynch"), _g("traitors", "traitor", "council", "commissioners", "judges", "politicians", "cops", "pigs", "officers", "deputies", "mayor", "sheriff", "chief", "board")),
     r"\b(hang|lynch)\s+(the|those|these|all the|every|all|them)\s+(traitors?|council\w*|commissioners?|judges?|politicians?|cops|pigs|officers?|"
     r"deputies|mayor|sheriff|chief|board members?)\b(?!'s|\s+(portraits?|photos?|pictures?|banners?|flags?|signs?|posters?|lights|decorations))"),
    # nothing left to lose, and a building to walk into: "Someone with nothing left to lose is
    # going to walk into that building, and it might be me"
    ((_g("lose"), _g("nothing"), _g("walk", "show", "come", "coming", "visit", "go", "walking")),
     r"\bnothing (left )?to lose\b[^.!?]{0,60}\b(walk into|walk in to|walking into|show up at|come to|coming to|go into|visit)\b[^.!?]{0,30}"
     r"\b(building|office|station|precinct|meeting|courthouse|hall|school|headquarters|hq|house)\b"
     # (not to speak at it: "walk into that meeting and speak for three minutes")
     r"(?![^.!?]{0,40}\b(speak|talk|testify|comment|ask|tell them|sign up|minutes|microphone|mic|petition)\b)"),
    # a reckoning not in court: "There will be a reckoning for Judge Price and it will not be in a
    # courtroom" (not "a reckoning at the ballot box")
    ((_g("reckoning", "payback", "retribution", "vengeance"), _g("courtroom", "court", "courts", "lawyers", "words")),
     r"\b(reckoning|payback|retribution|vengeance)\b[^.!?]{0,50}\b(will not|won't|wont|isn't going to|ain't gonna|is not going to|"
     r"won't be|will not be|isn't|ain't|not)\s+(be |happen |come )?(in|at|through|with|from)\s+(a |the |any )?(courtroom|court|courts|lawyers|words)\b"),
    # targets counted: "I have counted the windows at the substation. Seventeen. Easy targets."
    # (not "parked cars are easy targets for thieves")
    ((_g("targets", "target", "ducks", "pickings"), _g("easy", "soft", "sitting")),
     # (not what something is vulnerable to: "sitting ducks for hail", "easy targets for scammers")
     r"\b((easy|soft|sitting) (targets?|pickings)|sitting ducks)\b(?!\s+(for|to|in|during|when|if|without)\b)"),
    # a favour returned for a loss: "Your department took everything from me. I intend to return
    # the favor in kind." (not "I intend to sue")
    ((_g("favor", "favour", "kind"), _g("took", "taken", "ruined", "destroyed", "killed", "stole")),
     r"\b(took|taken|ruined|destroyed|killed|stole)\b[^.!?]{0,40}\b(from me|my [a-z]+)\b[^\n]{0,60}\b(return the (favor|favour)|repay (you|them|the (favor|favour))|in kind)\b"
     # (not a kindness returned: "we'll return the favor by volunteering")
     r"(?!,?\s+(by|with|through|to|and|so|next|this|at)\b)"),
    # delivered with force: "The next message I send the board will be delivered in person, with
    # force"
    ((_g("force", "violence"), _g("person", "delivered", "deliver", "coming", "come", "comes", "visit", "showing", "show")),
     r"\b(delivered|deliver|coming|come|show up|showing up|visit|paying (you|them|him|her) a visit)\b[^.!?]{0,30}\b(in person)?[^.!?]{0,10}\b(with|by) (force|violence)\b"),
    # peace made before a deed: "I've made my peace with God. The prosecutor hasn't. Tomorrow
    # that changes."
    ((_g("peace"), _g("god", "maker", "lord"), _g("tomorrow", "tonight", "soon", "today", "changes", "next")),
     r"\bmade (my )?peace with (god|my maker|the lord)\b[^\n]{0,80}\b(" + TITLE_WORDS + r"|he|she|they)\b[^\n]{0,20}"
     r"\b(hasn't|hasnt|has not|haven't|have not|didn't|won't|will not)\b[^\n]{0,40}\b(tomorrow|tonight|soon|today|that changes|next)\b"),
    # a massacre of officers recalled as a promise: "Remember Dallas? Could happen here too."
    ((_g("dallas", "rouge", "ambush", "ambushed"), _g("happen", "happens", "happened", "again", "here", "next")),
     # (not a tribute or a plea for the officers' safety: "Remember Dallas? Those officers were
     # heroes, and it could happen here, so fund the training")
     r"(?![^\n]{0,200}\b(heroes|hero|rip|never forget|honor|fund|funding|training|support|protect|"
     r"pray|prayers|vests?|backup|hire|staffing|stay safe|be safe)\b)"
     r"\b(remember|like|what happened (in|to|at)|just like|another)\s+(dallas|baton rouge|the ambush|"
     r"the (cops|officers|deputies) in [a-z]+)\b[^\n]{0,80}?\b(could|can|might|will|gonna|should|would|"
     r"is going to|bound to) (happen|be) (here|again|to you|to y'all|to yall|to them|to this [a-z]+|"
     r"next)\b"),
)
# fmt: on
