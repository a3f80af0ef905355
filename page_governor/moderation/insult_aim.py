"""Whom an insulting word is said of: a person ("Dale is a lying sack of garbage", "you
clowns", "rat cops") or a thing ("this budget is a pile of trash", "the officers' pig roast",
"an idiot policy"). The personal-attack detector asks :func:`said_of_a_person` of every
contextual insult it finds; the word sets are shared with the classifier's screen."""

from __future__ import annotations

from page_governor.moderation.lexicon import Lexicon
from page_governor.moderation.threat_rules import wordset

SECOND_PERSON = frozenset(
    {
        "you",
        "u",
        "ya",
        "ur",
        "your",
        "youre",
        "you're",
        "yall",
        "y'all",
        "ye",
        "yourself",
        "yourselves",
        "tu",
        "usted",
        "ustedes",
    }
)


PERSON_REFS = SECOND_PERSON | frozenset(
    {
        "he",
        "she",
        "they",
        "him",
        "her",
        "them",
        "he's",
        "she's",
        "they're",
        "hes",
        "shes",
        "theyre",
        "this guy",
        "that guy",
        "whoever",
        "anyone",
        "everyone",
        "people",
        "guys",
        "man",
        "woman",
        "lady",
        "dude",
        "bro",
        "folks",
        "person",
        "bunch",
        "buncha",
        "everybody",
        "somebody",
        "someone",
        "eres",
        "son",
        "es",
    }
)


PERSON_NOUNS = frozenset(
    {
        "people",
        "guy",
        "guys",
        "man",
        "men",
        "woman",
        "women",
        "lady",
        "ladies",
        "person",
        "folks",
        "bunch",
        "crowd",
        "boy",
        "boys",
        "girl",
        "kid",
        "excuse",
        "fans",
        "fan",
        "supporters",
        "commenters",
        "losers",
        "loser",
        "clown",
        "clowns",
        "idiot",
        "idiots",
        "pig",
        "pigs",
        "cow",
        "hag",
        "jerk",
        "animals",
        "animal",
        "trash",
        "scum",
        "thugs",
        "thug",
        "gente",
        "tipo",
        "tipos",
    }
)


_ARTICLES = frozenset(
    {
        "a",
        "an",
        "such",
        "total",
        "complete",
        "absolute",
        "real",
        "bunch",
        "buncha",
        "pack",
        "un",
        "una",
        "sack",
        "piece",
        # superlatives: "Karen is the biggest fucker on this street"
        "biggest",
        "worst",
        "dumbest",
        "stupidest",
        "ugliest",
        "laziest",
    }
)


_COPULAS = frozenset({"is", "are", "was", "were", "you're", "youre", "ur", "eres", "es", "son"})


def without_possessive(word: str) -> str:
    """ "mayor's" -> "mayor": the person a possessive or a contracted "is" names."""
    return word[:-2] if word.endswith("'s") else word


# Nouns an insult word can modify without naming a person ("idiot policy", "moron move").
THING_NOUNS = frozenset(
    {
        "policy",
        "policies",
        "decision",
        "decisions",
        "move",
        "moves",
        "plan",
        "plans",
        "idea",
        "ideas",
        "rule",
        "rules",
        "law",
        "laws",
        "question",
        "questions",
        "thing",
        "things",
        "statement",
        "ordinance",
        "program",
        "mistake",
        "proposal",
        "budget",
        "post",
        "take",
        # what someone says: "a spineless response" ("a brainless excuse" too, but not "a
        # worthless excuse for a human being": see names_a_thing; "answer" and "reply" are verbs
        # after a name called: "bitch answer me")
        "response",
        "responses",
        "explanation",
        "explanations",
    }
)


# An insulting adjective is said of a thing before these too ("a stupid way to do it", "dumb
# comments"); after a noun ("that bitch way over there", "you trash take yo ass back") they may
# be a verb or an adverb, so a noun takes only a plural thing noun as what it modifies ("the
# troll comments").
THING_AFTER_ADJECTIVE = THING_NOUNS | frozenset(
    [
        "way",
        "ways",
        "comment",
        "comments",
        "video",
        "videos",
        "joke",
        "jokes",
        "argument",
        "arguments",
        "article",
        "remark",
        "remarks",
    ]
)


# who "a sorry excuse for a …" may be said of (any other noun is a thing: "a press release")
_EXCUSE_FOR_PEOPLE = wordset(
    "human cop officer deputy sheriff chief mayor judge leader father mother dad mom parent "
    "husband wife adult public politician lawyer teacher detective sergeant trooper official "
    "councilman councilwoman councilmember commissioner prosecutor da governor senator "
    "president captain lieutenant firefighter medic nurse doctor coach principal neighbor "
    "citizen american christian son daughter brother sister friend"
)
# Nouns that make an insult noun before them a thing only after a determiner: "the hearing was
# a clown show" (not "bitch, show me", "you clowns show up late")
SHOW_NOUNS = frozenset(["show", "circus", "shitshow"])
DETERMINERS = wordset(
    "a an the this that another total complete absolute utter whole such what big real huge same"
)


