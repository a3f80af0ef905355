"""What a harm verb means when it is not harm: a contest ("we'll beat you at softball"), a
message ("shoot him an email"), an effort ("burn the midnight oil"). Lookaheads the threat rules
put after a verb, so that its everyday senses are never read as violence."""

from __future__ import annotations

# a contest, not violence: "we'll beat you guys at the charity softball game", "kick your butts
# on the court", "beat their record"
CONTEST = (
    r"(?![^.!?]{0,40}\b(game|games|match|chess|cards|tournament|court|field|race|contest|"
    r"competition|championship|softball|basketball|football|baseball|hockey|soccer|golf|bowling|"
    r"trivia|fundraiser|charity)\b)"
)
NOT_A_CONTEST = (
    r"(?! (you|him|her|them|us|y'all|yall)( guys| all| two)? (at|in|to|by|on)\b)"
    r"(?! (their|your|his|her|our|the|my) (records?|times?|scores?|teams?|odds|traffic|heat|rush|"
    r"crowd|deadline|clock|system)\b)" + CONTEST
)
# "shoot you a message", "shoot him an email": to send, not to fire at
NOT_A_MESSAGE = (
    r"(?! (you|u|ya|him|her|them|me|us|y'all|yall) (a|an|the|my|our|some|over a|over the) "
    r"(quick |short )?(message|msg|text|email|e-mail|dm|pm|note|line|pic|photo|picture|link|"
    r"invite|call|reply|update|list|copy|form|video)s?\b)"
)
# "burn the midnight oil", "burn their bridges", "burn the candle at both ends": work, not fire
NOT_AN_EFFORT = (
    r"(?! (the|some|that|more|a lot of) (midnight oil|candle|calories|daylight|rubber)\b|"
    r" (their|your|his|her|our|the|any|those|all) bridges\b)"
)
