"""What a threat reader does not read, and what makes harm that befalls someone a threat.

The threat readers (``threats``: rules, frames and the learned model; ``menace``;
``harm_outcomes``) share these guards: a sentence that retells someone else's threat ("my
neighbor said he would burn the house down"), reports one ("… police said", "charged with"),
or consoles, worries or wishes someone safe ("get well", "he's working triple shifts", "I hope
every officer goes home in one piece tonight") is no threat made on the page. And harm that
merely befalls someone ("you catching a bullet") is a threat, besides a wish, when a grievance
is repeated ("tow my car one more time and …"), the harm is one a person deals, and nothing
hedges it into a warning ("… you might get jumped, be careful").
"""

from __future__ import annotations

import re

# someone else's threat retold: "he told her he was going to kill her", "my neighbor said he
# would burn the house down" (a report for the PIO to read, not a threat made on the page)
RETELLING = re.compile(
    r"\b(said|says|told|tells|yelled|yells|screamed|screams|texted|texts|wrote|threatened|"
    r"claimed|swore|warned|kept saying|was saying)\b"
)
RETOLD_SUBJECT = re.compile(
    r"\b(he|she|they|he'd|she'd|they'd)( [a-z']+)? (was|were|would|'d|is|are)?\s?"
    r"(going to|gonna|about to|would|will|'ll|)\s*$"
)


# a sentence that reports what someone else said or did: "he threatened to shoot the clerk,
# police said", "according to the complaint"
REPORTED = re.compile(
    r"\b(police (said|say|says)|officers said|deputies said|according to|allegedly|reportedly|"
    r"(was|were|is|been) charged|charged with|told (police|officers|deputies)|court records|"
    r"the complaint)\b"
)

# a wish that officers come home safe: "I hope every officer goes home in one piece tonight"
# (not "you'd better pray you make it home in one piece")
_SAFE_HOME = (
    r"(?<!better )\b(hope|hoping|pray|praying|wish|wishing)\b[^.!?]{0,40}\b(make it|makes it|get|"
    r"gets|go|goes|come|comes|return|returns) (back )?home (safe|safely|in one piece|to (their|"
    r"his|her|your|ur) famil(y|ies))"
)


# a consolation, a worry or a wish for someone's safety, which no threat is said in: "get well",
# "praying for", "he's working triple shifts", a wish that officers come home safe
_CONSOLING = (
    r"\b(recover(s|y|ing)?|heal(s|ing)?|condolences|rest in peace|rip(?! (off|out|your|ur|his|her|their|the|them|you|him|it|apart|open|through|into|up)\b)|get well|speedy|praying for|"
    r"prayers (for|to|go)|pray for|thoughts (are )?with|stay safe|drive safe|"
    # worry for an overworked officer: "won't make it to retirement, he's working triple shifts"
    r"(double|triple|back to back|extra|16 hour|12 hour) shifts|overtime|overworked|burn(ed)? out|"
    r"burnout|understaffed|exhausted|worn out)\b|" + _SAFE_HOME
)
CONSOLING = re.compile(_CONSOLING)

# a grievance repeated, a hedge, harm a person deals (see the module's docstring)
REPEATED = re.compile(r"\b(one more time|again|next time|keep (it|this|that) up)\b")
HEDGED = re.compile(r"\b(might|may|could|careful|watch out|be safe)\b")  # a warning
DEALT = re.compile(
    r"\b(bullets?|rounds?|slug|hot one|hollow|blade|shot|stabbed|jumped|popped|capped|"
    r"smoked|merked|whacked|bodied|shanked|sniped|beat|beaten)\b"
)

# the reader warned of what their own risk will cost them: "if you drive drunk again you are going
# to end up dead", "keep texting while driving and you'll end up in a ditch" (not a grievance
# about the writer's own: "keep speeding past my house and you'll end up dead")
RISK_WARNING = re.compile(
    r"^(?!.*\b(my|our|mine)\b)(?=.*\b(drunk|drinking|drink and drive|texting|text and drive|speeding|"
    r"speed|racing|reckless|helmet|seatbelt|seat belt|high|overdose|od|fentanyl|black ice|icy)\b)"
    r".*\b(you|u|you're|youre|ur)\b.*\b(end up|wind up|be|get|getting)\s+(dead|killed|in a ditch|"
    r"in the hospital|in a wheelchair|hurt|dead in a ditch)\b"
)
