"""Threats told by what they leave behind (``moderation.harm_outcomes``) and in the words said
against officers (``moderation.threat_idioms``), in other words than the fifteenth session's
probe lists, beside everyday sentences that share their words."""

from __future__ import annotations

import pytest

from page_governor.config import DEFAULT_CONFIG_DIR
from page_governor.moderation.classifier import Classifier

CLASSIFIER = Classifier.from_config_dir(DEFAULT_CONFIG_DIR)


def threat(text: str) -> bool:
    return "threat" in {c.value for c in CLASSIFIER.classify(text).categories}


@pytest.mark.parametrize(
    "text",
    [
        "Ticket me again and you'll be bleeding all over your own dashboard, officer.",
        "Lieutenant Park is gonna end up in a wheelchair, mark my words.",
        "Those guards should all be face down in the dirt.",
        "One day soon the chief's gonna be spitting blood.",
        "Raid my place again and we'll be scraping deputies off the driveway.",
        "Enjoy your kneecaps while you still got them, sarge.",
        "I'd gladly throw that judge off the overpass.",
        "Every one of those troopers deserves a good beatdown.",
    ],
)
def test_harm_told_by_what_it_leaves_aimed_at_officials_is_a_threat(text):
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'd gladly watch Commissioner Ruiz choke on his own words at the debate.",
        "The deputy was bleeding when EMS arrived, according to the sheriff.",
        "Officer Kim donated blood at the drive today, thank you!",
        "The chief will be limping for a while after knee surgery.",
        "This tax hike will bleed the county dry, commissioners.",
        "Our officers deserve a break after this week.",
        "You'll break your teeth on the stale donuts at the station lol",
        "If you don't fix that curb someone's gonna end up in the hospital, mayor.",
        "The sheriff's boat sank with him on it last spring; he swam to shore.",
    ],
)
def test_words_of_injury_in_reports_worries_and_everyday_use_are_not_threats(text):
    assert not threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "whoever shows up with a warrant is gonna get lit up",
        "first pig through my door and I'm emptying the whole mag",
        "we could pick those troopers off from the tree line easy",
        "feels like open season on the police lately and I'm here for it",
        "let's see how many of these deputies I could take with me",
        "I'll settle it with my glock if the judge rules against me",
        "I'll be on the water tower with my rifle Saturday, sheriff",
        "every one of you deserves what happened in Dallas",
        "time to take up arms against law enforcement",
        "this means war, cops",
        "I have a list and your name is at the top, Lieutenant",
        "gonna make an example of one of your deputies",
        "I'm saving a little something for the next trooper who stops me",
        "Detective Lane better have his life insurance paid up",
        "they won't see us coming",
        "those cops will be carried out in bags",
    ],
)
def test_threats_in_the_words_said_against_officers_are_threats(text):
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "The courthouse tree is getting lit up Friday at 6, bring the kids!",
        "Emptying my mag at the range this weekend, first time qualifying.",
        "Please pick those signs off the median after the election.",
        "It's open season on deer starting Saturday, hunters be safe.",
        "Dallas got new cruisers last year, when is our turn?",
        "Get ready for a war of words at the budget hearing.",
        "I have a list of questions and the overtime budget is at the top.",
        "Make an example of the drunk drivers, judge.",
        "Officers should have better life insurance through the county.",
        "You won't see it coming: the new parking rules start Monday.",
        "Bags of donations are leaving in a van tonight for the shelter.",
    ],
)
def test_the_same_words_in_everyday_use_are_not_threats(text):
    assert not threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "we finna air that trooper out",
        "gonna slide on the deputy's house tonight",
        "that detective bout to get his wig pushed back",
        "officer reed you a dead man walking",
        "someone should send the judge a message with a molotov",
        "the next cop that pulls up is gettin popped",
        "keep messin wit us and watch wat happens to ur squad cars",
    ],
)
def test_street_slang_for_shooting_and_beating_officers_is_a_threat(text):
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "we aired out the community center before the open house",
        "kids can slide on the new playground slide at Elm Park",
        "my brother got his head knocked in a car wreck last year",
        "my grandpa got his face bashed in by a horse once, true story",
        "the dead man walking exhibit at the library is worth a visit",
        "send the council a message with your vote",
    ],
)
def test_the_same_slang_in_everyday_use_is_not_a_threat(text):
    assert not threat(text)


