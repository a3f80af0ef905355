"""The web console in-process: sign-in, sessions, CSRF, roles (403 and audited), escaping,
and one real task per role through the same paths as the CLI and the bot."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from page_governor.archive.bundle_verify import verify_bundle
from page_governor.archive.store import Archive
from page_governor.compliance.service import check_page
from page_governor.db import schema as t
from page_governor.governance.registry import page_row
from page_governor.models import ItemKind, Platform, Provenance, Role
from page_governor.platforms.sample import load_bundled
from page_governor.web.app import create_app
from page_governor.web.users import add_user
from tests.helpers import poll_all, register_sample

T1, _T2 = load_bundled().timeline
PASSWORD = "correct horse battery"
PEOPLE = {
    "jane": ("Jane Park (PIO)", [Role.PIO]),
    "alvarez": ("Chief Alvarez", [Role.CHIEF]),
    "sam": ("Sam Lee (Records)", [Role.RECORDS_CLERK]),
    "ada": ("Ada Admin", [Role.ADMIN]),
}


@pytest.fixture
def console_app(app):
    app.settings = app.settings.model_copy(update={"web_https_only": False})  # plain http here
    pages = register_sample(app)
    poll_all(app, T1)
    with app.db.begin() as conn:
        for page in pages.values():
            check_page(conn, page_row(conn, page["id"]), app.policy, now=T1)
        for username, (name, roles) in PEOPLE.items():
            add_user(
                conn,
                username=username,
                name=name,
                roles=roles,
                password=PASSWORD,
                telegram_id=None,
                by="test",
                now=T1,
            )
    return app


@pytest.fixture
def client(console_app):
    with TestClient(create_app(console_app, secret_key="test-secret-key-0123456789")) as c:
        yield c


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def sign_in(client, username, password=PASSWORD):
    token = csrf_of(client.get("/login").text)
    return client.post(
        "/login",
        data={"csrf": token, "username": username, "password": password, "next": "/"},
        follow_redirects=False,
    )


def audit_actions(app, prefix):
    with app.db.connect() as conn:
        return conn.execute(
            select(t.audit_log.c.action, t.audit_log.c.actor, t.audit_log.c.subject_id)
            .where(t.audit_log.c.action.startswith(prefix))
            .order_by(t.audit_log.c.id)
        ).all()


def test_every_page_asks_for_sign_in_first(client):
    for path in ("/", "/review", "/pages", "/archive", "/audit"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"] == f"/login?next={path}"


def test_a_wrong_password_is_refused_audited_and_repeated_failures_lock_the_account(
    client, console_app
):
    assert sign_in(client, "jane", "wrong password!").status_code == 401
    assert audit_actions(console_app, "web.sign_in_failed")[0][2] == "jane"
    for _ in range(4):
        sign_in(client, "jane", "wrong password!")
    assert sign_in(client, "jane").status_code == 429  # even the right one, for a while
    assert sign_in(client, "nobody", "whatever at all").status_code == 401


def test_signing_in_starts_a_session_and_signing_out_ends_it(client):
    response = sign_in(client, "jane")
    assert response.status_code == 303 and response.headers["location"] == "/"
    page = client.get("/")
    assert "Jane Park (PIO)" in page.text and "Compliance of active pages" in page.text
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    client.post("/logout", data={"csrf": csrf_of(page.text)})
    assert client.get("/", follow_redirects=False).status_code == 303


def test_parallel_wrong_passwords_get_no_more_checks_than_the_lockout_allows(console_app):
    from concurrent.futures import ThreadPoolExecutor

    web = create_app(console_app, secret_key="test-secret-key-0123456789")
    clients = [TestClient(web) for _ in range(40)]
    tokens = [csrf_of(c.get("/login").text) for c in clients]

    def attempt(n: int) -> int:
        return (
            clients[n]
            .post(
                "/login",
                data={"csrf": tokens[n], "username": "jane", "password": "wrong password!"},
                follow_redirects=False,
            )
            .status_code
        )

    with ThreadPoolExecutor(max_workers=40) as pool:
        codes = list(pool.map(attempt, range(40)))
    assert codes.count(401) == 5 and codes.count(429) == 35
    assert len(audit_actions(console_app, "web.sign_in_failed")) == 5


def test_the_lockout_is_shared_by_every_web_process(console_app):
    first = TestClient(create_app(console_app, secret_key="test-secret-key-0123456789"))
    second = TestClient(create_app(console_app, secret_key="test-secret-key-0123456789"))
    for _ in range(5):
        assert sign_in(first, "jane", "wrong password!").status_code == 401
    assert sign_in(second, "jane").status_code == 429


def test_signing_out_ends_the_session_for_a_copied_cookie_too(client, console_app):
    sign_in(client, "jane")
    copied = dict(client.cookies)
    page = client.get("/")
    client.post("/logout", data={"csrf": csrf_of(page.text)})
    with TestClient(create_app(console_app, secret_key="test-secret-key-0123456789")) as other:
        other.cookies.update(copied)
        assert other.get("/", follow_redirects=False).status_code == 303


def test_a_session_ends_eight_hours_after_sign_in_however_busy(client, console_app):
    from datetime import timedelta

    signed_in_at = console_app.clock.now()
    sign_in(client, "jane")
    for _ in range(16):  # a request every half hour keeps it no longer
        console_app.clock.advance(timedelta(minutes=30))
        if client.get("/", follow_redirects=False).status_code != 200:
            break
    assert console_app.clock.now() - signed_in_at == timedelta(hours=8)
    assert client.get("/", follow_redirects=False).status_code == 303


def test_a_password_change_signs_out_the_sessions_of_the_old_one(client, console_app):
    from page_governor.web.users import set_password

    sign_in(client, "jane")
    assert client.get("/", follow_redirects=False).status_code == 200
    with console_app.db.begin() as conn:
        set_password(conn, "jane", "a brand new passphrase", by="cli:ada", now=T1)
    assert client.get("/", follow_redirects=False).status_code == 303


def test_a_records_clerk_sees_no_compliance_data(client):
    sign_in(client, "sam")
    dashboard, pages = client.get("/").text, client.get("/pages").text
    assert "Compliance of active pages" not in dashboard and "purpose" not in dashboard
    assert "Compliance" not in pages and "pre-check" not in pages
    client.post("/logout", data={"csrf": csrf_of(dashboard)})
    sign_in(client, "alvarez")
    assert "Compliance of active pages" in client.get("/").text
    assert "Compliance" in client.get("/pages").text


def test_a_pio_checks_a_draft_post_and_sees_published_posts_the_worker_flagged(client):
    sign_in(client, "jane")
    page = client.get("/posts")
    assert page.status_code == 200 and "Check a post before publishing" in page.text
    checked = client.post(
        "/posts",
        data={"csrf": csrf_of(page.text), "text": "Vote yes on Measure B! <script>x</script>"},
    )
    assert "political endorsement" in checked.text and "ballot measures" in checked.text
    assert "<script>x</script>" not in checked.text  # escaped, as everything else
    clean = client.post("/posts", data={"csrf": csrf_of(page.text), "text": "Road closed."})
    assert "Nothing in the draft breaks a post rule." in clean.text
    client.post("/logout", data={"csrf": csrf_of(page.text)})
    sign_in(client, "sam")  # a records clerk has no review work
    assert client.get("/posts", follow_redirects=False).status_code == 403


def test_the_queue_filters_by_status_and_an_unknown_item_is_not_found(client, console_app):
    sign_in(client, "jane")
    from page_governor.moderation.review import list_items

    with console_app.db.connect() as conn:
        first = list_items(conn, limit=1)[0]
    escalate = client.get(f"/review/{first['id']}")
    client.post(
        f"/review/{first['id']}/decide",
        data={"csrf": csrf_of(escalate.text), "decision": "escalate", "reason": "chief"},
    )
    escalated = client.get("/review?status=escalated").text
    assert f'href="/review/{first["id"]}"' in escalated and escalated.count('href="/review/') == 1
    waiting = client.get("/review").text
    assert waiting.count('href="/review/') > 1  # open and escalated together
    assert client.get("/review?status=bogus").status_code == 400
    assert client.get("/review/999999").status_code == 404


def _queue_ids(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'<td><a href="/review/(\d+)">', html)]


def test_the_queue_filters_by_category_target_page_and_waiting_time_and_pages_through(
    client, console_app
):
    from page_governor.moderation.review import WAITING, list_items

    sign_in(client, "jane")
    with console_app.db.connect() as conn:
        items = list_items(conn, status=WAITING, limit=1000)
    threats = {i["id"] for i in items if "threat" in i["categories"]}
    officials = {i["id"] for i in items if i["target"] == "official"}
    a_page = items[0]["page_key"]
    assert threats and officials
    assert set(_queue_ids(client.get("/review?category=threat").text)) == threats
    assert set(_queue_ids(client.get("/review?target=official").text)) == officials
    on_page = {i["id"] for i in items if i["page_key"] == a_page}
    assert set(_queue_ids(client.get(f"/review?page={a_page}").text)) == on_page
    # the items were flagged at T1; the console's clock reads T1 too: none waited 24 hours
    assert _queue_ids(client.get("/review?older=24").text) == []
    page = client.get("/review").text
    assert "Waiting" in page and "Flagged words" in page and "<mark>" in page
    assert client.get("/review?category=bogus").status_code == 400
    assert client.get("/review?page=nope").status_code == 400
    if len(items) > 50:
        second = _queue_ids(client.get("/review?offset=50").text)
        assert second and not set(second) & set(_queue_ids(page))


def test_a_selection_is_cleared_as_not_a_violation_one_audited_decision_per_item(
    client, console_app
):
    from page_governor.moderation.review import WAITING, list_items

    sign_in(client, "jane")
    with console_app.db.connect() as conn:
        chosen = [i["id"] for i in list_items(conn, status=WAITING, limit=3)]
    page = client.get("/review")
    response = client.post(
        "/review/bulk",
        data={
            "csrf": csrf_of(page.text),
            "item": [str(i) for i in chosen],
            "decision": "not_a_violation",
            "reason": "civic criticism, not an attack",
            "back": "/review?status=waiting",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/review?status=waiting"
    with console_app.db.connect() as conn:
        rows = conn.execute(
            select(t.review_decisions.c.review_item_id, t.review_decisions.c.decision).where(
                t.review_decisions.c.review_item_id.in_(chosen)
            )
        ).all()
    assert sorted(r[0] for r in rows) == sorted(chosen)
    assert {r[1] for r in rows} == {"not_a_violation"}
    decided = [
        a for a in audit_actions(console_app, "review.not_a_violation") if int(a[2]) in chosen
    ]
    assert len(decided) == len(chosen)


def test_a_selection_can_never_be_hidden_at_once(client, console_app):
    from page_governor.moderation.review import WAITING, list_items

    sign_in(client, "jane")
    with console_app.db.connect() as conn:
        chosen = [i["id"] for i in list_items(conn, status=WAITING, limit=2)]
    page = client.get("/review")
    response = client.post(
        "/review/bulk",
        data={"csrf": csrf_of(page.text), "item": [str(i) for i in chosen],
              "decision": "hide", "reason": "x"},
    )  # fmt: skip
    assert response.status_code == 400
    with console_app.db.connect() as conn:
        assert (
            conn.execute(
                select(t.review_decisions).where(t.review_decisions.c.review_item_id.in_(chosen))
            ).all()
            == []
        )


def test_decisions_have_keyboard_access_keys(client, console_app):
    from page_governor.moderation.review import list_items

    sign_in(client, "jane")
    with console_app.db.connect() as conn:
        first = list_items(conn, limit=1)[0]
    page = client.get(f"/review/{first['id']}").text
    for key in ("k", "e", "n"):
        assert f'accesskey="{key}"' in page


def test_a_login_cannot_redirect_to_another_site(client):
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"csrf": token, "username": "jane", "password": PASSWORD, "next": "//evil.example"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"


@pytest.mark.parametrize(
    ("username", "path"),
    [
        ("jane", "/archive"),
        ("jane", "/audit"),
        ("sam", "/review"),
        ("sam", "/audit"),
        ("ada", "/archive"),
        ("alvarez", "/archive/retention"),
    ],
)
def test_a_user_without_the_role_gets_403_and_the_attempt_is_audited(
    client, console_app, username, path
):
    sign_in(client, username)
    response = client.get(path)
    assert response.status_code == 403
    assert "not part of your role" in response.text
    assert audit_actions(console_app, "web.refused")[-1][2] == path


def test_a_form_without_its_csrf_token_changes_nothing(client, console_app):
    sign_in(client, "jane")
    with console_app.db.connect() as conn:
        item_id = conn.execute(select(t.review_items.c.id).limit(1)).scalar_one()
    response = client.post(
        f"/review/{item_id}/decide", data={"decision": "keep", "reason": "fine", "csrf": "forged"}
    )
    assert response.status_code == 403
    assert audit_actions(console_app, "review.") == []


def _hideable_item(app):
    from page_governor.moderation.review import list_items

    with app.db.connect() as conn:
        for item in list_items(conn, limit=1000):
            if item["page_key"] == "springfield-pd-facebook" and item["target"] == "private":
                return item
    raise AssertionError("no attack on a private person on the compliant page")


def test_a_pio_hides_a_flagged_comment_with_a_reason_and_the_pages_clause(client, console_app):
    sign_in(client, "jane")
    item = _hideable_item(console_app)
    page = client.get(f"/review/{item['id']}")
    assert "Why it was flagged" in page.text and 'value="hide"' in page.text
    assert "In labelled data, comments scoring this were violations: personal attack" in page.text
    clause = re.search(r'name="clause" value="([^"]*)"', page.text).group(1)
    assert clause  # the page's published comment policy, offered as the clause
    response = client.post(
        f"/review/{item['id']}/decide",
        data={
            "csrf": csrf_of(page.text),
            "decision": "hide",
            "reason": "insult aimed at another visitor",
            "clause": clause,
        },
    )
    assert response.status_code == 200 and "hidden on the platform" in response.text
    assert "Here is the next item." in response.text  # straight on to the next in the queue
    assert f"<h1>Review #{item['id']} " not in response.text
    # the comment, why, and the decision form come before the thread
    assert page.text.index("The comment") < page.text.index("Record the decision")
    assert page.text.index("Record the decision") < page.text.index("The thread")
    decided = audit_actions(console_app, "review.hide")
    assert decided == [("review.hide", "Jane Park (PIO) (web:jane)", str(item["id"]))]


def request_traffic_page(app) -> str:
    """A PIO's request for a page still to be created (it misses required elements)."""
    from page_governor.governance.pages import PageRequest, request_page

    return request_page(
        app,
        PageRequest(
            platform=Platform.FACEBOOK,
            department="springfield-pd",
            purpose="Traffic alerts",
            audience="Drivers",
            administrators=("Jane Park",),
            credentials_holder="Jane Park",
            handle="SpdTraffic",
            proposed_profile={"about": "Official page of the Springfield Police Department."},
        ),
        by="Jane Park (PIO) (web:jane)",
        roles=frozenset({Role.PIO}),
    )


