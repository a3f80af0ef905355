"""The personal-information detector shared by the classifier and the public-release redactor."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from page_governor.archive.redaction import Redactor
from page_governor.config import DEFAULT_CONFIG_DIR
from page_governor.models import Category
from page_governor.moderation import pii
from page_governor.moderation.classifier import Classifier
from page_governor.moderation.detectors import Context

DATA = Path(__file__).resolve().parents[1] / "data" / "moderation"


def kinds(text: str, **kwargs) -> list[str]:
    return [m.kind for m in pii.find(text, **kwargs)]


@pytest.mark.parametrize(
    "text",
    [
        "his cell is (717) 555-0143",
        "his personal number is +44 7700 900123",
        "Her mobile is 07700 900456",
        "su celular es +52 55 1234 5678",
        "text him on +234 803 555 0142",
        "call her at 610.555.0187 ext. 12",
    ],
)
def test_phone_numbers_in_any_country_format_are_found_and_tied(text):
    found = pii.find(text)
    assert [m.kind for m in found] == ["phone"]
    assert found[0].tied


def test_the_writers_own_number_and_the_agencys_number_are_not_tied_or_not_found():
    assert not pii.find("call me at 555-0112 if you see my dog")[0].tied
    assert kinds("Non-emergency line 555-867-5309", agency_phones=frozenset({"5558675309"})) == []


@pytest.mark.parametrize(
    "text",
    [
        "case number 24-118832",
        "I paid $1,250,000 for it",
        "from 86.139.215.76 at 10:45",
        "on 12/05/2024",
    ],
)
def test_numbers_that_are_not_phones_are_left_alone(text):
    assert "phone" not in kinds(text)


def test_street_addresses_are_confirmed_by_usaddress_and_tied_by_context():
    tied = pii.find("That rat lives at 1187 Harmon Road, apartment 3B. Go say hi.")
    assert [(m.kind, m.tied) for m in tied] == [("address", True)]
    venue = pii.find("The meeting is at the library, 200 Main Street, at 6 pm.")
    assert [(m.kind, m.tied) for m in venue] == [("address", False)]
    assert kinds("2 more days until Main Street reopens") == []
    assert kinds("call 555-123-4567 at 12 Oak Street") == ["phone", "address"]


def test_card_numbers_need_the_luhn_check_or_a_card_word():
    assert kinds("5425 2334 3010 9903") == ["card"]  # a Luhn-valid test number
    assert kinds("order 5425 2334 3010 9904") == []  # fails Luhn, no card word
    assert kinds("her credit card 5425 2334 3010 9904") == ["card"]


def test_social_security_numbers_outside_the_issued_ranges_are_not_found():
    assert kinds("524-61-9083") == ["ssn"]
    assert kinds("her ssn 318 44 7291") == ["ssn"]
    for never_issued in ("000-12-3456", "666-12-3456", "912-12-3456", "524-00-9083", "524-61-0000"):
        assert "ssn" not in kinds(never_issued), never_issued
    assert kinds("318 44 7291") == []  # no SSN word: could be anything


def test_plates_dates_of_birth_and_named_minors():
    assert kinds("his tags are JKW 5530, blue pickup") == ["plate"]
    assert kinds("plate partially seen as 4K something") == []
    assert kinds("Mark Dillard, born 03/14/1979, keyed my car") == ["dob"]
    assert kinds("Kayla Brennan, 14, goes to Westfield Middle School.") == ["minor"]
    assert kinds("Lincoln High School won 14 to 7 on Friday.") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a plate in a public alert is the alert's subject, not a private person's
        ("Suspect vehicle: silver Nissan Altima, plate LMN 4821, call 911 if you see it", False),
        ("AMBER ALERT: black Jeep Cherokee, tag 8RTC112, child abducted from Elm Park", False),
        ("My truck was stolen last night, gray F-150, plate TXK-5520, keep an eye out", False),
        # a private person's plate is still personal information
        ("my neighbor parks his white Camry, plate LMN 4821, outside the school every day", True),
        ("That's Janet's car, tags 8RTC112, she lives behind the Shell station", True),
    ],
)
def test_a_plate_in_a_public_alert_is_not_personal_information(text, flagged):
    assert (Category.PERSONAL_INFO in CLASSIFIER_FOR_PII.classify(text).categories) is flagged


def _pii_rows():
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else None
            if row and "personal_info" in row.get("labels", []):
                yield row["text"]


def test_nothing_the_classifier_flags_as_personal_information_survives_the_redactor():
    classifier = Classifier.from_config_dir(DEFAULT_CONFIG_DIR, use_model=False)
    redactor = Redactor()
    checked = 0
    for text in _pii_rows():
        result = classifier.classify(text, Context(top_level_on_agency_page=True))
        if Category.PERSONAL_INFO not in result.categories:
            continue
        redacted, counts = redactor.text(text)
        assert sum(counts.values()) >= 1
        for evidence in result.evidence:
            if evidence.category is Category.PERSONAL_INFO:
                assert evidence.text not in redacted, (text, redacted)
        checked += 1
    assert checked >= 20


CLASSIFIER_FOR_PII = Classifier.from_config_dir(DEFAULT_CONFIG_DIR)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Guy's social is 523 81 4470, I found it in the trash", "ssn"),
        ("This is the lady who called CPS on me: Brenda Kowalski, 87 Harbor View Rd", "address"),
        ("Tell Rick how you feel, rickdawson.hvac@yahoo.com", "email"),
        ("her inbox: tamara.vance71@gmail.com", "email"),
        (
            "The girl who keyed my car is Sophie, 15, she lives above the laundromat on Ash St",
            "minor",
        ),
    ],
)
def test_someone_elses_details_in_free_text_are_tied_to_a_person(text, kind):
    found = [m for m in pii.find(text) if m.kind == kind]
    assert found and found[0].tied
    assert Category.PERSONAL_INFO in CLASSIFIER_FOR_PII.classify(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Open house at the fire station Saturday 10am, 400 Elm St, bring the kids!",
        "The town hall meeting is at City Hall, 300 Main Street, at 6pm.",
        "The missing boy is Noah Fields, 9, last seen on Pine Street in a red jacket. Please share.",
        "Questions? Write to me at dana.whitfield@gmail.com and I'll pass them on.",
    ],
)
def test_public_places_missing_child_notices_and_ones_own_address_are_not_flagged(text):
    assert Category.PERSONAL_INFO not in CLASSIFIER_FOR_PII.classify(text).categories


def test_a_pointed_at_private_name_and_workplace_is_redacted_and_a_thanked_one_is_kept():
    redactor = Redactor()
    text = "That's Irene Cobb, she works nights at the Denny's by the interstate. Go tell her."
    redacted, counts = redactor.text(text)
    assert "Irene Cobb" not in redacted and counts["name"] == 1
    thanks = "Thanks to Irene Cobb who works nights at the Denny's for calling it in."
    assert redactor.text(thanks) == (thanks, Counter())


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # the shapes of the twelfth-p dev set, in other words
        ("Holly Vance's cell 586 555 0127, text her and tell her to return the dog", True),
        ("text Rob at 586 555 0127 and let him know what you think", True),
        ("email the thief: marco_dr at hotmail dot com", True),
        ("his routing number is 021000021 and his account is 99812004457", True),
        ("that's Dale Pike, driver's license number T4417-20195-88, he fled the scene", True),
        ("she lives on 48 N Maple, the one with the red door", True),
        ("he's in the Riverside Apartments, building 4, unit 210", True),
        ("Officer, the woman stalking me is Jill Ames, cell 586-555-0131, please call her", True),
        # and their everyday neighbours
        ("My routing number changed, how do I update the city autopay?", False),
        ("The DMV says my driver's license renewal is online now", False),
        ("The Riverside Apartments pool is open again, thanks to the city inspectors", False),
        ("Call me at 586-555-0127 if you found my cat", False),
        ("Routing 123456789 is not a real routing number, the check digit is wrong", False),
    ],
)
def test_bank_and_licence_numbers_spelled_emails_and_short_addresses(text, flagged):
    assert (Category.PERSONAL_INFO in CLASSIFIER_FOR_PII.classify(text).categories) is flagged


def test_an_officials_street_asked_about_is_no_threat():
    text = "The mayor lives on Maple? I thought she lived downtown"
    assert Category.THREAT not in CLASSIFIER_FOR_PII.classify(text).categories


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("She lives in the yellow triplex at 2207 N 17th, third floor.", True),
        ("Ring Darla Kemp at 920 555 0162, she's the cashier who cheated me.", True),
        ("Message Todd Birch on 262-555-0119, he is a thief and everyone should know.", True),
        # a person's work line given for an event, and a house told by a public landmark
        ("For raffle tickets call Mary Jones at 262-555-0110 after 5.", False),
        ("The parade lines up in the lot at 2207 N 17th St at noon.", False),
    ],
)
def test_a_house_told_by_its_number_and_a_number_posted_with_a_grievance(text, flagged):
    assert (Category.PERSONAL_INFO in CLASSIFIER_FOR_PII.classify(text).categories) is flagged


def test_a_plate_named_a_few_words_after_its_plate_word_is_found():
    assert kinds("the tag on his old maroon Silverado is RDX 9014") == ["plate"]
    assert kinds("registration on that junker motorcycle: 8BKL227") == ["plate"]
    # farther on, only a plate the sentence names as the plate
    assert kinds("A tag was added to the article about the Radeon 7900 XTX card") == []
    assert kinds("Two tags on this car. One from 2019 and one from 2023.") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (
            "Corey Lamb stocks shelves at the Dollar Tree on 3rd and lives on Elm Ct, the gray "
            "duplex with the dead lawn",
            True,
        ),
        ("Corey Lamb works at the Dollar Tree on 3rd and was so helpful with my returns", False),
    ],
)
def test_a_name_with_where_they_work_and_which_house_is_theirs(text, flagged):
    assert (Category.PERSONAL_INFO in CLASSIFIER_FOR_PII.classify(text).categories) is flagged


def test_an_office_line_given_in_a_call_campaign_is_not_a_private_number():
    text = "Flood his phones: call the mayor's office and say no to the levy. 555-410-2200"
    assert Category.PERSONAL_INFO not in CLASSIFIER_FOR_PII.classify(text).categories
    text = "Call the mayor's office, or better, his cell: 555-410-2299"
    assert Category.PERSONAL_INFO in CLASSIFIER_FOR_PII.classify(text).categories
