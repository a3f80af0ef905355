"""Threat rules in the words threats against officers and officials are said in on agency
pages, beside the general ones in :mod:`page_governor.moderation.threat_rules`: ultimatums that
end in "or else", officials "taken out", shooting first as a plan, a sniper's or a gunman's
words ("open season on cops", "pick them off one by one", "dumping my clip"), a list with a
name at the top, a war declared on the police. Each is (anchor groups, pattern), read as the
rules are: the pattern runs only when every group has a word in the comment, on the comment's
clean words, and a match is checked by the same guards (a report, a consolation, a denial, a
quotation, a question are not threats)."""

from __future__ import annotations

# the titles of the officials and officers a threat names (shared with the menace reader, the
# harm-outcome reader and the general rules)
TITLE_WORDS = (
    r"cops?|pigs?|officers?|deputy|deputies|sheriffs?|chief|judges?|mayor|prosecutors?|da|"
    r"council(man|woman|member|men|women|members)?|commissioners?|detectives?|sergeants?|sgt|"
    r"lieutenants?|troopers?|agents?|marshals?|wardens?|governor|senator"
)
_TITLES = (
    "(" + TITLE_WORDS + r"|assessor|inspectors?|bailiffs?|manager|clerk|superintendent|"
    r"board members?|board)"
)
# the police and officers, named as a group or one of them
_POLICE = (
    r"(cops|pigs|police|officers|deputies|troopers|feds|detectives|the department|"
    r"this department|law enforcement|the sheriff's office|that department|y'all|you)"
)
_ONE_OFFICER = r"(cop|pig|officer|deputy|trooper|detective|sergeant|fed|agent)"
_OFFICERS = (
    r"(cops?|pigs?|officers?|deputy|deputies|troopers?|detectives?|sergeants?|feds?|agents?)"
)


def _g(*words: str) -> frozenset[str]:
    return frozenset(words)


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
     r"\bopen season on (the )?" + _POLICE + r"\b"),
    ((_g("take"), _g("with"), _g("many")),
     r"\b(how many|as many) (" + _OFFICERS + r"|of (them|you|these [a-z]+|those [a-z]+))( [a-z']+){0,3} (i|we) (can|could) take (out )?with (me|us)\b"),
    ((_g("settle", "handle", "end", "finish"), _g("45", "9mm", "glock", "ar", "rifle", "shotgun", "pistol", "gun", "piece", "nine")),
     r"\b(settle|handle|end|finish) (this|it|things|that|him|her|them|you) with (my|a|the|this) (45|9mm|glock|ar|ar-15|rifle|shotgun|pistol|gun|piece|nine)\b"),
    # waiting armed where officers will pass: "I'll be up on the roof with my scope"
    ((_g("scope", "rifle", "ar", "gun", "shotgun", "45", "9mm", "glock"), _g("be")),
     r"\b(i'll|ill|i will|we'll|we will|i'm gonna|im gonna|gonna) be (up )?(on|in|at|behind|across) (the|a|my|that)( [a-z]+){0,2} with (my|a|our) (scope|rifle|ar|ar-15|gun|shotgun|45|9mm|glock)\b"),
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
     r"\b(i'll|ill|i will|we'll|we will|gonna|i'm gonna|im gonna|i'm going to|we're going to) (make|making) an example (out )?of (that|the|this|one of (the|those|these|your)|every) ([a-z]+ )?" + _OFFICERS + r"\b"),
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
     r"\b(slide|sliding|slidin|slid|gonna slide|finna slide) on (him|her|them|em|'em|the [a-z]+'s|[a-z]+'s|his|her|their|that [a-z]+|the opps|" + _OFFICERS + r")\b"),
    ((_g("rocked", "caved", "split", "knocked", "kicked", "bashed", "smashed", "blown", "beat", "pushed"), _g("get", "gets", "getting", "gettin", "got")),
     r"\b(get|gets|getting|gettin|gon get|gonna get) (his|her|your|ur|their|yo|they) (shit|ass|head|face|teeth|lights|skull|jaw|wig) (rocked|kicked in|caved in|split( open)?|knocked (off|in|out)|beat in|bashed in|smashed in|blown off|pushed back)\b(?! by\b)"),
    ((_g("walking"), _g("dead")),
     r"\b(you|u|ur|you're|youre|he's|hes|he is|she's|she is|you are|y'all|yall|they|that [a-z]+ is|" + _OFFICERS + r" [a-z]+)( a| is a| are)? dead (man|men|woman|women|meat) walking\b"),
    ((_g("message"), _g("brick", "bricks", "bullet", "bullets", "bat", "molotov", "rock", "rocks")),
     r"\b(send|sending|give|giving|leave|leaving) (him|her|them|em|the [a-z]+|that [a-z]+|" + _OFFICERS + r"|the [a-z]+ [a-z]+) a message (with|wit|using|thru|through) (a|some|my) (brick|bricks|bullet|bullets|bat|molotov|rock|rocks)\b"),
    # a bag to leave in: "they'll be leaving in a bag"
    ((_g("bag", "bags"), _g("leaving", "leave", "leaves", "carried", "going")),
     r"\b(they|you|u|he|she|y'all|yall|" + _OFFICERS + r")('ll| will|'re gonna|'s gonna| are gonna| is gonna| gonna)? (be )?(leaving|leave|leaves|carried out|going out) in (a |body |)bags?\b"),
)
# fmt: on