def excuse_for_a_thing(named: str) -> bool:
    """Whether "an excuse for a <named>" is said of a thing ("… for a press release") rather
    than a person ("… for a cop", "… for a human being"); nothing named is a person's insult."""
    return bool(named) and named not in PERSON_NOUNS and named not in _EXCUSE_FOR_PEOPLE


def names_a_thing(words: list[str], i: int) -> bool:
    """Is the insult noun at ``words[i]`` part of a thing's name: "what kind of idiot policy",
    "the hearing was a clown show"?"""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if nxt in ("excuse", "excuses"):  # "a brainless excuse", not "an excuse for a human being"
        if words[i + 2 : i + 4] not in (["for", "a"], ["for", "an"]):
            return True
        return excuse_for_a_thing(words[i + 4] if i + 4 < len(words) else "")
    return nxt in THING_NOUNS or (i > 0 and nxt in SHOW_NOUNS and words[i - 1] in DETERMINERS)


THING_PLURALS = frozenset(
    w for w in THING_AFTER_ADJECTIVE if w.endswith("s") and w not in ("moves", "ways")
)


def said_of_a_person(words: list[str], i: int, lex: Lexicon) -> bool:
    """Is the word at ``words[i]`` (a sentence's words) said of a person?"""
    if _said_of_a_thing(words, i):
        return False
    if words[i] in _ANIMAL_NOUNS:
        return _animal_said_of_a_person(words, i, lex)
    before = words[max(0, i - 4) : i]
    after = words[i + 1 : i + 4]
    window = set(before) | set(after)
    if not window.isdisjoint(PERSON_REFS) or not window.isdisjoint(lex.official_terms):
        return True
    if len(words) <= 3:
        return True  # a one-word sentence: "Clowns." "pigs."
    # "X is a worthless fat pig", "Dale is a lying sack of garbage": a copula, then an
    # article or intensifier, then the noun (adjectives allowed in between). "The policy is
    # garbage" has no article after the copula and is not said of a person.
    return _copula_then_article(words, i)


def _copula_then_article(words: list[str], i: int) -> bool:
    """A copula, then an article or intensifier, before ``words[i]`` within six words ("Dale is
    a lying sack of garbage", "these officers are a pack of hyenas")."""
    wide = words[max(0, i - 6) : i]
    return any(
        w in _COPULAS and not _ARTICLES.isdisjoint(wide[j + 1 :]) for j, w in enumerate(wide)
    )


# Animals are animals on an agency's page far more often than they are insults ("the officers'
# pig roast", "deputies caught a rat snake", "the weasel statue"): an animal's name is an
# insult only when the sentence says someone is one ("Officer Lin is a little ferret", "cops
# are pigs"), calls the reader one ("you slack-jawed lemming"), or puts it before the person
# ("rat cops", "pigs with badges").
_ANIMAL_NOUNS = frozenset(
    ["pig", "pigs", "piggy", "piggies", "hog", "hogs", "swine", "cow", "sheep", "weasel",
     "weasels", "snake", "snakes", "rat", "rats", "baboon", "baboons", "gorilla", "gorillas",
     "ape", "apes", "cockroach", "cockroaches", "roach", "roaches", "worm", "worms", "leech",
     "leeches", "maggot", "maggots", "vulture", "vultures", "hyena", "hyenas", "jackal",
     "jackals", "donkey", "mule", "slug", "slugs", "toad", "rodent", "rodents", "sloth",
     "goldfish", "ferret", "ferrets", "skunk", "skunks", "mutt", "mutts", "jellyfish", "walrus",
     "hippo", "buzzard", "buzzards", "lemming", "lemmings", "louse", "warthog", "porker",
     "animal", "animals", "cerdo", "cerdos", "marrano", "marranos"]
)  # fmt: skip


_BADGE_WORDS = frozenset(["with", "in"])


def _animal_said_of_a_person(words: list[str], i: int, lex: Lexicon) -> bool:
    before = words[max(0, i - 3) : i]
    after = words[i + 1 : i + 3]
    if len(words) <= 3 or not SECOND_PERSON.isdisjoint(before):
        return True  # "Pigs." "you slack-jawed lemming", "all of you rats"
    if after and (after[0] in PERSON_NOUNS or after[0] in lex.official_terms):
        return True  # "rat cops", "pig deputies"
    if len(after) == 2 and after[0] in PERSON_REFS and after[1] in _COPULAS:
        return True  # "hiding like the caged animal he is"
    if (
        len(after) == 2
        and after[0] in _BADGE_WORDS
        and after[1] in ("badges", "badge", "uniform", "blue")
    ):
        return True  # "pigs with badges", "animals in uniform"
    if (
        i >= 2
        and words[i - 1] in _COPULAS
        and (
            words[i - 2] in PERSON_REFS
            or words[i - 2] in PERSON_NOUNS
            or words[i - 2] in lex.official_terms
        )
    ):
        return True  # "cops are pigs", "you're animals"
    if _likened(words, i, lex):
        return True  # "the dispatcher sounded like a bored sloth"
    return _copula_then_article(words, i)  # "these officers are a pack of hyenas"