@pytest.mark.parametrize(
    "text",
    [
        # harm paid back in kind
        "You choked my husband on camera, so I choke yours. Fair trade, deputy.",
        "whoever pepper sprayed my daughter is gonna get a taste of their own medicine",
        "A son for a son, Sergeant. Remember that.",
        # an officer who will not come home
        "Keep this up and one of your deputies won't make it back to his truck tonight.",
        # "handled" for good, and a race with the mob
        "Somebody oughta take care of Sheriff Boyd for good.",
        "The DA better charge him fast, before my brothers get to him.",
        # courage that will not last, an arrival not to talk
        "Big tough trooper won't be so brave once he's off duty and alone.",
        "We'll be in front of the substation at noon and we're not coming to protest.",
        # regret, a war starting with someone, leaving town, a provocation while armed
        "imma make one of those narcs regret ever kicking my door",
        "Sheriff wants a war? Starting with the lieutenant then.",
        "Tell that trooper to skip town before I'm released.",
        "Got two Glocks in the truck. Go ahead and keep poking me, officers.",
        # how long theirs will last, a home looked up, something to think about
        "Keep writing tickets on my street and see how long your cruiser keeps its tires.",
        "Wasn't hard to find out where the chief sleeps.",
        "Officer Dunn's twins get off the school bus at 3:15. Something to think about.",
        # a reply in kind, hands on an officer, street words
        "Search my car again and I'll do to you what you did to my trunk.",
        "I'm putting hands on that deputy next time I see him.",
        "that cop who tased my brother? it's on sight",
        "one of these days I'll catch that sergeant slipping",
        # a badge against a weapon
        "You're all gonna find out a vest doesn't stop a slug.",
    ],
)
def test_veiled_and_reciprocal_threats_against_officers_are_threats(text):
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'll see you at the budget hearing, councilman.",
        "We found out where the stray cat lives and brought her food.",
        "Eye exams for a dollar at the health fair, sponsored by the sheriff's office.",
        "Not every deputy makes it home for the holidays, thank them for their service.",
        "One of your officers won't make it home for Christmas because of the overtime rules.",
        "Somebody needs to deal with the chief's overtime policy once and for all.",
        "I hope they catch him before he hurts someone else.",
        "The sergeant isn't so tough without his union rep, ask anyone who filed a complaint.",
        "I'll be at the station Tuesday, but I won't be there to argue, just to pick up a report.",
        "We'll make the council regret this vote in November.",
        "The mayor wants a fight over the levy, starting with the library.",
        "You should leave before the storm gets here, roads will flood.",
        "Keep pushing for body cameras, the ammo budget can wait.",
        "Let's see how long the new speed bumps last before the plows wreck them.",
        "My mechanic says check your brake lines before winter.",
        "Shame if it rained on the parade, hope the weather holds.",
        "Mark my words, this speed camera program will be gone by summer.",
        "Laying hands on the sick is part of our church's ministry, officers welcome.",
        "The quarterback caught them slipping on that last drive.",
    ],
)
def test_everyday_sentences_that_share_those_words_are_not_threats(text):
    assert not threat(text)


