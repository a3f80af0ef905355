"""Telegram messages for outbox alerts: pure functions from stored data to text and buttons.

Messages use Telegram's HTML parse mode. Everything that a commenter, a page or a platform
wrote is escaped here, so a comment cannot inject markup, links or fake buttons into a PIO's
chat. Links are emitted only for http(s) URLs.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from page_governor.clock import parse_time
from page_governor.models import Decision, ReviewStatus

MAX_COMMENT = 1500
MAX_POST = 200
# Telegram refuses a message longer than 4,096 characters (after parsing the markup).
MAX_MESSAGE = 4000

BUTTON_LABELS = {
    Decision.KEEP.value: "Keep",
    Decision.HIDE.value: "Hide",
    Decision.ESCALATE.value: "Escalate",
    Decision.NOT_A_VIOLATION.value: "Not a violation",
    "approve": "Approve",
    "approve_ack": "Approve, missing acknowledged",
    "reject": "Reject",
    "recertify": "Re-certify",
}
PLATFORM_NAMES = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "x": "X",
    "telegram": "Telegram",
}


@dataclass(frozen=True, slots=True)
class Rendered:
    """A message: HTML text and the actions its buttons stand for (in order)."""

    text: str
    actions: tuple[str, ...] = field(default=())


def e(value: Any) -> str:
    """Escape anything for Telegram HTML."""
    return html.escape("" if value is None else str(value), quote=True)


def _clip(text: str | None, limit: int) -> str:
    text = (text or "").strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def link(url: str | None, label: str) -> str:
    """An ``<a>`` for http(s) URLs only; anything else is left out."""
    if not url or not str(url).lower().startswith(("https://", "http://")):
        return ""
    return f'<a href="{e(url)}">{e(label)}</a>'


def _platform(name: str | None) -> str:
    return PLATFORM_NAMES.get(name or "", name or "?")


def _category(name: str) -> str:
    return name.replace("_", " ")


def _evidence_line(categories: Iterable[str], evidence: Iterable[dict[str, Any]]) -> str:
    words: dict[str, list[str]] = {}
    for item in evidence:
        words.setdefault(item.get("category", ""), []).append(item.get("text", ""))
    parts = []
    for category in categories:
        quoted = ", ".join(f"“{e(w)}”" for w in list(dict.fromkeys(words.get(category, [])))[:5])
        parts.append(f"<b>{e(_category(category))}</b>" + (f" ({quoted})" if quoted else ""))
    return "; ".join(parts)


def _when(value: Any) -> str:
    at = parse_time(value) if value is not None else None
    return f"{at:%Y-%m-%d %H:%M} UTC" if at else ""


def outcome_line(decision: dict[str, Any]) -> str:
    """Who decided what, when (and what the platform answered)."""
    verb = {
        "keep": "✅ Kept",
        "hide": "🙈 Hidden",
        "escalate": "⬆️ Escalated",
        "not_a_violation": "✅ Not a violation",
    }.get(decision["decision"], e(decision["decision"]))
    line = f"{verb} by {e(decision['reviewer'])} at {_when(decision['decided_at'])}"
    if decision.get("reason"):
        line += f"\nReason: {e(_clip(decision['reason'], 300))}"
    if decision.get("policy_clause") and decision["decision"] == "hide":
        line += f"\nPolicy: {e(_clip(decision['policy_clause'], 200))}"
    return line


def actions_for(status: ReviewStatus, *, hide_possible: bool) -> tuple[str, ...]:
    if status is ReviewStatus.DECIDED:
        return ()
    actions = [Decision.KEEP.value]
    if hide_possible:
        actions.append(Decision.HIDE.value)
    if status is ReviewStatus.OPEN:
        actions.append(Decision.ESCALATE.value)
    actions.append(Decision.NOT_A_VIOLATION.value)
    return tuple(actions)


def review_message(
    item: dict[str, Any],
    *,
    hide_possible: bool,
    hide_note: str | None = None,
    escalation: dict[str, Any] | None = None,
) -> Rendered:
    """The alert for a flagged comment (``item`` as :func:`review.get_item` returns it).

    Once the item is decided, the same message shows the outcome and has no buttons.
    """
    categories = list(item.get("categories") or [])
    urgent = "threat" in categories
    lines = []
    if urgent:
        lines.append("🚨 <b>URGENT: possible threat</b>")
    if escalation is not None:
        lines.append(
            f"⬆️ <b>Escalated</b> by {e(escalation.get('by'))}: "
            f"{e(_clip(escalation.get('reason'), 300))}"
        )
    lines.append(
        f"⚑ <b>Flagged {e(item.get('kind') or 'comment')}</b> · {e(item.get('page_key'))} "
        f"({e(_platform(item.get('platform')))}) · review #{int(item['id'])}"
    )
    if item.get("post_text"):
        lines.append(f"On the post: “{e(_clip(item['post_text'], MAX_POST))}”")
    author = item.get("author_name") or "unknown author"
    lines.append(f"From <b>{e(author)}</b>:")
    lines.append(f"<blockquote>{e(_clip(item.get('text'), MAX_COMMENT))}</blockquote>")
    lines.append("Why: " + _evidence_line(categories, item.get("evidence") or []))
    if item.get("confidence"):
        shares = ", ".join(
            f"{e(k.replace('_', ' '))} {v:.0%}" for k, v in item["confidence"].items()
        )
        lines.append(f"<i>Likely right (labelled data): {shares}</i>")
    for advisory in item.get("advisories") or []:
        lines.append(f"⚠️ <i>{e(advisory)}</i>")
    opened = link(item.get("permalink"), f"Open on {_platform(item.get('platform'))}")
    if opened:
        lines.append(opened)
    status = ReviewStatus(item.get("status") or ReviewStatus.OPEN.value)
    decisions = item.get("decisions") or []
    for decision in decisions:
        lines.append(outcome_line(decision))
    if status is not ReviewStatus.DECIDED and not hide_possible and hide_note:
        lines.append(f"<i>{e(hide_note)}</i>")
    return Rendered(_fit("\n".join(lines)), actions_for(status, hide_possible=hide_possible))


def notice_message(kind: str, payload: dict[str, Any]) -> Rendered:
    """Alerts without buttons: compliance drift and recovery, outside moderation, paused
    pages, failed platform access."""
    page = e(payload.get("page"))
    platform = e(_platform(payload.get("platform")))
    if kind == "compliance_drift":
        lines = [
            f"📉 <b>Compliance: an element is gone</b> · {page} ({platform})",
            f"<b>{e(payload.get('title') or payload.get('element'))}</b> no longer passes.",
        ]
        if payload.get("was_evidence"):
            lines.append(
                f"It was: “{e(_clip(payload['was_evidence'], 300))}” "
                f"({e(payload.get('was_source'))})"
            )
        if payload.get("now"):
            lines.append(f"Now: {e(payload['now'])}")
        if payload.get("suggested_fix"):
            lines.append(f"Suggested fix:\n<code>{e(_clip(payload['suggested_fix'], 800))}</code>")
        if payload.get("seed_clause"):
            lines.append(f"<i>Policy: {e(_clip(payload['seed_clause'], 300))}</i>")
        return Rendered(_fit("\n".join(lines)))
    if kind == "compliance_recovered":
        return Rendered(
            f"📈 <b>Compliance restored</b> · {page} ({platform})\n"
            f"<b>{e(payload.get('title') or payload.get('element'))}</b> passes again: "
            f"“{e(_clip(payload.get('evidence'), 300))}”"
        )
    if kind == "external_moderation":
        return Rendered(
            f"👁 <b>Moderated outside page_governor</b> · {page}\n"
            f"Comment {e(payload.get('comment_id'))} was {e(payload.get('change'))} on the "
            f"platform, not through a decision here. Both versions are archived.\n"
            f"<blockquote>{e(_clip(payload.get('text'), 600))}</blockquote>"
        )
    if kind == "page_paused":
        return Rendered(
            f"⛔ <b>Capture paused</b> · {page} ({platform})\n"
            f"{e(payload.get('reason'))}: {e(_clip(payload.get('error'), 500))}\n"
            + (f"{e(payload['hint'])}\n" if payload.get("hint") else "")
            + f"Nothing is captured from this page until someone fixes it and runs "
            f"<code>{e(payload.get('resume'))}</code>. The gap is recorded."
        )
    if kind == "hide_notice":
        delivery = payload.get("delivery") or {"status": "by_hand"}
        to = e(payload.get("author") or "the commenter")
        if delivery.get("status") == "sent":
            how = f"{e(str(delivery.get('detail', 'sent')).capitalize())} ({to}); nothing to do:"
        elif delivery.get("status") == "by_hand":
            how = f"To {to}, as text to send or post:"
        else:
            how = (
                f"<b>Not sent through the platform</b>: {e(delivery.get('detail'))}\n"
                f"To {to}, as text to send or post:"
            )
        lines = [
            f"✉️ <b>Notice for the commenter</b> · {page} ({platform}) · review "
            f"#{e(payload.get('review_item_id'))}",
            how,
            f"<blockquote>{e(_clip(payload.get('notice'), 1500))}</blockquote>",
        ]
        opened = link(payload.get("permalink"), "Open the comment")
        if opened:
            lines.append(opened)
        return Rendered(_fit("\n".join(lines)))
    if kind == "appeal":
        return Rendered(
            f"⚖️ <b>Appeal</b> #{e(payload.get('appeal_id'))} of the hide on review "
            f"#{e(payload.get('review_item_id'))}\n"
            f"<blockquote>{e(_clip(payload.get('text'), 800))}</blockquote>\n"
            "Someone other than the person who hid it decides: "
            f"<code>page-governor review appeal-decide {e(payload.get('appeal_id'))} "
            "--outcome upheld|reversed --reason … --by …</code>"
        )
    if kind == "post_findings":
        lines = [
            f"📝 <b>Our post may break the social-media policy</b> · {page} ({platform})",
            f"<blockquote>{e(_clip(payload.get('text'), 600))}</blockquote>",
        ]
        for finding in payload.get("findings") or []:
            lines.append(
                f"• <b>{e(str(finding.get('rule', '')).replace('_', ' '))}</b>: "
                f"“{e(_clip(finding.get('evidence'), 200))}”\n"
                f"  <i>{e(_clip(finding.get('clause'), 300))}</i>\n"
                f"  Instead: {e(_clip(finding.get('suggestion'), 300))}"
            )
        opened = link(payload.get("permalink"), "Open the post")
        if opened:
            lines.append(opened)
        lines.append(
            "Nothing was changed on the platform, and the post is archived as published: "
            "correct it with an edit or a follow-up post."
        )
        return Rendered(_fit("\n".join(lines)))
    if kind == "token_problem":
        return Rendered(
            f"🔑 <b>Platform access check failed</b> · {page} ({platform})\n"
            f"{e(_clip(payload.get('error'), 500))}"
        )
    return Rendered(f"<b>{e(kind)}</b>\n<code>{e(_clip(str(payload), 1500))}</code>")


def summary_message(rows: list[dict[str, Any]]) -> Rendered:
    """One message for many flags at once (a page's first capture, a burst): counts by page
    and category, so the chat is not flooded; every item stays in /queue."""
    by_page: dict[str, dict[str, int]] = {}
    for row in rows:
        counts = by_page.setdefault(str(row.get("page")), {})
        for category in row.get("categories") or ["?"]:
            counts[category] = counts.get(category, 0) + 1
    lines = [f"⚑ <b>{len(rows)} comments flagged for review</b> (too many to alert one by one)"]
    for page, counts in sorted(by_page.items()):
        detail = ", ".join(f"{_category(c)} {n}" for c, n in sorted(counts.items()))
        lines.append(f"• {e(page)}: {e(detail)}")
    lines.append("Send /queue to review them, oldest first. Threats are always alerted singly.")
    return Rendered(_fit("\n".join(lines)))


def digest_message(d: dict[str, Any]) -> Rendered:
    """The daily digest (``d`` as :func:`page_governor.worker.jobs.digest_figures` builds it)."""
    lines = [f"🗞 <b>Daily digest</b> · {e(d['since'][:16])} to {e(d['until'][:16])} UTC"]
    flags = d.get("flags_by_category") or {}
    total = sum(flags.values())
    detail = ", ".join(f"{_category(c)} {n}" for c, n in sorted(flags.items()))
    lines.append(f"Flagged: {total}" + (f" ({e(detail)})" if detail else ""))
    decisions = d.get("decisions") or {}
    detail = ", ".join(f"{_category(k)} {n}" for k, n in sorted(decisions.items()))
    lines.append(f"Decided: {sum(decisions.values())}" + (f" ({e(detail)})" if detail else ""))
    lines.append(f"Waiting in /queue: {d.get('open_items', 0)} (oldest {e(d.get('oldest_open'))})")
    appeals = d.get("appeals") or {}
    if appeals.get("received") or appeals.get("decided") or appeals.get("open"):
        decided = ", ".join(f"{k} {n}" for k, n in sorted((appeals.get("decided") or {}).items()))
        lines.append(
            f"Appeals: {appeals.get('received', 0)} received"
            + (f", decided {e(decided)}" if decided else "")
            + f", {appeals.get('open', 0)} open"
        )
    for row in d.get("compliance") or []:
        missing = ", ".join(row["missing"])
        lines.append(
            f"• {e(row['page'])}: {row['passed']}/{row['total']} elements"
            + (f", missing {e(missing)}" if missing else "")
        )
    gaps = d.get("open_gaps") or []
    if gaps:
        lines.append("Capture gaps open: " + ", ".join(e(g) for g in gaps))
    paused = d.get("paused") or []
    if paused:
        lines.append("Paused pages: " + ", ".join(e(p) for p in paused))
    recert = d.get("recertification_due") or []
    if recert:
        lines.append("Re-certification due: " + ", ".join(e(p) for p in recert))
    return Rendered(_fit("\n".join(lines)))


def _fit(text: str) -> str:
    """Keep a message under Telegram's limit without cutting an HTML tag in half."""
    if len(text) <= MAX_MESSAGE:
        return text
    cut = text[:MAX_MESSAGE]
    lt = cut.rfind("<")
    if lt > cut.rfind(">"):
        cut = cut[:lt]
    # Close what the cut left open, innermost first.
    open_tags: list[str] = []
    pos = 0
    while (start := cut.find("<", pos)) != -1:
        end = cut.find(">", start)
        tag = cut[start + 1 : end].split()[0] if end != -1 else ""
        if tag.startswith("/"):
            if open_tags and open_tags[-1] == tag[1:]:
                open_tags.pop()
        elif tag:
            open_tags.append(tag)
        pos = end + 1 if end != -1 else len(cut)
    return cut + "…" + "".join(f"</{tag}>" for tag in reversed(open_tags))


def page_message(kind: str, page: dict[str, Any]) -> Rendered:
    """A page request for the chief (with Approve / Reject), or a re-certification reminder
    (with Re-certify); once decided, the outcome instead of buttons. ``page`` is
    :func:`page_governor.governance.pages.page_detail`."""
    state = page.get("state")
    key = e(page.get("key"))
    platform = e(_platform(page.get("platform")))
    if kind == "recertification_due":
        due = _when(page.get("recertify_due"))
        lines = [
            f"🗓 <b>Re-certification due</b> · {key} ({platform})",
            f"Approved by {e(page.get('approved_by') or 'unknown')}; due {due}.",
            "Review the page (purpose, administrators, compliance) and re-certify it, or "
            "suspend or retire it.",
        ]
        actions: tuple[str, ...] = ()
        if state == "active" and page.get("due_now"):
            actions = ("recertify",)
        elif page.get("last_event"):
            lines.append(page["last_event"])
        return Rendered(_fit("\n".join(lines)), actions)
    request = page.get("request") or {}
    check = request.get("precheck") or {}
    lines = [
        f"🆕 <b>New page requested</b> · {key} ({platform})",
        f"Requested by {e(request.get('requested_by'))} at {_when(request.get('requested_at'))}",
    ]
    address = link(page.get("url"), page.get("url") or "")
    if address:
        lines.append(address)
    lines.append(f"Purpose: {e(_clip(request.get('purpose'), 500))}")
    lines.append(f"Audience: {e(_clip(request.get('audience'), 300))}")
    lines.append("Administrators: " + e(", ".join(request.get("administrators") or [])))
    lines.append(f"Credentials held by: {e(request.get('credentials_holder'))}")
    source = {"live": "the live page", "proposed": "the proposed profile"}.get(
        check.get("source", ""), "nothing to check"
    )
    lines.append(
        f"Compliance pre-check ({e(source)}): {check.get('passed', 0)}/{check.get('total', 0)}"
    )
    failing = check.get("failing") or []
    if failing:
        lines.append("Missing: " + e(", ".join(failing)))
    if check.get("note"):
        lines.append(f"<i>{e(check['note'])}</i>")
    actions = ()
    if state == "requested":
        actions = ("approve_ack" if failing else "approve", "reject")
    elif request.get("decision"):
        verb = "✅ Approved" if request["decision"] == "approve" else "❌ Rejected"
        line = f"{verb} by {e(request.get('decided_by'))} at {_when(request.get('decided_at'))}"
        if request.get("decision_reason"):
            line += f"\nReason: {e(_clip(request['decision_reason'], 300))}"
        if request.get("acknowledged_failures"):
            line += "\nAcknowledged missing: " + e(", ".join(request["acknowledged_failures"]))
        lines.append(line + f"\nNow: {e(state)}")
    return Rendered(_fit("\n".join(lines)), actions)


def unregistered_message(found: list[dict[str, Any]]) -> Rendered:
    lines = ["🔎 <b>Pages found that are not registered</b>"]
    for item in found:
        lines.append(
            f"• {e(_platform(item.get('platform')))} {e(item.get('name'))} "
            f"(id {e(item.get('platform_id'))})"
        )
    lines.append(
        "The agency's Meta account manages them, but page_governor does not capture them. "
        "Request each with /request_page (or `page-governor pages request`), or remove it from "
        "the account."
    )
    return Rendered(_fit("\n".join(lines)))
