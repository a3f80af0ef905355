"""Threat rules in the words threats against officers and officials are said in on agency
pages, beside the general ones in :mod:`page_governor.moderation.threat_rules`: ultimatums that
end in "or else", officials "taken out", shooting first as a plan, a sniper's or a gunman's
words ("open season on cops", "pick them off one by one", "dumping my clip"), a list with a
name at the top, a war declared on the police. Each is (anchor groups, pattern), read as the
rules are: the pattern runs only when every group has a word in the comment, on the comment's
clean words, and a match is checked by the same guards (a report, a consolation, a denial, a
quotation, a question are not threats)."""

from __future__ import annotations

from collections.abc import Iterable

from page_governor.moderation.officials import SERVANT_TITLES
from page_governor.moderation.officials import TITLE_WORDS as OFFICIAL_TITLES

# the titles of the officials and officers a threat names (one vocabulary for every threat
# reader: :mod:`page_governor.moderation.officials`)
TITLE_WORDS = OFFICIAL_TITLES
_TITLES = SERVANT_TITLES
# the police and officers, named as a group or one of them
_POLICE = (
    r"(cops|pigs|police|officers|deputies|troopers|feds|detectives|the department|"
    r"this department|law enforcement|the sheriff's office|that department|y'all|you)"
)
_ONE_OFFICER = r"(cop|pig|officer|deputy|trooper|detective|sergeant|fed|agent)"
_OFFICERS = (
    r"(cops?|pigs?|officers?|deputy|deputies|troopers?|detectives?|sergeants?|feds?|agents?)"
)


def anchor_group(*words: str) -> frozenset[str]:
    """One anchor group of a rule: the rule runs only when the comment has one of these words.
    Shared by every module of threat rules."""
    return frozenset(words)


def not_after(phrases: Iterable[str]) -> str:
    """Lookbehinds that keep a pattern from matching right after any of these words ("slammed his
    face into", "the bill must die"): a fixed-width guard for each phrase. Shared by every module
    of threat rules."""
    return "".join(rf"(?<!\b{phrase} )" for phrase in phrases)


_g = anchor_group

# a thing cared for in common, after "a shame if something happened to": "… to the old mill
# mural", "… to the farmers market" (the rules' menace is a person's things or people)
CARED_FOR = (
    r"(?![^.!?]{0,50}\b(mural|murals|statue|monument|memorial|library|museum|garden|trees?|"
    r"bridge|landmark|history|tradition|program|park|market|festival|parade|fair|fundraiser|"
    r"event|season|team|restaurant|diner|bakery)\b)"
)


# harm done to the writer's own ("you hurt my son") and harm paid back ("I hurt yours")
_HARMED = (
    "hurt",
    "shot",
    "shoot",
    "tased",
    "tazed",
    "beat",
    "killed",
    "kill",
    "touched",
    "touch",
    "harmed",
    "harm",
    "maced",
    "choked",
    "slammed",
    "tackled",
    "punched",
    "kicked",
    "stomped",
    "broke",
    "cuffed",
    "roughed",
    "sprayed",
    "shoved",
)
_HARM_PAST = (
    r"(hurt|shot|tased|tazed|beat|killed|touched|harmed|maced|choked|slammed|tackled|punched|"
    r"kicked|stomped|broke|roughed up|pepper sprayed|shoved|laid hands on|put hands on)"
)
_HARM_NOW = r"(hurt|shoot|tase|beat|kill|touch|harm|choke|slam|punch|kick|stomp|break|get)"
# weapons and ammunition, held by the writer
_ARMS = (
    "ammo",
    "rounds",
    "bullets",
    "guns",
    "gun",
    "glock",
    "glocks",
    "ar",
    "rifle",
    "rifles",
    "shotgun",
    "shotguns",
    "pistols",
    "mags",
    "clips",
    "pistol",
    "strap",
    "strapped",
    "chopper",
    "9mm",
    "gmm",
    "45",
    "draco",
    "choppa",
)
_ARM = (
    r"ammo|rounds|bullets|guns?|glocks?|ar|ar-15|rifles?|shotguns?|mags|clips|pistols?|strap|"
    r"strapped|chopper|choppa|draco|9mm|gmm|45"
)


# "while you can": a time that runs out ("Sleep well tonight, Chief. While you can.")
_WHILE_YOU_CAN = r"while\s+(you|u|ya|he|she|they)\s+(still\s+)?(can|still can|have the chance|got the chance|are able)\b"


# goodwill around a visit, a present or a family's doings, which no threat carries: "a surprise
# waiting on his desk for his retirement", "a visit at home with cookies", "visiting Officer
# Lang to say thanks" (the guard after a match, read to the sentence's end)
_GOODWILL = (
    r"thank|thanks|welcome|proud|congrat\w*|love|loved|glad|happy|birthday|christmas|holiday|"
    r"retirement|cookies|cupcakes|cake|flowers|cards?|gifts?|casserole|meal|get well|carols?|"
    r"caroling|celebrate|party|appreciation|say hi|apologi\w*|hug|tree|toy drive|donations?"
)
NO_GOODWILL = r"(?![^.!?]{0,60}\b(" + _GOODWILL + r")\b)"