@pytest.mark.parametrize(
    "text",
    [
        # weapons and death in pictures, beside an officer
        "Sgt. Olsen 🔪🔪 soon",
        "deputy harlan ⚰️⚰️ your turn",
        # where the harmed are taken, and a funeral planned
        "Next trooper who tows my car goes home in a hearse.",
        "Raid my brother's house again and the coroner will need a bigger van for y'all, the morgue's filling up.",
        "The sheriff should start planning his own funeral.",
        # a hypothetical wished aloud, a visit with a weapon, a building that won't stand
        "If somebody happened to firebomb the mayor's SUV, I wouldn't shed a tear.",
        "Somebody needs to pay Detective Ames a late night visit with a crowbar.",
        "Your courthouse won't be standing by summer, mark my words.",
        # an ultimatum left open, arson brought to a house, karma helped along
        "Last warning, Officer Webb. You got three days.",
        "Meet at the judge's house Friday night and bring the gasoline.",
        "Karma's coming for the DA and I'll happily give it a push.",
        # death demanded, a badge tested, sleeping light
        "That warden has to die.",
        "The chief thinks he's invincible. We'll test that.",
        "Deputy Carr better sleep lightly from now on.",
        "keep it up and we'll be burying a few of you this spring",
        "That sergeant's daughter walks home alone on Fifth. Pity if she got hurt.",
    ],
)
def test_threats_said_in_pictures_hypotheticals_ultimatums_and_what_harm_leaves(text):
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "Officer Ruiz 👏👏 great job at the car seat check",
        "Gun buyback Saturday 🔫➡️💵 no questions asked",
        "RIP Officer Lane ⚰️🙏 gone too soon",
        "@USER read up on gun control before you talk 🔫 laws",
        "School🔫s are not the answer, fund counselors",
        "The ambulance took 25 minutes to reach my mother. The county should fix response times.",
        "If someone were to steal my bike I wouldn't be surprised, this block is rough.",
        "Nobody has to die on Route 9 if the state fixes the guardrail.",
        "You don't have to be shot to care about gun violence.",
        "That old courthouse won't be standing by summer, they're tearing it down for the new one.",
        "Final warning from the city: you got three days to move cars for street sweeping.",
        "Meet at the judge's house Friday for the retirement party, bring a dish.",
        "The next deputy who knocks on my door better have a warrant.",
        "Tick tock, Mayor, the budget is due Friday.",
        "The deputy's son plays baseball at Lincoln Park, he hit a grand slam Saturday!",
        "Shame if it rained during the parade.",
    ],
)
def test_pictures_emergencies_deadlines_and_games_that_share_those_words_are_not_threats(text):
    assert not threat(text)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Let's swing by Lt. Hogan's place tonight with some kerosene.", True),
        ("Grab the noose and meet me at the warden's house.", True),
        ("Drop by the fire station with your old gas cans for free disposal.", False),
        ("Your substation will be ash by New Year's. Bet on it.", True),
        ("Our old substation will be gone by New Year's, the new one is almost built.", False),
        ("One spark and that jail goes up with everybody inside.", True),
        ("Sheriff, you might want to get your affairs in order before the primary.", True),
        ("Free legal clinic: get your will in order, Saturday at the library.", False),
    ],
)
def test_what_burns_brought_to_a_home_buildings_gone_and_affairs_put_in_order(text, flagged):
    assert threat(text) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Whoever ordered that raid will be breathing their air through a tube.", True),
        ("The judge's boat would look nice at the bottom of the lake.", True),
        ("Keep it up, Deputy Cross, and you'll end up on a milk carton.", True),
        ("I'd pay to see that sergeant chew with no teeth.", True),
        ("They'll be hosing what's left of the chief off Main Street.", True),
        ("Search my trunk again and I'm introducing you to my shotgun, officer.", True),
        ("That trooper will find out what a crowbar tastes like.", True),
        ("cops on Delmar finna become bacon", True),
        ("Next time you raid my block y'all better be wearing helmets.", True),
        ("The commissioner's cabin would burn real nice.", True),
        ("My dad eats through a tube since the surgery, thank you to the medics.", False),
        ("The new playground would look nice at the bottom of the hill by the lake.", False),
        ("Our neighborhood cookout would look better with the deputies there!", False),
        (
            "Kids better be wearing helmets on the new bike trail, the officers will be checking.",
            False,
        ),
        ("Would hate for something to happen to the old courthouse mural.", False),
        ("Bacon and pancakes with the cops Saturday, all for the K9 fund!", False),
    ],
)
def test_what_harm_leaves_weapons_introduced_and_fire_admired(text, flagged):
    assert threat(text) is flagged


