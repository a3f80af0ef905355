"""The lifecycle of an official page, as a pure state machine.

::

    requested ──approve──► approved ──activate──► active ◄──reinstate── suspended
        │                     │                     │ ──suspend──────────►  │
        └──reject──► rejected └──retire──┐          ├──recertify (stays active)
                                         ▼          ▼                       │
                                       retired ◄──retire────────────────────┘

A request names a page that exists (its platform id is known: approval makes it active at
once) or one still to be created (approval leaves it ``approved`` until ``activate`` gives the
platform id). Policy: only the chief (or a designee holding the role) approves, rejects or
re-certifies, and never a request of their own; approving a page that fails required elements
needs an explicit acknowledgement. Who may do each event is :data:`WHO`; the functions here
decide and never touch the database (``pages.py`` does).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from page_governor.errors import InvalidTransition, NotAuthorized, WorkflowError
from page_governor.models import PageState, Role, same_person


class Event(enum.StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    ACTIVATE = "activate"
    SUSPEND = "suspend"
    REINSTATE = "reinstate"
    RETIRE = "retire"
    RECERTIFY = "recertify"


S = PageState
TRANSITIONS: dict[tuple[PageState, Event], PageState] = {
    (S.REQUESTED, Event.APPROVE): S.APPROVED,
    (S.REQUESTED, Event.REJECT): S.REJECTED,
    (S.APPROVED, Event.ACTIVATE): S.ACTIVE,
    (S.APPROVED, Event.RETIRE): S.RETIRED,
    (S.ACTIVE, Event.SUSPEND): S.SUSPENDED,
    (S.ACTIVE, Event.RECERTIFY): S.ACTIVE,
    (S.ACTIVE, Event.RETIRE): S.RETIRED,
    (S.SUSPENDED, Event.REINSTATE): S.ACTIVE,
    (S.SUSPENDED, Event.RETIRE): S.RETIRED,
}

WHO: dict[Event, frozenset[Role]] = {
    Event.APPROVE: frozenset({Role.CHIEF}),
    Event.REJECT: frozenset({Role.CHIEF}),
    Event.RECERTIFY: frozenset({Role.CHIEF}),
    Event.ACTIVATE: frozenset({Role.PIO, Role.ADMIN, Role.CHIEF}),
    Event.SUSPEND: frozenset({Role.CHIEF, Role.ADMIN}),
    Event.REINSTATE: frozenset({Role.CHIEF, Role.ADMIN}),
    Event.RETIRE: frozenset({Role.CHIEF, Role.ADMIN}),
}
REQUESTERS = frozenset({Role.PIO, Role.ADMIN})
# Events whose reason may not be left out.
NEEDS_REASON = frozenset(
    {Event.REJECT, Event.SUSPEND, Event.RETIRE, Event.REINSTATE, Event.RECERTIFY}
)


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: a name for the record and the roles they hold."""

    name: str
    roles: frozenset[Role]


def step(
    state: PageState,
    event: Event,
    actor: Actor,
    *,
    requested_by: str | None,
    reason: str = "",
    failing_elements: tuple[str, ...] = (),
    acknowledged: bool = False,
) -> PageState:
    """The state after ``event``, or why it is refused.

    Raises:
        NotAuthorized: the actor lacks the role, or approves their own request.
        InvalidTransition: the event is not possible from ``state``.
        WorkflowError: a reason is missing, or failing elements were not acknowledged.
    """
    if not actor.roles & WHO[event]:
        needed = " or ".join(sorted(r.value for r in WHO[event]))
        raise NotAuthorized(f"only the {needed} may {event.value} a page")
    target = TRANSITIONS.get((state, event))
    if target is None:
        raise InvalidTransition(f"a {state.value} page cannot be {_past(event)}")
    if (
        event in (Event.APPROVE, Event.REJECT)
        and requested_by
        and same_person(actor.name, requested_by)
    ):
        raise NotAuthorized("a request cannot be decided by the person who made it")
    if event in NEEDS_REASON and not reason.strip():
        raise WorkflowError(f"to {event.value} a page, give a reason")
    if event is Event.APPROVE and failing_elements and not acknowledged:
        raise WorkflowError(
            "the page fails required elements ("
            + ", ".join(failing_elements)
            + "): approving it needs an explicit acknowledgement",
            hint="approve with --acknowledge-failures (recorded), or ask for the profile to be fixed",
        )
    return target


def after_approval(*, platform_id_known: bool) -> PageState:
    """A page that exists becomes active as soon as it is approved."""
    return PageState.ACTIVE if platform_id_known else PageState.APPROVED


def _past(event: Event) -> str:
    return {
        Event.APPROVE: "approved",
        Event.REJECT: "rejected",
        Event.ACTIVATE: "activated",
        Event.SUSPEND: "suspended",
        Event.REINSTATE: "reinstated",
        Event.RETIRE: "retired",
        Event.RECERTIFY: "re-certified",
    }[event]
