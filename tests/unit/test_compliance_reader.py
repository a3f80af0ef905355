"""The structure-aware reader: lists with their lead-ins, headings, HTML and PDF policies,
phone numbers and domains read with libraries, and risky wording judged in context."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

from page_governor.compliance.blocks import blocks_from_html, blocks_from_text, pdf_text
from page_governor.compliance.checker import check_fields, find_phones, on_domains
from page_governor.compliance.linked import LinkedPageFetcher
from page_governor.compliance.policy import load_policy
from page_governor.config import DEFAULT_CONFIG_DIR

POLICY = load_policy(DEFAULT_CONFIG_DIR)


def check(**fields: str):
    return check_fields(fields, POLICY, official_domains=["anytown.example"])


def warning_ids(text: str) -> set[str]:
    """The ids of the risky-wording warnings a one-field profile raises."""
    return {w.id for w in check(about=text).warnings}


def test_a_list_item_is_read_with_its_lead_in_and_the_evidence_names_the_block():
    report = check(
        description="Comments may be removed if they contain:\n• obscene language\n• spam\n"
    )
    result = report.elements["moderation_policy"]
    assert result.passed
    assert result.evidence == "Comments may be removed if they contain: obscene language"
    assert result.block == "list item after 'Comments may be removed if they contain:'"


def test_a_heading_followed_by_a_list_is_read_with_the_heading():
    text = "Comments that will be removed\n- vulgar or obscene language\n- threats\n"
    blocks = blocks_from_text(text)
    assert [b.kind for b in blocks] == ["heading", "item", "item"]
    assert check(description=text).elements["moderation_policy"].passed


def test_a_sentence_announcing_the_following_is_the_lead_in_of_the_list_after_it():
    text = (
        "The County's pages connect residents with County departments. Content containing any "
        "of the following is not allowed.\n• Profane language or content\n• Solicitations\n"
    )
    result = check(description=text).elements["moderation_policy"]
    assert result.passed
    assert result.evidence.startswith("Content containing any of the following is not allowed")


def test_an_item_alone_is_not_a_policy():
    assert (
        not check(description="• obscene language\n• threats").elements["moderation_policy"].passed
    )


def test_numbered_and_lettered_items_and_capital_headings():
    text = "PROHIBITED CONTENT\nThe following may be hidden:\n1. Obscenities\nb) Threats\n"
    kinds = [(b.kind, b.text) for b in blocks_from_text(text)]
    assert kinds[0] == ("heading", "PROHIBITED CONTENT")
    assert ("item", "Obscenities") in kinds and ("item", "Threats") in kinds


def test_html_policy_pages_keep_headings_and_lists():
    html = (
        "<h2>Comments</h2><p>We may hide comments that contain:</p>"
        "<ul><li>profanity</li><li>personal attacks</li></ul><script>var x='911';</script>"
    )
    blocks = blocks_from_html(html)
    assert [b.kind for b in blocks] == ["heading", "paragraph", "item", "item"]
    assert blocks[2].lead_in == "We may hide comments that contain:"
    report = check(**{"linked:https://anytown.example/policy": html})
    assert report.elements["moderation_policy"].passed
    assert not report.elements["emergency_contact"].passed  # script text is not read


@pytest.mark.parametrize(
    "text",
    [
        "Here you will find news releases, traffic advisories and safety tips.",
        "We serve the residents of Anytown with pride.",
        "Follow us for the latest on road closures and events.",
        "Fire safety, recruitment & station life",
    ],
)
def test_a_purpose_written_as_a_mission_or_welcome_counts(text):
    assert check(about=text).elements["purpose_statement"].passed


@pytest.mark.parametrize(
    "text",
    ["Keeping Anytown safe since 1871.", "We will hide comments that share personal information."],
)
def test_mottos_and_moderation_rules_are_not_a_purpose(text):
    assert not check(about=text).elements["purpose_statement"].passed


@pytest.mark.parametrize(
    "text",
    [
        "Managed by the Public Information Office.",
        "This page is run by the Anytown Police Department.",
        "Anytown Police Department | official",
        # transit authorities, libraries and health departments write it their own way
        "The Anytown Library's presence on social media lets us share story times.",
        "ATPHD-hosted social media profiles and pages are monitored by staff.",
        "Content posted on ATPHD's social media accounts belongs to the public.",
        "The Anytown Public Health Center (APHC) maintains social media pages for residents.",
        "The library does not permit spam on its Facebook page.",
        "ATTA uses social media to tell riders about detours.",
        "Posts made by the Sheriff's Office to our Facebook and Twitter pages are news.",
    ],
)
def test_maintained_by_written_the_way_pages_write_it(text):
    assert check(about=text).elements["maintained_by_agency"].passed


@pytest.mark.parametrize(
    "text,found",
    [
        ("Non-emergency: (555) 201-4400", True),
        ("Call +44 20 7946 0958 ext. 12", True),
        ("Report aggressive drivers: 1-800-TROOPER", True),
        ("Dial 311 for city services", True),
        ("Emergencies: 911", False),
        ("Serving since 1902", False),
    ],
)
def test_phone_numbers_are_read_with_phonenumbers(text, found):
    assert bool(find_phones(text)) is found


def test_official_domains_are_matched_with_the_public_suffix_list():
    assert on_domains("www.anytown.gov", ["anytown.gov"])
    assert on_domains("police.anytown.gov", ["anytown.gov"])
    assert not on_domains("anytown.gov.evil.com", ["anytown.gov"])
    assert not on_domains("evilanytown.gov", ["anytown.gov"])
    assert not on_domains("anytown.gov", ["gov"])  # a public suffix is never an agency's domain
    assert not on_domains("sheriff.co.harris.tx.us", ["tx.us"])


@pytest.mark.parametrize(
    "text,warned",
    [
        ("Comments we find inappropriate may be removed at our discretion.", True),
        ("Negative comments will be deleted.", True),
        ("Repeat offenders will be blocked.", True),
        ("We may remove inappropriate content, such as:\n1. obscenity\n2. threats", False),
        ("Inappropriate content, such as obscenity, threats or spam, will be hidden.", False),
        ("The City is not liable for offensive material posted by users.", False),
        ("Off-topic comments may be removed.", False),
        ("Spam accounts will be blocked.", False),
        (
            "The following are examples of unacceptable content. This list is not complete:\n"
            "1. Obscene language\n2. Threats",
            False,
        ),
        ("Profane posts may end up with the comment being blocked by the profanity filter.", False),
        ("Comments with profanity would be blocked by the platform's filter.", False),
        ("Violators may end up being banned from the page.", True),
        ("The Board does not intend to create a public or limited public forum.", True),
        ("Accounts operate as a non-public forum or as a limited public forum.", False),
        ("Our pages are moderated discussion spaces and not public forums.", True),
        ("A commenter who breaks these rules may be barred from posting.", True),
        ("We will permanently block site access to anyone who keeps doing so.", True),
        ("We may remove unproven or false accusations against staff.", True),
        ("Offensive comments that target a religious group will be hidden.", False),
        ("It is not our intent to provide a venue or forum for unlimited comments.", True),
        ("Repeat violations may result in being \u201cbanned\u201d from the page.", True),
        ("We do not allow negative or personal attacks of any kind.", True),
        ("Staff never block users because of what they say.", False),
        ("Moderators may not ban commenters from this page.", False),
        ("We welcome every view, including critical comments about the Department.", False),
        ("Critical comments will be hidden.", True),
        ("Posts that contain false or defamatory statements may be removed.", True),
        ("We may delete comments that are rude, repetitive or inaccurate.", True),
        ("Please tell us if something on this page is inaccurate.", False),
        ("Content that would offend community standards of taste and decency.", True),
        ("Our accounts are not meant to be public forums.", True),
        ("Anyone who ignores these rules twice loses their commenting privileges.", True),
        ("Their commenting privileges may be suspended for a month.", True),
        ("After a third warning you will be removed from the group.", True),
        ("Breaking the rules leads to permanent removal from our pages.", True),
        ("Comments that break the rules may be removed from the page.", False),
        ("Repeated violations may cause the user to be banned from our pages.", True),
        (
            "We may remove speech unprotected by the First Amendment that we deem inappropriate.",
            False,
        ),
        ("Defamatory posts (false statements that harm a person's reputation) are removed.", False),
        ("Derogatory or offensive content will be taken down.", True),
        ("Disparaging comments directed at staff or the Department may be removed.", True),
        ("We remove derogatory terms that target a person's race or religion.", False),
        (
            "Rude or inappropriate posts detract from the discussion. We remove threats:\n- threats",
            False,
        ),
        ("Posts with false or misleading information will be hidden.", True),
        ("The Town may deny access to its pages to any user who breaks these rules.", True),
        ("Posts that reflect poorly on Town staff will be hidden.", True),
        ("We remove sexually offensive images and threats.", False),
    ],
)
def test_risky_wording_is_judged_in_context(text, warned):
    warnings = check(description=text).warnings
    assert bool(warnings) is warned, warnings
    for warning in warnings:
        assert warning.phrase and warning.case and warning.note


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF with one line of text in Helvetica (hand-built, as PDF writers do)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


class _PdfPolicy(http.server.BaseHTTPRequestHandler):
    body = minimal_pdf("All comments are subject to the Public Records Act.")

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def pdf_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _PdfPolicy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/social-media-policy.pdf"
    server.shutdown()
    server.server_close()


def test_a_linked_pdf_policy_is_read_with_pypdf(pdf_server):
    fetcher = LinkedPageFetcher(timeout=5)
    try:
        text = fetcher(pdf_server)
    finally:
        fetcher.close()
    assert text and "Public Records Act" in text
    report = check(**{f"linked:{pdf_server}": text})
    assert report.elements["public_records_notice"].passed


def test_an_unreadable_pdf_gives_no_text_instead_of_an_error():
    assert pdf_text(b"%PDF-1.4 this is not really a pdf") == ""


def test_fixes_for_short_bios_are_short_lines_with_a_link_to_the_full_policy():
    from page_governor.compliance.fixes import PROFILE_LIMITS, suggested_fix

    for rule in POLICY.elements:
        for platform, limit in PROFILE_LIMITS.items():
            fix = suggested_fix(rule, agency="Anytown PD", domain="anytown.gov", platform=platform)
            assert len(fix) <= limit, (rule.id, platform, fix)
    moderation = POLICY.element("moderation_policy")
    short = suggested_fix(moderation, agency="Anytown PD", domain="anytown.gov", platform="x")
    assert "anytown.gov" in short
    full = suggested_fix(moderation, agency="Anytown PD", domain="anytown.gov", platform="facebook")
    assert full == moderation.suggested_text.strip() and len(full) > 160


@pytest.mark.parametrize("agency", [None, "Springfield PD", "The Springfield Police Department"])
def test_suggested_fixes_never_say_the_the(agency):
    from page_governor.compliance.fixes import suggested_fix

    for rule in POLICY.elements:
        for platform in (None, "x"):
            fix = suggested_fix(rule, agency=agency, platform=platform).lower()
            assert "the the " not in fix and "official the " not in fix, fix


@pytest.mark.parametrize(
    "text",
    [
        # a list whose items are set apart by blank lines, with square bullets
        "Posts may be hidden when they include any of the following:\n\n\u25a0 threats,\n\n"
        "\u25a0 obscene material.",
        # "etc." inside the lead-in is no sentence end
        "We may remove any content (photos, links, etc.) that breaks these rules, including:\n"
        "1. Profanity or vulgar language\n2. Personal attacks",
        # comments held back before they appear
        "We will not post comments that include:\n- Profanity\n- Off-topic remarks",
        "The library does not permit communications that are:\n- Racist\n- Menacing to others",
    ],
)
def test_moderation_rules_in_the_layouts_of_real_policy_pages(text):
    assert check(description=text).elements["moderation_policy"].passed


def test_a_list_after_a_blank_line_keeps_its_lead_in_but_a_new_paragraph_does_not():
    blocks = blocks_from_text("Removed if they contain:\n\n- spam\n\nThanks for reading.\n- x")
    items = [b for b in blocks if b.kind == "item"]
    assert items[0].lead_in == "Removed if they contain:"
    assert items[1].lead_in is None


@pytest.mark.parametrize(
    ("text", "element", "passed"),
    [
        (
            "ATTA uses social media platforms, such as Facebook, as a means of communicating with "
            "riders.",
            "purpose_statement",
            True,
        ),
        (
            "The goal of the Anytown Public Health Department (APHD) is to disseminate health "
            "information.",
            "purpose_statement",
            True,
        ),
        (
            "APHD does not necessarily endorse, support or agree with third party comments, "
            "information, products or services.",
            "purpose_statement",
            False,
        ),
        (
            "We sometimes restrict comments so that emergency information reaches the public.",
            "purpose_statement",
            False,
        ),
        (
            "APHD does not necessarily endorse, support, sanction, verify or agree with Third Party "
            "comments, messages or posts.",
            "opinions_disclaimer",
            True,
        ),
        (
            "All content published is subject to preservation and disclosure under state law.",
            "public_records_notice",
            True,
        ),
    ],
)
def test_purpose_disclaimer_and_records_as_health_and_transit_agencies_write_them(
    text, element, passed
):
    assert check(about=text).elements[element].passed is passed


def test_limiting_posts_to_those_that_relate_to_the_agencys_posts_is_a_moderation_policy():
    text = "We reserve the right to limit posts to those which directly relate to our postings."
    assert check(about=text).elements["moderation_policy"].passed


def test_a_records_law_named_as_an_exception_is_no_records_notice():
    text = (
        "Comments may be removed if they contain:\n- personal information of any person, "
        "except as allowed under the Freedom of Information Act"
    )
    assert not check(description=text).elements["public_records_notice"].passed


def test_a_sentence_pointing_back_at_the_list_above_is_read_with_its_items():
    text = (
        "Community rules\n"
        "- Stay on the topic of the post\n"
        "- No obscene language or personal attacks\n"
        "Posts that break the rules above may be hidden by staff.\n"
    )
    result = check(about=text).elements["moderation_policy"]
    assert result.passed
    assert result.evidence.startswith("Posts that break the rules above may be hidden by staff: ")
    assert "obscene language" in result.evidence


def test_a_sentence_that_does_not_point_back_is_not_read_with_the_list():
    text = "Our pages\n- Facebook\n- Instagram\nPosts may be hidden by staff.\n"
    blocks = blocks_from_text(text)
    assert blocks[-1].list_before == "Facebook; Instagram"
    assert not any("Facebook" in reading for reading in blocks[-1].readings())
    assert not check(about=text).elements["moderation_policy"].passed


def test_an_item_under_a_removal_lead_in_is_no_purpose_statement():
    text = (
        "Staff will delete comments that:\n"
        "- advertise products, services and events\n"
        "- contain profanity\n"
    )
    assert not check(about=text).elements["purpose_statement"].passed


@pytest.mark.parametrize(
    ("text", "element"),
    [
        ("Our page is staffed from 9 a.m. to 5 p.m. on weekdays.", "not_monitored_247"),
        (
            "Moderation of comments takes place during normal business hours only.",
            "not_monitored_247",
        ),
        ("The Town uses Facebook and Instagram to share news.", "maintained_by_agency"),
        ("The Water Authority's use of social media is a public service.", "maintained_by_agency"),
        ("Off-topic posts will be hidden from the Town's social media.", "maintained_by_agency"),
        ("Welcome to the Parks System's managed social media pages.", "maintained_by_agency"),
    ],
)
def test_hours_and_who_runs_the_page_as_cities_parks_and_fire_districts_write_them(text, element):
    assert check(about=text).elements[element].passed


def test_the_towns_social_media_policy_alone_is_not_a_statement_of_who_runs_the_page():
    assert (
        not check(about="Read the Town's social media policy before posting.")
        .elements["maintained_by_agency"]
        .passed
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Open from 8 a.m. to 4:30 p.m. Monday thru Friday.",
            ["Open from 8 am to 4:30 pm Monday thru Friday."],
        ),
        (
            "We close at 5 p.m. Call 911 for emergencies.",
            ["We close at 5 p.m.", "Call 911 for emergencies."],
        ),
    ],
)
def test_clock_times_do_not_end_a_sentence_unless_a_new_one_starts(text, expected):
    from page_governor.compliance.text import sentences

    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "element", "passed"),
    [
        (
            "Posts with profanity or personal attacks will not be published or will be removed.",
            "moderation_policy",
            True,
        ),
        (
            "The State Highway Agency (SHA) uses social media (Facebook, X and YouTube) to share "
            "travel alerts with drivers.",
            "purpose_statement",
            True,
        ),
        (
            "The State Highway Agency (SHA) uses social media every day.",
            "maintained_by_agency",
            True,
        ),
        (
            "Our social media channels offer a place for residents to ask about road work.",
            "purpose_statement",
            True,
        ),
        (
            "Comments here are reviewed by staff of the accounts run by the College.",
            "maintained_by_agency",
            True,
        ),
        ("The University's social media accounts share campus news.", "maintained_by_agency", True),
        (
            "The Agency does not endorse any links posted in comments by visitors.",
            "opinions_disclaimer",
            False,
        ),
        (
            "A comment asking for documents will not be considered a public records request.",
            "public_records_notice",
            False,
        ),
        (
            "The Village does not allow comments that are obscene or defamatory.",
            "moderation_policy",
            True,
        ),
        (
            "The purpose of the comment-enabled pages is to facilitate a civil dialogue with residents.",
            "purpose_statement",
            True,
        ),
        (
            "We do not endorse any views or commentary posted by others.",
            "opinions_disclaimer",
            True,
        ),
        ("We do not actively monitor our social media sites.", "not_monitored_247", True),
    ],
)
def test_state_agency_and_university_wording(text, element, passed):
    assert check(about=text).elements[element].passed is passed


def test_a_hard_wrapped_paragraph_is_read_as_one_sentence():
    text = (
        "The Township does not necessarily agree with comments, opinions or\n"
        "statements that visitors post on this page.\n"
        "Posts may be hidden when they include any of\n"
        "the following:\n"
        "- obscene language\n"
    )
    assert [b.kind for b in blocks_from_text(text)] == ["paragraph", "paragraph", "item"]
    report = check(about=text)
    assert report.elements["opinions_disclaimer"].passed
    assert report.elements["moderation_policy"].passed


def test_a_heading_and_short_lines_are_not_joined_to_what_follows():
    text = "PURPOSE\nTo share news with residents.\nGoals\nMore text here for residents."
    assert [b.kind for b in blocks_from_text(text)][:2] == ["heading", "paragraph"]


@pytest.mark.parametrize(
    ("text", "element", "passed"),
    [
        ("Our pages are not to be used to report a crime in progress.", "emergency_contact", True),
        (
            "These pages will not serve as an official means of requesting service. This is "
            "the official Facebook page of the Anytown Police Department.",
            "maintained_by_agency",
            True,
        ),
        ("Questions from the press will not be answered here.", "not_monitored_247", False),
        (
            "A reply left by a resident on this official page is the opinion of the "
            "commentator alone.",
            "opinions_disclaimer",
            True,
        ),
        (
            "All posts are reviewed by staff for compliance with our terms of use.",
            "moderation_policy",
            True,
        ),
        (
            "The Office may delete any post found to be in violation of the posted rules.",
            "moderation_policy",
            True,
        ),
    ],
)
def test_police_and_sheriff_wording(text, element, passed):
    assert check(about=text).elements[element].passed is passed


def test_a_removal_right_and_the_rules_in_separate_sentences_make_a_moderation_policy():
    rules = "Please keep your comments on-topic and avoid profanity."
    right = "The Department may remove comments at its discretion."
    assert check(about=f"{rules}\n\nOther news.\n\n{right}").elements["moderation_policy"].passed
    # the rules alone, without any removal, are no moderation policy, nor is a split pair
    # across two fields
    assert not check(about=rules).elements["moderation_policy"].passed
    assert not check(about=rules, description=right).elements["moderation_policy"].passed


@pytest.mark.parametrize(
    ("text", "element", "passed"),
    [
        (
            "Remarks left by members of the public are not to be taken as the views of the "
            "Township.",
            "opinions_disclaimer",
            True,
        ),
        (
            "The Village cannot always reply promptly to messages left here.",
            "not_monitored_247",
            True,
        ),
        ("Staff answer questions only during regular office hours.", "not_monitored_247", True),
        ("Messages sent here are not guaranteed a reply.", "not_monitored_247", True),
        ("We will respond to every question within the hour.", "not_monitored_247", False),
        (
            "District-administered social media pages follow these rules.",
            "maintained_by_agency",
            True,
        ),
    ],
)
def test_county_and_township_wording(text, element, passed):
    assert check(about=text).elements[element].passed is passed


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        # posters asked to avoid giving offence: an expectation, not a rule for removing
        ("Posts should be civil and please avoid anything rude or offensive.", False),
        ("Please avoid offensive posts; we will remove them.", True),
        # a penalty for people, however it is worded
        ("Breaking these rules may result in the repeat user being suspended or banned.", True),
    ],
)
def test_expectations_and_penalties_are_warned_about_as_counsel_would(text, warned):
    report = check(about=text)
    ids = {w.id for w in report.warnings}
    assert bool(ids & {"offensive", "blocking_users"}) is warned


@pytest.mark.parametrize(
    ("text", "element", "passed"),
    [
        # Facebook once called every Page a "fan page": the agency's own is still its page
        (
            "This Facebook fan page was set up by the Police Department to share news with "
            "residents.",
            "maintained_by_agency",
            None,
        ),
        (
            "This Facebook fan page was set up by the Police Department to share news with "
            "residents.",
            "purpose_statement",
            True,
        ),
        ("The Department moderates its fan page for the safety of fan page visitors.", None, None),
        ("A fan page for the Anytown Police, run by supporters.", "maintained_by_agency", False),
        (
            "The Anytown Fire District (AFD) social media accounts carry district news.",
            "maintained_by_agency",
            True,
        ),
        (
            "Page managers have sole discretion to reply or not reply to messages.",
            "not_monitored_247",
            True,
        ),
        (
            "The Department will only answer questions posted on its Facebook page(s) during "
            "normal business hours.",
            "not_monitored_247",
            True,
        ),
        (
            "Posts will be hidden when the content is off-subject or contains obscenity.",
            "moderation_policy",
            True,
        ),
        (
            "This page is not a channel for public records requests; send them to the Clerk.",
            "public_records_notice",
            False,
        ),
        (
            "Please submit public records requests to the City Clerk's office.",
            "public_records_notice",
            False,
        ),
        (
            "All comments may be released in response to public records requests.",
            "public_records_notice",
            True,
        ),
    ],
)
def test_police_fire_and_records_wording_from_the_twelfth_batch(text, element, passed):
    report = check(about=text)
    if element is None:
        assert "contradicted" not in (report.elements["maintained_by_agency"].reason or "")
    elif passed is None:
        assert "contradicted" not in (report.elements[element].reason or "")
    else:
        assert report.elements[element].passed is passed


@pytest.mark.parametrize(
    ("text", "warning", "warned"),
    [
        ("We delete comments containing derogatory, crude or abusive language.", "negative", True),
        (
            "We delete derogatory, crude or abusive language that targets a religion.",
            "negative",
            False,
        ),
        (
            "Comments with knowingly or unknowingly false or misleading claims are deleted.",
            "misinformation",
            True,
        ),
        (
            "Users who break these guidelines may have their posts and privileges revoked.",
            "blocking_users",
            True,
        ),
        ("We remove insulting remarks aimed at other commenters.", "offensive", False),
        (
            "Inappropriate posts are removed for breaking the rules as listed below:\n"
            "• Obscene language\n• Threats",
            "offensive",
            False,
        ),
        ("Comments the page manager finds inappropriate are removed.", "offensive", True),
    ],
)
def test_risky_wording_written_as_the_twelfth_batch_writes_it(text, warning, warned):
    wid = "negative_or_derogatory" if warning == "negative" else warning
    assert (wid in warning_ids(text)) is warned


def test_an_item_that_announces_the_items_after_it_is_their_lead_in():
    text = (
        "- Comments: We welcome questions. Posts may be hidden when they contain any of:\n"
        "- Obscene or vulgar language\n"
        "- Threats against any person\n"
    )
    assert check(about=text).elements["moderation_policy"].passed
    html = (
        "<ul><li>Comment rules: we may hide comments that contain:</li>"
        "<li>Obscene language</li><li>Personal attacks</li></ul>"
    )
    blocks = [b for b in blocks_from_html(html) if b.kind == "item"]
    assert blocks[1].lead_in == "Comment rules: we may hide comments that contain:"
    assert (
        check(**{"linked:https://anytown.example/rules": html}).elements["moderation_policy"].passed
    )
    # items that announce nothing leave the list as it was
    plain = "- News about road work\n- Obscene language\n"
    assert not check(about=plain).elements["moderation_policy"].passed


@pytest.mark.parametrize(
    ("text", "warning", "warned"),
    [
        ("We ask that posts stay polite, on topic and non-offensive.", "offensive", False),
        ("We may remove non offensive but off-topic posts.", "offensive", False),
        ("Repeat violators: we may block that person from the page.", "blocking_users", True),
        (
            "We delete spam comments and may block repeat offenders from the page.",
            "blocking_users",
            True,
        ),
        ("Bots and fake accounts will be banned.", "blocking_users", False),
    ],
)
def test_risky_wording_written_as_the_thirteenth_batch_writes_it(text, warning, warned):
    assert (warning in {w.id for w in check(about=text).warnings}) is warned


def test_a_privacy_notice_about_personal_information_is_no_purpose_statement():
    text = (
        "Personal information you post in reply to a Town post is not collected by the Town "
        "under the privacy act."
    )
    assert not check(about=text).elements["purpose_statement"].passed


@pytest.mark.parametrize(
    ("text", "element", "passed"),
    [
        # the shapes of the twelfth-d tuning set, in other words
        (
            "Stay in touch with the Harbor Police for boating alerts and dock news.",
            "purpose_statement",
            True,
        ),
        (
            "Keep up to date with Millbrook Public Works on snow routes and trash pickup.",
            "purpose_statement",
            True,
        ),
        ("Stay connected with your neighbors.", "purpose_statement", False),
        ("Posts that include profanity, threats or spam are removed.", "moderation_policy", True),
        ("Spam gets deleted, and so do personal attacks.", "moderation_policy", True),
        ("Threats are taken seriously: call 911.", "moderation_policy", False),
    ],
)
def test_purpose_and_moderation_wording_of_the_twelfth_d_tuning_set(text, element, passed):
    assert check(about=text).elements[element].passed is passed


@pytest.mark.parametrize(
    ("text", "element", "passed"),
    [
        # the shapes of the twelfth-e tuning set, in other words
        (
            "Updates on snow removal, recycling days and library hours for Fairview families.",
            "purpose_statement",
            True,
        ),
        ("Town of Elgin - official account bringing you road news.", "purpose_statement", True),
        ("Official warnings: floods, boil notices and evacuations.", "purpose_statement", True),
        ("Pictures, videos & news from around the county.", "purpose_statement", True),
        ("Information: call 555-210-3000.", "purpose_statement", False),
        ("Town of Elgin official updates", "maintained_by_agency", True),
        ("We are not on here around the clock.", "not_monitored_247", True),
        ("We are available 24/7 at 911.", "not_monitored_247", False),
        ("People who comment speak only for themselves.", "opinions_disclaimer", True),
        ("Our chief speaks for the department.", "opinions_disclaimer", False),
    ],
)
def test_purpose_and_disclaimer_wording_of_the_twelfth_e_tuning_set(text, element, passed):
    assert check(about=text).elements[element].passed is passed


def test_a_list_of_rules_and_a_line_that_hidden_posts_break_them_make_a_moderation_policy():
    report = check(
        description="Page rules\n- no cursing\n- no insults\n- stay on topic\n"
        "Comments that break the page rules are hidden."
    )
    assert report.elements["moderation_policy"].passed
    alone = check(description="Comments that break the page rules are hidden.")
    assert not alone.elements["moderation_policy"].passed


@pytest.mark.parametrize(
    "text",
    [
        "Staff may take down replies that cross the line. Such replies include:\n"
        "• cursing\n• threats of violence\n• ads",
        "The county can remove comments.\nThese are:\n1. obscene remarks\n2. spam",
        "<p>The district may hide posts.</p><p>Examples:</p><ul><li>personal attacks</li>"
        "<li>posts that are off topic</li></ul>",
    ],
)
def test_a_lead_in_that_points_back_is_read_with_the_sentence_it_points_at(text: str) -> None:
    result = check(description=text).elements["moderation_policy"]
    assert result.passed, result.reason
    assert ";" in (result.evidence or "")  # the removal and the lead-in, joined


def test_a_lead_in_that_does_not_point_back_is_read_alone() -> None:
    blocks = blocks_from_text("We post road closures.\nComment rules:\n- no spam")
    item = next(b for b in blocks if b.kind == "item")
    assert item.lead_in == "Comment rules:"
    pointing = blocks_from_text("We may hide posts.\nThese include:\n- spam")
    assert next(b for b in pointing if b.kind == "item").lead_in == (
        "We may hide posts. These include:"
    )


@pytest.mark.parametrize(
    ("text", "element", "passed"),
    [
        # a purpose said as what the page presents or highlights
        (
            "The purpose of this page is to highlight the work of our crossing guards.",
            "purpose_statement",
            True,
        ),
        (
            "The purpose of this page is to present budget hearings and road projects to residents.",
            "purpose_statement",
            True,
        ),
        ("The purpose of this rule is clear.", "purpose_statement", False),
        # the agency's own sites named with the agency as a noun before them
        ("County Facebook pages may not be used for campaign posts.", "maintained_by_agency", True),
        (
            "Please read the county social media policy before you post.",
            "maintained_by_agency",
            False,
        ),
        # a lead-in that ends with a period and points at the list below it
        (
            "Staff will hide replies as described below.\n• Obscene words\n• Threats against anyone\n",
            "moderation_policy",
            True,
        ),
    ],
)
def test_purposes_presented_county_pages_and_lists_described_below(text, element, passed):
    assert check(about=text).elements[element].passed is passed


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        (
            "Profane language or offensive words and slurs directed at a religion may be hidden.",
            False,
        ),
        ("Staff never alter posts to remove objectionable wording.", False),
        ("We delete the offensive post in its entirety rather than trimming it.", False),
        ("Posts we consider objectionable will be deleted.", True),
    ],
)
def test_offensive_judged_as_a_named_kind_or_a_way_of_deleting_not_a_standard(text, warned):
    assert ("offensive" in warning_ids(text)) is warned


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ("Repeat violators may be temporarily restricted from posting on our pages.", True),
        ("Anyone who breaks these rules can be restricted from accessing the page.", True),
        ("Users are prohibited from posting phone numbers of others.", False),
    ],
)
def test_restricting_a_person_from_the_page_is_blocking(text, warned):
    assert ("blocking_users" in warning_ids(text)) is warned


@pytest.mark.parametrize(
    ("text", "element", "passed"),
    [
        (
            "Westshire Policing's Instagram account is run from the station's front office.",
            "maintained_by_agency",
            True,
        ),
        ("The Township's social media sites follow these rules.", "maintained_by_agency", True),
        ("Read Facebook's community guidelines before posting.", "maintained_by_agency", False),
    ],
)
def test_the_agency_naming_its_own_platform_account(text, element, passed):
    assert check(about=text).elements[element].passed is passed


@pytest.mark.parametrize(
    ("text", "warning", "warned"),
    [
        (
            "Staff may hide: misleading, untrue or deceptive content about road closures.",
            "misinformation",
            True,
        ),
        (
            "Comments with false or misleading claims about the levy will be removed.",
            "misinformation",
            True,
        ),
        (
            "Moderators may hide disparaging, rude, crude, hurtful or unkind remarks.",
            "negative_or_derogatory",
            True,
        ),
        (
            "We reserve the right to block or ban any account that posts threats twice.",
            "blocking_users",
            True,
        ),
        ("We may ban the offending profile after three warnings.", "blocking_users", True),
        (
            "Please do not ban anyone from your own group for asking about our events.",
            "blocking_users",
            False,
        ),
    ],
)
def test_lists_of_vague_standards_and_banning_accounts_are_warned(text, warning, warned):
    assert (warning in warning_ids(text)) is warned


@pytest.mark.parametrize(
    ("text", "element", "passed"),
    [
        (
            "The purpose of this account is to answer questions about trash pickup.",
            "purpose_statement",
            True,
        ),
        (
            "Our Instagram page aims to give residents a look inside the station.",
            "purpose_statement",
            True,
        ),
        ("The purpose of this rule is to keep threads readable.", "purpose_statement", False),
        (
            "Comments on the Superior Court YouTube channel are reviewed first.",
            "maintained_by_agency",
            True,
        ),
        (
            "This page carries conversation between the Township and its residents.",
            "maintained_by_agency",
            True,
        ),
        (
            "Messages here are no substitute for calling 911 when someone is hurt.",
            "emergency_contact",
            True,
        ),
        (
            "Posts by the public do not: (a) reflect the views of the Borough.",
            "opinions_disclaimer",
            True,
        ),
    ],
)
def test_purposes_courts_channels_substitutes_and_numbered_disclaimers(text, element, passed):
    assert check(about=text).elements[element].passed is passed


@pytest.mark.parametrize(
    ("text", "warning", "warned"),
    [
        ("Replies with falsehoods about the fire levy will be hidden.", "misinformation", True),
        (
            "We may hide replies that:\n- Are crude, disparaging or rude\n- Sell things\n",
            "negative_or_derogatory",
            True,
        ),
        (
            "Comments making allegations of misconduct by named deputies will be removed.",
            "unsupported_accusations",
            True,
        ),
        (
            "Complaints about officer conduct go to internal affairs at the front desk.",
            "unsupported_accusations",
            False,
        ),
    ],
)
def test_falsehoods_disparaging_predicates_and_allegations_of_misconduct_are_warned(
    text, warning, warned
):
    assert (warning in warning_ids(text)) is warned


@pytest.mark.parametrize(
    ("text", "element", "passed"),
    [
        ("We set up this account so parents hear about closings first.", "purpose_statement", True),
        (
            "Ridgeville Fire: educating and protecting our neighbors since 1921.",
            "purpose_statement",
            True,
        ),
        ("Showcasing the people behind Ridgeville's water plant.", "purpose_statement", True),
        ("Your go-to for trash days and snow routes in Ridgeville.", "purpose_statement", True),
        ("Bridging the Police Department and the residents it serves.", "purpose_statement", True),
        ("Protecting lives and property is our duty.", "purpose_statement", False),
        ("Brought to you by the Ridgeville Water Utility crew.", "maintained_by_agency", True),
        ("A comment here doesn't mean the Sheriff endorses it.", "opinions_disclaimer", True),
        ("Comments aren't endorsements by the Fire District.", "opinions_disclaimer", True),
        ("Retweets are not endorsements.", "opinions_disclaimer", False),
        (
            "Rules: no swearing, no threats. Breaking them will get your post removed.",
            "moderation_policy",
            True,
        ),
        ("No swearing, no threats. Violations deleted.", "moderation_policy", True),
    ],
)
def test_missions_said_as_verbs_go_to_pages_endorsements_and_rules_with_their_penalty(
    text, element, passed
):
    assert check(about=text).elements[element].passed is passed


@pytest.mark.parametrize(
    ("text", "passed"),
    [
        ("Hydrant flushing, street sweeping and leaf collection for Ridgeville.", True),
        ("Ferry delays, dock closures & ticket changes.", True),
        ("Warrant roundups, sex offender registry updates and jail visiting rules.", True),
        ("Honor, integrity, courage and service.", False),
        ("Profanity, threats and personal attacks.", False),
        ("Your questions, concerns and ideas are welcome.", False),
        ("Chief, deputy chief and captains.", False),
        ("Room 4, Building 2 and the annex.", False),
    ],
)
def test_a_profile_line_listing_what_it_posts_is_a_purpose_and_a_motto_or_a_rule_is_not(
    text, passed
):
    assert check(about=text).elements["purpose_statement"].passed is passed


def test_reports_from_an_agency_are_not_a_call_to_911():
    text = "Hail reports, shelter openings and damage reports from Emergency Management."
    assert check(about=text).elements["purpose_statement"].passed


@pytest.mark.parametrize(
    ("text", "element", "passed"),
    [
        ("What is this account for? Snow routes and plow updates.", "purpose_statement", True),
        ("What do you post here? Lost pets and adoption days.", "purpose_statement", True),
        (
            "Who maintains this page? Staff of the Ridgeville Fire Department.",
            "maintained_by_agency",
            True,
        ),
        ("What is the page about? I have no idea.", "maintained_by_agency", False),
        ("We use this feed to flag boil-water notices.", "purpose_statement", True),
        ("Don't use this feed to report a fire.", "purpose_statement", False),
        ("This account is for the city's tree planting program.", "purpose_statement", True),
    ],
)
def test_questions_about_the_page_and_what_it_is_used_for(text, element, passed):
    assert check(about=text).elements[element].passed is passed


def test_neither_hiding_nor_keeping_a_comment_implies_agreement_is_the_opinions_disclaimer():
    text = "Neither hiding nor keeping a comment means the District agrees with it."
    assert check(about=text).elements["opinions_disclaimer"].passed


@pytest.mark.parametrize(
    ("text", "warning", "warned"),
    [
        (
            "Defamation: false or hurtful statements that damage someone's credibility.",
            "misinformation",
            False,
        ),
        ("Inappropriate Content: nudity, gore, or sexual images.", "offensive", False),
        ("We remove inappropriate content.", "offensive", True),
    ],
)
def test_labels_defined_after_a_colon_are_not_vague_standards(text, warning, warned):
    assert (warning in warning_ids(text)) is warned


@pytest.mark.parametrize(
    ("text", "element", "passed"),
    [
        ("Run by CCSO Public Affairs.", "maintained_by_agency", True),
        ("The Fire District's sole authorized Facebook page.", "maintained_by_agency", True),
        (
            "We're the Ridgeville Utilities crew and this is our account.",
            "maintained_by_agency",
            True,
        ),
        (
            "We're fans of the Ridgeville police and this is our page.",
            "maintained_by_agency",
            False,
        ),
        (
            "Replies to our posts are not official positions of the County.",
            "opinions_disclaimer",
            True,
        ),
        ("Opinions below are the commenters' own.", "opinions_disclaimer", True),
    ],
)
def test_units_by_initials_authorized_accounts_and_replies_that_are_not_positions(
    text, element, passed
):
    assert check(about=text).elements[element].passed is passed
