"""Stock threats said to or of officers and officials, which many writers use in the same
words: "take out these pigs", "start shooting back", "won't leave my land", "when my brothers
find him", "taken out back and dealt with", "hope your family's insured", "let him know how we
feel" at an official's house, "remember my face, deputies", "the last mistake you'll make",
"watch what they eat", a knife to someone's throat, "pay in blood", karma helped along,
"there will be blood", molotovs at the ready, "eats lead", "lucky I didn't have my gun"; and
"would be a shame if the station burned with everyone inside". Beside them, the same words in
elections, mail, thanks, diets, reports, lead pipes and phones. In other words than the
twenty-first session's probes."""

from __future__ import annotations

import pytest

from tests.moderation_helpers import threat


@pytest.mark.parametrize(
    "text",
    [
        "somebody needs to take out all the cops in this town",
        "the day they raid us again we start shooting back at the deputies",
        "a trooper sets foot on my porch one more time and he won't walk out",
        "glad I'm not that detective when my boys catch him",
        "those officers should be dragged out back and dealt with",
        "hope the judge has good life insurance",
        "roll by the mayor's place after dark and let her know how we feel",
        "remember my face, Sheriff",
        "touch my son again and it'll be the last mistake you make, officer",
        "the commissioners had better watch what they drink at that banquet",
        "the clerk would stop smirking with a blade to her throat",
        "the warden will pay in blood for what happened to my brother",
        "karma's coming for you, Sergeant, and I'll give it a push",
        "take my guns and there will be blood",
        "molotovs stocked for when the deputies show up",
        "any cop who kicks in my door eats lead",
        "she's lucky I wasn't packing my pistol at that checkpoint",
        "would be a real tragedy if the precinct burned with everyone inside",
    ],
)
def test_stock_threats_at_officers_and_officials_are_flagged(text: str) -> None:
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "voters will take out the incumbents in the primary",
        "troopers started firing back after the driver shot at them, the report says",
        "if the inspector comes to my house I won't leave until I get answers",
        "hope your home is insured before fire season, neighbors",
        "remember my face when I run for the school board!",
        "skipping the inspection is the last mistake you'll want to make",
        "my cardiologist says I'd better watch what I eat",
        "the robber put a knife to the cashier's throat, deputies said, and he was caught",
        "blood drive at the courthouse Friday, there will be blood pressure checks",
        "the kids at Lincoln are drinking lead from old pipes, fix them",
        "he's lucky I didn't have my camera on me",
        "drive by the sheriff's house to see the lights and let him know you love them",
    ],
)
def test_the_same_words_in_elections_safety_diets_and_reports_are_not_threats(text: str) -> None:
    assert not threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "somebody ought to place a bounty on the prosecutor's head",
        "I'd gladly serve ten years for what I'd do to that bailiff",
        "let's use those deputies for target practice",
        "time to take matters into our own hands with that code officer",
        "keep it up and you'll end up like the officers in Baton Rouge",
        "hunting season on troopers opens tomorrow",
        "someone should permanently retire that magistrate",
        "any deputy on my land gets a shotgun greeting",
        "consider yourself dead, Councilman",
        "your name is on my list, Inspector",
        "you can't protect your wife forever, Detective",
    ],
)
def test_stock_threats_that_name_their_official_are_flagged(text: str) -> None:
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "what's the bounty on his head now? the FBI raised it again",
        "the parish pays a bounty on nutria, five dollars a tail",
        "hunting season on deer opens tomorrow, wear orange",
        "she served ten years for the county and retired with honors",
        "your name is on our list of volunteers for the food drive",
        "the mayor was a dead man walking after that scandal, his career is finished",
        "you can't watch your kids every minute, so teach them to call 911",
        "I'm dead meat if my mom sees this ticket lol",
    ],
)
def test_bounties_seasons_service_lists_and_careers_are_not_threats(text: str) -> None:
    assert not threat(text)


@pytest.mark.parametrize(
    "text",
    ["imma shoot dat sergeant", "hope the whole squad rots in a ditch"],
)
def test_slang_determiners_and_a_body_left_to_rot_are_read(text: str) -> None:
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "these speed cameras need to die",
        "I hope he rots in prison for what he did",
        "I know where you live now, I'll drop your keys off after work",
    ],
)
def test_things_that_should_die_prison_and_errands_are_not_threats(text: str) -> None:
    assert not threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "cite me again and see how your truck looks with no windows, officer",
        "keep it up and you'll be sorry, and so will your kids",
        "meet me behind the feed store, deputy, without your badge",
        "we followed the prosecutor home last night. Quiet street.",
        "wishing a gruesome death on every officer in that video",
        "that detective is gonna get got",
        "the precinct would go up quick with a can of gas",
        "somebody should k*ll the commissioner",
        "Sheriff Moss's wife drives a silver minivan and parks at the church every Sunday",
    ],
)
def test_property_meetings_followings_masked_verbs_and_whereabouts_are_threats(
    text: str,
) -> None:
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "cite me again and see how fast I hire a lawyer",
        "meet me at the open house, deputy, the kids want to meet your K9",
        "I followed the trooper home to give back the license he dropped",
        "wishing a quick recovery to the officer hurt on Route 4",
        "our team is gonna get got in the finals again",
        "taxes would go up fast with one more bond",
        "Officer Lee drives a patrol car on nights",
        "the judge drives a hard bargain with defense lawyers",
        "*I* didn't make the rules, the council did",
    ],
)
def test_lawyers_open_houses_errands_recoveries_and_patrol_cars_are_not_threats(
    text: str,
) -> None:
    assert not threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "remember what a guy with nothing to lose can do, Judge",
        "I'd be watching over my shoulder if I were you, Sergeant",
        "the councilman will hear from me personally, one door at a time",
        "I have 80 acres and lots of room to bury a body, Inspector",
        "the warden's kids aren't off limits anymore",
        "nothing left to lose and a box of matches, Sheriff",
    ],
)
def test_longer_warnings_with_nothing_to_lose_or_a_family_fair_game_are_threats(
    text: str,
) -> None:
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm not the type to forget a face, Deputy Fox, thank you for pulling my dad from the wreck",
        "a man with nothing to lose walked into the shelter tonight, please donate coats",
        "the funeral home has room to bury a body but charges a fortune",
        "the mayor's family should be off limits in this race",
        "we'll win the recall personally, one door at a time",
    ],
)
def test_thanks_shelters_funeral_homes_and_campaigns_are_not_threats(text: str) -> None:
    assert not threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "time to start firing back at the commissioners with records requests",
        "the treasurer will pay in blood, sweat and tears at the ballot box",
        "I'd be looking over my shoulder if I were the sheriff, the state audit is coming",
        "let's swing by the mayor's house Sunday and let her know how we feel with signs",
        "we need to take out the incumbents on the school board this fall",
        "remember my face, council, I'll be at every meeting until the vote",
    ],
)
def test_political_speech_in_the_stock_threats_words_is_never_flagged(text: str) -> None:
    assert not threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "someone's going to shoot the commissioner down in the debate tonight",
        "the whole council will be in flames after this scandal, politically",
        "the warden's family is fair game for reporters now that she's running",
    ],
)
def test_debates_scandals_and_the_press_are_not_threats(text: str) -> None:
    assert not threat(text)


@pytest.mark.parametrize(
    "text",
    ["Officer Lee works at Station 4 on weekends", "Deputy Cole works in dispatch now"],
)
def test_where_an_officer_works_for_the_agency_is_not_a_veiled_threat(text: str) -> None:
    assert not threat(text)