_LIKENING_VERBS = wordset(
    "looks look looked sounds sound sounded acts act acted talks talk talked behaves behave "
    "behaved drives drive drove runs run ran waddles waddled"
)


def _likened(words: list[str], i: int, lex: Lexicon) -> bool:
    """A person is likened to the animal at ``i``: "<person> sounded like a (bored) sloth"."""
    for k in range(i - 1, max(0, i - 4), -1):
        if words[k] in ("a", "an") and k >= 2 and words[k - 1] == "like":
            verb = k - 2
            if words[verb] not in _LIKENING_VERBS:
                return False
            subject = words[max(0, verb - 4) : verb]
            return any(
                w in PERSON_REFS or w in lex.official_terms or w in PERSON_NOUNS for w in subject
            )
    return False


# What a budget hearing or a plan is called is said of the thing, not of the people in it.
_SUBJECT_THINGS = THING_AFTER_ADJECTIVE | frozenset(
    ["hearing", "meeting", "response", "report", "contract", "system", "process", "page",
     "investigation", "situation", "show", "town", "this", "that", "it"]
)  # fmt: skip


# Words between a copula and the insult said of its subject ("your ban is so dumb").
_INTENSIFIERS = wordset("so very really totally completely just absolutely pretty beyond truly")
# What a resident calls the agency's rules and plans: "your fireworks ban is dumb", "your idea
# is stupid" criticise the thing, however rudely, not a person.
RULED_THINGS = _SUBJECT_THINGS | wordset(
    "ban bans fee fees fine fines tax taxes curfew schedule website app logic reasoning excuse "
    "excuses answer answers priorities approach strategy survey detour detours layout policy"
)


# After "so", "as" or "like", these say the insult of a person too ("… and so are you").
_ALSO_SAID_OF = wordset("are r is you u him her them whoever yourself")


def predicated_of_a_thing(words: list[str], i: int) -> bool:
    """ "Your fireworks ban is dumb", "your idea is so stupid": the insult at ``words[i]`` comes
    right after "is" or "was" (or after "so", "really") and the subject before it is a rule, a
    plan or another thing: criticism of the thing, however rude, not of a person. So is "a
    weasel of a policy": the insult is said of the thing after "of a"."""
    if words[i + 1 : i + 3] in (["of", "a"], ["of", "an"]) and (
        i + 3 < len(words) and (words[i + 3] in THING_NOUNS or words[i + 3] in RULED_THINGS)
    ):
        return True
    j = i - 1
    while j > 0 and words[j] in _INTENSIFIERS:
        j -= 1
    if not (j > 0 and words[j] in ("is", "was") and words[j - 1] in RULED_THINGS):
        return False
    # "your ban is dumb and so are you", "… just like you": said of the person too
    after = words[i + 1 : i + 6]
    return not any(
        w in ("so", "as", "like") and k + 1 < len(after) and after[k + 1] in _ALSO_SAID_OF
        for k, w in enumerate(after)
    )


def _said_of_a_thing(words: list[str], i: int) -> bool:
    """ "This budget is a pile of trash", "the hearing was a clown show": the copula before the
    noun has a thing for its subject and an article after it (not "this town is run by
    clowns", where the copula is the passive's); or the insult is said of a thing
    (:func:`predicated_of_a_thing`)."""
    if predicated_of_a_thing(words, i):
        return True
    for j in range(i - 1, max(-1, i - 7), -1):
        if words[j] in _COPULAS:
            return (
                j > 0
                and j + 1 < i
                and words[j + 1] in _ARTICLES
                and words[j - 1] in _SUBJECT_THINGS
                and (j < 2 or words[j - 2] not in PERSON_REFS)
            )
    return False


# Who a sentence is about when it opens on a private person: "The neighbor who called the cops
# … is a witch", "My ex is a lying scumbag", "Whoever keeps parking across my driveway is a
# jerk", "Gloria from the HOA is a hag". Said of such a person, an insult is aimed at a private
# person (the policy may justify hiding it), however many officers the rest of the sentence
# names. A bare name is not enough: it may be a public figure's.
PRIVATE_PEOPLE = wordset(
    "neighbor neighbors neighbour neighbours ex lady ladies man men woman women guy guys dude "
    "dudes girl boy kid kids teen teens teenager teenagers commenter commenters poster posters "
    "driver drivers landlord tenant roommate coworker co-worker cashier customer whoever "
    "girlfriend boyfriend stepdad stepmom stepfather stepmother karen person"
)
_OPENERS = wordset("the that this my our your his her their a an")
_PRIVATE_GROUPS = wordset(
    "hoa pta church gym block street neighborhood neighbourhood office school team league "
    "building complex park"
)


