"""Private people's names tied to where they work, live or study, in a comment that points
readers at them (a part of :mod:`page_governor.moderation.pii`). Pure: no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator

# A full name, then where that person works, lives or studies: "Devon Miles, he works the
# night shift at the Shell", "Tanya Webb lives on Cedar Court", "Kyle Voss goes to Lincoln High"
# (the name's capital first, the titles looked for behind it: the engine skips to capitals)
_NAMED_PLACE_TEMPLATE = (
    r"([A-Z](?<!\w[A-Z])(?<!Officer [A-Z])(?<!Deputy [A-Z])(?<!Sergeant [A-Z])"
    r"(?<!Detective [A-Z])(?<!Chief [A-Z])(?<!Mayor [A-Z])(?<!Judge [A-Z])(?<!Sgt\. [A-Z])"
    r"(?<!Sheriff [A-Z])(?<!Trooper [A-Z])[a-z]+ [A-Z][a-z]+)"
    r"(,? (he|she|they))?(,? who)?(,? (he|she)'s|,? is|( (in|from) the [a-z]+)?,)?"
    r"{clause} "
    r"((works|lives|stays|is at|hangs out)(( [a-z]+){0,4})? (at|on|in|for|off|near|behind|above|"
    r"below|by|over|beside|across from|next to) (the )?"
    r"|(goes to|attends) (the )?)[A-Z0-9]"
)
_NAMED_PLACE, _NAMED_PLACE_LATER = (
    re.compile(_NAMED_PLACE_TEMPLATE.replace("{clause}", clause))
    # ("Corey Lamb stocks shelves at the Dollar Tree and lives on Elm Ct": another clause
    # first; read only where such a second clause is, as it costs more on long comments)
    for clause in ("", r"( [^.!?]{1,60}?(,| and)( (he|she|they))?)?")
)
_LATER_CUE = re.compile(r"(,| and)( (he|she|they))? (works|lives|stays|hangs out|goes to|attends) ")
# what makes such a sentence point readers at the person rather than thank them
_POINTING = re.compile(
    r"\b(the one|(he|she|they)'s the (guy|one|man|woman|girl|kid|dude|lady|person)|that's the "
    r"(guy|one|man|woman|girl|kid|dude|lady|person)|(?-i:[Tt]hat's [A-Z][a-z]+ [A-Z][a-z]+)|"
    r"go (tell|see|ask|visit|find|knock|get|confront)|let (him|her|them) know|"
    r"tell (him|her|them)|pay (him|her|them) a visit|look (him|her|them) up|"
    r"find (him|her|them)|thief|stole|steals|creep|scammer|dealer|dealing|"
    # someone in a video named for readers: "Anyone know the guy in the video? His name's …"
    r"(guy|man|woman|girl|dude|lady|kid|person) (in|from) (the|this|that) (video|clip|pic|photo|"
    r"picture|footage)|"
    # a grievance against the person: "hit my car", "reported me", "called the cops on us"
    r"(hit|keyed|rear-ended|rear ended|backed into|dented|scratched) (my|our)|reported (me|us)|"
    r"called (the )?(cops|police|sheriff) on|"
    r"snitch|rat|expose|exposed|everyone should know|you know what to do|do your thing|"
    r"(everybody|everyone|y'all|yall|you all|people) (go|should go|pull up|show up|visit|knock)|"
    r"(apt|apartment|unit)\.? ?#?\d+[a-z]?|"
    # which house is theirs: "lives with his mom on Pine St, the green house"
    r"the (?:[a-z]+ ){1,2}(?:house|trailer|duplex|townhouse|apartment)\b(?! (?:fire|party|meeting)))\b",
    re.IGNORECASE,
)
# the place first and the name after it: "… lives with his mom on Cedar Lane, his name is Troy
# Welch", "works nights at the Shell on 9th. Name's Dana Pruitt"
_NAME_AFTER_PLACE = re.compile(
    r"\b(?i:works|lives|stays|hangs out|goes to|attends)\b[^.!?]{0,60}?(?:at|on|in|near|off) "
    r"(?:the )?[A-Z0-9][^!?]{0,80}?\b(?i:(?:his|her|their) (?:full |real )?name(?:'s| is)|"
    r"name's|named)\s+([A-Z][a-z]+ [A-Z][a-z]+)"
)
_THANKS = re.compile(
    r"\b(thank|thanks|shout ?out|kudos|hero|helped|helpful|kind|great|amazing|awesome|proud|"
    r"congrat\w*|welcome|love)\b",
    re.IGNORECASE,
)
# words that must be in a comment for a named place to be read at all
NAMED_PLACE_WORDS = frozenset({"works", "lives", "stays", "goes", "attends", "hangs", "find"})
NAMED_CUES = (" works ", " lives ", " stays ", " goes to ", " attends ", " hangs out ", " find ")
# where readers will find a private person, and when: "you'll find Jen Hollis at the Kroger
# bakery counter every weekday morning" (not an officer at the front desk, nor Santa at the
# tree lighting: no routine)
_FIND_NAMED = re.compile(
    r"\b(?i:you'll|you will|you can|u can|u'll|ull) find "
    r"(?!(?:Officer|Deputy|Sergeant|Sgt|Detective|Chief|Mayor|Judge|Sheriff|Lieutenant|Captain|"
    r"Trooper|Commissioner|Councilman|Councilwoman|Councilmember)\b)"
    r"([A-Z][a-z]+ (?!(?:Hall|Park|Center|Centre|Library|Street|Avenue|Road|Office|Station|Court|"
    r"Market|Mall|Square|Plaza|School|Church|College|Hospital|Clinic|Store|Bank|Department)\b)"
    r"[A-Z][a-z]+) (?:at|behind|working at|on|in) [^.!?]{0,50}?\b(?i:every|each|most|on) "
    r"(?i:morning|night|day|weekday|weekend|evening|shift|afternoon|mornings|nights|evenings|"
    r"afternoons|weekdays|weekends|mon|tues|wednes|thurs|fri|satur|sun)"
)


def named_places(text: str) -> Iterator[tuple[int, int]]:
    """Private people's names tied to where they work, live or study, in a comment that points
    readers at them ("That's Devon Miles, he works the night shift at the Shell"); none in a
    comment that thanks them. Officers and officials (a title before the name) are not here:
    their workplace is public."""
    pattern = _NAMED_PLACE_LATER if _LATER_CUE.search(text) else _NAMED_PLACE
    spans = [m.span(1) for m in pattern.finditer(text)]
    if "name" in text or "Name" in text or "NAME" in text:  # (the costlier reading, rarely needed)
        spans += [m.span(1) for m in _NAME_AFTER_PLACE.finditer(text)]
    if spans and _POINTING.search(text) and not _THANKS.search(text):
        yield from spans
    elif " find " in text and not _THANKS.search(text):  # (the pattern needs " find " as written)
        yield from (m.span(1) for m in _FIND_NAMED.finditer(text))


# A person's own social-media account posted so that readers go to it: "found the cop's
# personal instagram, @…", "here's her private FB: @…", a handle that calls itself private
# ("@jreyes_personal", "@kay.finsta") beside an officer or someone's family. An agency's or a
# business's account ("Officer Reyes posts for the department at @lakesidepd") is not.
_HANDLE = (
    r"((?<![\w@])@[A-Za-z0-9_.]{3,30}|\b(?:www\.)?(?:facebook|fb|instagram|tiktok|twitter|x|"
    r"snapchat|threads)\.(?:com|net)/[A-Za-z0-9_.]{3,40})"
)
_PERSONAL_ACCOUNT = re.compile(
    r"\b(personal|private|real|secret|alt|burner|finsta)\s+(instagram|insta|ig|facebook|fb|"
    r"tiktok|snapchat|snap|twitter|x|threads|account|page|profile)\b[^.!?\n]{0,30}?"
    + _HANDLE
    + r"|\b(found|here's|here is|this is|that's)\b[^.!?\n]{0,30}\b([a-z]+'s|his|her|their)\s+"
    r"(instagram|insta|ig|facebook|fb|tiktok|snapchat|snap|twitter|threads)\b[^.!?\n]{0,20}?"
    + _HANDLE
    # a handle that calls itself private, beside an officer or a family
    + r"|(?<![\w@])@[A-Za-z0-9_.]{0,30}?(personal|private|finsta|priv)[A-Za-z0-9_.]*"
    r"(?=[^\n]{0,80}\b(cop|officer|deputy|trooper|detective|sergeant|wife|husband|kids?|"
    r"daughter|son|family|lives|address)\b)",
    re.IGNORECASE,
)
# (an account that is the agency's or a business's: "the department's Instagram @…")
_PUBLIC_ACCOUNT = re.compile(
    r"\b(department|dept|police|sheriff|city|county|agency|official|office|station|business|"
    r"shop|store|restaurant|church|school)('s)?\s+(instagram|insta|ig|facebook|fb|tiktok|"
    r"snapchat|twitter|x|page|account)\b",
    re.IGNORECASE,
)


# words one of which a comment with such an account has (beside an "@")
ACCOUNT_WORDS = frozenset(
    [
        "personal",
        "private",
        "real",
        "secret",
        "alt",
        "burner",
        "finsta",
        "instagram",
        "insta",
        "ig",
        "facebook",
        "fb",
        "tiktok",
        "snapchat",
        "snap",
        "twitter",
        "threads",
    ]
)


def may_show_account(lower: str) -> bool:
    """Whether a comment (in lower case) has what an account is written with: an @handle or a
    profile link ("facebook.com/…")."""
    return "@" in lower or ".com/" in lower or ".net/" in lower


def personal_accounts(text: str) -> Iterator[tuple[int, int]]:
    """Spans of private people's or officers' own social-media accounts, posted so readers go
    to them (see ``_PERSONAL_ACCOUNT``)."""
    if not may_show_account(text.lower()) or _PUBLIC_ACCOUNT.search(text):
        return
    for m in _PERSONAL_ACCOUNT.finditer(text):
        yield m.span()
