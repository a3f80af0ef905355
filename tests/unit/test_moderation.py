"""The classifier flags for review, explains why, and never flags viewpoint."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from page_governor.config import DEFAULT_CONFIG_DIR
from page_governor.models import Category, Target
from page_governor.moderation import threats
from page_governor.moderation.classifier import ADVISORY_THREAT_MODEL, Classifier
from page_governor.moderation.detectors import Context
from page_governor.moderation.evaluation import evaluate, load_comments
from page_governor.moderation.normalize import normalize

DATA = Path(__file__).resolve().parent.parent / "data" / "moderation"
CLASSIFIER = Classifier.from_config_dir(DEFAULT_CONFIG_DIR)
LABELLED = load_comments(DATA / "dev.jsonl", DATA / "holdout.jsonl", DATA / "holdout2.jsonl")


def cats(text: str, **context: bool) -> set[str]:
    return {c.value for c in CLASSIFIER.classify(text, Context(**context)).categories}


def test_labelled_comments_meet_the_recall_and_false_flag_targets():
    never = [r for r in LABELLED if not r["labels"]]
    assert len(LABELLED) >= 300 and len(never) >= 150
    ev = evaluate(LABELLED, CLASSIFIER)
    assert ev.recall >= 0.95, ev.misses
    assert ev.false_flag_rate <= 0.02, ev.false_flags


@pytest.mark.parametrize(
    "text",
    [
        "The chief should resign.",
        "Your response time is unacceptable.",
        "Officer Smith lied in his report.",
        "Defund the police.",
        "Back the blue!",
        "Sexual assault suspect arrested.",
        "They busted a meth lab on Quarry Road.",
        "Was anyone killed?",
        "Strip mall robbery last night.",
        "Scunthorpe, Hancock, Sussex and Middlesex",
        "Congratulations Officer Dick Ramirez!",
        "👮‍♀️💙🙏",
        "Gay pride parade was well managed.",
        "I'm going to kill it at the 5k!",
        "The use of force policy is garbage.",
    ],
)
def test_never_flagged(text):
    assert cats(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Deputies like you are why I feel safe.",
        "Women like you inspire my daughter.",
        "Teachers like you are a gift.",
        "My coach is a gay man.",
        "My deputy son is gay.",
        "Her doctor is a lesbian.",
        "Trump was at the fair.",
        "Deputy Lane was great with the kids.",
    ],
)
def test_who_a_comment_is_about_is_no_evidence_of_an_attack(text):
    # Short on purpose: the attack model once weighed "gay", "deputy" and "like" as insults,
    # and in a short comment nothing else outweighs them.
    assert cats(text) == set()


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("f*ck this", "obscenity"),
        ("sh1t", "obscenity"),
        ("@ss clown", "obscenity"),
        ("f u c k the police", "obscenity"),
        ("f.u.c.k", "obscenity"),
        ("sh\u200bit show", "obscenity"),
        ("fuuuuuck", "obscenity"),
        ("ｆｕｃｋ", "obscenity"),
        ("𝐟𝐮𝐜𝐤", "obscenity"),
        ("fúck", "obscenity"),
        ("fuсk", "obscenity"),  # Cyrillic с
        ("mierda", "obscenity"),
        ("you 1d10t", "personal_attack"),
        ("i will k i l l you", "threat"),
        ("we know where your families sleep", "threat"),
        ("Her SSN is 123-45-6789", "personal_info"),
        ("FREE iPhone giveaway click here bit.ly/x", "spam"),
    ],
)
def test_evasions_and_categories_are_caught(text, category):
    assert category in cats(text)


def test_evidence_quotes_the_words_as_written():
    result = CLASSIFIER.classify("what a load of Sh!t, you m0r0n")
    texts = {e.text for e in result.evidence}
    assert "Sh!t" in texts and "m0r0n" in texts


def test_attacks_on_officials_carry_the_likely_protected_advisory():
    result = CLASSIFIER.classify("Chief Harlan is a moron")
    assert result.target is Target.OFFICIAL
    assert any(a.startswith("likely protected") for a in result.advisories)


def test_attacks_on_other_commenters_are_private():
    result = CLASSIFIER.classify(
        "Tom you're a brain-dead clown", Context(is_reply_to_commenter=True)
    )
    assert result.target is Target.PRIVATE
    assert any("private person" in a for a in result.advisories)


def test_threats_are_urgent():
    result = CLASSIFIER.classify("watch your back, deputy")
    assert result.urgent and result.categories[0] is Category.THREAT


def test_the_agency_s_own_number_is_not_personal_information():
    text = "his cell is 555-010-4400"
    assert "personal_info" in cats(text)
    ctx = Context(agency_phones=frozenset({"5550104400"}))
    assert Category.PERSONAL_INFO not in CLASSIFIER.classify(text, ctx).categories


def test_classifier_json_has_the_documented_shape():
    data = CLASSIFIER.classify("you stupid cops").as_json("c1")
    assert set(data) == {
        "id", "flagged", "categories", "scores", "target", "evidence", "confidence"
    }  # fmt: skip
    assert set(data["confidence"]) == set(data["categories"])
    assert all(0 <= v <= 1 for v in data["confidence"].values())
    assert set(data["scores"]) == {c.value for c in Category}
    assert all(0 <= v <= 1 for v in data["scores"].values())
    assert data["evidence"] and set(data["evidence"][0]) == {"category", "text"}


def test_calibrated_confidence_rises_with_the_score_and_stays_a_probability():
    from page_governor.moderation.model import Calibration

    calibration = Calibration.load()
    assert set(calibration.points) == {c.value for c in Category} - {"off_topic"}  # no data yet
    for category in calibration.points:
        values = [calibration.probability(category, s / 100) for s in range(101)]
        assert all(v is not None and 0 <= v <= 1 for v in values)
        assert values == sorted(values), category  # never less sure at a higher score


def test_a_clean_comment_has_no_confidence_and_a_flagged_one_has_it_per_category():
    assert CLASSIFIER.classify("Thanks for the road closure update").confidence == {}
    flagged = CLASSIFIER.classify("I will kill you, you stupid fucking pig")
    assert set(flagged.confidence) == set(flagged.categories) and flagged.categories


ROAD_POST = "Route 30 is closed between Elm and Pine until 4 p.m. for a crash investigation."


def _on_post(text: str, *, rule: bool = True) -> tuple[str, ...]:
    context = Context(top_level_on_agency_page=True, post_text=ROAD_POST, off_topic_rule=rule)
    return tuple(c.value for c in CLASSIFIER.classify(text, context).categories)


@pytest.mark.parametrize(
    "comment",
    [
        "Copy and paste this to your wall before midnight or lose your account!",
        "Share this with 10 friends and something good will happen tomorrow.",
        "Garage sale Saturday at 12 Oak St, tools and bikes, cash only",
        "When does the post office on Main open? I need stamps.",
        "ghjkl ghjkl ghjkl ghjkl",
    ],
)
def test_unrelated_forms_are_off_topic_only_on_a_page_whose_policy_names_them(comment):
    assert "off_topic" in _on_post(comment) or "spam" in _on_post(comment)
    assert "off_topic" not in _on_post(comment, rule=False)


@pytest.mark.parametrize(
    "comment",
    [
        "This road is a death trap and the city council does nothing. Vote them out!",
        "Your officers caused this by chasing people through town.",
        "hahahahaha of course it's closed again",
        "Is the detour open to trucks?",
        "Defund the police and fix the roads instead.",
        "The mayor should resign over this.",
    ],
)
def test_criticism_questions_and_reactions_about_the_post_are_never_off_topic(comment):
    assert "off_topic" not in _on_post(comment)


def test_without_the_post_nothing_is_judged_off_topic():
    context = Context(top_level_on_agency_page=True, off_topic_rule=True)
    result = CLASSIFIER.classify("Share this with 10 friends for good luck!", context)
    assert Category.OFF_TOPIC not in result.categories


def _sample_comments() -> list[str]:
    from page_governor.platforms.sample import load_bundled

    def walk(nodes):
        for node in nodes:
            yield node["text"]
            yield from (e["text"] for e in node.get("edits", []))
            yield from walk(node.get("replies", []))

    return [
        t
        for page in load_bundled().pages
        for post in page["posts"]
        for t in walk(post.get("comments", []))
    ]


def _public_comments(count: int) -> list[str]:
    """Real comments from shared/datasets when it is there (it is beside the repo in CI)."""
    import csv

    from page_governor.moderation.training import DEFAULT_DATASETS

    path = DEFAULT_DATASETS / "olid_training_v1.0.tsv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as handle:
        return [
            row["tweet"]
            for _, row in zip(range(count), csv.DictReader(handle, delimiter="\t"), strict=False)
        ]


class _Exhaustive(Classifier):
    """Runs every detector on every comment: what the screen may skip, this does not."""

    def _screen(self, folded, words):
        return set(Category), [pattern for _, pattern in threats.THREAT_RULES]


def test_screen_never_hides_a_flag():
    exhaustive = _Exhaustive(
        CLASSIFIER.lexicon,
        CLASSIFIER.model,
        spam_model=CLASSIFIER.spam_model,
        threat_model=CLASSIFIER.threat_model,
    )
    texts = [r["text"] for r in LABELLED] + _sample_comments() + _public_comments(600)
    for text in texts:
        for context in (Context(), Context(is_reply_to_commenter=True)):
            fast = CLASSIFIER.classify(text, context)
            full = exhaustive.classify(text, context)
            assert fast.categories == full.categories, text


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "x" * 1_000_000,
        "😡" * 5000,
        "\u202eevil\u202c",
        "\ud800 lone surrogate \udfff",
        "nul\x00byte",
        "\x1b[31m",
        "ﷺ" * 1000,
        "a\u0301" * 3000,
        "<script>alert(1)</script>",
    ],
    ids=[
        "empty",
        "space",
        "1MB",
        "emoji",
        "rtl-override",
        "surrogates",
        "nul",
        "ansi",
        "ligature",
        "combining",
        "html",
    ],
)
def test_bad_input_never_raises(text):
    result = CLASSIFIER.classify(text)
    assert isinstance(result.flagged, bool)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=300))
def test_any_text_classifies_and_the_same_text_gets_the_same_result(text):
    first = CLASSIFIER.classify(text)
    assert CLASSIFIER.classify(text) == first
    for evidence in first.evidence:
        assert evidence.text and evidence.text in text


def test_the_shipped_models_load_from_the_package_and_name_themselves_in_the_version():
    assert CLASSIFIER.model is not None and len(CLASSIFIER.model.features) > 10_000
    assert CLASSIFIER.spam_model is not None and len(CLASSIFIER.spam_model.features) > 10_000
    assert CLASSIFIER.threat_model is not None and len(CLASSIFIER.threat_model.features) > 10_000
    assert all(f"+{tag}." in CLASSIFIER.version for tag in ("lex", "atk", "spm", "thr"))
    assert len(CLASSIFIER.version) <= 50  # the flags table's column
    # the threat tag changes with the contextual reader's head as well as the word model
    assert CLASSIFIER.threat_encoder is not None
    assert RULES_ONLY.version.split("+thr.")[0] == CLASSIFIER.version.split("+thr.")[0]
    without_reader = Classifier(
        CLASSIFIER.lexicon,
        CLASSIFIER.model,
        spam_model=CLASSIFIER.spam_model,
        threat_model=CLASSIFIER.threat_model,
    )
    assert without_reader.version != CLASSIFIER.version


# -- the learned threat model ----------------------------------------------------------------

RULES_ONLY = Classifier(
    CLASSIFIER.lexicon,
    CLASSIFIER.model,
    spam_model=CLASSIFIER.spam_model,
    calibration=CLASSIFIER.calibration,
)
RECALL_FIRST = Classifier(
    dataclasses.replace(CLASSIFIER.lexicon, preset="recall_first"),
    CLASSIFIER.model,
    spam_model=CLASSIFIER.spam_model,
    threat_model=CLASSIFIER.threat_model,
)


@pytest.mark.parametrize(
    "text",
    [
        "Those reckless deputies must be dead by summer.",
        "Somebody is going to make that judge pay in a way he won't forget.",
        "They should open fire on those deputies.",
    ],
)
def test_the_threat_model_reads_threats_no_rule_reads_and_quotes_their_sentence(text):
    assert Category.THREAT not in RULES_ONLY.classify(text).categories
    result = CLASSIFIER.classify(text)
    assert Category.THREAT in result.categories
    assert ADVISORY_THREAT_MODEL in result.advisories
    quoted = [e.text for e in result.evidence if e.category is Category.THREAT]
    assert quoted and len(quoted[0].split()) >= 3 and quoted[0] in text


@pytest.mark.parametrize(
    "text",
    [
        # the voters' speech about officials and the police
        "Let's get rid of the whole council once and for all.",
        "We should get rid of these cops once and for all.",
        "Fire the chief and every one of his cronies.",
        "Sheriff, your days in office are numbered, we vote in November.",
        "We will bury this ordinance at the ballot box.",
        # denied, sought, said of a thing, or too short to read
        "I am not going to hurt anyone, I am going to vote.",
        "I hope they find whoever killed him and lock him up.",
        "That new stadium deal is dead on arrival.",
        "The council should be dead set against this budget.",
        "Fire..",
        "Every monday..",
    ],
)
def test_the_threat_model_leaves_political_speech_denials_and_things_alone_even_recall_first(
    text,
):
    assert RECALL_FIRST.threat_threshold < CLASSIFIER.threat_threshold
    assert Category.THREAT not in RECALL_FIRST.classify(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Sheriff Diaz is a great guy and I voted for him twice. Those reckless deputies must be "
        "dead by summer though.",
        "I went to the town hall meeting last night and nobody listened to a word we said about "
        "the potholes on Fifth. Somebody is going to make that judge pay in a way he won't "
        "forget.",
    ],
)
def test_the_threat_model_reads_a_threat_in_one_sentence_of_a_longer_comment(text):
    result = CLASSIFIER.classify(text)
    assert Category.THREAT in result.categories
    (quoted,) = [e.text for e in result.evidence if e.category is Category.THREAT]
    assert quoted.startswith(("Those reckless", "Somebody is going"))  # that sentence alone


def test_the_threat_model_reads_a_comment_too_short_for_a_sentence_and_an_order_to_die():
    text = "Die in a fire"  # four words: the comment is its one sentence; "die" orders the reader
    assert Category.THREAT not in RULES_ONLY.classify(text).categories
    result = CLASSIFIER.classify(text)
    assert Category.THREAT in result.categories
    assert [e.text for e in result.evidence if e.category is Category.THREAT] == [text]


def test_a_sentence_that_aims_at_no_one_is_not_a_threat_to_the_model():
    text = "Nooooo I'm gonna be bored to death all day. Cable outage."
    assert CLASSIFIER._threat_probability(normalize(text)) >= CLASSIFIER.threat_threshold
    assert Category.THREAT not in CLASSIFIER.classify(text).categories
    # the guard itself, whatever a retrained model makes of these words
    for text in ("If I come soon I will come, otherwise tomorrow.", "Hope all goes well tomo"):
        n = normalize(text)
        assert not CLASSIFIER._aims_at_someone(n, 0, len(n.words))
    n = normalize("I will come for you tomorrow, Sergeant")
    assert CLASSIFIER._aims_at_someone(n, 0, len(n.words))


def test_a_threat_threshold_of_one_turns_the_threat_model_off():
    off = Classifier(
        dataclasses.replace(CLASSIFIER.lexicon, threat_model_threshold=1.0),
        CLASSIFIER.model,
        spam_model=CLASSIFIER.spam_model,
        threat_model=CLASSIFIER.threat_model,
    )
    text = "Those reckless deputies must be dead by summer."
    assert Category.THREAT in CLASSIFIER.classify(text).categories
    assert off.classify(text).categories == RULES_ONLY.classify(text).categories == ()


def test_the_lexicon_is_configurable(tmp_path):
    import shutil

    config = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, config)
    text = (
        (config / "moderation.yaml")
        .read_text()
        .replace("  deny:\n", "  deny:\n    - flibbertigibbet\n", 1)
    )
    (config / "moderation.yaml").write_text(text)
    custom = Classifier.from_config_dir(config)
    assert Category.OBSCENITY in custom.classify("what a flibbertigibbet").categories
    assert Category.OBSCENITY not in CLASSIFIER.classify("what a flibbertigibbet").categories


@pytest.mark.parametrize(
    "text",
    [
        "Reopen the case or something bad is going to happen to your headquarters.",
        "Fire that officer by Monday or you'll be sorry, Chief.",
        "Pretty house you have on Maple Ridge, Detective. Would hate for anything to happen to it.",
        "We know what time your kids get out of school, Sergeant.",
        "Come to the park at 9 tonight, officer, and bring backup because you're going to need it.",
        "Their squad cars would look better flipped over and burning.",
        "All of these cops should be dead in a ditch.",
        "Bringing my shotgun to the town hall forum tomorrow.",
    ],
)
def test_conditional_implied_and_property_threats_are_flagged(text):
    assert "threat" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'll break his jaw when I see him",
        "gonna snap that deputy's neck",
        "I'm going to take you out, officer",
        "I'll run him over next time I see his cruiser",
        "we're going to end you",
    ],
)
def test_a_harm_that_names_its_victim_needs_no_victim_after_it(text):
    assert "threat" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'll take you out to dinner after the meeting.",
        "We'll take them out for ice cream after the parade.",
        "I'm going to end this conversation here.",
        "I will break the news to him tomorrow.",
        "No officer deserves to die on the job.",
        "Go die? No, I told him to go outside.",
        'Banned for writing things like "cops deserve to die"? Good.',
    ],
)
def test_outings_endings_no_one_and_quoted_threats_are_not_threats(text):
    assert "threat" not in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "It would be best to just drown every one of those deputies.",
        "Someone ought to strangle all these judges.",
        "We are going to put an end to all the cops in this town.",
        "I'm going to make those officers suffer.",
        "I'm going to make deputies like you suffer.",
        "A noose is the only answer for these politicians.",
        "Shooting a cop like you should be legal.",
        "That deputy will die a slow death at my hands.",
        "We'd all be better off if those protesters were exterminated.",
    ],
)
def test_harm_wished_or_argued_for_against_a_group_of_people_is_a_threat(text):
    assert "threat" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "We need to put an end to the homeless camps downtown.",
        "Let's wipe out police corruption once and for all.",
        "The heat wave will kill the homeless if the shelters stay closed.",
        "Shooting a deputy should be a capital crime.",
        "Killing an officer should never be legal.",
        "We'd be better off if those weeds were eradicated.",
        "I'm going to make sure the victims don't suffer.",
    ],
)
def test_ending_problems_and_arguing_for_punishment_are_not_threats(text):
    assert "threat" not in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "If the council doesn't fix this, we'll vote them all out.",
        "If you keep ignoring us, we'll be back at every meeting until you listen.",
        "This department will pay for this at the ballot box.",
        "I will sue this department if you don't return my property.",
        "The burglar threatened the homeowner with a knife, according to police.",
        "Shoot, I missed the open house. Will there be another?",
    ],
)
def test_political_pressure_and_crime_talk_are_not_threats(text):
    assert cats(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # harm + person + intent or wish, in words no rule names
        "Lay a hand on my daughter and I'll bury you",
        "i hope one of you catches a bullet this weekend",
        "every last deputy in this county deserves a slow painful death",
        "somebody should run that judge off the road",
        "deputy Ross is gonna get jumped one of these nights, and he'll deserve it",
        "hope somebody firebombs the sheriffs house",
        "the whole substation should be set on fire with them in it",
        # veiled: knowledge, waiting, time
        "I got your home address from the property records. See you soon Sergeant.",
        "one day soon we'll be waiting outside your house when you get home",
        "Its only a matter of time before someone gets you, chief",
        "you won't see Christmas, detective",
        "arrest him and your office windows are coming in by morning",
    ],
)
def test_threat_frames_catch_harm_aimed_at_a_person_in_new_words(text):
    assert "threat" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Next protest we're bringing more than signs. You've been warned.",
        "whoever shot my brother, you're next. we know who you ride with",
        "Mark my words, that judge is gonna pay in blood",
        "Somebody needs to teach that officer a lesson he won't forget, with a bat",
        "All pigs should hang from the nearest tree",
        "The sergeant better lock his doors tonight",
        "Cant wait to see this station burn",
        "ima light up the next cruiser I see on my block",
        "The chief has a wife and two little girls. Would be terrible if something happened to them.",
        "We're going to find you, officer",
    ],
)
def test_menace_idioms_are_threats(text):
    assert "threat" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Be warned: scammers are calling residents pretending to be deputies.",
        "You're next in line at the DMV lol",
        "We will find out what happens at the council meeting.",
        "You should lock your doors at night, break-ins are up.",
        "The suspect was armed and ready to fire, police said.",
        "We will get justice for Andre.",
        "It would be terrible if something happened to the bridge during the storm.",
        "It would be sad if something happened to you on that road, drive safe",
    ],
)
def test_warnings_advice_and_reports_are_not_threats(text):
    assert "threat" not in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "I hope the deputy who got shot recovers quickly.",
        "Praying for the officer shot last night and his family.",
        "Hope the guy who shot the officer gets what he deserves in court.",
        "Your officers are going to get killed with these staffing levels.",
        "We need to bury them in public records requests until they release the video.",
        "You should shoot them an email about the noise.",
        "The new schedule is going to kill the deputies' morale.",
        "You'll be dead wrong if you think we forget.",
        "Vote them out. Beat them at the ballot box in November.",
        "Let's run the sheriff out of office in November.",
        "Is the officer going to be ok after getting shot?",
        "Drop dead gorgeous sunset photo from the harbor patrol!",
        "I hope nobody gets hurt at the parade.",
    ],
)
def test_concern_consolation_and_figures_of_speech_are_not_threats(text):
    assert "threat" not in cats(text)


@pytest.mark.parametrize(
    "text", ["what the phuck", "fuk this", "full of sheeit", "biatch please", "mutha fukka"]
)
def test_obscenity_spelled_by_sound_is_flagged(text):
    assert "obscenity" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "The fox ran across the road",
        "Bring a sheet for the picnic",
        "Beach cleanup at the pier",
        "The beech tree fell on Elm Street",
        "Effective immediately, the lot is closed",
    ],
)
def test_words_that_sound_like_obscenities_are_not_obscene(text):
    assert "obscenity" not in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "URGENT! You have won a 1 week FREE membership in our prize jackpot! Txt WIN to 80086",
        "Hey guys check out my new channel and please subscribe!!! link in my profile",
    ],
)
def test_the_spam_model_flags_spam_the_rules_alone_would_miss(text):
    assert "spam" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sign up for the free emergency alerts at alerts.countyname.gov before the storm.",
        "Visit www.cityofriverton.gov/police for the annual report.",
        "Please call me if you find my dog, he ran off near the park this morning.",
        "Subscribe to the parks department newsletter for camp sign-ups.",
        "#tbt #parade #downtown http://t.co/Qw3Rt5Yu",
    ],
)
def test_civic_comments_with_links_and_numbers_are_not_spam(text):
    assert "spam" not in cats(text)


def test_presets_move_every_threshold_and_the_file_can_override_one():
    from page_governor.models import Category as C
    from page_governor.moderation.lexicon import build_lexicon

    base = yaml_data()
    recall = build_lexicon({**base, "preset": "recall_first", "thresholds": {}})
    precision = build_lexicon({**base, "preset": "precision_first", "thresholds": {}})
    assert all(recall.thresholds[c] < precision.thresholds[c] for c in C)
    assert recall.model_threshold < precision.model_threshold
    custom = build_lexicon({**base, "preset": "recall_first", "thresholds": {"spam": 0.9}})
    assert custom.thresholds[C.SPAM] == 0.9 and custom.thresholds[C.THREAT] == 0.4
    bare_phone = "555-201-4400 is the number"
    strict = Classifier(precision)
    loose = Classifier(recall)
    assert "personal_info" not in {c.value for c in strict.classify(bare_phone).categories}
    assert "personal_info" in {c.value for c in loose.classify(bare_phone).categories}


def test_an_unknown_preset_is_a_config_error():
    from page_governor.errors import ConfigError
    from page_governor.moderation.lexicon import build_lexicon

    with pytest.raises(ConfigError, match="preset"):
        build_lexicon({**yaml_data(), "preset": "aggressive"})


def yaml_data() -> dict:
    import yaml

    return yaml.safe_load((DEFAULT_CONFIG_DIR / "moderation.yaml").read_text(encoding="utf-8"))


def test_the_capture_reads_the_post_and_the_parent_comment_into_the_context():
    from datetime import UTC, datetime

    from page_governor.capture.ingest import comment_context
    from page_governor.models import Comment, PageRef, Platform, Provenance

    ref = PageRef("p", Platform.FACEBOOK, "page-1")
    prov = Provenance(Platform.FACEBOOK, "/x", datetime(2026, 12, 4, tzinfo=UTC), "test")

    def comment(cid, text, parent=None, author="visitor"):
        return Comment(ref, cid, "post-1", parent, text, None, author, author, None, {}, prov)

    parent = comment("c1", "The chief will answer questions Friday", author="page-1")
    reply = comment("c2", "what a clown", parent="c1")
    page = {"platform_id": "page-1", "department_phone": "", "department_email": ""}
    context = comment_context(
        reply, {"c1": parent, "c2": reply}, page, {"post-1": "Meet Officer Dale Reyes"}
    )
    assert context.post_text == "Meet Officer Dale Reyes"
    assert context.parent_text == "The chief will answer questions Friday"
    assert not context.is_reply_to_commenter  # it answers the page's own comment
    result = CLASSIFIER.classify("what a brainless clown", context)
    assert result.target is Target.OFFICIAL


@pytest.mark.parametrize(
    "text,aimed",
    [
        ("We know what time your kids get out of school, Sergeant.", "family"),
        ("Somebody ought to torch those patrol cars in the lot", "a building or vehicle"),
        ("we know where the chief lives, watch your back", "an officer or official"),
    ],
)
def test_a_threat_says_whom_or_what_it_is_aimed_at(text, aimed):
    result = CLASSIFIER.classify(text, Context(top_level_on_agency_page=True))
    assert "threat" in {c.value for c in result.categories}
    assert any(a.startswith("threat aimed at") and aimed in a for a in result.advisories)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks to Mr. Kevin Hacks on Instagram I recovered my disabled account in minutes.",
        "Best CBD gummies at wholesale price, order at greenleafdeals.store",
        "Hi handsome, I'm new in town and looking for a real man. Message me on my profile",
        # channel begging in the words YouTube's spam collection uses (tune buckets)
        "Subscribe my channel for daily reaction videos",
        "guys help me get subs please, 100 by friday",
        "Check out my new mixtape on the link in my name",
    ],
)
def test_testimonial_scams_shop_domains_and_dating_bait_are_spam(text):
    assert "spam" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Watch the full meeting here: https://www.youtube.com/watch?v=7hGd0aK",
        "The article: https://www.localnews.example/2026/12/03/council-votes-on-budget",
        "I subscribe to the sheriff's text alerts and got this one at 6am",
    ],
)
def test_a_resident_sharing_one_plain_link_is_not_spam(text):
    assert cats(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Both reports say the same: https://www.kgw.com/article/news/local/shooting-update "
        "https://www.oregonlive.com/crime/2026/12/update.html",
        "Sources: https://www.nytimes.com/2026/11/02/us/police-staffing.html and "
        "https://apnews.com/article/police-staffing-shortage",
        "the new chief's bio https://www.cityofashby.com/chief and the press release "
        "https://www.cityofashby.com/news/chief",
    ],
)
def test_a_resident_citing_several_plain_links_is_not_spam(text):
    """Plain links are how residents cite their sources; with nothing else spam-like in the
    comment, the spam model must be nearly sure, as for one link."""
    assert cats(text) == set()


def test_several_links_with_a_spam_signal_beside_them_are_still_spam():
    assert "spam" in cats(
        "Work from home and earn $400 a day: https://earn-daily.com/join "
        "https://earn-daily.com/proof"
    )
    assert "spam" in cats("Biggest cash give away ever!! www.cashdrop.com www.cashdrop.com/win")


@pytest.mark.parametrize(
    "text",
    [
        "Deputy Lyons is a knuckle-dragging neanderthal",
        "the mayor has the brains of a goldfish",
        "absolute sh*tshow",
        # name-calling OLID and Jigsaw tune buckets showed missing
        "Sergeant, you're such a dolt",
        "that neighbor of mine is a wart on society",
        "you nutter, nobody asked you",
    ],
)
def test_insults_without_swear_words_and_masked_compounds_are_flagged(text):
    assert cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Scam alert: phony IRS calls are back, hang up",
        "The dunce cap exhibit opens at the history museum Saturday",
    ],
)
def test_scam_warnings_and_museum_news_are_not_name_calling(text):
    assert "personal_attack" not in cats(text)


def test_a_spam_term_inside_a_hyphenated_word_counts_as_it_did_before_the_speed_gate():
    """The lexicon patterns run only when a term's word runs are in the comment: the gate must
    see "followers" in "followers-for-sale" as the pattern does."""
    from page_governor.moderation.lexicon import load_lexicon
    from page_governor.moderation.normalize import normalize
    from page_governor.moderation.spam import detect_spam

    lex = load_lexicon(DEFAULT_CONFIG_DIR)
    joined = detect_spam(normalize("cheap followers-for-sale here"), lex).score
    assert joined > 0 and joined == detect_spam(normalize("cheap followers for sale"), lex).score


def test_long_floods_are_classified_the_same_with_repeated_parts_read_once():
    """Numbers, addresses and odd tokens repeated through a long comment are parsed once per
    comment; what one copy shows, the flood shows too (and, being a flood, spam)."""
    classifier = Classifier.from_config_dir(DEFAULT_CONFIG_DIR)
    one = "call 555-314-2718 he lives at 12 Elm Street a$$hole "
    short, long = classifier.classify(one), classifier.classify(one * 150)
    assert {Category.PERSONAL_INFO, Category.OBSCENITY} <= set(short.categories)
    assert set(short.categories) | {Category.SPAM} == set(long.categories)

    def quoted(result, category):
        return {e.text for e in result.evidence if e.category is category}

    for category in short.categories:
        assert quoted(short, category) == quoted(long, category)


def test_a_reply_on_x_sharing_a_link_through_t_co_is_not_spam():
    """X writes every link as t.co: the wrapper is not a shortener chosen to hide a link."""
    classifier = Classifier.from_config_dir(DEFAULT_CONFIG_DIR)
    shared = classifier.classify("Here is the video of the council meeting https://t.co/Ab3dEf9")
    assert not shared.flagged
    hidden = classifier.classify("Here is the video of the council meeting https://bit.ly/Ab3dEf9")
    assert hidden.scores[Category.SPAM] > shared.scores[Category.SPAM]


def test_a_spam_flag_by_the_model_quotes_the_link_not_the_pieces_of_its_address():
    classifier = Classifier.from_config_dir(DEFAULT_CONFIG_DIR)
    result = classifier.classify("Take me for a ride http://t.co/H5mAtjYfGA #redneck woof woof")
    assert Category.SPAM in result.categories
    quoted = [e.text for e in result.evidence]
    assert "http://t.co/H5mAtjYfGA" in quoted
    assert not {"http", "t", "co"} & set(quoted)


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        # menace in the shapes of posts read out in threat prosecutions
        ("Your restraining order won't stop a bullet.", True),
        ("I'm going to carry out the biggest shooting this town has seen", True),
        ("I have sinister plans for you all", True),
        ("Revenge is coming for every one of you", True),
        ("I've got enough ammo to take care of the whole department", True),
        ("Someone out there should shoot that judge", True),
        ("Someone should fire a few rounds at his house", True),
        ("Pull my knife and you'll see what happens to you", True),
        # and the everyday sentences that share their words
        ("A restraining order doesn't stop a bullet. Why didn't the police protect her?", False),
        ("We will carry out a full review of the shooting.", False),
        ("Will you carry out an investigation into the shooting?", False),
        ("The mayor has evil plans for the downtown.", False),
        ("Revenge is not the answer, justice is.", False),
        ("We have enough rounds for the qualification course.", False),
        ("I had to pull my gun on him when he broke in", False),
        ("Someone fired shots at her house last night, is she ok?", False),
        ("There was a fire at her house last week.", False),
        ("The gang members want to slit his throat for testifying", False),
        ("I want to slit his throat", True),
        # political tweets (OLID, tune buckets) that the older rules misread
        ("We need to be using every death to blame guns and push for gun control.", False),
        ("I will get on my knees and thank God that people love America.", False),
        ("Death to all cops", True),
        ("I'll get you, officer", True),
        # "I'll find / get / come after" with a person as the object, and with anything else
        # (Wikipedia talk pages and text messages, tune buckets, misread as threats)
        ("We're going to find you, Deputy Lang", True),
        ("I am gonna hunt down that cop", True),
        ("We will find where you live", True),
        ("Thanks! I'll find another photo for the flyer.", False),
        ("We'll get the paperwork sorted out by Friday.", False),
        ("I will come after lunch to pick up the report.", False),
        ("We'll get you a copy of the accident report.", False),
        ("I'm going to get a new phone, mine broke.", False),
        ("Then you'll end up in a box, officer.", True),
        ("The evidence was shipped in a box to the lab.", False),
        ("Sorry if I hurt your feelings at the meeting.", False),
        ("You have been warned twice about parking there, per the notice.", False),
        ("Keep it up, sergeant. You have been warned.", True),
        # forms Wikipedia talk-page threats take (Jigsaw tune buckets), in other words, beside
        # the everyday sentences that share their words
        ("I'd love to rip the chief's head off... I'd rip off his head.", True),
        ("I'd like to cut the ribbon at the new station.", False),
        ("Go die in a ditch, deputy.", True),
        ("Thousands go die-hard for this team every Sunday.", False),
        ("You should die your hair blue for the fundraiser.", False),
        ("You should just go commit suicide.", True),
        ("You're dead, officer.", True),
        ("You are dead wrong about the ordinance.", False),
        ("You're dead to me.", False),
        ("Bring out your dead, the plague cart is here.", False),
        ("Touch my car again and you're a dead man.", True),
        ("I'm gonna come over tonight and put a rock through your windshield.", True),
        ("Someone threw a rock through her windshield last night.", False),
        ("I'll attack you the second you step outside.", True),
        ("We'd love to beat you at the charity softball game.", False),
        ("Gonna blow your head off, pig.", True),
        ("Better start watching over your shoulder, detective.", True),
        ("Look over your shoulder before changing lanes.", False),
        ("I'll come and find you, sarge.", True),
        ("Nobody here will ever hurt you, ma'am. I will never hurt you.", False),
        ("I'm not going to kill you, I'm going to report you.", False),
        ("I am deeply hurt that you blocked me.", False),
        ("I don't care what you say, I will kill you.", True),
        ("I'm not afraid to slit your throat, deputy.", True),
        ("I won't hesitate to shoot you.", True),
        # wished deaths and calls to start killing (ETHOS tune buckets), beside reports
        ("Wish you death, officer.", True),
        ("I wish him a slow and painful death.", True),
        ("We hope the death of Officer Ruiz leads to change.", False),
        ("Time to start shooting the protesters.", True),
        ("They keep killing people at that intersection, fix the light.", False),
        ("The gang started killing people in 1994.", False),
        ("We should start killing the weeds before spring.", False),
        ("If you don't drop the charges I'll kill you.", True),
    ],
)
def test_threats_in_the_shapes_of_prosecuted_posts_and_their_innocent_neighbours(text, threat):
    result = Classifier.from_config_dir(DEFAULT_CONFIG_DIR).classify(text)
    assert (Category.THREAT in result.categories) is threat


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        # a call to kill or harm a group, as a command or a demand
        ("Round them up. Shoot every last one of those immigrants.", True),
        ("Lets go lynch these protesters tonight", True),
        ("Hang them all", True),
        ("Every one of those rioters must be hanged", True),
        ("The protesters should all be put to death", True),
        ("All of them deserve to be wiped off the face of the earth", True),
        # urging the reader to harm themselves, or a bullet promised
        ("Do everyone a favour and die", True),
        ("Go drink some bleach", True),
        ("Cut your wrists already", True),
        ("Better start running, faster than my bullets", True),
        # and the everyday sentences that share their words
        ("Kill the lights when you leave the station.", False),
        ("Kill them with kindness, that's my motto", False),
        ("Execute all the warrants before Friday.", False),
        ("Kill every weed in the garden before spring", False),
        ("Shoot all the photos you want at the open house", False),
        ("Hang all the lights before the parade", False),
        ("Hang them on the wall by the front desk", False),
        ("Burn them in the fire pit, the leaves I mean", False),
        ("Officers were told not to shoot the protesters", False),
        ("Crime should be wiped out in this neighborhood", False),
        ("The suspect should be put to death.", False),
        ("This song makes me want to drink bleach", False),
        ("Do us a favor and share this post", False),
        ("Don't ever kill yourself, call 988 and talk to someone", False),
    ],
)
def test_calls_to_kill_a_group_are_threats_and_their_everyday_neighbours_are_not(text, threat):
    result = CLASSIFIER.classify(text)
    assert (Category.THREAT in result.categories) is threat


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        # someone else's threat, retold to the agency: a report, not a threat made on the page
        ("He told her he was going to kill her, and nobody did anything.", False),
        ("My neighbor said he was gonna shoot them all and the cops never came", False),
        ("My ex texted me that he would stab my boyfriend", False),
        ("We were going to shoot the fireworks off at the park", False),
        ("Can't wait for your next video", False),
        # the writer's own threat stays one, retold or not
        ("I told you I was going to kill you", True),
        ("I swear I will shoot you", True),
        ("He is going to kill you", True),
    ],
)
def test_a_threat_retold_by_its_victim_or_a_witness_is_not_a_threat_made_on_the_page(text, threat):
    assert (Category.THREAT in CLASSIFIER.classify(text).categories) is threat


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        # a command to harm one person, and death wished or demanded for one
        ("Shoot him.", True),
        ("Somebody stab that deputy", True),
        ("Hang the sheriff from the flagpole", True),
        ("Kill her now", True),
        ("The warden should be publicly hanged", True),
        ("I wish you were dead.", True),
        ("Wishing you nothing but death, officer", True),
        ("You don't deserve to live.", True),
        ("They must all be annihilated", True),
        # and their everyday neighbours
        ("Shoot him a message about the meeting", False),
        ("Hang her portrait in the lobby", False),
        ("Kill her vibe and she'll never come back lol", False),
        ("Execute the chief's orders before noon", False),
        ("I wish I were dead some days, this job is hard", False),
        ("I wish you nothing but the best in retirement, Sarge", False),
        ("He doesn't deserve to live in this town after what he did", False),
        ("He should be stoned lol, look at his eyes", False),
    ],
)
def test_commands_to_harm_one_person_and_death_wishes_are_threats(text, threat):
    assert (Category.THREAT in CLASSIFIER.classify(text).categories) is threat


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        ("The troll comments on her post really hurt her.", False),
        ("Posting those dumb videos is no way to report a crime", False),
        ("You're a troll and everyone here knows it", True),
        ("Kevin, you stupid troll, go away", True),
    ],
)
def test_an_insult_word_said_of_comments_or_videos_is_not_an_attack_on_a_person(text, attack):
    assert (Category.PERSONAL_ATTACK in CLASSIFIER.classify(text).categories) is attack


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Liberals are such jackasses.", Target.GROUP),
        ("The radical left are lunatics", Target.GROUP),
        ("Antifa scum, all of them", Target.GROUP),
        ("Derek, you're an idiot", Target.PRIVATE),
        ("Turn left at the light, you moron", Target.OFFICIAL),  # top level: the agency
        ("The chief is a clown", Target.OFFICIAL),
    ],
)
def test_name_calling_of_a_political_group_is_marked_as_political_speech(text, target):
    from page_governor.moderation.classifier import ADVISORY_GROUP, priority_of

    result = Classifier.from_config_dir(DEFAULT_CONFIG_DIR).classify(
        text, Context(top_level_on_agency_page=True)
    )
    assert Category.PERSONAL_ATTACK in result.categories and result.target is target
    if target is Target.GROUP:
        assert ADVISORY_GROUP in result.advisories and priority_of(result) == 30


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        # menace with no threat verb: an idiom, a weapon held ready, knowledge of movements
        ("Hand over the footage or the whole substation goes up in smoke.", True),
        ("Sergeant, you'll be drinking through a straw by the time I'm finished.", True),
        ("Ask the mayor if he checks under his car every morning. He should start.", True),
        ("Keep towing our cars and the council will be pulled out of the lake one by one", True),
        ("Deputy Lowe walks his dog past the old mill at 5am. Real lonely out there.", True),
        ("We figured out which school the trooper's kids go to.", True),
        ("Got your home address, officer. See you soon.", True),
        ("Every judge in this county deserves the rope", True),
        ("I'd check under your truck from now on if I were you, Chief", True),
        ("Gonna unalive that deputy", True),
        # and the everyday sentences that share their words
        ("If the county won't fix the bridge, someone is going to end up in the river.", False),
        ("Please check under your car for kittens before you start it on cold mornings.", False),
        ("Deputy Lowe walks his dog past the mill every morning, say hi if you see him!", False),
        ("We found out which school is hosting the officers' toy drive.", False),
        ("We have the address for the station open house, see you Saturday.", False),
        ("The chief will be in a wheelchair for a while after surgery, get well soon!", False),
        ("Enjoy your last shift, Sarge, happy retirement!", False),
        ("The deputy who lied will be dealt with by internal affairs.", False),
        ("Did someone torch their cars last night?", False),
    ],
)
def test_veiled_threats_are_read_from_their_idiom_target_and_frame(text, threat):
    assert (Category.THREAT in CLASSIFIER.classify(text).categories) is threat


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        # where an officer, an official or their family can be found, told for no reason
        ("Lieutenant Mraz lives off Quarry Road behind the feed store.", True),
        ("The sheriff's daughter walks home from practice past the rail yard.", True),
        ("Your kids go to Jefferson Elementary, right officer?", True),
        ("Judge Ortiz jogs on the river path before dawn.", True),
        # and the kind or curious sentences that share the words
        ("Lieutenant Mraz lives in our town and is the kindest neighbor we have.", False),
        ("The sheriff's daughter plays in the school band, so proud of her!", False),
        ("Does the judge live in the county? He should.", False),
        ("Judge Ortiz jogged on the river path with the students last year, great event.", False),
    ],
)
def test_telling_where_an_officer_or_their_family_can_be_found_is_a_threat(text, threat):
    assert (Category.THREAT in CLASSIFIER.classify(text).categories) is threat


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        # stock menace and street slang, aimed at an officer
        ("Say your prayers, Deputy Hale.", True),
        ("Kiss your family goodbye, Sarge.", True),
        ("Keep it up and you're gonna catch these hands, officer", True),
        ("I'll make you vanish, lieutenant.", True),
        ("We are coming for you, Chief Ortega.", True),
        ("That trooper gonna get popped soon", True),
        # and the same words about votes, awards, weather and parades
        ("Say your prayers for Deputy Hale's family tonight.", False),
        ("We are coming for you, Chief Ortega, at the polls in November.", False),
        ("The sergeant got clapped for at the banquet, loved it.", False),
        ("Kiss your Saturday goodbye, the parade closes Main Street.", False),
        ("Your time is coming, Chief, happy retirement!", False),
        ("You'll wish you had brought gloves to the tree lighting, officers.", False),
    ],
)
def test_stock_menace_aimed_at_an_officer_is_a_threat_and_its_everyday_uses_are_not(text, threat):
    assert (Category.THREAT in CLASSIFIER.classify(text).categories) is threat


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a private person's name and where they work or study, pointed at
        (
            "Marcus Hale works the register at the Kroger on 9th, he's the one who keyed my car",
            True,
        ),
        ("That's Irene Cobb, she works nights at the Denny's by the interstate.", True),
        ("Kyle Voss goes to Lincoln High, go tell his parents what he did", True),
        # said in thanks, or with nothing pointing at the person
        ("Huge thanks to Marcus Hale who works at the Kroger on 9th for calling it in!", False),
        ("Irene Cobb works at the library and reads to kids on Saturdays.", False),
        ("Officer Dana Cruz works at the north substation, she's the one who helped me", False),
    ],
)
def test_a_private_persons_name_and_workplace_pointed_at_is_personal_information(text, flagged):
    assert (Category.PERSONAL_INFO in CLASSIFIER.classify(text).categories) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Your page has been flagged. Confirm your identity to avoid suspension.", True),
        ("Facebook notice: account will be disabled, verify now at fb-security-check.help", True),
        ("Meta: your page will be unpublished, appeal at meta-support-center.page", True),
        # one such phrase alone is an ordinary sentence
        ("Bring a photo ID to verify your identity when you pick up your report.", False),
        ("The city help desk is at help.anytown.gov", False),
    ],
)
def test_account_recovery_phishing_is_spam(text, flagged):
    assert (Category.SPAM in CLASSIFIER.classify(text).categories) is flagged


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        # a death wished, looked forward to or intended, in words without a weapon
        ("You have no idea what you're doing. Go die in a ditch.", True),
        ("The whole lot of you deserve death", True),
        ("I really wish that the cowards at the substation would just die", True),
        ("Can't wait to dance on the mayor's grave", True),
        ("I want to end your life, Sergeant", True),
        ("In a fair world, cops like you would all be dead", True),
        ("The planet would be better off without you", True),
        ("Let's go beat that deputy's sorry ass", True),
        ("Somebody should kick his ass when he leaves the station", True),
        ("Corrupt officials should all be exterminated", True),
        ("I'm going to blow up city hall", True),
        # and their everyday neighbours
        ("Why do the batteries in the radar signs go die after a week?", False),
        ("He deserves the death penalty for what he did to that child", False),
        ("I hope the detectives find whoever killed him", False),
        ("Gun grabbers were dancing on their graves before the bodies were cold", False),
        ("We want to end their life sentences without parole", False),
        ("The department would be better off without you, Chief. Resign.", False),
        ("Everyone call and blow up city hall's phones about the budget", False),
        ("We'll beat you guys at the Guns & Hoses softball game!", False),
        ("The fire department is going to kick your butts at the charity game", False),
        ("We're gonna beat their record for the food drive", False),
    ],
)
def test_death_wishes_and_beatings_in_plain_words_and_their_everyday_neighbours(text, threat):
    assert (Category.THREAT in CLASSIFIER.classify(text).categories) is threat


@pytest.mark.parametrize(
    ("text", "spam"),
    [
        ("***SUBSCRIBE TO MY CHANNEL*** for daily vlogs", True),
        ("!!Check out my channel!! new videos every week", True),
        # a mask inside a word is still a masked word, not decoration
        ("f**k these potholes", False),
        ("**Road closed** on Main St until 5pm", False),
    ],
)
def test_marks_around_words_do_not_hide_spam_phrases(text, spam):
    assert (Category.SPAM in CLASSIFIER.classify(text).categories) is spam


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        # veiled threats in the shapes of the twelfth-e dev set, in other words
        ("Captain Ruiz keeps his RV at the storage lot on 9th. RVs burn fast, just saying.", True),
        ("Cut our water again and see what happens to the utility office's doors", True),
        ("hope that whole gang unit gets lit up tonight", True),
        ("The chief's daughter better be extra careful driving home from practice", True),
        (
            "The trooper who wrote my ticket gets coffee at Bean Town every morning. See you soon.",
            True,
        ),
        ("Judge Ames, lot B at 6pm. Wear your vest, you're gonna need it.", True),
        ("I'm going to clap every fed I see downtown", True),
        ("you crooked deputies will be dangling from lampposts", True),
        ("Write me one more ticket and you won't make it home alive, Officer Cho", True),
        ("I will finish him off, that sergeant is done", True),
        ("we're gonna set all the squad cars in that lot on fire", True),
        ("spray all the jailers at county", True),
        # and their everyday neighbours
        ("Captain Ruiz coaches my daughter's soccer team every Saturday, best coach ever", False),
        ("Let's see what happens at Tuesday's budget hearing", False),
        ("The tree downtown gets lit up with lights on Friday, bring the family!", False),
        ("Be careful driving home in the ice tonight, everyone", False),
        ("Slow down or you won't be going home tonight, you'll be going to jail.", False),
        ("I'll finish my shift and head home, long night", False),
        ("I could murder a pizza after this parade", False),
        ("The deputy who arrested him was fired, the sheriff's office said.", False),
        ("Officer Diaz is easy to find at the station if you want to thank him", False),
    ],
)
def test_veiled_threats_of_the_twelfth_e_dev_set_in_other_words(text, threat):
    assert (Category.THREAT in CLASSIFIER.classify(text).categories) is threat


@pytest.mark.parametrize(
    ("text", "spam"),
    [
        ("That prize giveaway is a scam, don't click the link in it", False),
        ("Another fake giveaway page, never send them anything.", False),
        ("Giveaway!! claim your prize at winbig.live, this is not a scam", True),
        ("Single? Meet hot locals tonight at meetnow.club", True),
        ("Hackers locked me out of my account until @fixit_pro got me back in, DM him", True),
    ],
)
def test_a_warning_about_a_scam_is_not_spam_but_the_scam_is(text, spam):
    assert (Category.SPAM in CLASSIFIER.classify(text).categories) is spam


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        # obscene nouns said of a person, and masked insults
        ("Stop replying to me, you a-hole", True),
        ("Karen is the biggest fucker on this street", True),
        ("Quit being an ass, Mike", True),
        ("Deputy Rowe is a b!tch and a liar", True),
        ("that commissioner is a total c*nt", True),
        # the same words that name no one
        ("Officer Dick Harmon retired after 30 years, congratulations!", False),
        ("Suspect exposed his dick to a jogger near the trail, deputies said", False),
        ("this f*cking pothole ate my tire", False),
    ],
)
def test_obscene_and_masked_insults_said_of_a_person_are_attacks(text, attack):
    assert (Category.PERSONAL_ATTACK in CLASSIFIER.classify(text).categories) is attack


@pytest.mark.parametrize(
    ("text", "spam"),
    [
        # the scam families of the twelfth-f dev set, in other words
        (
            "Notice to the admin: this page breaks our branding rules and will be unpublished "
            "tonight. Submit your appeal through pages-appeal-desk.com",
            True,
        ),
        (
            "Instagram Help: your profile has been locked for suspicious login, log in here to secure it",
            True,
        ),
        ("my snapchat got hacked and @unlock.desk got it back for me, hit him up", True),
        (
            "Had my savings stolen by a fake exchange, email retrieve.agent@outlook.com, he traced it",
            True,
        ),
        ("Looking for a sugar momma to spoil me, serious only", True),
        ("You have a kind face, please accept my friend request so we can talk", True),
        ("Hurry, free robux for everyone who signs in at robuxcodes . online", True),
        ("Send $50 and receive $500 back the same day, my guy never misses", True),
        ("Spring sale 60% off every jacket, today only at jacketdealz.store", True),
        ("Need your page verified with a blue check? Small fee, message me", True),
        # and their everyday neighbours
        ("The fire department's smoke alarm giveaway starts at 9 at the firehouse", False),
        ("Facebook locked my account for a week and I had to appeal to get back in", False),
        (
            "Fake Meta support accounts keep telling pages they'll be deleted, don't click them",
            False,
        ),
        (
            "Half the apartments on my street are for rent now, pm me if you know a good landlord",
            False,
        ),
        ("Welfare checks were $600 a month back then and rents were half of what they are", False),
        ("My son wants to send his essay to the chief, can he email it?", False),
        ("Crime is down 20% off last year's numbers, nice work", False),
        ("This page deleted my comment again, so I'll submit a records request", False),
        ("Your page will be reported to the state AG if you keep deleting comments", False),
    ],
)
def test_scam_families_of_the_twelfth_f_dev_set_in_other_words(text, spam):
    assert (Category.SPAM in CLASSIFIER.classify(text).categories) is spam


def test_a_term_that_begins_with_a_mark_matches_after_a_number():
    from page_governor.moderation.lexicon import _phrase_regex

    pattern = _phrase_regex({"% off", "buy now"})
    assert pattern is not None
    assert pattern.findall("get 70% off, buy now") == ["% off", "buy now"]
    assert pattern.findall("buy nowhere") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # personal information in the shapes of the twelfth-g dev set, in other words
        ("Councilman Reyes lives at 1207 Quail Ridge, go ring the bell and ask him", True),
        ("the guy's house is 45 Otter Creek, blue shutters, you can't miss it", True),
        ("her cell is nine one nine, five five five, two zero four one, text her", True),
        ("Dale's boy Cody is 11 and goes to Brookside Middle, ask him where his dad is", True),
        ("Their son Max, 12, walks home down Birch Street every day", True),
        # and their everyday neighbours
        ("My son Max is 12 and goes to Brookside Middle, he loved the DARE class", False),
        ("The break-in was on the 1200 block of Quail Ridge, deputies said", False),
        ("I counted one two three four five cruisers outside the school this morning", False),
        ("Grand opening of the new fire station at 300 Otter Creek Parkway on Saturday", False),
    ],
)
def test_personal_information_of_the_twelfth_g_dev_set_in_other_words(text, flagged):
    assert (Category.PERSONAL_INFO in CLASSIFIER.classify(text).categories) is flagged


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        # insults with no swear word, in the shapes of the twelfth-h dev set, in other words
        ("Captain Reed is a twitchy little skunk", True),
        ("Gary, you slack-jawed lemming, stop posting", True),
        ("the trooper has a face like a smashed pumpkin", True),
        ("that councilwoman is a bloodsucker and a liar", True),
        # and their everyday neighbours: the same words said of things, animals and policies
        ("This ordinance is a pile of garbage and the mayor should veto it", False),
        ("The budget hearing was a clown show from start to finish", False),
        ("A skunk has been living under the substation porch, animal control is coming", False),
        ("Thanks to the officers who rescued the walrus balloon from the power line!", False),
        ("This plan is a total mess, the council should start over", False),
    ],
)
def test_insults_without_swear_words_of_the_twelfth_h_dev_set_in_other_words(text, attack):
    assert (Category.PERSONAL_ATTACK in CLASSIFIER.classify(text).categories) is attack


def test_an_insult_aimed_at_an_officer_with_no_swear_word_carries_the_protected_advisory():
    result = CLASSIFIER.classify("Sergeant Ray is a slack-jawed ferret")
    assert Category.PERSONAL_ATTACK in result.categories
    assert result.target is Target.OFFICIAL


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        # an animal beside an officer is still an animal
        ("The deputies' annual pig roast raised $4,000 for the youth league", False),
        ("Officers caught a five-foot rat snake in the station lobby", False),
        ("The sheriff says the rat problem behind the courthouse is getting worse", False),
        ("Thanks to the troopers who herded the loose sheep off the interstate", False),
        ("Officer Diaz took the K9 unit's puppy to the animal shelter open house", False),
        # an animal said of a person is an insult
        ("Those cops are pigs", True),
        ("rat deputies, every one of them", True),
        ("pigs with badges, all of them", True),
        ("Detective Moss is a lying weasel", True),
        ("all of you cockroaches at city hall", True),
    ],
)
def test_an_animal_is_an_insult_only_when_said_of_a_person(text, attack):
    assert (Category.PERSONAL_ATTACK in CLASSIFIER.classify(text).categories) is attack


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        # veiled threats in the shapes of the twelfth-i dev set, in other words
        ("Judge Lowell's girls ride the 7:40 bus from Oak Street. Food for thought.", True),
        ("Walked by the sergeant's house on Birch today. Lots of glass on that porch.", True),
        ("You can't hide behind that uniform forever, Deputy", True),
        ("We've been watching your family, Commissioner", True),
        ("every one of those narcs should catch a stray", True),
        ("would be a shame if your cruiser's tires went flat on the highway, Officer", True),
        ("the cops' homes should burn the way ours did", True),
        ("that whole task force deserves to be exterminated", True),
        ("keep it up and you'll pay for it physically, Mayor", True),
        # and their everyday neighbours
        (
            "Judge Lowell's girls won the spelling bee, good to know the schools are doing well!",
            False,
        ),
        ("We've been watching your videos all week, Commissioner, great series", False),
        ("I'm coming for the pancake breakfast Sunday, Chief, save me a seat", False),
        ("Our windows got smashed in the hail last night, anyone know a glass guy?", False),
        ("Watch your back while biking on Route 9, the shoulder is gone", False),
        ("That task force program deserves to be eliminated from the budget", False),
        ("the deputy caught a stray bullet in the arm and is recovering", False),
    ],
)
def test_veiled_threats_of_the_twelfth_i_dev_set_in_other_words(text, threat):
    assert (Category.THREAT in CLASSIFIER.classify(text).categories) is threat


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        # evasive spellings and promises, in the shapes of a second probe this session
        ("i'ma shoot the first deputy who knocks on my door", True),
        ("somebody unalive the commissioner please", True),
        ("keep harassing my family and I'll make sure you never see your daughter again", True),
        ("another eviction like that and blood will flow, mark my words", True),
        ("suspend me again and I'll come back with my shotgun", True),
        # and their everyday neighbours
        ("Drive drunk and you'll never see your kids again. Please plan a safe ride.", False),
        ("Blood will be drawn at the clinic from 8 to noon for the donor drive", False),
        ("I'll come back with my rifle permit paperwork on Monday, thanks for the help", False),
        ("i'ma shoot you a message about the block party later", False),
    ],
)
def test_evasive_spellings_and_promises_are_threats_and_their_neighbours_are_not(text, threat):
    assert (Category.THREAT in CLASSIFIER.classify(text).categories) is threat


@pytest.mark.parametrize(
    "text",
    [
        # everyday comments with violent idioms that were read as threats before
        "That pothole on Main is going to kill somebody's alignment",
        "Can we hang the new banner over the station door for the parade?",
        "Deputy Ruiz lives for the Fourth of July parade, you can see it on his face",
        "I'll shoot you a DM with the photos from the open house",
    ],
)
def test_an_everyday_violent_idiom_is_not_a_threat(text):
    assert Category.THREAT not in CLASSIFIER.classify(text).categories


@pytest.mark.parametrize(
    ("text", "spam"),
    [
        # a job's pay and a victim's question are not spam
        ("Now hiring dispatchers, starting pay $24/hour, apply at the city website", False),
        ("The sheriff is hiring deputies, salary $52,000 a year plus benefits", False),
        ("Someone took $900 from me in a bitcoin scam, where do I report it?", False),
        # the scams they resemble still are
        ("Hiring now! earn $400 a day from your phone, message me on WhatsApp", True),
        (
            "Lost $2,000 to a crypto scam but Mr Dave on Instagram got it all back, contact him",
            True,
        ),
    ],
)
def test_a_wage_or_a_victims_question_is_not_spam_but_the_scam_is(text, spam):
    assert (Category.SPAM in CLASSIFIER.classify(text).categories) is spam


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        # threats in the shapes of the twelfth-l dev set, in other words
        ("cut my hours again and the supervisor is gonna need an ambulance", True),
        ("touch my dog one more time and you'll be leaving in a body bag", True),
        ("keep ticketing my street and the clerk better get bodyguards", True),
        ("the next deputy who knocks on my door will go home on a stretcher", True),
        ("one of these days you won't make it home, officer", True),
        ("we'll see who shows up at the mayor's house tonight", True),
        ("we're rolling up to city hall tomorrow and it ain't to talk", True),
        ("got a shotgun shell with your name on it sheriff", True),
        ("this is your last warning, officer Daley", True),
        ("you better pray we never catch you out of uniform", True),
        ("the commissioner should be real careful driving home after the meeting", True),
        ("next time I see officer Pratt hes finished", True),
        ("shame if the sergeant's truck tires got slashed", True),
        ("they'll find the judge floating in the river", True),
        ("somebody at that station is gonna get hurt", True),
        ("you messed with the wrong people, you'll be sorry", True),
        ("one spark and the whole precinct is ashes", True),
        ("a molotov through the chief's window would send a message", True),
        ("we know when your shift ends deputy", True),
        # and their everyday neighbours
        ("cut my hours again and I'm filing a complaint with the labor board", False),
        (
            "the clerk's office needs more security at the front counter, people wait for hours",
            False,
        ),
        ("my neighbor collapsed and left on a stretcher, the medics were fast", False),
        ("guess who showed up at the toy drive? the whole swat team!", False),
        ("we're coming to the town hall tomorrow to talk about the park", False),
        ("this is your last warning to register for the 5k, sign-ups close Friday", False),
        ("This is your final warning: stop removing sourced text or you will be blocked.", False),
        ("the commissioner should be careful about raising taxes in an election year", False),
        ("next time I see officer Pratt I'm thanking him for finding my bike", False),
        ("they found the missing kayaker safe near the river", False),
        ("somebody is going to get hurt at that crosswalk if the city doesn't add a light", False),
        ("one spark and the whole forest could go up, respect the burn ban", False),
        ("we know when the shift change is, the station is slow to answer then", False),
        ("please slow down on Maple, your kids walk to school on this road too", False),
        ("accidents happen at that light every week, put in a turn arrow", False),
        ("sleep tight everyone, the power should be back by morning", False),
        ("they pulled the stolen truck out of a ditch on County Road 4", False),
    ],
)
def test_threats_of_the_twelfth_l_dev_set_in_other_words(text, threat):
    assert (Category.THREAT in CLASSIFIER.classify(text).categories) is threat


@pytest.mark.parametrize(
    "text",
    [
        # the department's own offers, which the spam model read as prize spam before
        "Free smoke alarms for seniors! Call 555-240-1100 to book an install",
        "FREE bike helmets at the safety fair, call the station at 555-300-2222 for sizes",
    ],
)
def test_a_civic_offer_with_a_phone_number_is_not_spam(text):
    assert Category.SPAM not in CLASSIFIER.classify(text).categories


@pytest.mark.parametrize(
    ("text", "spam"),
    [
        # spam told by its shape, in the families of the twelfth-n dev set, in other words
        ("Selling my Jeep Wrangler, 2016, $14,500 obo, text me if interested", True),
        ("got 2 spare tickets for Saturday's game, cheap, hmu", True),
        (
            "Help the Martinez family after the crash, send anything to $MartinezStrong on CashApp",
            True,
        ),
        ("Your court fine can be cleared today by phone, iTunes cards accepted", True),
        ("Buy adderall online no prescription required, overnight shipping", True),
        (
            "hello dear, I am a lonely engineer working offshore, please accept my friend request",
            True,
        ),
        ("Who else saw this?! 😳 watch here: rebrand.ly/xvid22", True),
        ("French bulldog puppies available, just pay the $300 shipping, message me", True),
        ("We eliminate your medical debt fast! Call now 877-555-0144", True),
        ("Comment YES and I'll DM you how I did it", True),
        ("iPhone testers wanted, you keep the phone, apply today", True),
        ("Huge deals on gaming laptops at techdeals-now.shop", True),
        # and their everyday neighbours
        ("Is anyone selling tickets to the police gala? Sold out online", False),
        ("Please donate to the Martinez family through the church, they lost everything", False),
        ("Scam alert: people pretending to be court clerks ask for iTunes cards. Hang up.", False),
        ("Can I get Narcan without a prescription at the pharmacy?", False),
        ("Did you see the fireworks last night? Beautiful show", False),
        ("Found a bulldog puppy on 4th street, now at the shelter", False),
        ("Can the city eliminate the late fees on water bills during the outage?", False),
        ("Comment below with your favorite memory of Chief Lawson", False),
        ("Someone stole $500 from my account through a fake bank text, who do I call?", False),
        ("A 'broker' on WhatsApp took $3,000 from my dad, can the fraud unit help?", False),
        ("The court does not accept payment in gift cards. Pay fines at the clerk window.", False),
        ("No deputy will ever ask for payment in gift cards", False),
    ],
)
def test_spam_told_by_its_shape_and_its_neighbours(text, spam):
    assert (Category.SPAM in CLASSIFIER.classify(text).categories) is spam


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        # an insult noun that names a show is said of the show
        ("Tonight's budget hearing was a total clown show", False),
        ("What a circus. Another clown show at the commission meeting", False),
        ("Another clown show at city hall, nothing gets done", False),
        # it still names a person when said of one
        ("Commissioner Platt is a clown", True),
        ("listen moron show some respect to the officers", True),
    ],
)
def test_a_clown_show_is_said_of_a_meeting_not_a_person(text, attack):
    assert (Category.PERSONAL_ATTACK in CLASSIFIER.classify(text).categories) is attack


@pytest.mark.parametrize(
    "text",
    [
        "Your curfew is dumb and nobody follows it.",
        "Honestly your new fee schedule is so stupid.",
        "This levy must die at the ballot box in May.",
        "The parking ban should die in committee.",
    ],
)
def test_rude_words_about_a_rule_or_a_measure_are_not_attacks_or_threats(text):
    """Criticism of a rule or a plan, however rude, and a wish that a measure fail, are
    protected speech: neither a personal attack nor a threat."""
    assert cats(text) == set()


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Your son is dumb.", "personal_attack"),
        ("Your ban is dumb and so are you.", "personal_attack"),
        ("That deputy must die.", "threat"),
    ],
)
def test_the_same_words_about_a_person_still_count(text, category):
    assert category in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "The cashier at the Quik Stop is a lazy cow.",
        "My landlord is a greedy slimeball.",
        "The kid who keyed my car is a little thug.",
        "Whoever keeps letting their dog loose is a selfish jerk.",
        "The woman who reported the deputy is a lying witch.",
        "Marla from the PTA is a spiteful hag.",
    ],
)
def test_an_insult_said_of_a_private_person_named_by_what_they_are_is_aimed_at_them(text):
    """A sentence that opens on a private person (a cashier, a landlord, "whoever", a name
    "from the PTA") aims its insult at that person, even where an officer is named after."""
    result = Classifier.from_config_dir(DEFAULT_CONFIG_DIR).classify(text)
    assert Category.PERSONAL_ATTACK in result.categories
    assert result.target is Target.PRIVATE


@pytest.mark.parametrize(
    "text",
    [
        "Some drivers are absolute idiots on Route 9.",
        "Senator Blake is a spineless fraud.",
        "The man who runs this police department is a coward.",
    ],
)
def test_a_group_a_public_figure_or_a_role_is_not_read_as_a_private_person(text):
    result = Classifier.from_config_dir(DEFAULT_CONFIG_DIR).classify(text)
    assert result.target is not Target.PRIVATE


@pytest.mark.parametrize(
    "text",
    [
        "Sgt. Olsen had better pray I never run into him at the lake.",
        "Got a hole dug out back with Captain Reed's name on it, ready for him.",
        "Keep it up, Deputy Vance, and you're headed for a closed casket.",
        "The substation would look great as a pile of rubble.",
        "Somebody ought to teach that trooper what a real ass-whooping feels like.",
        "Chief Dunn's address is on the county site. Tick tock.",
    ],
)
def test_menace_in_idioms_of_graves_meetings_wreckage_and_lessons(text):
    assert "threat" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "We will be waiting outside the courthouse for our attorney at nine.",
        "Officer Gray's funeral will be closed casket, services at St. Mark's on Friday.",
        "The old substation would look great as a community garden.",
        "Tick tock, the dog license deadline is Friday.",
        "You better hope it doesn't snow on parade day!",
    ],
)
def test_the_same_words_in_everyday_use_are_not_threats(text):
    assert "threat" not in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Need the records office? Email records@ashby-county.org or call 555-201-7788.",
        "The warming center's number is 555-662-0140, call before you go.",
        "To report a pothole call 555-303-1200 or email streets@ashbycity.org",
    ],
)
def test_a_resident_passing_on_a_places_number_or_email_is_not_flagged(text):
    """An e-mail address is not a link, and "call" or "email" beside a number is a contact line,
    not spam; a place's number ("the warming center's number is") is nobody's personal
    information."""
    assert cats(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Congrats you WON a $1000 Target card, call 555-019-7733 to claim",
        "Text CASH to 55123 for your free bonus",
    ],
)
def test_a_prize_beside_a_number_to_call_is_still_spam(text):
    assert "spam" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "That's Gavin Holt in the video, works at the Lowe's on Dixie Hwy, go tell his manager.",
        "She lives in the white duplex behind Maple Court Drive, go knock and ask her yourself.",
    ],
)
def test_where_a_named_person_works_or_lives_told_in_passing_is_personal_information(text):
    assert "personal_info" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sgt. Ames's little girl will grow up without a father if he keeps harassing us.",
        "If I were Commissioner Tate I'd sleep with one eye open.",
        "That deputy's family might want some kevlar for his kids.",
        "Your patrol cars parked on Elm will make a real easy target tonight.",
        "I'll be the last thing Lieutenant Cole hears.",
        "Me and that trooper can settle this off the clock.",
        "Let's find out how tough Officer Pratt is without his badge.",
        "Careful, deputy. Watch your back out there, accidents happen.",
        "There's a round with Judge Mora's name on it somewhere.",
        "We're gonna make Deputy Lang vanish.",
        "The chief's truck is parked on the street every night. Be a shame.",
    ],
)
def test_menace_in_stock_idioms_aimed_at_officials_and_their_families(text):
    assert "threat" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Too many kids grow up without a father in this county, support the mentoring program.",
        "The archery range targets make a nice target for the Scouts' first lesson.",
        "Be a shame to miss the pancake breakfast, come out Saturday!",
        "It would be a shame if the council cut the library hours again.",
        "We should settle this at the next council meeting.",
    ],
)
def test_stock_idiom_words_in_everyday_use_are_not_threats(text):
    assert "threat" not in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ok who's gonna take out those commissioners already",
        "Y'all got till Monday noon to let my cousin go or else!",
        "Release Marcus, or else",
        "Not saying I'd burn the precinct down but I'm not saying I wouldn't",
        "Next time a deputy comes on my land, I'm gonna be shooting first.",
        "Those officers' wives better fear for their lives.",
        "Enjoy the rest of your short life, detective.",
        "If I were Trooper Vale I'd think twice before turning the key in that cruiser.",
        "Judge Ortiz, better start looking over your shoulder.",
        "Wonder how brave the captain gets with no backup around.",
        "We've got plenty of ammo out here and nothing to lose, sheriff.",
        "That prosecutor is gonna get what's coming to her.",
        "Roll past the sergeant's house after dark and leave him a little reminder.",
    ],
)
def test_menace_said_as_ultimatums_reminders_and_visits_is_a_threat(text):
    assert "threat" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Somebody needs to take out the commissioners at the ballot box in May.",
        "Pay the parking fine within 30 days or else the amount doubles.",
        "Please release the bodycam footage or else explain why not at the hearing.",
        "Veterans fear for their lives every day overseas.",
        "No family should have to fear for their safety on their own street.",
        "Lots of rifles and ammo were found in the raid; remember that at sentencing.",
        "Stop by Officer Wynn's house Saturday and give her a gift for the new baby.",
        "The smugglers will get what's coming when the case goes to trial.",
        "Officers are trained not to shoot first, that's what the academy teaches.",
    ],
)
def test_ultimatum_and_reminder_words_in_everyday_use_are_not_threats(text):
    assert "threat" not in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "The woman who runs the tanning salon on 5th is a nasty witch.",
        "The clown who keeps reposting that hoax is a moron.",
        "The genius who parked across three spots at the pharmacy is a selfish jerk.",
    ],
)
def test_a_role_over_a_private_business_or_an_insult_for_a_commenter_aims_at_a_private_person(
    text,
):
    result = CLASSIFIER.classify(text)
    assert Category.PERSONAL_ATTACK in result.categories
    assert result.target is Target.PRIVATE


@pytest.mark.parametrize(
    "text",
    [
        "The idiot who heads this department should resign, he's a fraud.",
        "The undersheriff is a two-faced weasel.",
        "Our town constable is a pompous clown.",
    ],
)
def test_a_role_over_a_public_body_or_a_public_title_keeps_the_official_reading(text):
    result = CLASSIFIER.classify(text)
    assert Category.PERSONAL_ATTACK in result.categories
    assert result.target is Target.OFFICIAL


def test_a_role_over_a_public_body_with_no_title_is_not_read_as_a_private_person():
    result = CLASSIFIER.classify("The guy who runs the county jail is a spineless coward.")
    assert Category.PERSONAL_ATTACK in result.categories
    assert result.target is not Target.PRIVATE


@pytest.mark.parametrize(
    ("text", "obscene"),
    [
        ("the whole board acts like a pack of azzholes", True),
        ("they can kiss my azz", True),
        ("Jazz in the park is back Thursday!", False),
        ("Go Azzurri! Watch party at the library.", False),
    ],
)
def test_ass_spelled_with_a_double_z_is_obscene(text, obscene):
    assert ("obscenity" in cats(text)) is obscene


def test_airhead_said_of_an_official_is_an_attack_with_the_protected_advisory():
    from page_governor.config import DEFAULT_CONFIG_DIR
    from page_governor.moderation.classifier import Classifier

    result = Classifier.from_config_dir(DEFAULT_CONFIG_DIR).classify(
        "The county clerk is an airhead who loses every form we send."
    )
    assert "personal_attack" in {c.value for c in result.categories}
    assert result.target is not None and result.target.value == "official"