def test_the_chief_approves_a_requested_page(client, console_app):
    key = request_traffic_page(console_app)
    sign_in(client, "alvarez")
    page = client.get("/pages")
    assert f"Approve {key}" in page.text
    refused = client.post(
        f"/pages/{key}/approve", data={"csrf": csrf_of(page.text), "reason": "traffic unit"}
    )  # back to the page, the error beside the form, the reason kept
    assert refused.url.path == "/pages" and 'role="alert" id="err-approve-' in refused.text
    assert "acknowledgement" in refused.text and 'value="traffic unit"' in refused.text
    assert "I acknowledge the missing elements" in refused.text  # said as on this page
    assert "--acknowledge-failures" not in refused.text  # not the command line's flag
    response = client.post(
        f"/pages/{key}/approve",
        data={"csrf": csrf_of(page.text), "reason": "pilot", "acknowledge": "yes"},
    )
    assert "approve recorded; now approved" in response.text
    assert audit_actions(console_app, "page.approve")[0][1] == "Chief Alvarez (web:alvarez)"
    # the audit log reads as fields, not one long line of JSON
    audit = client.get("/audit?action=page.approve").text
    assert '<span class="muted">acknowledged_failures:</span>' in audit
    assert "<code>{" not in audit


def test_a_pio_cannot_approve_pages(client, console_app):
    sign_in(client, "jane")
    page = client.get("/pages")
    assert '<button type="submit">Approve' not in page.text
    response = client.post("/pages/anything/approve", data={"csrf": csrf_of(page.text)})
    assert response.status_code == 403


