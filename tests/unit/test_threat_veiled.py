"""Menace said sideways (``moderation.threat_veiled`` and the rules it sits beside), in other
words than the eighteenth session's probe lists, beside everyday sentences that share their
words."""

from __future__ import annotations

import pytest

from tests.moderation_helpers import threat


@pytest.mark.parametrize(
    "text",
    [
        "Tell his daughter I said hi, Sergeant. Cute backpack.",
        "Tell the mayor's husband to enjoy his boat while it lasts.",
        "Got me two jugs of gasoline and some rags. City hall closes at six.",
        "Whoever signed my eviction is going home on a stretcher.",
        "You'll be leaving in an ambulance, deputy, count on it.",
        "Your days among the living are numbered, Commissioner.",
        "That trooper won't live to see another birthday.",
        "I'll see to it the clerk never sees another Christmas.",
        "I know what truck Officer Dunn drives home. Accidents happen on that bridge.",
        "Remember Dallas? It could happen to y'all next.",
        "Somebody should shoot up the dispatch center.",
        "Open season on code enforcement, boys.",
        "Nice speech, Councilman. Your garage is all dry wood, isn't it?",
        "If I catch that inspector on my property again he's getting laid out.",
        "Closing the clinic is gonna cost the director his life, I'll make sure.",
        "I'm coming with my shotgun to the zoning meeting.",
        "That deputy won't make it to his retirement.",
        "The clerk who lost my file better sleep light.",
        "Sergeant, I'd start changing your route home, just saying.",
        "Bet the mayor's tires are real easy to slash on a Sunday night.",
        "One word from me and the judge's kids go missing.",
        "Those troopers on Route 9 are dead men walking.",
        "Keep it up and I'll put that landlord in an early grave.",
        "Let's see how many of those deputies make it home alive.",
        "Consider tonight your last patrol, officer.",
        "The sheriff owes me blood and I'm collecting.",
        "Time to refresh the tree of liberty, starting with the zoning board.",
        "Some problems only have 2A solutions, Mayor.",
        "Our people know their addresses, troopers. All of them.",
        "We dug up the house addresses for all the deputies in that unit.",
        "You got 72 hours to drop the charges or there will be blood.",
        "Lynch those judges, every one.",
        "A man with nothing to lose is coming to that precinct soon.",
        "Payback for the chief won't happen in any court.",
        "Patrol cars lined up in the open lot. Sitting ducks.",
        "You ruined my business. Expect me to repay you in kind.",
        "We'll come to the clerk's office with force if we have to.",
        "I made peace with my maker. The detective didn't. Tonight that changes.",
    ],
)
def test_a_veiled_threat_is_read_as_a_threat(text: str) -> None:
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tell his daughter congrats on the spelling bee, Sergeant!",
        "Tell your husband to enjoy the parade, it starts at ten.",
        "Tell your son to be careful on the bike path, the bridge is out.",
        "Got gasoline and matches for the generator in case the storm knocks the power out.",
        "Whoever called 911 for my dad, he went home on Tuesday, thank you.",
        "My neighbor was leaving in an ambulance this morning, anyone know what happened?",
        "Your days of parking on the sidewalk are numbered, enforcement starts Monday.",
        "Grandma won't see another birthday, the doctors gave her weeks.",
        "I know what truck the plow driver drives, he always waves, good guy.",
        "Remember Dallas. Those five officers were heroes and we will never forget them.",
        "People shoot up fentanyl in the library bathroom every afternoon.",
        "Open season on potholes: the paving crews start on Elm this week.",
        "Your garage is all dry wood, so please keep a fire extinguisher out there.",
        "This case won't make it to trial without the video.",
        "That zoning vote is going to cost the city its only grocery store.",
        "The lights on my street will be dark again tonight, the transformer blew.",
        "Better sleep light, the trains run all night past the new apartments.",
        "Change your route to work, the bridge is closed, if I were you I'd take 5th.",
        "Your truck windows are easy to break, so keep valuables out of sight.",
        "One call to public works and the pothole disappears, amazing.",
        "That ordinance is dead meat, the council will never pass it.",
        "Volunteers put the new oak tree in the ground at the station today.",
        "See how many deputies make it to the pancake breakfast this year!",
        "Consider this your last reminder, early voting ends Friday.",
        "The county owes me a refund and I'm collecting it.",
        "The tree of liberty needs voters, so get to the polls Tuesday.",
        "Calls for 'Second Amendment remedies' are dangerous rhetoric, Senator.",
        "My brothers have your names on the prayer list, deputies.",
        "You have three days to enter or else you'll miss the drawing.",
        "Hang the flags on the courthouse for Veterans Day.",
        "Nothing left to lose, so I'm going to walk into the council meeting and testify.",
        "Payback for the chief's overtime scandal won't come from lawyers, but from an audit.",
        "Old houses are easy targets for burglars, lock the back door.",
        "The flood took everything from my store, and neighbors repaid it in kind with food.",
        "I've made my peace with God and the deputy who arrested me. He was decent.",
    ],
)
def test_everyday_words_beside_the_veiled_threats_are_not_threats(text: str) -> None:
    assert not threat(text)
