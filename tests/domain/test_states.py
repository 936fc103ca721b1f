import pytest

from pos_app.domain.states import (
    TERMINAL,
    TRANSITIONS,
    AttemptStatus,
    GatewayStatus,
    IllegalTransition,
    check_transition,
    classify_gateway_status,
)

A = AttemptStatus


def test_terminal_states_lead_nowhere():
    assert {A.CHARGED, A.FAILED, A.CANCELLED} == TERMINAL
    for state in TERMINAL:
        for target in A:
            with pytest.raises(IllegalTransition):
                check_transition(state, target)


def test_status_never_moves_backwards():
    order = [A.CREATED, A.SUBMITTING, A.UNKNOWN, A.CHARGED]
    for later_index, later in enumerate(order):
        for earlier in order[:later_index]:
            with pytest.raises(IllegalTransition):
                check_transition(later, earlier)


def test_unknown_is_left_only_by_an_answer_from_the_gateway():
    assert TRANSITIONS[A.UNKNOWN] == {A.CHARGED, A.FAILED}
    with pytest.raises(IllegalTransition):
        check_transition(A.UNKNOWN, A.CANCELLED)


def test_no_state_moves_to_itself_or_to_created():
    for state, targets in TRANSITIONS.items():
        assert state not in targets
        assert A.CREATED not in targets


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        ("CHARGED", GatewayStatus.SUCCESS),
        ("charged", GatewayStatus.SUCCESS),
        ("AUTHORIZATION_FAILED", GatewayStatus.FAILURE),
        ("AUTHENTICATION_FAILED", GatewayStatus.FAILURE),
        ("JUSPAY_DECLINED", GatewayStatus.FAILURE),
        ("PENDING_VBV", GatewayStatus.PENDING),
        ("AUTHORIZING", GatewayStatus.PENDING),
        ("NEW", GatewayStatus.NO_TRANSACTION),
        ("NOT_FOUND", GatewayStatus.NOT_FOUND),
        ("SOMETHING_NEW_FROM_JUSPAY", GatewayStatus.PENDING),
        (None, GatewayStatus.PENDING),
    ],
)
def test_gateway_statuses(status, kind):
    assert classify_gateway_status(status) is kind
