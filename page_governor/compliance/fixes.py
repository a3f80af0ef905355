"""Suggested fixes: the text a PIO can paste into a profile to carry a missing element, with
the department's details filled in, short enough for the platform's bio."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from page_governor.compliance.policy import ElementRule

# How much text a platform's profile field holds: a fix longer than this cannot be pasted
# there, so it becomes a short line plus a link to the full policy page.
PROFILE_LIMITS = {"instagram": 150, "x": 160, "twitter": 160, "telegram": 255}


def suggested_fix(
    rule: ElementRule,
    *,
    agency: str | None,
    phone: str | None = None,
    email: str | None = None,
    domain: str | None = None,
    platform: str | None = None,
    policy_url: str | None = None,
) -> str:
    """The rule's suggested text with the department's details filled in. On a platform whose
    bio cannot hold the full statements (Instagram 150 characters, X 160, a Telegram
    description 255), the short line instead (``short_text``), where ``{policy_link}`` stands
    for the agency's full policy page."""

    named = (agency or "").strip()
    with_article = (
        named if named.lower().startswith("the ") else f"the {named}" if named else "the department"
    )

    def fill(text: str) -> str:
        # "the {agency}" takes the article once: never "the the department"
        text = re.sub(r"\b[Tt]he \{agency\}", lambda m: m.group(0)[0] + with_article[1:], text)
        return (
            text.replace(
                "{agency}", (named[4:] if with_article is named else named) or "department"
            )
            .replace("{phone}", phone or "(non-emergency number)")
            .replace("{email}", email or "(agency email)")
            .replace("{domain}", domain or "(official website)")
            .strip()
        )

    full = fill(rule.suggested_text)
    limit = PROFILE_LIMITS.get((platform or "").lower())
    if limit is None or not rule.short_text:
        return full
    # a bio holds every element at once: the short line whenever the platform's field is short
    link = policy_url or (
        f"(link to the full policy on {domain})" if domain else "(link to the full policy)"
    )
    return fill(rule.short_text).replace("{policy_link}", link)


def fix_for_page(rule: ElementRule, page: Mapping[str, Any] | None) -> str:
    """:func:`suggested_fix` with a registered page's department details and platform (its
    first official domain for the website)."""
    page = page or {}
    domains = list(page.get("official_domains") or [])
    return suggested_fix(
        rule,
        agency=page.get("department_name"),
        phone=page.get("department_phone"),
        email=page.get("department_email"),
        domain=domains[0] if domains else None,
        platform=page.get("platform"),
    )
