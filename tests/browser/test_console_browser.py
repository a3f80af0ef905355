"""The web console in a real browser: Debian's Chromium driven by Playwright's Python client
(no browser download). Each role signs in with the keyboard and does one real task; every page
must load without a JavaScript error; screenshots are saved in ``tests/artifacts/screenshots``.

Skipped where Chromium is not installed, unless PAGE_GOVERNOR_REQUIRE_BROWSER=1 (CI sets it,
after installing the Debian package), which turns the skip into a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from page_governor.archive.bundle_verify import verify_bundle
from tests.integration.test_console import PASSWORD, _hideable_item, request_traffic_page

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _browser_or_skip() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("PAGE_GOVERNOR_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium is required here and was not found at {CHROMIUM}")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api")


@pytest.fixture
def server(console_app) -> Iterator[str]:
    _browser_or_skip()
    import uvicorn

    from page_governor.web.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        create_app(console_app, secret_key="browser-test-secret-0123456789"),
        host="127.0.0.1",
        port=port,
        log_level="warning",
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)


@pytest.fixture
def browser(server) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


class Session:
    """One person's browser tab, failing on any JavaScript error or console error."""

    def __init__(
        self,
        browser,
        base: str,
        name: str,
        *,
        downloads: bool = False,
        phone: bool = False,
    ) -> None:
        # a phone: 390 CSS pixels wide (an iPhone 12-15), touch, scaled like one
        viewport = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
        self.context = browser.new_context(
            accept_downloads=downloads,
            viewport=viewport,
            is_mobile=phone,
            has_touch=phone,
            device_scale_factor=3 if phone else 1,
        )
        self.page = self.context.new_page()
        self.base, self.name = base, name
        self.errors: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def go(self, path: str) -> object:
        return self.page.goto(self.base + path)

    def sign_in_with_the_keyboard(self, username: str) -> None:
        from playwright.sync_api import expect

        self.go("/login")
        # The page puts the focus in the username field (autofocus); typing starts once it has.
        expect(self.page.locator("#username")).to_be_focused()
        self.page.keyboard.type(username)
        self.page.keyboard.press("Tab")
        self.page.keyboard.type(PASSWORD)
        self.page.keyboard.press("Enter")
        try:
            self.page.wait_for_url(self.base + "/", timeout=10_000)
        except Exception:
            self.shot("sign-in-failed")
            raise

    def shot(self, step: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{self.name}-{step}.png"), full_page=True)

    def close(self) -> None:
        self.context.close()
        assert self.errors == [], self.errors


WIDTHS = pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])


@WIDTHS
def test_a_pio_hides_a_flagged_comment_in_the_browser(browser, server, console_app, phone):
    item = _hideable_item(console_app)
    pio = Session(browser, server, "pio-phone" if phone else "pio", phone=phone)
    pio.sign_in_with_the_keyboard("jane")
    pio.shot("dashboard")
    pio.page.get_by_role("link", name="Review queue").click()
    pio.page.get_by_role("link", name=f"#{item['id']}", exact=True).click()
    pio.page.get_by_role("radio", name="hide", exact=True).check()
    pio.page.get_by_label("Reason (recorded)").fill("insult aimed at another visitor")
    pio.shot("deciding")
    pio.page.get_by_role("button", name="Record the decision").click()
    assert "hidden on the platform" in pio.page.get_by_role("status").inner_text()
    pio.shot("hidden")
    denied = pio.go("/archive")
    assert denied.status == 403
    # The browser reports the 403 it was sent to fetch; that one is expected.
    pio.errors = [e for e in pio.errors if "status of 403" not in e]
    pio.close()


@WIDTHS
def test_the_chief_approves_a_page_in_the_browser(browser, server, console_app, phone):
    key = request_traffic_page(console_app)
    chief = Session(browser, server, "chief-phone" if phone else "chief", phone=phone)
    chief.sign_in_with_the_keyboard("alvarez")
    chief.page.get_by_role("link", name="Pages").click()
    chief.shot("pending")
    chief.page.get_by_label("I acknowledge the missing elements").check()
    chief.page.get_by_role("button", name=f"Approve {key}").click()
    assert "now approved" in chief.page.get_by_role("status").inner_text()
    chief.shot("approved")
    chief.close()


@WIDTHS
def test_a_records_clerk_exports_a_bundle_that_verifies(browser, server, tmp_path, phone):
    clerk = Session(
        browser, server, "clerk-phone" if phone else "clerk", downloads=True, phone=phone
    )
    clerk.sign_in_with_the_keyboard("sam")
    clerk.page.get_by_role("link", name="Archive", exact=True).click()
    clerk.page.get_by_label("Words").fill("bridge")
    clerk.page.get_by_role("button", name="Search").click()
    clerk.shot("results")
    with clerk.page.expect_download() as download:
        clerk.page.get_by_role("button", name="Export a records-request bundle").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert verify_bundle(path).ok
    clerk.go("/archive/holds")
    clerk.shot("holds")
    clerk.close()


@WIDTHS
def test_the_admin_reads_the_audit_log(browser, server, phone):
    admin = Session(browser, server, "admin-phone" if phone else "admin", phone=phone)
    admin.sign_in_with_the_keyboard("ada")
    admin.page.get_by_role("link", name="Audit log").click()
    admin.page.get_by_label("Action starts with").fill("web.")
    admin.page.keyboard.press("Enter")
    admin.page.wait_for_url("**/audit?*")
    assert "web.sign_in" in admin.page.locator("table").inner_text()
    admin.shot("audit")
    admin.close()


PHONE_PAGES = {
    "jane": ("/", "/review", "/posts", "/pages"),
    "alvarez": ("/", "/pages", "/review?status=escalated", "/audit"),
    "sam": ("/", "/archive?q=bridge", "/archive/holds", "/archive/retention"),
    "ada": ("/", "/audit", "/accounts"),
}


@pytest.mark.parametrize("username", sorted(PHONE_PAGES))
def test_every_page_of_each_role_fits_a_phone_without_sideways_scrolling(
    browser, server, console_app, username
):
    item = _hideable_item(console_app)
    phone = Session(browser, server, f"{username}-phone", phone=True)
    phone.sign_in_with_the_keyboard(username)
    paths = PHONE_PAGES[username] + ((f"/review/{item['id']}",) if username == "jane" else ())
    for path in paths:
        phone.go(path)
        wide = phone.page.evaluate("document.scrollingElement.scrollWidth")
        phone.shot(path.strip("/").replace("/", "-").replace("?", "-") or "dashboard")
        assert wide <= 390, f"{path} is {wide} px wide on a 390 px phone"
    phone.close()


def test_the_keyboard_reaches_the_skip_link_first_then_the_navigation_then_the_page(
    browser, server, console_app
):
    item = _hideable_item(console_app)
    pio = Session(browser, server, "pio-focus")
    pio.sign_in_with_the_keyboard("jane")
    pio.go(f"/review/{item['id']}")
    focused = []
    for _ in range(8):
        pio.page.keyboard.press("Tab")
        focused.append(
            pio.page.evaluate(
                "(() => { const e = document.activeElement;"
                " return (e.closest('header') ? 'header:' : e.closest('main') ? 'main:' : '')"
                " + (e.getAttribute('href') || e.name || e.type || e.tagName); })()"
            )
        )
    assert focused[0] == "#main"  # "Skip to content"
    assert focused[1].startswith("header:") and focused[1] == "header:/"
    in_main = [f for f in focused if f.startswith("main:")]
    # the comment's own link, then straight to the decision (the thread comes after the form)
    assert "main:decision" in in_main[:3], in_main
    pio.close()