def test_a_comparison_with_as_if_is_no_condition():
    assert not threat("Those deputies killed him as surely as if they'd shot him. Indict them.")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Someone needs to show Judge Patel what real fear feels like.", True),
        ("The sergeant's house would make a great bonfire this winter.", True),
        ("Tow my truck one more time, it won't go the way you think.", True),
        ("We know which gym the captain's husband goes to.", True),
        ("Tell the mayor there's a little present waiting under her car.", True),
        ("Deputy Yates will learn what one slug does to a cruiser.", True),
        ("Somebody's gonna repay the favor to the cops who choked my uncle.", True),
        ("Time to pay Sgt. Ortiz a late night visit at his place.", True),
        ("After this raid the chief is leaving in a body bag.", True),
        ("Snitches like Councilman Webb wind up at the bottom of the river.", True),
        ("That clerk won't talk so tough with his jaw wired shut and his ribs cracked.", True),
        ("The escape room teaches you what fear feels like, book today.", False),
        ("The abandoned precinct would make a great library.", False),
        ("If the county cuts the pool hours again, it won't end well for the budget vote.", False),
        ("We know which car the suspect drives, it's on the tip line now.", False),
        ("The chief has a present waiting on his desk for his retirement, thank you chief!", False),
        ("Watch what a 12 gauge does to a car door in our training video.", False),
        ("The church will return the favor with meals for the officers who were shot.", False),
        ("Let's pay the sheriff a visit at his house with a card and flowers.", False),
        ("My truck slid and ended up in a ditch, the trooper was great.", False),
        ("Watch your step out on the icy sidewalks, Deputy Kim says.", False),
        ("The judge's son walks to Oak Elementary, please add a crossing guard there.", False),
        ("Mark my words, the sheriff won't win another term.", False),
    ],
)
def test_fear_taught_fire_admired_cars_known_and_favors_returned(text, flagged):
    assert threat(text) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Hoping somebody stabs that warden on his way out of the jail.", True),
        ("Can't wait until someone breaks the sheriff's jaw.", True),
        ("Every one of those troopers needs a bullet.", True),
        ("Any officer that knocks on my door again is getting shot.", True),
        ("Gonna smoke that deputy next time he rolls up on me.", True),
        ("That prosecutor had better not show her face on my block.", True),
        ("We're coming with the boys to the station and we ain't gonna be asking nice.", True),
        ("Someday I'll find Sgt. Boyle by himself off duty.", True),
        (
            "Ignore us again and we start showing up at your officers at home... your deputies at home.",
            True,
        ),
        ("The chief's house is the blue one on Birch. Some of y'all should go knock.", True),
        ("Deputy Lowe better be real careful heading home after his shift.", True),
        ("Hoping someone takes the mayor to court over the zoning vote.", False),
        ("I hope somebody beats the incumbent in the primary.", False),
        ("The new academy needs a bullet trap for the indoor range.", False),
        ("I'm finna pop you a text about the found wallet, officer.", False),
        ("The commissioner better not show his face at the budget hearing.", False),
        (
            "We're bringing friends to the town hall and we won't be asking nicely for sidewalks.",
            False,
        ),
        ("Quit visiting your deputies at home on their days off, chief.", False),
        ("The sheriff lives near us, somebody should drop by with a welcome basket.", False),
        (
            "Deputy Lowe should be careful walking to his car at night until they fix the lot lights.",
            False,
        ),
        ("I know where she works, I'll bring the signed form there tomorrow.", False),
        ("Mark my words, the sheriff will regret this budget.", False),
    ],
)
def test_harm_awaited_bullets_needed_officers_caught_alone_and_homes_pointed_at(text, flagged):
    assert threat(text) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Rest easy, Sheriff Dunn. While you still can.", True),
        ("Better hope the judge's fire insurance is up to date on that cabin.", True),
        ("Shame for your kids to pay for what you did, Deputy.", True),
        ("Someone please deal with that sergeant before the trial, once and for all.", True),
        ("Your union can't shield you forever, Officer Platt.", True),
        ("Got my rifle cleaned and plenty of rounds. Go ahead and keep towing cars on Pine.", True),
        ("You locked up my brother, so I'm gonna take someone you love.", True),
        ("Nothing's gonna save them from what's coming to the deputies who did this.", True),
        ("The chief answers for this with his life.", True),
        ("Enjoy the pool while you still can, the lifeguards leave Sunday.", False),
        ("Make sure your flood insurance is current before the storm season.", False),
        ("I'd hate for residents to pay for the new garage, commissioner.", False),
        ("We'll take care of the cleanup ourselves since the crew can't come.", False),
        ("They can't protect the old oak on Main forever, the roots are rotting.", False),
        ("You took my report fast, I'll take something of yours home: the brochure.", False),
        ("Nothing can stop what's coming in November.", False),
    ],
)
def test_rest_while_you_can_insurance_families_made_to_pay_and_protection_that_runs_out(
    text, flagged
):
    assert threat(text) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("There are two bombs at the courthouse and they go off at noon.", True),
        ("Somebody slip antifreeze into the deputies' lunch order.", True),
        ("Councilman Ortiz should get swatted tonight.", True),
        ("Enjoy your final days above ground, Sergeant.", True),
        ("Convict him and the town burns, and so will the deputies.", True),
        ("The detective who lied is gonna wish he had never been born.", True),
        ("Planting a little surprise under the sheriff's truck this weekend.", True),
        ("Judge Pratt better start his truck from across the street from now on.", True),
        ("Got a hollowpoint with the captain's name on it.", True),
        ("My uncle gets out Friday and he's tracking down Deputy Hale first.", True),
        ("Her home address is in the comments. You know what to do.", True),
        ("We made a spreadsheet of the deputies' home addresses and start visiting Monday.", True),
        ("Headed to the DA's place tonight, bring the bats and the pipes.", True),
        ("There's a bomb squad demo at the fair Saturday, bring the kids.", False),
        ("Never put bleach in the coffee pot to clean it, use vinegar.", False),
        ("The SWAT officers trained at the old school all weekend.", False),
        ("Sheriff Lutz's days in office are numbered, vote in May.", False),
        ("He got out of the academy last year and is visiting Officer Park to say thanks.", False),
        ("Headed to the chief's house for the team cookout, bring bats for the game.", False),
        ("Start your truck with a remote on freezing mornings.", False),
    ],
)
def test_bombs_poison_swatting_last_days_presents_and_addresses_given_out(text, flagged):
    assert threat(text) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The reckoning is near for all you cops on the night shift.", True),
        ("Payback's on its way, Sheriff Gale.", True),
        ("Deer season's open and the prey wears a badge.", True),
        ("When I spot that sergeant walking to the courthouse I'm gonna gun it.", True),
        ("One of these days somebody will take a shot at the chief.", True),
        (
            "Brake hoses on the captain's cruiser looked cut this morning. Safe travels, captain.",
            True,
        ),
        ("That trooper is about to get a visit from me and my cousins.", True),
        ("Deputies in this town better learn how to duck.", True),
        ("The mayor ought to be scared to open his mailbox.", True),
        ("Hope your vest is thick enough, officer.", True),
        ("I'm going to end that judge's career and his life.", True),
        ("Somebody should teach the warden what a beatdown feels like.", True),
        ("Payback is coming on the bond we bought in 2019.", False),
        ("The chief will take a shot at the free-throw contest.", False),
        ("The deer wear reflective collars in the county's study.", False),
        ("The coach gets a visit from me and my friends with a thank-you card.", False),
        ("They'll hear from us in a way they won't forget, at the polls.", False),
        ("The new clinic will end his life of pain, his mother said.", False),
    ],
)
def test_reckonings_prey_in_badges_cars_turned_on_walkers_and_vests_tested(text, flagged):
    assert threat(text) is flagged
