"""Threats read by the shape of the harm (threat_shapes, and the older weapon, hanging and
"learn what it feels like" rules widened): a weapon put into someone's body as a wish, harm
welcomed, "there will be bodies", someone run over or handled, an official who may not come
home, "lucky there were witnesses", the first stop after release, a face to be ruined, brake
lines, insurance, a gun and a message; beside the same words in reports, idioms, safety tips
and kindness. In other words than the twentieth session's probes."""

from __future__ import annotations

import pytest

from tests.moderation_helpers import threat


@pytest.mark.parametrize(
    "text",
    [
        "hoping someone jams a shiv into the warden's throat",
        "the inspector is about to hear what a 12 gauge sounds like if he comes back",
        "a state trooper gets run over on the interstate and I won't lose sleep",
        "the commissioners ought to be dangling from a streetlight on Main",
        "vote to close the plant and it will end in body bags",
        "I swear I'll run that parking officer down in the lot",
        "imma put my hands on that clerk when she leaves work",
        "be a real shame if the sergeant never made it home to his wife",
        "you're lucky there were cameras in that hallway, judge",
        "as soon as I get out on parole my only stop is Officer Lamb's front porch",
        "somebody needs to rearrange that deputy's jaw",
        "someone oughta cut the councilman's brake lines",
        "the landlord had better get insurance on that house of his",
        "we keep a scoped rifle at the cabin, let the sheriff know",
        "touch my car again and it's lights out for ya",
        "we're gonna follow that councilwoman home one night",
        "y'all pigs are sitting targets",
        "if they deny my permit again somebody at the zoning office is headed to the ER",
        "nice big family, Sheriff. shame if I had to watch it get smaller",
        "one spark and your headquarters is rubble",
        "ten minutes alone with the warden and my tire iron is all I ask",
        "you saw what happened to those officers in Baton Rouge. can happen again",
        "if I was the chief I'd stop driving that Tahoe without a look underneath",
        "the cops shot my brother so we're gonna take one of theirs",
        "I hope somebody does to that detective what he did to my son",
        "every deputy on the night shift should fear for his life",
        "I'll see the judge's head on a pike",
        "there's a plot in the dirt reserved for the prosecutor",
        "hope this patrol is your last, officer",
        "you'll be hearing from me and my 9mm, commissioner",
        "if I go under I'm taking the loan officer down with me",
        "that meter maid is gonna catch a beating one of these days",
        "I'd put the commissioner's jaw on the curb",
        "somebody should send the warden on a permanent vacation",
        "your truck would look real nice on its roof, deputy",
        "the next trooper that pulls me over dies",
        "your kevlar won't save you, pigs",
        "tell the deputies to wear two vests at the rally",
        "the assessor should sleep with one eye open",
        "what happens to rats happens to cops too",
    ],
)
def test_a_threat_said_by_the_shape_of_the_harm_is_read(text: str) -> None:
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "The man was taken to County General with a bullet in his leg, police said",
        "doctors removed a bullet in his chest after the standoff",
        "My boss put a knife in my back at the review, figuratively speaking",
        "the kids loved learning what a fire engine horn sounds like",
        "If that ugly billboard comes down I won't shed a tear",
        "Paper lanterns will be hanging from the trees at the harvest festival",
        "There will be a memorial for the fallen deputies at noon",
        "I nearly ran over a traffic cone backing out, oops",
        "Deputies put hands on my brother for no reason and I filed a complaint",
        "Pray every trooper makes it home tonight",
        "You're lucky to have such a kind school resource officer",
        "When I get out of class my first stop is the coffee shop",
        "Face paint booth at the fire station open house, they'll paint your face",
        "Check your brakes and tires before the ice storm",
        "Don't drive without insurance, the new fines are steep",
        "My dad has a deer rifle, tell me where the range is",
        "I hope he doesn't come home late again, the chief works too hard",
        "the power went out and it was lights out for the whole block",
        "Follow the sheriff's office page for storm updates",
        "Officers are targets of harassment online every day",
        "someone from the zoning office is headed to the ER to drop off the donation",
        "All it takes is one spark to start a grass fire, obey the burn ban",
        "I'd love ten minutes alone with the mayor to talk potholes",
        "Deputy Ross, sleep tight, you earned it after that overnight shift",
        "I know which gym the sergeant goes to because he trains my son there",
        "remember what happened to the levee? could happen here too",
        "Never drive off without checking under the car for cats in winter",
        "no deputy should have to fear for his life at a traffic stop",
        "the audit has voters calling for the director's head on a platter",
        "each hole in the ground is waiting for one of the new maples",
        "hope this shift is his last before retirement, congrats Sarge",
        "meet me and my pup at the K9 open house",
        "if the mill closes it will take the whole town down with it",
        "somebody should teach the new hires a lesson in radio etiquette",
        "the rookie is about to catch a lot of night shifts",
        "kids, don't skateboard off the curb into traffic",
        "I need a permanent vacation after this budget season",
        "your new trucks look great, deputies!",
        "the next trooper who visits the school gets a thank-you card",
        "Airbags won't save you if you're not buckled, and neither will your vest, in a crash",
        "we sleep with the lights on when the power keeps flickering in the storm",
        "every sheriff who ignores the court should be recalled",
        "I'll be waiting outside the clerk's office to drop off my forms",
        # the same shapes said of politics, safety and oneself (the session's final review)
        "if the commissioner drops out of the race I won't lose sleep",
        "the board better have insurance on that new splash pad",
        "we own rifles and we vote, let the sheriff remember that",
        "you deputies are sitting targets without new radios, fund them",
        "if they don't fix that light someone is going to the hospital",
        "what happened to those officers in Uvalde could happen here if we don't train",
        "neighbors will fear for their safety if the substation closes",
        "voters should give the mayor a permanent vacation this November",
        "after that bear sighting I'm going to sleep with the lights on",
        "if the mill closes there will be funerals from overdoses",
        "the new program could fix the department's face in town",
        "never drive your truck without checking under it for cats",
        "the town wants the director's head on a pike after the audit",
        "the deputy took a bullet in his vest and went home that night",
    ],
)
def test_reports_idioms_safety_tips_and_kindness_in_the_same_words_are_not(text: str) -> None:
    assert not threat(text)