# fmt: off
RULES: tuple[tuple[tuple[frozenset[str], ...], str], ...] = (
    # arson urged or promised: "someone should set fire to that courthouse" (not "someone set
    # fire to the dumpster last night": a report)
    ((_g("fire"), _g("set", "setting")),
     r"\b(should|will|'ll|gonna|going to|oughta|ought to|needs? to|wanna|want to|let's|lets|i'd|we'd|would|gotta|about to) (set|go set) fire to (the|that|this|your|ur|his|her|their|those|[a-z]+'s|the [a-z]+'s)( [a-z]+)? "
     r"(house|home|courthouse|station|precinct|building|car|cars|cruiser|cruisers|office|jail|city hall|garage|porch|headquarters|hq|substation)\b"),
    # a blunt weapon or blade brought to where officials are: "I'm bringing a crowbar to the
    # next council meeting" (not "bring a crowbar to the park cleanup")
    ((_g("bringing", "bring", "carrying", "packing"), _g("crowbar", "bat", "bats", "machete", "knife", "axe", "hatchet", "hammer", "pipe", "knuckles")),
     r"\b(i'm|im|i am|we're|we are|i'll be|we'll be|i'll|ill|we'll|gonna|i will|we will) (bringing|bring|carrying|packing) (my|our|a|some) (baseball )?(crowbar|bat|bats|machete|knife|axe|hatchet|hammer|tire iron|lead pipe|brass knuckles) "
     r"(to|into) (the )?(next )?(council meeting|meeting|station|precinct|courthouse|city hall|hearing|town hall|board meeting|your|ur|his|her)\b"),
    # officials or officers "taken out" by someone (not "take out a loan", "take the officers
    # out for lunch", nor at the polls)
    ((_g("out"), _g("take", "taking"), _g("council", "councilmembers", "commissioners", "officers", "cops", "deputies", "judges", "mayor", "sheriff", "chief", "pigs", "troopers", "officials", "members", "judge", "prosecutor", "da", "detectives")),
     r"\b(someone|somebody|we|i|y'all|yall|people|anybody|anyone|who's|whos|who)( [a-z']+){0,3} (take|taking) out (the|that|those|these|every|each|all the|all of the|this)( [a-z]+){0,2} "
     r"(council ?members|councilmen|councilwomen|commissioners|officers|cops|deputies|judges?|mayor|sheriff|chief|pigs|troopers|officials|board members|prosecutors?|da|detectives)\b(?![^!]{0,40}\b(election|elections|primary|vote|votes|voting|ballot|ballots|polls|recall|office|lunch|dinner|coffee|breakfast)\b)"),
    # an ultimatum with nothing said after "or else": "you have until midnight to drop the
    # charges or else" (not "pay by Friday or else the fine doubles")
    ((_g("else"), _g("until", "till", "til", "'til", "drop", "release", "free", "resign", "back", "leave")),
     r"\b((you|u|y'all|yall|ya|you guys|the [a-z]+|they|he|she)( [a-z']+){0,2} (have|has|got|'ve got|get) (until|till|til|'til) [a-z0-9: ]{1,25}|"
     r"(drop|release|free|resign|back off|leave (us|me|him|her|them|my [a-z]+) alone))\b[^!]{0,60} or else(?= ?!| *$)"),
    # killing promised by saying it is not ruled out: "I'm not saying I'll shoot anyone, but
    # I'm not saying I won't"
    ((_g("saying"), _g("won't", "wont", "wouldn't", "wouldnt"), _g("shoot", "kill", "hurt", "stab", "burn", "shooting", "killing", "hurting", "beat", "bomb", "torch")),
     r"\b(but|and) (i'm |im |i am |we're |we are )?not saying (i|we) (won't|wont|wouldn't|wouldnt|will not|would not)(?= ?!| *$| (either|though|neither))"),
    # shooting first, as a plan: "shoot first is what we'll do next time you knock"
    ((_g("shoot", "shooting"), _g("first")),
     r"\b((we|i)('ll| will|'re gonna|'m gonna|re gonna| are going to| am going to| plan to| intend to| are gonna| am gonna) (be )?(shoot|shooting) first|"
     r"shoot first (is|will be) what (we|i)('ll| will| are gonna| am gonna|'re gonna|'m gonna) do)\b"),
    # fear for one's safety, wished on officials or their families: "the guards' families
    # should fear for their safety" (not "residents fear for their safety", "no parent
    # should have to fear for …")
    ((_g("fear", "afraid", "scared"), _g("safety", "lives", "life")),
     r"\b(you|u|y'all|yall|(your|ur|their|his|her|the [a-z]+'s|[a-z]+'s|(" + TITLE_WORDS + r"|guards|jailers)('s)?) (families|family|wives|wife|husbands?|kids|children|sons?|daughters?)|" + _TITLES + r")"
     r"( [a-z']+){0,2} (should|better|'d better|had better|ought to|need to|needs to|will|'ll|are going to|is going to|are gonna|is gonna|gonna) (start )?(to )?(fear|fearing|be afraid|be scared) for (their|your|ur|his|her) (safety|lives|life)\b"),
    # a life said to be short: "regret it for the rest of your short life"
    ((_g("short"), _g("life", "lives")),
     r"\b(rest of|all of|enjoy|enjoy the rest of) (your|ur) short (life|lives)\b"),
    # a gunman's words: "any cop that comes to my house is getting lit up" (not the tree),
    # "dumping my whole clip", "pick them off one by one", "open season on cops", "see how
    # many pigs I can take with me", "settle this with my .45"
    ((_g("lit"), _g("getting", "get", "gets", "gonna", "will", "'ll")),
     r"\b(" + _OFFICERS + r"|you|u|he|she|they|anyone|anybody|whoever)( [a-z']+){0,8} (is|are|'s|'re|will be|'ll be|gonna|is gonna|are gonna|gonna be|going to be|is going to|are going to)( be)? (getting |get )?lit up\b"),
    ((_g("clip", "mag", "magazine", "clips", "mags"), _g("dump", "dumping", "empty", "emptying", "unload", "unloading")),
     r"\b(i'm|im|i am|i'll|ill|i will|gonna|we're|we'll|imma|ima) (be )?(dump|dumping|empty|emptying|unload|unloading) (my|a|the|our)( whole| entire| full)? (clip|clips|mag|mags|magazine)\b"),
    ((_g("off"), _g("pick", "picking", "picks")),
     r"\b(pick|picking|picks) (them|'em|em|him|her|you|these [a-z]+|those [a-z]+|" + _POLICE + r") off( one by one| one at a time| from| with| like)\b"),
    ((_g("season"), _g("open")),
     r"\bopen season on (the )?(" + _POLICE[1:-1] + r"|meter maids|parking enforcement|code "
     r"enforcement|inspectors|tow drivers|council(men|women|members)?|commissioners|politicians|"
     r"city workers|dispatchers|clerks|judges|prosecutors|wardens|guards|jailers|the council|"
     r"the mayor|the board)\b"),
    ((_g("take"), _g("with"), _g("many")),
     r"\b(how many|as many) (" + _OFFICERS + r"|of (them|you|these [a-z]+|those [a-z]+))( [a-z']+){0,3} (i|we) (can|could) take (out )?with (me|us)\b"),
    ((_g("settle", "handle", "end", "finish"), _g("45", "9mm", "gmm", "glock", "ar", "rifle", "shotgun", "pistol", "gun", "piece", "nine")),
     r"\b(settle|handle|end|finish) (this|it|things|that|him|her|them|you) with (my|a|the|this) (45|9mm|gmm|glock|ar|ar-15|rifle|shotgun|pistol|gun|piece|nine)\b"),
    # waiting armed where officers will pass: "I'll be up on the roof with my scope"
    ((_g("scope", "rifle", "ar", "gun", "shotgun", "45", "9mm", "gmm", "glock"), _g("be")),
     r"\b(i'll|ill|i will|we'll|we will|i'm gonna|im gonna|gonna) be (up )?(on|in|at|behind|across) (the|a|my|that)( [a-z]+){0,2} with (my|a|our) (scope|rifle|ar|ar-15|gun|shotgun|45|9mm|gmm|glock)\b"),
    # an ambush's anniversary wished on others: "all these cops need to get what Dallas got"
    ((_g("dallas", "rouge"), _g("got", "get", "happened")),
     r"\b(get|gets|getting|got|deserve|deserves|need|needs) (what|what happened (to|in)|like) (dallas|baton rouge)( [a-z]+)?( got| did)?\b"),
    # arms taken up, a war declared: "take up arms against these pigs", "get ready for a war,
    # pigs" (not "a war of words", "the war on drugs")
    ((_g("arms"), _g("take", "taking", "took")),
     r"\b(take|taking) up arms against (the |these |those |this |our )?" + _POLICE + r"\b"),
    ((_g("war"), _g("ready", "prepare", "means", "declare", "declaring", "start", "starting")),
     r"\b(get ready for|prepare for|this means|declare|declaring|start|starting) (a |an all[- ]out |all[- ]out )?war(?! (of|on) (words|drugs|crime|poverty|potholes|litter))( on| against| with)? (the )?" + _POLICE + r"\b"),
    # a list with a name at its top: "I've got a list, and the sheriff's name is at the top"
    ((_g("list"), _g("name", "names")),
     r"\b(i've got|ive got|i got|i have|i'm making|im making|i made|i keep|we have|we've got) (a|my) (hit |kill )?list\b( [a-z']+){0,8} (name|names) (is |are )?(right )?(at the top|on top|on it|first)\b"),
    # an example made of an officer: "I'll make an example out of that officer" (not of
    # drunk drivers)
    ((_g("example"), _g("make", "making")),
     r"\b(i'll|ill|i will|we'll|we will|gonna|i'm gonna|im gonna|i'm going to|we're going to) (make|making) an example (out )?of ((that|the|this|one of (the|those|these|your)|every) ([a-z]+ )?" + _OFFICERS + r"|(officer|deputy|detective|sgt|sergeant|lt|lieutenant|trooper|chief|sheriff|judge|mayor|captain|corporal) [a-z]+)\b"),
    # something kept for the next officer: "I got something special for the next cop that
    # pulls up on me"
    ((_g("something", "surprise"), _g("next")),
     r"\b(got|have|saving|saved|keeping|keep) (something|a little something|a surprise) (special |nice )?for (the next|any|every) " + _ONE_OFFICER + r" (that|who|to)\b"),
    # insurance an officer will need: "hope you've got good life insurance, Officer Malik"
    ((_g("insurance"), _g("life")),
     r"\b(hope (you|u|he|she|they|y'all)('ve|'s| have| has)? (got|have|has|bought)|(better|'d better|had better|might want to|may want to) (have|get|buy|check)( (your|his|her|their|ur))?|(is|are) (your|his|her|their|ur)) ([a-z]+ ){0,2}life insurance\b"),
    # "you'll never see me coming, detective" (not a plot twist)
    ((_g("coming"), _g("see")),
     r"\b(you|u|he|she|they|y'all|yall)('ll| will| won't| wont| will never| ain't gonna| aint gonna| are never gonna| never)( never)?( ever)? (even )?see (me|us) coming\b"),
    # street slang for shooting or beating someone: "air his ass out", "slide on the
    # sheriff's crib", "get his shit rocked", "you a dead man walking", "send the chief a
    # message with a brick"
    ((_g("air"), _g("out")),
     r"\b(air|airing|aired) (him|her|them|em|'em|it|his ass|her ass|they ass|that [a-z]+|the [a-z]+|this [a-z]+|that bitch|him and [a-z]+) out\b"),
    ((_g("slide", "sliding", "slidin", "slid"), _g("on")),
     r"\b(slide|sliding|slidin|slid|gonna slide|finna slide) on (him|her|them|em|'em|the [a-z]+'s|[a-z]+'s|his|her|their|that [a-z]+|the opps|one of (y'all|yall|you|u|them|em|'em|those [a-z]+|these [a-z]+)|" + _OFFICERS + r")\b"),
    ((_g("rocked", "caved", "split", "knocked", "kicked", "bashed", "smashed", "blown", "beat", "pushed"), _g("get", "gets", "getting", "gettin", "got")),
     r"\b(get|gets|getting|gettin|gon get|gonna get) (his|her|your|ur|their|yo|they) (shit|ass|head|face|teeth|lights|skull|jaw|wig) (rocked|kicked in|caved in|split( open)?|knocked (off|in|out)|beat in|bashed in|smashed in|blown off|pushed back)\b(?! by\b)"),
    ((_g("walking"), _g("dead")),
     r"\b(you|u|ur|you're|youre|he's|hes|he is|she's|she is|you are|y'all|yall|they|that [a-z]+ is|" + _OFFICERS + r" (?!was\b|were\b)[a-z]+)( a| is a| are)? dead (man|men|woman|women|meat) walking\b(?![^.!?]{0,40}\b(career|careers|politically|political|job|scandal|election|campaign|reelection|term|polls)\b)"),
    ((_g("message"), _g("brick", "bricks", "bullet", "bullets", "bat", "molotov", "rock", "rocks")),
     r"\b(send|sending|give|giving|leave|leaving) (him|her|them|em|the [a-z]+|that [a-z]+|" + _OFFICERS + r"|the [a-z]+ [a-z]+) a message (with|wit|using|thru|through) (a|some|my) (brick|bricks|bullet|bullets|bat|molotov|rock|rocks)\b"),
    # a bag to leave in: "they'll be leaving in a bag"
    ((_g("bag", "bags"), _g("leaving", "leave", "leaves", "carried", "going")),
     r"\b(they|you|u|he|she|y'all|yall|" + _OFFICERS + r")('ll| will|'re gonna|'s gonna| are gonna| is gonna| gonna)? (be )?(leaving|leave|leaves|carried out|going out) in (a |body |)bags?\b"),
    # harm paid back: "you hurt my son, I hurt yours", "whoever tased my brother is getting the
    # same thing" (not "the driver who hit my car is getting the same ticket": a harm to a
    # person comes first, and what is paid back is the harm itself)
    ((_g(*_HARMED), _g("my"), _g("yours", "your", "ur")),
     r"\b(you|u|y'all|yall|they|he|she)( [a-z']+)? " + _HARM_PAST + r" my [a-z]+( [a-z']+){0,4},? (so |then |now |and )?(i|we)('ll| will|'m gonna| am gonna|'re gonna| are gonna| gonna)? " + _HARM_NOW + r" (yours|your [a-z]+|ur [a-z]+)\b"),
    ((_g("eye", "tooth", "life", "blood", "arm", "son", "kid", "child", "father", "brother", "daughter", "mother"), _g("for")),
     r"\b(an? )?(?P<paid>eye|tooth|life|blood|arm|son|kid|child|father|brother|daughter|mother) for (an? )?(?P=paid)\b(?=[^.!?]{0,40}\b(you|u|y'all|yall|your|ur|lt|sgt|officer|deputy|chief|sheriff|detective|trooper|" + _OFFICERS + r")\b)"),
    # harm to "someone in your department", or "someone's father", paid back for harm to the
    # writer's own
    ((_g("someone", "somebody", "someone's", "somebody's"), _g("my"), _g(*_HARMED)),
     r"\b(you|u|y'all|yall|your [a-z]+|the [a-z]+)( [a-z']+)? " + _HARM_PAST + r" my [a-z]+('s [a-z]+)?\b[^!?]{0,40}\b(someone|somebody|one) (in|at|from|of) (your|ur|the|that) (department|precinct|station|office|family|house|force|unit|squad)\b[^.!?]{0,20}\b(gets?|getting|is getting|gonna get|will get|'s getting)\b|"
     r"\b(someone|somebody) " + _HARM_PAST + r" my [a-z]+\b[^!?]{0,40}\b(someone's|somebody's|your|ur|his|her|their) [a-z]+ (gets?|getting|is getting|gonna get|will get|'s getting) " + _HARM_PAST + r"\b"),
    ((_g("same", "back", "taste", "gave"), _g("my"), _g(*_HARMED)),
     r"\b" + _HARM_PAST + r" my [a-z]+\b[^.!?]{0,60}\b(is|are|'s|'re|will be|gonna be|is gonna be|are gonna be|will|'ll|gonna|is gonna|are gonna)( gonna| going to| about to| finna)? (getting|get|catching|catch) (the (same|same thing|same treatment)|it (right )?back|a taste of (his|her|their|your) own( medicine)?|what (he|she|they|you) gave)\b(?! (from|in|at) (my|the|a|his|her|their) (lawyer|attorney|court|courts|judge|review|board|ballot|election|polls|union))"),
    # "one of these nights an officer on 9th street is not going home", "some of them won't
    # make it to the parking garage": an officer's or official's death said as not coming home
    # (not "won't make it to the meeting", "not going home for the holidays")
    ((_g("home", "garage", "lot", "cars", "car", "trucks", "truck", "door", "driveway", "families", "family", "kids", "children", "wife", "wives", "husband", "husbands"), _g("make", "making", "going", "gonna", "coming", "getting")),
     r"\b((an?|the|that|this|one|some|every|no|another|not every|not all) (" + _OFFICERS + r"|" + _TITLES + r")|(some|one|a few|half|two|three|none|most|not all) of (them|you|y'all|yall|em|'em|ur|your|those|these|the|that|this)( [a-z]+)?)( [a-z0-9']+){0,4} "
     r"(is not|isn't|ain't|aint|won't|wont|will not|is never|are not|aren't|never|not) (going|gonna go|go|coming|making it|make it|getting|get|gonna make it|gonna get) "
     r"(home|back home|back|(back )?to (their|his|her|your|ur|the) (cars?|trucks?|parking (garage|lot|deck)|front doors?|driveways?|homes?|houses?|famil(y|ies)|kids|wives|wife|husbands?|children))(?! (for|on|in time|early|late|before|by|until|till|tonight|this|from (work|vacation|the (conference|training|academy))|to (work|the (office|station|meeting)))\b)\b"),
    ((_g("did"), _g("do"), _g("what"), _g("my", "me", "mine")),
     r"\b(i'll|ill|i will|we'll|we will|i'm gonna|im gonna|i'm going to|we're gonna|gonna|imma|ima) do to (you|u|him|her|them|y'all|yall|your [a-z]+|ur [a-z]+) what (you|u|he|she|they|y'all|yall) did to (my|me|mine)\b"),
    # hands put on an officer: "next time a cop puts hands on my son I'm putting hands on him"
    # (not "lay hands on", a prayer)
    ((_g("hands"), _g("putting", "put")),
     r"\b(i'm|im|i am|i'll|ill|i will|we'll|we're|we are|gonna|imma|ima|i'm gonna|im gonna) (be )?(putting|put) (my |our )?hands on (him|her|them|you|u|y'all|yall|" + _OFFICERS + r"|(that|the|this|your|ur) " + _OFFICERS + r")\b"),
    # street words for an attack when seen or caught off guard: "it's on sight", "I'll catch
    # the chief slipping"
    ((_g("sight"), _g("it's", "its", "it")),
     r"\b(it's|its|it is|it's gonna be|it'll be) on sight\b"),
    ((_g("slipping", "slippin", "lackin", "lacking"), _g("catch", "catching", "caught")),
     r"\b(i'll|ill|i will|we'll|we will|gonna|imma|ima|finna|i'm gonna|im gonna|gon|bout to|about to|one day i|wait till i|when i|if i) (catch|ever catch) (you|u|him|her|them|em|'em|y'all|yall|(the|that|this|your|ur|one of (your|ur|the|those|these)) [a-z]+|" + _OFFICERS + r"( [a-z]+)?)( [a-z]+)? (slipping|slippin|lackin|lacking)\b"),
    # an official "handled" for good: "somebody ought to take care of that commissioner
    # permanently" (not at the ballot box, nor a problem "handled once and for all")
    ((_g("permanently", "good", "once", "keeps"), _g("handle", "deal", "care", "silence", "shut", "finish", "end")),
     r"\b(someone|somebody|some1|we|i|people|y'all|yall|the people|the town|the streets)( [a-z']+){0,3} (needs? to|should|oughta|ought to|gotta|has to|have to|gonna|going to|will|'ll|finna|better) "
     r"(handle|deal with|take care of|silence|shut up|finish|finish off|end) ((that|the|this|those|these|our|your|ur|every|each)( [a-z]+){0,2} (" + _OFFICERS + r"|" + _TITLES + r"|da|sarge|narcs?)( [a-z]+)?|(officer|deputy|detective|sgt|sergeant|lt|lieutenant|chief|judge|mayor|sheriff|commissioner|councilman|councilwoman|trooper|captain) [a-z]+) "
     r"(permanently|for good|once and for all|for keeps)\b(?![^.!?]{0,60}\b(vote|votes|voting|ballot|ballots|election|elections|polls|recall|retention|office|impeach|fire|fired|firing|term|primary|court|lawsuit)\b)"),
    # a race with the mob: "better hope the grand jury indicts him before the neighborhood
    # does", "pray they arrest him before my boys find him"
    ((_g("better", "hope", "hoping", "pray", "praying"), _g("before"), _g("does", "do", "find", "finds", "catch", "catches", "get", "gets", "reach", "reaches", "take", "takes")),
     r"\b(better|hope|hoping|pray|praying)\b[^.!?]{0,80}\bbefore (the (whole |entire )?(neighborhood|neighbourhood|streets|street|hood|block|community|town|rest of us|family)|we|i|my (boys|people|cousins|brothers|family|crew|guys)|the people)( [a-z']+)? "
     r"((does|do)(?= *([.!,;]|$| though| first))|(does|do) (something|somethin) about (it|him|her|them)|(takes?|take) care of (it|him|her|them)|(gets? to|gets? ahold of|finds?|catch(es)?|reach(es)?|get|gets) (him|her|them|em|'em|you|u|y'all|yall)\b)"),
    # courage that will not last alone: "the deputy who cuffed my mom won't be so tough when
    # he's alone in the parking lot" (not "isn't so tough without his badge": a present
    # judgment, criticism)
    ((_g("tough", "brave", "big", "bad", "cocky", "bold", "hard", "loud"), _g("alone", "duty", "off-duty", "badge", "gun", "uniform", "backup", "partner", "vest")),
     r"\b(won't|wont|will not|ain't gonna|aint gonna|isn't gonna|is not gonna|not gonna) be (so|that|as|too|real|very) (tough|brave|big|bad|cocky|bold|hard|loud)( [a-z']+){0,3} (when|once|without|after)( [a-z']+){0,5} "
     r"(alone|off duty|off-duty|(his|her|your|ur|their|that) (badge|gun|uniform|backup|partner|vest|cruiser))\b"),
    # an arrival that is not to talk: "I'll be outside the precinct Friday at shift change and
    # I won't be there to talk"
    ((_g("talk", "chat", "protest", "argue", "debate", "march"), _g("won't", "wont", "not", "ain't", "aint")),
     r"\b(i'll|i will|ill|we'll|we will|i'm gonna|im gonna|we're gonna|gonna) be (outside|at|waiting (at|outside|by|for)|by|in front of)( [a-z0-9']+){1,10},? and (i|we)('m|'re| am| are)? (won't|wont|will not|ain't|aint|not) (be )?(there|coming|going|showing up) (to|for) (talk|chat|protest|argue|debate|march|a chat|a talk)\b(?![^.!?]{0,30}\b(just|only) (to|for)\b)"),
    # regret promised to an officer by name or title: "Ima make that narc regret ever learning
    # my name" ("make you regret it" is a general rule; not "make the council regret this
    # vote": at the ballot box)
    ((_g("regret", "rue"), _g("make")),
     r"\b(ima|imma|i'ma|i'm gonna|im gonna|i'm going to|i'll|ill|we'll|i will|we will|we're gonna|finna|gonna)( [a-z']+)? make (that|the|this|those|these|every|each|(every|each|any|one|some|all) (one )?of (the|those|these|your|ur|them|y'all|yall))( [a-z]+){0,2} (" + _OFFICERS + r"|" + _TITLES + r"|narcs?|pigs?|sarge) (regret|rue)\b(?![^.!?]{0,60}\b(vote|votes|voting|ballot|election|polls|recall|lawsuit|court|sue|suing|attorney|lawyer|complaint|budget|tax|taxes)\b)"),
    # a war answered, starting with an officer: "The chief wants a war, he'll get one.
    # starting with him" (not "a war on potholes, starting with Main Street")
    ((_g("war", "fight", "beef", "smoke"), _g("starting", "start", "starts", "beginning", "first")),
     r"\b(wants?|want|asked for|asking for|looking for)( a| an| some)? (war|fight|beef|smoke)\b(?! (over|about|on|against) (the )?(budget|taxes|levy|bill|ordinance|contract|cameras?|funding|election|vote))[^\n]{0,40}?\b(starting|start|starts|beginning|begins) with (him|her|you|u|y'all|yall|them|the (" + _TITLES + r"|captain|lieutenant|lt|sarge|commander)|" + _OFFICERS + r" [a-z]+)\b(?!'s)"),
    # leave before the writer gets there: "tell the officer who arrested me he better move out
    # of Brookside before I get out"
    ((_g("before"), _g("move", "leave", "pack", "skip", "run")),
     r"\b((he|she|you|u|they|y'all|yall)( [a-z']+)? (better|'d better|had better|should|needs? to|oughta|best)|tell( [a-z']+){1,6} to)( [a-z']+)? (move|leave|pack up|skip town|get out of town|run)( [a-z0-9']+){0,5} before (i|we|my (boys|people|cousins|brothers|crew))( am|'m|'re| are)? "
     r"(get out|get home|get there|get back|find|catch|see|get to|come|show up|pull up|out|released|home)\b"),
    # what is theirs, kept whole only for a while: "keep towing cars off Maple and we'll see
    # how long your tow yard stays in one piece" (not "the new asphalt": a thing of the city's
    # is criticism)
    ((_g("long"), _g("see"), _g("your", "ur", "his", "her", "their", "you", "u", "he", "she", "they", "yalls", "y'all's")),
     r"\bsee how long (your|ur|his|her|their|y'all's|yalls|you|u|he|she|they|the (" + _TITLES + r"|" + _OFFICERS + r")'s)( [a-z']+){0,3} (stays?|lasts?|stands?|keeps?|remains?|can stay|has|holds?)\b(?![^.!?]{0,40}\b(office|job|jobs|seat|seats|election|vote|votes|polls|career|position|term|budget|funding|contract|pension|badge|license|certification|accreditation|ratings?|followers|support|majority|lead)\b)"),
    # karma helped along: "karma's coming for Sgt. Byers and I'm gonna help it along"
    ((_g("karma", "karma's", "fate", "fate's", "justice", "god", "god's"), _g("along", "hand", "push", "nudge")),
     r"\b(i'm|i am|im|i'll|ill|i will|we'll|we're|we are|gonna|imma|ima)( gonna| going to| happy to| glad to)?( happily| gladly| personally| just)? (help|give) (it|karma|fate|justice|god) (along|a (little )?(hand|push|nudge))\b"),
    # harm wished aloud as a hypothetical: "if someone were to torch the sheriff's boat, I
    # wouldn't be sad" (not "if someone were to steal it, I wouldn't be surprised")
    ((_g("torch", "burn", "burned", "shoot", "shot", "kill", "killed", "stab", "stabbed", "beat", "jump", "jumped", "hurt", "firebomb", "firebombed", "blow", "run", "slash", "slashed", "smash", "smashed", "whack", "whacked", "snipe", "ambush", "ambushed"), _g("if"), _g("wouldn't", "wouldnt", "won't", "wont", "not")),
     r"\bif (someone|somebody|anyone|anybody|one of (you|y'all|yall|us)|a few of (us|you)) (were to |was to |happened to |decided to |ever )?(torch|burn|shoot|kill|stab|beat|jump|hurt|firebomb|blow up|run over|slash|smash|whack|snipe|ambush)\w* [^.!?]{0,60}\b(i|we) (wouldn't|would not|won't|will not|wouldnt|wont) (be sad|cry|mind|complain|shed a tear|lose sleep|care|tell|say a word|call (anyone|the cops|911)|be upset)\b"),
    # a visit paid with a weapon: "somebody oughta pay the mayor a visit with a bat"
    ((_g("visit"), _g("bat", "bats", "gun", "guns", "rifle", "knife", "crowbar", "pipe", "hammer", "machete", "shotgun", "glock")),
     r"\bpay (him|her|them|you|u|the [a-z]+|that [a-z]+|this [a-z]+|(officer|deputy|detective|sgt|sergeant|chief|mayor|judge|sheriff|commissioner|trooper) [a-z]+) a (little |friendly |late night |late-night )?visit (with|and bring|carrying|holding) (a|my|some|our|his|the) (bat|bats|gun|guns|rifle|knife|crowbar|pipe|hammer|machete|shotgun|glock)\b"),
    # a building that will not stand, said as a warning: "that precinct won't be standing by
    # Easter, remember I said it" (not "… by Easter, they're demolishing it")
    ((_g("standing", "there", "gone", "history", "ash", "ashes", "rubble", "exist"), _g("remember", "mark", "warned", "watch", "wait", "trust", "believe", "heard", "bet", "count", "swear", "promise")),
     r"\b(precinct|station|substation|courthouse|city hall|jail|headquarters|hq|house|home|office|cruiser|cruisers|department)( [a-z']+){0,3} "
     r"((won't|wont|will not|ain't|aint|isn't|is not) (gonna )?(be standing|be there|be around|exist)|(will|'ll|is gonna|gonna) be (gone|history|ash|ashes|rubble|a memory))\b"
     r"[^.!?]{0,30}[.,;!]* *(remember (i|that i) (said|told)|mark my words|you('ve| have) been warned|consider yourself warned|just (watch|wait)|trust me|believe that|(you )?heard it here first|bet on it|count on it|i swear|i promise)\b"),
    # an ultimatum with its consequence left unsaid: "I'm done talking. Detective Hale, you got
    # one week." (not "… one week to return my call or I'm going to the press")
    ((_g("talking", "asking", "warning"), _g("week", "weeks", "day", "days", "hour", "hours", "night", "nights")),
     r"\b(done talking|through talking|no more talking|talking is over|done asking|last time i('m| am)? ask(ing)?|final warning|last warning)\b[^!?]{0,60}\b(you|u|y'all|yall) (got|have|get|'ve got) (one|a|two|three|four|five|\d+) (more )?(week|weeks|day|days|hours?|nights?)(?= *([.!]|$))"),
    # arson brought to someone's house: "we're coming to the commissioner's house Saturday
    # night. Bring the gas cans boys"
    # (and in other words: "someone should drop by the DA's place with a can of gasoline",
    # "rolling up to the sergeant's cabin this weekend, bring the rope"): going to an
    # official's or the reader's home, and what burns or hangs brought along, either order
    ((_g("gas", "gasoline", "matches", "lighter", "molotov", "molotovs", "torches", "rope", "noose", "pitchforks", "kerosene", "bats", "guns", "rifles", "knives", "pipes", "crowbars", "bricks", "hammers", "irons", "chains", "machetes", "clubs"), _g("house", "home", "place", "cabin", "farm", "driveway", "garage", "office", "station", "precinct")),
     r"\b(coming|going|go|come|headed|heading|meet|meeting|show up|showing up|pull up|pulling up|rolling up|roll up|drop by|stop by|swing by|drive by|visit|visiting)(?![^.!?]*\b(game|games|practice|team|coach|party|photo|trophy|cookout|birthday|barbecue|bbq|softball|baseball|league|tournament)\b)( [a-z']+){0,2} (to|at|by)? ?(the |that |this )?([a-z]+ )?([a-z]+'s|your|ur|his|her) (house|home|place|cabin|farm|driveway|garage|office)\b"
     r"[^!?]{0,80}\b(bring|bringing|with|carrying|grab|pack) (the |some |your |ur |a few |extra |a can of |a jug of |a )?(gas cans?|gasoline|matches|lighter fluid|molotovs?|torches|rope|noose|pitchforks|kerosene|bats|baseball bats|guns|rifles|knives|pipes|crowbars|bricks|hammers|tire irons|chains|machetes|clubs)\b(?![^.!?]{0,40}\b(practice|game|games|softball|baseball|little league|team|tournament|batting cage|cookout)\b)"
     r"|\b(bring|bringing|grab|pack|with) (the |some |a can of |a jug of |a )?(gas cans?|gasoline|molotovs?|lighter fluid|kerosene|noose|rope)\b[^!?]{0,60}\b(to|at) (the |that )?([a-z]+'s|your|ur|his|her) (house|home|place|cabin|farm|driveway|garage)\b"),
    # a will put in order, said to an official: "Commissioner, you might want to have your will
    # in order before Tuesday's vote" (the insurance rule's kin; not a legal-aid clinic)
    ((_g("will", "affairs"), _g("order", "update", "write", "make")),
     r"\b(" + _TITLES + r"|sarge|captain|lieutenant|lt)\b[^!?]{0,60}\b(might want to|may want to|better|should|'d better|had better|need to|needs to|time to) (have|get|put|update|write|make out) (your|ur|his|her|their) (will|affairs|last will)( [a-z]+)? (in order|updated|written|done|ready)?"),
    # a weapon introduced, or its feel learned: "one more ticket and I'm introducing the officer
    # to my 12 gauge", "Commissioner Hale is gonna learn what a tire iron feels like" (not in a
    # citizens' academy: training is not read)
    ((_g("introduce", "introducing", "introduced", "meet"), _g("gauge", "shotgun", "glock", "rifle", "bat", "fists", "fist", "knife", "pistol", "ar", "45", "9mm", "gmm", "crowbar", "machete", "friend")),
     r"\b(introduce|introducing|introduced|gonna introduce|i'll introduce|let (him|her|them|you) meet|gonna meet|about to meet) (him|her|them|you|u|y'all|yall|the [a-z]+|that [a-z]+|this [a-z]+|" + _OFFICERS + r")( [a-z]+)? (to|with) (my|our) (little )?(12 gauge|12-gauge|twelve gauge|shotgun|glock|rifle|bat|fists?|knife|pistol|ar|ar-15|45|9mm|gmm|crowbar|machete|friend smith|friend glock)\b"),
    ((_g("feels", "tastes", "sounds"), _g("like"), _g("learn", "find", "know", "see", "feel", "show", "hear")),
     r"\b(learn|find out|know|see|feel|hear|show (him|her|them|you|u|y'all|yall)) (what|how) (a|my|this|the|an|our|some) (tire iron|bat|baseball bat|bullet|bullets|round|fist|boot|knife|crowbar|pipe|lead pipe|pipe bomb|bomb|molotov|grenade|hammer|brick|12 gauge|twelve gauge|shotgun|rifle|glock|gun|pistol|belt|curb|blade|machete|switchblade|noose|rope) (feels|tastes|sounds) like\b"),
    # a cop turned into bacon: "pig on 5th street about to become bacon"
    ((_g("bacon"), _g("pig", "pigs", "cop", "cops", "fry", "fried")),
     r"\b((pig|pigs|cop|cops)( [a-z0-9']+){0,4} (about to|gonna|finna|will|'ll|going to|is going to|are going to|should) (become|be|turn into|get turned into|get made into) bacon|fry (them|the pigs|em|'em|him|those pigs|the cops) like bacon)\b"),
    # helmets advised before the next visit: "next time your deputies roll through my street they
    # better be wearing helmets"
    ((_g("helmets", "helmet", "kevlar", "armor", "armour"), _g("better", "'d")),
     r"\b(next time|if|when)\b[^.!?]{0,60}\b(better|'d better|had better) (be )?(wear|wearing|bring|bringing|have on) (their|your|ur|his|her|some)? ?(helmets?|kevlar|body armou?r|riot gear|vests and helmets)\b"),
    # a house that burns beautifully: "bet the mayor's house burns real pretty"
    ((_g("burns", "burn", "burning", "up"), _g("pretty", "nice", "quick", "fast", "easy", "bright", "beautiful", "beautifully", "lovely")),
     r"\b([a-z]+'s|your|ur|his|her|their) (house|home|car|cruiser|truck|station|office|boat|precinct|porch|garage)( would| will|'d|'ll| might)? (burns?|burning|go up|goes up|light up|lights up)( real| so| nice and| really| pretty)? (pretty|nice|quick|quickly|fast|easy|bright|beautiful|beautifully|lovely)\b"),
    # a badge tested against a bullet: "you think the badge makes you bulletproof? we'll test
    # that theory"
    ((_g("bulletproof", "invincible", "immortal", "untouchable"), _g("test", "testing", "see", "find")),
     r"\b(bulletproof|bullet proof|invincible|immortal)\b[^!]{0,60}\b(we'll|i'll|ill|we will|i will|gonna|let's|lets|we're gonna|i'm gonna|im gonna|happy to|about to) (test|testing|see about|find out about) (that|this|it)\b"),
    # provoked, with a weapon in hand: "got a closet full of ammo and nothing but time, keep
    # testing me"
    ((_g("testing", "playing", "pushing", "trying", "messing", "pressing", "poking", "try"), _g(*_ARMS)),
     r"\b(" + _ARM + r")\b[^.!?]{0,80}\b((keep|go ahead and|continue|y'all keep|yall keep|u keep|you keep)( on)? (testing|playing with|playing|pushing|trying|messing with|pressing|poking) me|try me)\b"),
    ((_g("testing", "playing", "pushing", "trying", "messing", "pressing", "poking"), _g(*_ARMS)),
     r"\b(keep|go ahead and|continue|y'all keep|yall keep|u keep|you keep)( on)? (testing|playing with|playing|pushing|trying|messing with|pressing|poking) me\b[^.!?]{0,60}\b(" + _ARM + r")\b"),
    # fear or pain taught to someone: "somebody oughta teach that judge what fear feels like"
    # (a person is taught; not "a drill that teaches kids what a lockdown feels like")
    ((_g("fear", "pain", "terror", "suffering", "hurt", "hurting", "afraid", "scared", "beating", "beatdown", "whooping", "kicking"), _g("teach", "taught", "teaches", "show", "learn", "know", "find")),
     r"\b(teach|teaches|teaching|show|showing|let) (him|her|them|you|u|y'all|yall|that [a-z]+|the [a-z]+|those [a-z]+|this [a-z]+|(" + _TITLES + r"|lieutenant|lt|captain|sarge) [a-z]+) (what|how) (a )?(real |good )?(fear|pain|terror|suffering|hurt|hurting|being (afraid|scared)|beating|beatdown|beat down|ass.kicking|whooping) (feels|is|means|looks|tastes) like\b(?![^.!?]{0,60}\b(open|opens|tickets|haunted|movie|film|book|ride|game|escape room|drill|simulation|class|course)\b)"
     r"|\b(gonna|going to|will|'ll|about to|finna) (learn|know|find out|feel) (what|how) (real )?(fear|pain|terror|suffering) (feels|is|means|tastes) like\b(?![^.!?]{0,60}\b(open|opens|tickets|haunted|movie|film|book|ride|game|escape room|drill|simulation|class|course)\b)"),
    # a building that would burn well: "your precinct would make a nice bonfire" (an official's
    # building or home, not an old barn)
    ((_g("bonfire", "kindling", "torch", "blaze", "fireworks", "firework", "burn", "fire"), _g("precinct", "station", "substation", "courthouse", "hall", "jail", "headquarters", "hq", "house", "home", "cruiser", "cruisers", "office", "place")),
     r"\b(precinct|station|substation|courthouse|city hall|jail|headquarters|hq|(your|ur|his|her|their|[a-z]+'s) (house|home|cruiser|cruisers|office|place))( [a-z']+){0,2} (would|'d|will|'ll|is gonna|gonna|might) (make|be) (a |some )?(real |pretty |nice |good |great |lovely |beautiful |perfect |fine )?(bonfire|kindling|torch|blaze|fireworks?|fire)\b"),
    # a next stop that will not end well: "next time you pull me over it won't end the way you
    # like" (a condition on the officer; not a warning of a lawsuit or a vote)
    ((_g("end", "go", "turn"), _g("won't", "wont", "ain't", "aint", "isn't", "not"), _g("next", "again", "if", "time")),
     r"\b((next time|if) (you|u|y'all|yall|your|ur) |(one more time|again)\b)[^.!?]{0,60}\b(it|this|that|things)( is| are|'s)? (won't|wont|will not|ain't gonna|aint gonna|isn't gonna|is not gonna|not gonna|isn't going to|is not going to) (end|go|turn out) ((well|good|nicely|pretty|great)( for (you|u|y'all|yall|ya))?(?= *([.!,;]|$))|the way (you|u|y'all|yall) (like|want|think|expect|hope|planned)|(well|good|nicely|pretty|great) for (you|u|y'all|yall|ya))\b(?![^.!?]{0,60}\b(court|lawsuit|suit|lawyer|attorney|judge|vote|votes|election|ballot|polls|press|media|news|review|complaint|hearing|budget)\b)"),
    # a known car or school of an official's family: "I know what car your wife drives,
    # Lieutenant"
    ((_g("know", "found"), _g("car", "truck", "suv", "van", "school", "gym", "church", "bus", "route", "daycare")),
     r"\b(i|we) (know|found out|figured out) (exactly )?(what|which) (car|truck|suv|van|school|gym|church|bus|route|daycare) (your|ur|his|her|their|the [a-z]+'s|[a-z]+'s)( [a-z]+)? (drives?|takes?|goes to|go to|attends?|uses?|rides?|parks?|works? at|is at)\b(?![^.!?]{0,60}\b(suspects?|tip|tips|tipline|called it in|reported|report|amber alert|plate|crime ?stoppers)\b)(?!( [a-z']+){0,6} (because|since|cause|cuz) (he|she|they|i|we|my|our)\b)"),
    # a surprise left where an official will find it: "that councilman has a big surprise waiting
    # in his mailbox" (not a birthday cake on the porch)
    ((_g("surprise", "present", "gift", "package"), _g("waiting", "left", "leaving", "under", "mailbox")),
     r"\b(" + _TITLES + r"|lieutenant|lt|captain|he|she|they|you|u)\b[^.!?]{0,30}\b(a |some )?(big |little |nice |special )?(surprise|present|gift|package)s? (waiting|left|is waiting|will be waiting|sitting) (for (him|her|them|you) )?(in|under|on|inside) (his|her|their|your|ur|the) (mailbox|car|truck|cruiser|engine|porch|doorstep|driveway|gas tank|seat)\b" + NO_GOODWILL),
    # a weapon's work shown on someone's car or home: "the sheriff is gonna find out what a 12
    # gauge does to a windshield" (not at the range or in a training video)
    ((_g("does", "do"), _g("gauge", "shotgun", "rifle", "glock", "bat", "brick", "molotov", "crowbar", "hammer", "bullet", "bullets", "slug", "round", "9mm", "gmm", "ar", "pipe"), _g("find", "see", "learn", "show", "know")),
     r"\b(find out|see|learn|know|show (him|her|them|you|u|y'all|yall)) what (a|my|this|one|an|the|a few) ([a-z0-9]+ )?(gauge|shotgun|rifle|glock|bat|brick|molotov|crowbar|hammer|bullets?|slugs?|rounds?|9mm|gmm|ar|pipe|pipe bomb)s? (does|can do|will do|do) to (a|an|your|ur|his|her|their|the|that|this) (windshield|windows?|car|cruiser|truck|house|home|face|skull|head|knee|knees|door|body|vest)\b(?![^.!?]{0,60}\b(range|gel|demo|class|training|video|test|lab|documentary|show)\b)"),
    # a favor returned for a beating: "one of these nights someone will return the favor to the
    # officers who beat Marcus" (not thanks returned for a kindness)
    ((_g("favor", "favour"), _g("return", "repay", "returned", "returning")),
     r"\b(someone|somebody|we|i|people|they|the (streets|hood|block|neighborhood)|one of us)('s)?( [a-z']+){0,2} (will|'ll|gonna|is gonna|are gonna|going to|is going to|should|oughta|ought to|'s gonna) (return|repay) the (favor|favour)\b(?=[^.!?]*\b(" + "|".join(_HARMED) + r"|beaten|beating|killing|shooting|choking|murdered)\b)(?![^.!?]*\b(fundraiser|donate|donated|donating|donations|thank|thanks|bake|helped|help|support|supporting|charity|kindness|kind|blood drive|meal|meals|visit them in)\b)"),
    # a visit paid to an official's home: "let's go pay the judge a visit at home and show him
    # how we feel" (not at his office hours)
    ((_g("visit"), _g("home", "house", "place", "door", "doorstep", "porch", "driveway")),
     r"\bpay (him|her|them|you|u|the [a-z]+|that [a-z]+|this [a-z]+|(" + _TITLES + r"|lieutenant|lt|captain|sarge) [a-z]+) a (little |friendly |late night |late-night |surprise |personal |quick )?visit (at|to) (home|(his|her|their|your|ur|the [a-z]+'s) (house|home|place|door|doorstep|porch|driveway))\b" + NO_GOODWILL),

    # a harm looked forward to at someone else's hand: "can't wait till somebody finally snaps
    # that chief's neck", "hoping someone shoots the judge"
    ((_g("wait", "hope", "hoping", "wish", "pray", "praying"), _g("someone", "somebody", "some1", "they", "people", "streets")),
     r"\b(can'?t wait|cant wait|can not wait|hope|hoping|wish|praying|pray)\b[^.!?]{0,12}\b(till|until|til|'til|for|that|when)?\s*(someone|somebody|some1|one of (y'all|yall|you|them|us)|they|people|the streets)\b( finally| just| actually| really)?\s+((snaps?|breaks?)\s+(his|her|their|your|that [a-z']+|the [a-z']+|those [a-z']+)\s+(necks?|legs?|arms?|jaws?|face|faces|skulls?|spines?)\b|(kills?|shoots?|stabs?|hangs?|lynch(es)?|chokes?|strangles?|murders?|runs? over|torch(es)?)\s+(that|the|this|those|them|him|her|you|every|all|his|her|their|your)\b)"),
    # a bullet that officers "need": "all these cops need a bullet" (not a bullet trap)
    ((_g("bullet", "bullets", "round", "slug"), _g("need", "needs", "deserve", "deserves", "get", "gets")),
     r"\b(" + _OFFICERS + r"|" + _TITLES + r"|he|she|they|you|y'all|yall|all of (you|them)|every one of (you|them))\b[^.!?]{0,30}\b(need|needs|deserve|deserves|should get|oughta get|gonna get|gets|get)\s+(a|one|two|the|some)\s+(bullet|bullets|round|slug)s?\b(?!\s*(trap|traps|proof|point|points|journal|list|train|hole|holes|casing|casings|resistant|vest|vests|catcher|budget|supply|order|count))"),
    # a harm promised to the next officer who does something: "the next deputy who steps on my
    # property is getting shot, no warning", "first cop that touches my truck gets buried" (the
    # clause must say what they do first)
    ((_g("next", "any", "whatever", "first"), _g("shot", "killed", "stabbed", "hurt", "beat", "beaten", "smoked", "popped", "capped", "blasted", "buried", "dropped")),
     r"\b(the next|any|whatever|every|(the )?first)\s+(" + _ONE_OFFICER + r"s?|" + _TITLES + r")\s+(who|that)\s+[a-z']+\b[^.!?]{0,50}?\s+(is|are|gets|get|will get|'s|is gonna get|gonna get|getting|will be|is gonna be|is getting|are getting)\s+(getting\s+)?(shot|killed|stabbed|hurt|beat|beaten|smoked|popped|capped|blasted|buried|dropped|lit up)\b"),
    # street words for shooting, promised to an officer: "im gonna pop that officer first chance
    # i get" (not "pop you a message", "drop you off")
    ((_g("pop", "smoke", "cap", "blast", "clap", "merk", "waste", "whack", "wack", "air", "light"), _g("i", "we", "i'll", "ill", "we'll", "im", "i'm", "imma", "ima", "i'ma", "gonna", "finna")),
     r"\b(i'll|ill|we'll|i will|we will|gonna|going to|imma|ima|i'ma|finna|about to|bout to|boutta)\s+(pop|smoke|cap|blast|clap|merk|waste|whack|wack|air out|light up)\s+(that|this|the|those|every|a|some)?\s*(" + _ONE_OFFICER + r"s?|" + _TITLES + r"|snitch|rat|him|her|them|you|u|ya|y'all|yall|his ass|her ass|they ass)\b(?!\s+(a|an|the|some|my|our)\s+(message|msg|text|email|dm|note|line|question|call|invite|link|pic|photo|card)\b|\s+(off|at|home|in the (race|game|match)|on the (court|field)))"),
    # a face better not shown where the writer is: "the judge that signed that warrant better
    # not show his face in Elm Park" (not at a meeting or a hearing)
    ((_g("face", "ass"), _g("better", "'d")),
     r"\b(better|had better|'d better|best)\s+not\s+(ever\s+)?(show|let me see)\s+(his|her|your|their|ur|that)\s+(face|ass)\b(?!\s+(at|in|to)\s+(the\s+|another\s+|a\s+)?(council|meeting|meetings|hearing|debate|forum|church|board|town hall|city hall|court|polls|election|press conference|vote|budget))"),
    # friends brought and nobody asking nicely: "I'm bringing friends to the jail and we won't
    # be asking nicely"
    ((_g("nicely", "nice", "politely", "around"), _g("friends", "people", "boys", "backup", "company", "cousins", "crew")),
     r"\b(bring|bringing|coming with|showing up with|roll(ing)? up with|come with)(?![^.!?]{0,120}\b(town hall|city hall|council|meeting|hearing|votes?|budget|board|forum|polls|sidewalks?|petition|school board)\b)\s+(some\s+|a few\s+|my\s+|the\s+)?(friends|people|boys|backup|company|cousins|crew)\b[^.!?]{0,60}\b(won't|wont|will not|ain't gonna|aint gonna|ain't|aint|not gonna|isn't gonna|aren't gonna)\s+be\s+(asking|playing|talking)\s+(nicely|nice|politely|around)\b"),
    # an officer caught alone: "one day I'm gonna catch the detective who lied in court alone in
    # a parking lot"
    ((_g("catch", "find", "get", "see"), _g("alone", "duty", "clock", "lot", "alley", "badge", "gun", "partner", "uniform", "himself", "herself", "yourself")),
     r"\b(i'm gonna|im gonna|i am gonna|i'm going to|gonna|i'll|ill|we'll|imma|ima|one day|someday|some day)\b[^.!?]{0,20}\b(catch|get|find|see|run into)\s+(him|her|you|u|them|the [a-z]+|that [a-z]+|(" + _TITLES + r"|lieutenant|lt|captain|sarge) [a-z]+)\b[^.!?,]{0,40}\b(alone(?! if)|by (him|her|your|them)sel(f|ves)|without (his|her|your|their) (badge|gun|partner|uniform|backup)|off duty|off the clock|in a (dark |empty )?(parking lot|alley|parking garage))\b"),
    # officers visited at home, as a demand's price: "… or I start visiting your deputies at home"
    ((_g("visit", "visiting", "show", "showing", "stop", "drop"), _g("home", "homes", "houses")),
     r"(?<!stop )(?<!quit )(?<!not )(?<!never )(?<!more )\b(visit|visiting|show up at|showing up at|stop by|drop by|swing by)\s+(your|his|her|their|the|those)\s+(deputies|officers|cops|guys|men|people|troopers|detectives|staff|family|kids|wife|husband)\s+at\s+(home|their homes|their houses|their house)\b"),
    # whereabouts told and a visit urged: "Officer Patel lives off Route 9 near the grain
    # elevator. Somebody should go say hi."
    ((_g("lives", "live", "stays", "house", "home", "address"), _g("hi", "hello", "visit", "stop", "drop", "swing", "knock")),
     r"\b(lives|stays|house|home|address)\b[^!?]{0,120}\b(somebody|someone|y'all|yall|we|people|everyone|you guys|some of (you|y'all|yall))\s+(should|oughta|ought to|needs? to|gotta|go)\s+(go\s+)?(say hi|say hello|pay (him|her|them) a visit|visit|stop by|drop by|swing by|knock)\b" + NO_GOODWILL),
    # rest wished for a while: "Sleep well tonight Chief Barlow. While you can." (an officer or
    # official named; not "enjoy the pool while you can")
    ((_g("while"), _g("sleep", "rest", "breathe", "breath", "sleeping", "resting")),
     r"\b(" + _TITLES + r"|lieutenant|lt|captain|sarge)\b[^!?]{0,60}\b(sleep|rest|breathe)\s+(well|tight|easy|good|sound|soundly|peacefully)\b[^!?]{0,30}\b" + _WHILE_YOU_CAN + r"|\b(sleep|rest|breathe)\s+(well|tight|easy|good|sound|soundly|peacefully)\b[^!?]{0,60}\b(" + _TITLES + r"|lieutenant|lt|captain|sarge)\b[^!?]{0,40}\b" + _WHILE_YOU_CAN),
    # a house's insurance hoped paid up: "Hope the commissioner's insurance is paid up on that
    # lake house"
    ((_g("insurance", "insured"), _g("paid", "current", "date", "good")),
     r"\b(hope|hopefully|better hope|i trust|pray)\b[^.!?]{0,40}\b(insurance|homeowners?|fire insurance|life insurance)\b[^.!?]{0,15}\b(is|are)\s+(all\s+)?(paid up|up to date|current|good)\b(?![^.!?]{0,60}\b(hurricane|storm|storms|flood|floods|flooding|season|wildfire|tornado|winter|deductible|renewal|county says|reminder)\b)"),
    # a family made to pay: "Nice family you got there, Sgt. Ortega. Would hate for them to pay
    # for what you did."
    ((_g("hate", "shame"), _g("pay", "suffer", "hurt", "answer")),
     r"\b(hate|shame)\s+for\s+(them|your (family|kids|wife|husband|children|son|daughter|mom|mother|parents)|his (family|kids|wife|children)|her (family|kids|husband|children))\s+to\s+((pay|answer)\s+for\s+(what|this|that|it|your|his|her|their)\b|suffer|get hurt|be hurt|find out)\b"),
    # an official handled for good, told as an order: "somebody take care of that judge before
    # Monday's sentencing, permanently"
    ((_g("handle", "deal", "care", "silence", "finish", "settle"), _g("permanently", "good", "once", "keeps")),
     r"\b(someone|somebody|some1|we|i|we'll|i'll|ill|people|y'all|yall|the streets)( [a-z']+){0,3}? (please )?(handle|deal with|take care of|silence|finish off|settle (this|it|things) with) "
     r"(him|her|them|(that|the|this|those|these|every|each)( [a-z]+){0,2} (" + _OFFICERS + r"|" + _TITLES + r"|sarge|narcs?)( [a-z]+)?|(officer|deputy|detective|sgt|sergeant|lt|lieutenant|chief|judge|mayor|sheriff|commissioner|councilman|councilwoman|trooper|captain) [a-z]+)\b"
     r"[^.!?]{0,40}?\b((permanently|for good|once and for all|for keeps)\b(?![^.!?]{0,60}\b(vote|votes|voting|ballot|ballots|election|elections|polls|recall|retention|office|impeach|fire|fired|firing|term|primary|lawsuit)\b))"),
    # protection that runs out: "They can't protect you forever, Detective Shaw"
    ((_g("protect", "save", "hide", "shield"), _g("forever", "long", "longer")),
     r"\b(they|nobody|no one|no body|the (department|badge|union|city|county|chief|sheriff)|your (badge|union|department|friends|chief|sheriff)|that badge)\s+(can'?t|cannot|can not|won'?t|will not|ain'?t gonna)\s+(protect|save|hide|shield)\s+(you|u|him|her|them|y'all|yall)\s+(forever|for long|much longer|every day|24/7)\b"),
    # a scope and patience, and a raid told to go on: "I've got a scope and a lot of patience.
    # Keep raiding houses on Grove St."
    ((_g("keep", "continue"), _g(*_ARMS, "scope", "scoped")),
     r"\b(" + _ARM + r"|scope|scoped)\b[^!?]{0,80}\b(keep|go ahead and|continue|y'all keep|yall keep|you keep)\s+(raiding|harassing|towing|coming|pulling|stopping|searching|arresting|knocking|patrolling|messing with|kicking in)\b"),
    # something of theirs taken in return: "You took my kid so I'll take something of yours,
    # Lieutenant"
    ((_g("yours", "love", "close"), _g("take", "took", "get")),
     r"\b(you|u|y'all|yall|they)\s+(took|take|hurt|killed|shot|tased|beat|locked up|arrested|took away)\s+(my|our)\s+(kids?|son|daughter|brother|sister|husband|wife|mom|mother|dad|father|family|baby|boy|girl|cousin|nephew|niece|everything|life|freedom)\b[^.!?]{0,60}\b(i'll|ill|i will|we'll|we will|gonna|imma|ima|i'm gonna|im gonna)\s+(take|get|hurt)\s+(something|someone|somebody|one)\s+(of yours|you love|you care about|close to you)\b|\b(i'll|ill|i will|we'll|we will|gonna|imma|ima|i'm gonna|im gonna)\s+(take|get|hurt)\s+(someone|somebody)\s+(you love|you care about|close to you)\b"),
    # a harm "coming to" named officers: "ain't no jail cell gonna stop what's coming to the cops
    # who did this"
    ((_g("coming", "comin"), _g("stop", "stopping", "stops", "save")),
     r"\b(stop|stopping|stops|save (him|her|them|you) from)\s+(what'?s|whats|what is)\s+comin'?g?\s+(to|for)\s+(him|her|them|you|u|ya|y'all|yall|the (" + _OFFICERS + r"|" + _TITLES + r")|those (" + _OFFICERS + r")|that (" + _ONE_OFFICER + r"|" + _TITLES + r"))\b"),

    # a bomb said to be there: "There's a bomb in city hall, you have one hour" (not a bomb
    # threat reported, a bomb squad or a drill)
    ((_g("bomb", "bombs", "explosive", "explosives", "ied", "device"), _g("there's", "there", "theres")),
     r"\bthere('s|s| is| are)\s+(a|an|two|three|several|some)\s+(bomb|bombs|explosive|explosives|ied|device|pipe bomb)s?\s+(in|at|inside|under|planted in|planted at)\b(?![^.!?]{0,60}\b(threat|threats|squad|dog|dogs|scare|drill|training|exercise|cleared|evacuat\w*|reported|suspicious|avoid|movie|movies|film|show|episode|game|book|trailer|scene|series)\b)"),
    # poison put where officers eat or drink: "put rat poison in the precinct coffee pot"
    ((_g("poison", "antifreeze", "arsenic", "cyanide", "fentanyl", "bleach"), _g("put", "putting", "slip", "slipping", "add", "adding", "spike", "spiking", "lace", "lacing", "dump")),
     r"(?<!don't )(?<!dont )(?<!never )(?<!not )\b(put|putting|slip|slipping|add|adding|spike|spiking|lace|lacing|dump)\s+(some\s+)?(rat poison|poison|antifreeze|arsenic|cyanide|fentanyl|bleach)\s+(in|into)\s+[^.!?]{0,30}\b(coffee|food|drinks?|water|lunch|lunches|donuts|doughnuts|meals?|cups?|pot|soda|tea|breakroom|vending)\b"),
    # a swatting promised: "that school board president is going to get swatted, watch"
    ((_g("swatted", "swat", "swatting"),),
     r"\b(gonna|going to|will|'ll|should|deserves? to|about to|finna|needs? to)\s+(get\s+|be\s+)?swatted\b|\bswat(ting)?\s+(him|her|them|his|her|their|the\s+[a-z]+'s)\b(?!\s+(team|teams|unit|units|officers?|members?|truck|van|training|callout|call-out))"),
    # the last days of someone's life: "I hope you enjoy your last week on earth"
    ((_g("earth", "alive", "breathing", "ground"), _g("last", "final")),
     r"\b(last|final)\s+(day|days|night|nights|week|weeks|month|months|christmas|summer|birthday|shift)\s+(on earth|on this earth|alive|breathing|above ground)\b"),
    # a city burning and the officers with it: "this city burns and so do the cops"
    ((_g("burns", "burn", "burning"), _g("so"), _g("cops", "pigs", "police", "officers", "deputies", "you", "y'all", "yall", "they", "mayor", "chief", "judge", "sheriff")),
     r"\b(burns?|burning|will burn|gonna burn)\b[^.!?]{0,30}\band\s+so\s+(do|will|does|are)\s+(the\s+)?(cops|pigs|police|officers|deputies|you|y'all|yall|they|mayor|chief|judge|sheriff)\b"),
    # a wish never to have been born, promised: "he's going to wish he was never born"
    ((_g("born"), _g("wish", "wishes", "wishing")),
     r"\b(gonna|going to|will|'ll|gon|finna)\s+(make\s+(him|her|them|you)\s+)?wish\s+(he|she|they|you|u)\s+(was|were|had)\s+never\s+(been\s+)?born\b"),
    # a present left under an official's car: "gonna leave a little present under the DA's car
    # tonight" (not under a tree at the toy drive)
    ((_g("present", "gift", "surprise", "package"), _g("leave", "leaving", "put", "putting", "plant", "planting", "drop", "dropping")),
     r"\b(leave|leaving|put|putting|plant|planting|drop|dropping)\s+(a|some)\s+(little\s+|nice\s+|special\s+|big\s+)?(present|gift|surprise|package)s?\s+(under|in|on|inside|beneath)\s+(the\s+)?([a-z]+'s|his|her|their|your)\s+(car|truck|cruiser|house|porch|mailbox|door|desk|office|tahoe|suv)\b" + NO_GOODWILL),
    # someone released who will go after an officer: "my brother's getting out in March and the
    # first thing he's doing is finding Officer Lang"
    ((_g("out"), _g("finding", "find", "looking", "going", "hunting", "visiting", "tracking", "paying")),
     r"\b(gets?|getting|got)\s+out\b(?!\s+of\s+(basic|boot camp|training|school|class|work|rehab|the (hospital|army|navy|service|academy)))[^.!?]{0,60}\b(finding|find|looking for|going after|hunting( down)?|paying a visit to|visiting|tracking down)\s+((" + _TITLES + r"|lieutenant|lt|captain|sarge)\s+[a-z]+|(every|each|the|that|those)( [a-z]+)? (" + _TITLES + r")('s?|s') (house|houses|home|homes|door|doors|place|family|families))\b" + NO_GOODWILL),
    # an address made public and readers told to use it: "The judge's address is out there now.
    # Do what you want with it."
    ((_g("address", "addy", "addresses", "location"), _g("want", "whatever", "know", "handle", "fun")),
     r"\b(his|her|their|[a-z]+'s)\s+(home\s+|house\s+)?(address|addy|addresses|location)\b[^.!?]{0,30}\b(is\s+|are\s+)?(out there|posted|public now|in the comments|below|above|online now)\b[^!?]{0,60}\b(do what(ever)? you (want|will|like)|you (all )?know what to do|handle it|have fun|go get (him|her|them))\b"),
    # officers' home addresses listed for a start date: "we have a list of officers' home
    # addresses, and we're starting Friday"
    ((_g("list", "spreadsheet", "file"), _g("addresses"), _g("starting", "start", "begin", "beginning", "visiting", "coming", "going")),
     r"\b(list|spreadsheet|file)\s+of\s+(the\s+|all\s+|every\s+)?(" + _OFFICERS + r"|" + _TITLES + r"|their|your)('s?|s')?\s+(home\s+|house\s+)?addresses\b[^.!?]{0,60}\b(starting|start|begin|beginning|visiting|coming|going)\b"),

    # a reckoning coming for officers: "Judgment day is coming for every pig in this county"
    # (not "for this council at the ballot box")
    ((_g("judgment", "judgement", "reckoning", "payback", "karma", "retribution", "vengeance"), _g("coming", "comes", "near")),
     r"\b(judge?ment day|reckoning|payback|karma|retribution|vengeance)('s| is)?\s+(is\s+)?(coming|comes|on its way|near)\s+(for|to)\s+(every|all|each|you|u|y'all|yall|the|those|these)\b[^.!?]{0,20}\b(pigs?|cops?|officers?|deputies|deputy|sheriff|chief|judge|mayor|you|u|y'all|yall)\b(?![^.!?]{0,40}\b(ballot|vote|votes|election|polls|court|recall|audit)\b)"),
    # officers as the game in a hunting season: "It's hunting season and the game wears blue"
    ((_g("game", "prey", "target", "targets", "deer", "buck", "bucks"), _g("blue", "badge", "badges", "uniform", "uniforms")),
     r"\b(the\s+)?(game|prey|targets?|deer|bucks?)\s+(wears?|wearing|is|are|comes?\s+in)\s+(blue|a badge|badges|uniforms?)\b"),
    # a car turned on a walking official: "If I saw the mayor crossing the street I'd floor it"
    ((_g("floor", "gun", "gas", "brake", "swerve", "aim"), _g("saw", "see", "spot", "spotted", "catch")),
     r"\b(if|when)\s+(i|we)\s+(ever\s+)?(saw|see|spot|spotted|catch)\s+(him|her|them|the [a-z]+|that [a-z]+|(" + _TITLES + r"|lieutenant|lt|captain|sarge) [a-z]+)\b[^.!?]{0,40}\b(crossing|walking|jogging|on (a|his|her) bike|in the crosswalk|on foot)\b[^.!?]{0,30}\b(i'd|i would|i'll|i will|we'd|gonna)\s+(floor it|gun it|hit the gas|not brake|speed up|swerve at (him|her|them)|aim for (him|her|them))\b"),
    # a shot someone will take at an officer: "somebody's gonna take a shot at one of you
    # eventually" (not at running for mayor)
    ((_g("shot"), _g("take", "takes", "taking", "took")),
     r"\b(gonna|going to|will|'ll|should|oughta|ought to|about to|hope|hoping|wish)\b[^.!?]{0,20}\b(take|takes|taking)\s+a\s+shot\s+at\s+(you|u|him|her|them|one of (you|y'all|yall|them|those [a-z]+)|the (" + _TITLES + r")|that [a-z]+|a (cop|deputy|officer|trooper)|(" + _TITLES + r"|lieutenant|lt|captain|sarge) [a-z]+)\b(?!'s|s\b)"),
    # a brake line found loose, with a wish for a safe drive: "The brake line on unit 14 looked
    # a little loose today. Drive safe, officer"
    ((_g("brake", "brakes"), _g("loose", "cut", "leaking", "snipped", "tampered", "off")),
     r"\bbrake\s+(lines?|hoses?)\b[^.!?]{0,40}\b(loose|cut|leaking|snipped|tampered with|a little off)\b[^!?]{0,60}\b(drive safe|be careful|careful out there|good luck|enjoy the ride|safe travels)\b"),
    # a visit from the writer and his crew: "any judge who signs another eviction is getting a
    # visit from me and my boys"
    ((_g("visit"), _g("boys", "friends", "crew", "cousins", "brothers", "people")),
     r"\b(getting|gets|get|will get|gonna get|about to get)\s+a\s+(little\s+|late.night\s+|personal\s+|surprise\s+)?visit\s+from\s+(me|us)\s+(and|&)\s+(my|the)\s+(boys|friends|crew|cousins|brothers|people)\b" + NO_GOODWILL),
    # ducking advised to officers: "Cops around here better learn to duck"
    ((_g("duck", "dodge"), _g("learn", "learned")),
     r"\b(" + _OFFICERS + r"|" + _TITLES + r"|you|y'all|yall|pigs?)\b[^.!?]{0,30}\b(better|'d better|had better|need to|should|oughta|gonna have to)\s+learn\s+(to|how to)\s+(duck|dodge bullets|dodge)\b"),
    # fear of starting a car: "The DA should be afraid to start his car"
    ((_g("afraid", "scared", "nervous", "terrified"), _g("start", "starting", "open", "opening", "get")),
     r"\b(afraid|scared|nervous|terrified)\s+to\s+(start|turn on|get in|get into|open)\s+(his|her|their|your|ur)\s+(car|truck|cruiser|front door|mail|mailbox|garage)\b"),
    # a way he won't forget: "The sheriff will hear from me in a way he won't forget" (not from
    # a lawyer)
    ((_g("forget"), _g("hear", "deal", "answer")),
     r"\b(hear from|deal with|answer to)\s+(me|us)\b[^.!?]{0,20}\b(in a way|like)\s+(he|she|they|you|u)\s+(won't|will never|wont|never will)\s+forget\b(?![^.!?]{0,40}\b(ballot|vote|votes|voting|polls|election|meeting|lawyer|attorney|court|recall)\b)"),
    # a vest tested against the writer's weapon: "Pray your vest stops what I've got, deputy"
    ((_g("vest", "kevlar", "armor", "armour"), _g("pray", "hope")),
     r"\b(pray|hope|better hope|better pray)\s+(that\s+)?(your|his|her|their|ur)\s+(vest|kevlar|body armou?r)\s+(stops|can stop|holds|works|is thick enough)\b"),
    # retribution promised outside the law: "there would be no mercy for those who did this
    # and I'm not talking about the legal system" (not "… I'm talking about the ballot box")
    ((_g("talking", "mean"), _g("legal", "law", "court", "courts", "lawyers", "lawyer", "lawsuit", "lawsuits", "jail", "prison", "justice", "legally")),
     r"\b(no mercy|hell to pay|pay (dearly|for (this|it|that|what))|answer for|get what'?s coming|retribution|payback|deal with (you|him|her|them|those|the)|make (you|him|her|them) (pay|sorry))\b[^.!?]{0,100}\b((and |but )?(i'?m|i am|im|we'?re|we are) not talking (about|of) (the |a |an )?(legal system|justice system|law|courts?|lawyers?|lawsuits?|jail|prison|legal action|suing)|(and |but )?(i|we) (don'?t|do not) mean (in court|legally|a lawsuit|with (a )?lawyers?|through the courts|jail))\b(?![^.!?]{0,60}\b(ballot|vote|votes|voting|election|polls|recall|media|press|protest|resign\w*|fired|step down|boycott\w*|accountab\w*)\b)"),
    # killing officials asked for as a question: "is it time to start killing the corrupt
    # judges yet?", and its ironic inversion "is it time to stop murdering the corrupt yet?"
    # (the group "asks": a question by its form, not a threat asked back)
    ((_g("time"), _g("murder", "murdering", "kill", "killing", "shoot", "shooting", "hang", "hanging", "lynch", "lynching", "execute", "executing")),
     r"(?P<asks>\bis it (finally |about |high )?time (yet )?to ((start|begin) (murder|kill|shoot|hang|lynch|execut)ing|murder|kill|shoot|hang|lynch|execute) (the|these|those|all|all the|our|every)( [a-z]+)? (corrupt|politicians?|officials?|judges?|cops|pigs|police|deputies|officers|council|senators|congressmen|bureaucrats|" + _TITLES + r")\b(?!')"
     r"|\bis it time (yet )?to stop (murder|kill|shoot|hang|lynch|execut)ing (the|these|those|all|all the|our)( [a-z]+)? (corrupt|politicians?|officials?|judges?|cops|pigs|police|deputies|officers|bureaucrats) yet\b)"),
    # the end promised when the writer finds someone: "when I cast my eyes upon you, it will be
    # the end of the line for you", "you better run and hide, Sheriff" (not a bus route's end,
    # nor hide-and-seek)
    ((_g("end"), _g("you", "u", "ya", "him", "her", "them")),
     r"\b(it('ll| will| is going to|'s gonna| gonna) be|that('ll| will) be|(is|'s) coming)\s+the end (of the line |of the road )?for (you|u|ya|him|her|them)\b(?![^.!?]{0,40}\b(route|bus|train|line \d|ride|season|tour|trail|contract|term|career|shift|job|year)\b)"),
    ((_g("hide"), _g("run")),
     r"\b(you|u|ya|y'all|yall|he|she|they|(the|that|this) (" + _TITLES + r"))\s+(better|'d better|had better)\s+run and hide\b(?![^.!?]{0,30}\b(seek|game|kids|rain|storm|tax)\b)"),
    # people or their families wished destroyed: "government workers along with their
    # bloodlines must be destroyed" (not records, nests or evidence)
    ((_g("destroyed", "exterminated", "eradicated", "annihilated", "slaughtered", "purged"), _g("must", "should", "need", "needs", "deserve", "deserves", "will", "shall")),
     r"\b(workers|employees|officials|bureaucrats|politicians|cops|pigs|police|officers|deputies|judges|families|bloodlines|children|kids|wives|people|" + _TITLES + r")\b([^.!?]{0,40}\b(along with|and|with) (their|his|her|all their) (families|bloodlines|children|kids|wives|relatives))?\s+(must|should|need to|needs to|deserve to|deserves to|will|shall)\s+(all\s+)?be\s+(destroyed|exterminated|eradicated|annihilated|slaughtered|purged)\b"),
    # a bomb or a gunman on an official's way home: "Road side bomb on her way home"
    ((_g("bomb", "bombs", "ied", "sniper", "ambush", "molotov", "grenade", "bullet", "bullets", "pipebomb"), _g("way", "driveway", "doorstep")),
     r"\b(road ?side bomb|car bomb|pipe ?bomb|bomb|ied|sniper|ambush|molotov|grenade|bullets?)\s+((waiting|planted|hidden|set|ready)\s+)?(on|in|at|under)\s+(her|his|their|your|ur|the (" + _TITLES + r")'?s)\s+(way (home|to work|to the office|to court|to church)|driveway|doorstep)\b(?![^.!?]{0,80}\b(killed|exploded|detonated|went off|found|discovered|defused|was|were|injured|wounded|reported|investigat\w*|arrested|charged)\b)"),
    # an official's family and home dug up and announced: "I uncovered the family of the
    # arresting officer: his real name, parents, wife, properties" (not to thank them)
    ((_g("uncovered", "dug", "tracked", "traced", "found"), _g("family", "families", "wife", "kids", "children", "parents", "relatives", "properties", "addresses")),
     r"\b(i|we)\s+(have\s+|'ve\s+)?(uncovered|dug up|tracked down|traced|found out about|found)\s+(all\s+)?(the|his|her|their|your)\s+(whole\s+)?(family|families|wife|husband|kids|children|parents|relatives|properties|home addresses|addresses)\b[^.!?]{0,40}\b(of|for)?\s*(the|that|this|your|every)?\s*([a-z]+\s+){0,2}(" + _OFFICERS + r"|" + _TITLES + r"|arresting (person|officer|deputy)|person who arrested me)\b(?![^.!?]{0,80}\b(thank|thanked|thanks|grateful|saved|fundraiser|donat\w*|card|flowers|condolences|memorial|funeral|meal)\b)"),

)
# fmt: on