def test_a_clerk_searches_and_downloads_a_bundle_that_verifies(client, console_app, tmp_path):
    sign_in(client, "sam")
    results = client.get("/archive", params={"q": "bridge"})
    assert results.status_code == 200 and "items" in results.text
    response = client.post("/archive/export", data={"csrf": csrf_of(results.text), "q": "bridge"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    bundle = tmp_path / "download.zip"
    bundle.write_bytes(response.content)
    assert zipfile.is_zipfile(BytesIO(response.content))
    assert verify_bundle(bundle).ok
    assert audit_actions(console_app, "archive.export")[0][1] == "Sam Lee (Records) (web:sam)"


def test_what_commenters_wrote_is_escaped_everywhere(client, console_app):
    with console_app.db.begin() as conn:
        page = page_row(conn, "springfield-pd-facebook")
        Archive().capture(
            conn,
            page_id=page["id"],
            kind=ItemKind.COMMENT,
            platform_item_id="evil-1",
            text_value='<script>alert("x")</script><img src=x onerror=alert(1)> bridge',
            raw={},
            provenance=Provenance(Platform.FACEBOOK, "test", T1, "test"),
            captured_at=T1,
        )
    sign_in(client, "sam")
    page_html = client.get("/archive", params={"q": "script"}).text
    assert "<script>alert" not in page_html and "<img src=x" not in page_html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page_html
    assert "default-src 'none'" in client.get("/").headers["content-security-policy"]


def test_the_audit_log_is_filterable_for_the_admin(client, console_app):
    sign_in(client, "ada")
    page = client.get("/audit", params={"action": "web.sign_in"})
    assert page.status_code == 200
    assert "Ada Admin (web:ada)" in page.text
    assert "<td>review." not in page.text and "<td>web.sign_in</td>" in page.text


def test_a_clerk_sees_an_items_media_and_whether_it_was_captured(client, console_app):
    from page_governor.archive import media

    hostile = 'https://cdn.example/a.jpg?x="><script>alert(1)</script>'
    with console_app.db.begin() as conn:
        item_id, version_id = conn.execute(
            select(t.item_status.c.item_id, t.item_status.c.current_version_id).limit(1)
        ).one()
        media.queue(conn, [(item_id, version_id, {"full_picture": hostile})], now=T1)
    sign_in(client, "sam")
    page_html = client.get(f"/archive/item/{item_id}").text
    assert "<h2>Media</h2>" in page_html and "download pending" in page_html
    assert "<script>alert(1)" not in page_html and "&lt;script&gt;" in page_html


def test_the_admin_adds_an_account_and_a_mistake_keeps_what_was_typed(client, console_app):
    sign_in(client, "ada")
    page = client.get("/accounts")
    assert page.status_code == 200 and "Add an account" in page.text
    short = client.post(
        "/accounts",
        data={"csrf": csrf_of(page.text), "username": "kim", "name": "Kim Ortiz (PIO)",
              "role": ["pio"], "password": "short"},
    )  # fmt: skip
    assert short.status_code == 400
    assert 'id="password-error"' in short.text and "at least 12 characters" in short.text
    assert 'value="Kim Ortiz (PIO)"' in short.text and 'value="kim"' in short.text
    assert "short" not in re.findall(r'name="password"[^>]*>', short.text)[-1]
    done = client.post(
        "/accounts",
        data={"csrf": csrf_of(page.text), "username": "kim", "name": "Kim Ortiz (PIO)",
              "role": ["pio"], "password": "a long enough password"},
        follow_redirects=False,
    )  # fmt: skip
    assert done.status_code == 303
    assert any(a[2] == "kim" for a in audit_actions(console_app, "user.added"))
    # an error from the account store stands beside the field it is about
    again = client.post(
        "/accounts",
        data={"csrf": csrf_of(page.text), "username": "kim", "name": "Kim Two",
              "role": ["pio"], "password": "another long password"},
    )  # fmt: skip
    assert again.status_code == 400 and 'id="username-error"' in again.text
    assert "exists already" in again.text
    assert sign_in(client, "kim", "a long enough password").status_code == 303


def test_the_admin_changes_roles_and_disables_an_account_but_not_their_own(client, console_app):
    sign_in(client, "ada")
    token = csrf_of(client.get("/accounts").text)
    client.post("/accounts/sam/roles", data={"csrf": token, "role": ["records_clerk", "pio"]})
    client.post("/accounts/sam/disable", data={"csrf": token})
    client.post("/accounts/ada/disable", data={"csrf": token})
    client.post("/accounts/ada/roles", data={"csrf": token, "role": ["pio"]})
    actions = audit_actions(console_app, "user.")
    assert ("user.roles_set", "Ada Admin (web:ada)", "sam") in actions
    assert ("user.disabled", "Ada Admin (web:ada)", "sam") in actions
    assert not any(a[2] == "ada" and a[0] in ("user.disabled", "user.roles_set") for a in actions)
    listing = client.get("/accounts").text
    assert "disabled" in listing


def test_only_the_admin_manages_accounts(client):
    sign_in(client, "jane")
    assert client.get("/accounts").status_code == 403


def test_each_role_sees_its_own_dashboard_with_charts_drawn_on_the_server(client, console_app):
    key = request_traffic_page(console_app)
    sign_in(client, "jane")
    pio = client.get("/").text
    assert pio.count('<svg class="chart" role="img"') == 3
    assert "<title>Waiting items by category</title>" in pio and "threat: " in pio
    assert "For the chief" not in pio and "Capture health" not in pio
    client.post("/logout", data={"csrf": csrf_of(pio)})

    sign_in(client, "alvarez")
    chief = client.get("/").text
    assert "For the chief" in chief and key in chief and "for your approval" in chief
    client.post("/logout", data={"csrf": csrf_of(chief)})

    sign_in(client, "sam")
    clerk = client.get("/").text
    assert "Records" in clerk and "Recent exports" in clerk and "<svg" not in clerk
    assert "Compliance of active pages" not in clerk
    client.post("/logout", data={"csrf": csrf_of(clerk)})

    sign_in(client, "ada")
    admin = client.get("/").text
    assert "Capture health" in admin and "Last capture" in admin
    assert "For the chief" not in admin and "Recent exports" not in admin


def test_a_refused_decision_shows_why_beside_the_form_and_keeps_what_was_typed(client, console_app):
    sign_in(client, "jane")
    item = _hideable_item(console_app)
    page = client.get(f"/review/{item['id']}")
    response = client.post(
        f"/review/{item['id']}/decide",
        data={"csrf": csrf_of(page.text), "decision": "hide", "reason": "  ", "clause": "IV.A"},
    )
    assert response.status_code == 400
    assert 'role="alert" id="decide-error"' in response.text and "Not recorded" in response.text
    assert 'value="hide" accesskey="h" required checked' in response.text
    assert 'name="clause" value="IV.A"' in response.text
    with console_app.db.connect() as conn:
        assert (
            conn.execute(
                select(t.review_decisions).where(t.review_decisions.c.review_item_id == item["id"])
            ).all()
            == []
        )


A11Y_PAGES = {
    "jane": ("/", "/review", "/posts", "/pages"),
    "alvarez": ("/", "/pages", "/audit"),
    "sam": ("/", "/archive?q=bridge", "/archive/holds", "/archive/retention"),
    "ada": ("/", "/audit", "/accounts"),
}


@pytest.mark.parametrize("username", sorted(A11Y_PAGES))
def test_every_form_field_has_a_label_and_every_chart_a_title(client, console_app, username):
    from bs4 import BeautifulSoup

    sign_in(client, username)
    item = _hideable_item(console_app)
    paths = A11Y_PAGES[username] + ((f"/review/{item['id']}",) if username == "jane" else ())
    for path in paths:
        soup = BeautifulSoup(client.get(path).text, "html.parser")
        labelled = {label.get("for") for label in soup.find_all("label") if label.get("for")}
        for field in soup.find_all(["input", "select", "textarea"]):
            if field.get("type") in ("hidden", "submit", "button"):
                continue
            named = (
                field.get("id") in labelled
                or field.find_parent("label") is not None
                or field.get("aria-label")
                or field.get("aria-labelledby")
            )
            assert named, f"{path}: a field without a label: {field}"
        for svg in soup.find_all("svg"):
            assert svg.get("role") == "img" and svg.find("title") and svg.find("desc"), path
        assert soup.find("main") and soup.find("h1"), path


def test_a_hold_without_filters_is_refused_beside_the_form_keeping_what_was_typed(
    client, console_app
):
    sign_in(client, "sam")
    page = client.get("/archive/holds")
    response = client.post(
        "/archive/holds",
        data={"csrf": csrf_of(page.text), "name": "Doe v. City", "reason": "litigation notice"},
    )
    assert response.status_code == 400 and 'id="hold-error"' in response.text
    assert "needs at least one filter" in response.text
    assert 'value="Doe v. City"' in response.text and 'value="litigation notice"' in response.text


def _hidden_by_jane(client, console_app):
    """Jane (a PIO) hides a hideable comment in the console, citing the page's published
    clause; returns the review item and its page after the decision."""
    sign_in(client, "jane")
    item = _hideable_item(console_app)
    page = client.get(f"/review/{item['id']}")
    clause = re.search(r'name="clause" value="([^"]*)"', page.text).group(1)
    client.post(
        f"/review/{item['id']}/decide",
        data={"csrf": csrf_of(page.text), "decision": "hide", "reason": "insult", "clause": clause},
    )
    return item, client.get(f"/review/{item['id']}")


def test_an_appeal_is_recorded_and_decided_by_someone_other_than_who_hid(client, console_app):
    item, page = _hidden_by_jane(client, console_app)
    assert "Record the appeal" in page.text
    filed = client.post(
        f"/review/{item['id']}/appeal",
        data={"csrf": csrf_of(page.text), "text": "I was quoting him, not insulting anyone"},
    )
    assert "Appeal #" in filed.text and "recorded" in filed.text
    appeal_id = int(re.search(r"Decide appeal #(\d+)", filed.text).group(1))
    # the person who hid may not decide the appeal: the error stands beside its form
    own = client.post(
        f"/review/appeals/{appeal_id}/decide",
        data={"csrf": csrf_of(filed.text), "item": str(item["id"]), "outcome": "reversed",
              "reason": "fair point"},
    )  # fmt: skip
    assert f'id="err-appeal-{appeal_id}"' in own.text and 'value="fair point"' in own.text
    client.post("/logout", data={"csrf": csrf_of(own.text)})
    sign_in(client, "alvarez")
    page = client.get(f"/review/{item['id']}")
    decided = client.post(
        f"/review/appeals/{appeal_id}/decide",
        data={"csrf": csrf_of(page.text), "item": str(item["id"]), "outcome": "reversed",
              "reason": "a quotation, not an attack"},
    )  # fmt: skip
    assert f"Appeal #{appeal_id}:" in decided.text and "reversed" in decided.text
    actions = [a[0] for a in audit_actions(console_app, "appeal.")]
    assert actions[0] == "appeal.filed" and len(actions) == 2


def test_the_review_page_shows_the_notice_sent_to_the_commenter_after_a_hide(
    client, console_app, monkeypatch
):
    import json

    from page_governor.app import App
    from page_governor.moderation.notices import NoticeConfig

    sent = NoticeConfig(True, 'Hidden under "{clause}". {appeal_how}', "Reply here.", "platform")
    monkeypatch.setattr(App, "notices", property(lambda self: sent))
    item, page = _hidden_by_jane(client, console_app)
    assert "Notice to the commenter" in page.text and "Reply here." in page.text
    assert "<strong>sent</strong> (sent to the commenter as a private reply in Messenger)" in (
        page.text
    )
    state = json.loads(console_app.sample_state_path.read_text(encoding="utf-8"))
    assert state["messages"][item["platform_item_id"]]["text"].endswith("Reply here.")
