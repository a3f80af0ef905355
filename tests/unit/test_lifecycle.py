"""The page-lifecycle state machine: valid transitions only, the chief alone approves, never
their own request, and failing elements need an acknowledgement."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from page_governor.errors import InvalidTransition, NotAuthorized, WorkflowError
from page_governor.governance.lifecycle import TRANSITIONS, WHO, Actor, Event, step
from page_governor.models import PageState, Role

CHIEF = Actor("Chief Alvarez", frozenset({Role.CHIEF}))
PIO = Actor("Jane Park", frozenset({Role.PIO}))
ADMIN = Actor("Ada Admin", frozenset({Role.ADMIN}))
TERMINAL = {PageState.REJECTED, PageState.RETIRED}

actors = st.builds(
    Actor,
    st.sampled_from(["Chief Alvarez", "Jane Park", "Ada Admin", "Sam Lee"]),
    st.frozensets(st.sampled_from(list(Role)), max_size=2),
)
moves = st.tuples(
    st.sampled_from(list(Event)), actors, st.sampled_from(["", "a reason"]), st.booleans()
)


@settings(max_examples=500, deadline=None)
@given(st.lists(moves, max_size=25), st.lists(st.sampled_from(["purpose_statement"]), max_size=1))
def test_no_sequence_of_events_reaches_an_invalid_state_or_lets_anyone_but_the_chief_approve(
    events, failing
):
    state = PageState.REQUESTED
    for event, actor, reason, acknowledged in events:
        before = state
        try:
            state = step(
                state,
                event,
                actor,
                requested_by="Jane Park",
                reason=reason,
                failing_elements=tuple(failing),
                acknowledged=acknowledged,
            )
        except (NotAuthorized, InvalidTransition, WorkflowError):
            assert state == before  # a refusal changes nothing
            continue
        assert (before, event) in TRANSITIONS and TRANSITIONS[(before, event)] == state
        assert actor.roles & WHO[event]
        if event is Event.APPROVE:
            assert Role.CHIEF in actor.roles and actor.name != "Jane Park"
            assert acknowledged or not failing
        assert before not in TERMINAL  # nothing leaves rejected or retired


def test_the_chief_approves_a_request():
    assert step(PageState.REQUESTED, Event.APPROVE, CHIEF, requested_by="Jane Park") == (
        PageState.APPROVED
    )


@pytest.mark.parametrize("actor", [PIO, ADMIN], ids=["pio", "admin"])
def test_only_the_chief_approves(actor):
    with pytest.raises(NotAuthorized, match="only the chief"):
        step(PageState.REQUESTED, Event.APPROVE, actor, requested_by="someone else")


def test_the_chief_cannot_approve_their_own_request():
    with pytest.raises(NotAuthorized, match="person who made it"):
        step(PageState.REQUESTED, Event.APPROVE, CHIEF, requested_by="Chief Alvarez")


@pytest.mark.parametrize(
    "requested_by,approver",
    [
        ("Jane Park (telegram:4242)", "Jane P. (@chiefjane) (telegram:4242)"),
        ("Jane Park (web:jpark)", "Chief Jane Park (web:jpark)"),
        ("Chief Alvarez", "  chief   ALVAREZ "),
    ],
    ids=["telegram-id", "web-account", "name-case-and-spacing"],
)
def test_one_person_cannot_approve_their_own_request_under_another_display_name(
    requested_by, approver
):
    both = Actor(approver, frozenset({Role.PIO, Role.CHIEF}))
    with pytest.raises(NotAuthorized, match="person who made it"):
        step(PageState.REQUESTED, Event.APPROVE, both, requested_by=requested_by)


def test_two_people_sharing_a_display_name_are_told_apart_by_their_ids():
    chief = Actor("Jane Park (telegram:1)", frozenset({Role.CHIEF}))
    assert (
        step(PageState.REQUESTED, Event.APPROVE, chief, requested_by="Jane Park (telegram:2)")
        is PageState.APPROVED
    )


def test_approving_a_page_that_fails_elements_needs_an_acknowledgement():
    with pytest.raises(WorkflowError, match="explicit acknowledgement"):
        step(
            PageState.REQUESTED,
            Event.APPROVE,
            CHIEF,
            requested_by="Jane Park",
            failing_elements=("emergency_contact",),
        )
    assert (
        step(
            PageState.REQUESTED,
            Event.APPROVE,
            CHIEF,
            requested_by="Jane Park",
            failing_elements=("emergency_contact",),
            acknowledged=True,
        )
        is PageState.APPROVED
    )


def test_a_rejection_needs_a_reason():
    with pytest.raises(WorkflowError, match="give a reason"):
        step(PageState.REQUESTED, Event.REJECT, CHIEF, requested_by="Jane Park", reason=" ")


@pytest.mark.parametrize(
    ("state", "event"),
    [
        (PageState.REJECTED, Event.APPROVE),
        (PageState.RETIRED, Event.REINSTATE),
        (PageState.REQUESTED, Event.RETIRE),
        (PageState.ACTIVE, Event.APPROVE),
        (PageState.SUSPENDED, Event.RECERTIFY),
    ],
    ids=["approve-rejected", "reinstate-retired", "retire-request", "approve-active", "recert-off"],
)
def test_transitions_outside_the_lifecycle_are_refused(state, event):
    with pytest.raises(InvalidTransition):
        step(state, event, Actor("x", frozenset(Role)), requested_by=None, reason="r")