# A role that makes the person an official after all: "the man who runs this department",
# "the woman in charge of the jail", "the guy who leads the task force", "the man with the
# badge" (not "the lady who runs the daycare": a role over a public body only).
_ROLES = wordset(
    "runs run running leads lead leading heads heading charge commands commanding supervises "
    "oversees manages managing chief head boss"
)
_PUBLIC_ROLES = wordset("badge uniform elected appointed")
_PUBLIC_BODIES = wordset(
    "department dept police pd city county town jail prison force precinct station sheriff "
    "sheriff's council agency unit squad division court courthouse state government district "
    "village township borough page investigation investigations patrol"
)
_COPULAS_AND_VERBS = wordset("is are was were 's")
# an insult that names a commenter by what they did: "the idiot who posted my address"
_INSULT_SUBJECTS = wordset(
    "idiot idiots moron morons clown clowns fool fools jerk jerks loser losers creep creeps "
    "genius dummy dumbass bozo troll trolls coward cowards"
)


def private_subject(words: list[str], first_capitalised: bool) -> bool:
    """Does the sentence (its first words; whether the first is capitalised) open on a private
    person? Not when the words before its verb give the person a public role."""
    k = 1 if words and words[0] in _OPENERS else 0
    told = k + 1 < len(words) and words[k + 1] in ("who", "that")
    if k < len(words) and (
        words[k] in PRIVATE_PEOPLE or (k == 1 and told and words[k] in _INSULT_SUBJECTS)
    ):
        role = False
        for w in words[k + 1 :]:
            if w in _COPULAS_AND_VERBS:
                break
            if w in _PUBLIC_ROLES or (role and w in _PUBLIC_BODIES):
                return False
            role = role or w in _ROLES
        return k == 1 or words[k] == "whoever"
    # "Gloria from the HOA": a name, then where the writer knows the person from; "Karen in the
    # comments": a fellow commenter
    return (
        len(words) >= 4
        and first_capitalised
        and (
            (words[1] == "from" and words[2] == "the" and words[3] in _PRIVATE_GROUPS)
            or _in_the_comments(words[1:5])
        )
    )


def _in_the_comments(words: list[str]) -> bool:
    """ "in the comments", "up in these replies", "in this thread": where a fellow commenter is."""
    if words[:1] == ["up"]:
        words = words[1:]
    return (
        len(words) >= 3
        and words[0] == "in"
        and words[1] in ("the", "these", "this")
        and words[2] in ("comments", "comment", "replies", "thread")
    )


# The unnamed doer of a crime the comment talks about: "The shooter who killed two officers was a
# coward", "Whoever shot that deputy is a coward", "the man who robbed the store is a scumbag".
# Denouncing the crime's doer is talk about the crime (no one a reader can identify is named),
# not an attack on someone in the conversation; a named suspect ("Tyler Brooks is a scumbag")
# is still read.
_DOERS = wordset(
    "shooter shooters gunman gunmen killer killers murderer murderers suspect suspects robber "
    "robbers thief thieves attacker attackers carjacker carjackers rapist rapists arsonist "
    "arsonists stabber burglar burglars vandal vandals abuser abusers kidnapper kidnappers "
    "perpetrator perpetrators perp perps assailant assailants sniper bomber"
)
_DOER_PEOPLE = wordset("man men guy guys woman women person people punk punks kid kids driver")
_CRIME_VERBS = wordset(
    "shot killed murdered robbed stole stabbed attacked raped kidnapped carjacked burglarized "
    "vandalized torched bombed hit beat assaulted broke ambushed"
)
_DOER_OPENERS = wordset("the that this these those whoever")


def crime_doer_subject(words: list[str]) -> bool:
    """Does the sentence (its words) open on the unnamed doer of a crime (see above)?"""
    k = 0
    if k + 1 >= len(words) or words[k] not in _DOER_OPENERS or not SECOND_PERSON.isdisjoint(words):
        return False  # ("The suspect is a coward and so are you, Karen": the reader too)
    if words[k] == "whoever":
        return words[k + 1] in _CRIME_VERBS
    noun = words[k + 1]
    if noun in _DOERS:
        return True
    return (
        noun in _DOER_PEOPLE
        and k + 3 < len(words)
        and words[k + 2] in ("who", "that")
        and words[k + 3] in _CRIME_VERBS
    )
