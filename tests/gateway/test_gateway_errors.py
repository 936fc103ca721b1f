"""Every documented error body shape maps to the right type, code and message."""

from __future__ import annotations

import json

import pytest

from pos_app.gateway import errors
from pos_app.gateway.errors import (
    AuthenticationError,
    DuplicateRequest,
    GatewayUnavailable,
    InvalidRequest,
    MalformedResponse,
    NotFound,
    OrderNotFound,
    OutcomeUnknown,
    TokenExpired,
)


def from_json(status: int, body: dict[str, object]) -> errors.GatewayError:
    return errors.error_from_response(status, json.dumps(body), "application/json")


def test_classic_shape_is_invalid_request_with_code_and_message() -> None:
    error = from_json(
        400,
        {
            "status": "Bad Request",
            "error_code": "Mandatory fields are missing",
            "error_message": "Mandatory fields are missing",
        },
    )

    assert type(error) is InvalidRequest
    assert error.code == "Mandatory fields are missing"
    assert error.message == "Mandatory fields are missing"
    assert error.http_status == 400
    assert error.status == "Bad Request"
    assert error.structured
    assert not error.may_have_taken_effect


def test_structured_shape_reads_error_info() -> None:
    error = from_json(
        400,
        {
            "status": "ERROR",
            "error_code": "INVALID_REQUEST",
            "error_message": "amount is invalid",
            "error_info": {
                "user_message": "Please check the amount",
                "developer_message": "amount must be positive",
                "code": "INVALID_INPUT",
                "category": "USER_ERROR",
                "fields": [{"field_name": "amount", "reason": "negative"}],
            },
        },
    )

    assert type(error) is InvalidRequest
    assert error.code == "INVALID_INPUT"  # error_info.code wins over error_code
    assert error.message == "amount is invalid"
    assert error.category == "USER_ERROR"
    assert error.fields == (errors.FieldError("amount", "negative"),)
    assert error.fields[0].field_name == "amount"
    assert error.user_message == "Please check the amount"
    assert str(error) == "amount is invalid (code INVALID_INPUT, HTTP 400)"


def test_structured_expired_code_is_token_expired() -> None:
    error = from_json(
        400,
        {
            "status": "ERROR",
            "error_code": "INVALID_REQUEST",
            "error_message": "Direct wallet token expired",
            "error_info": {"code": "EXPIRED", "category": "USER_ERROR"},
        },
    )

    assert type(error) is TokenExpired
    assert isinstance(error, InvalidRequest)
    assert "expired" in error.user_message.lower()


def test_classic_expired_code_is_token_expired() -> None:
    error = from_json(400, {"status": "ERROR", "error_code": "EXPIRED"})

    assert type(error) is TokenExpired
    assert error.message == "ERROR"  # no error_message: the status is the best text


def test_status_style_refund_error() -> None:
    error = from_json(
        400,
        {
            "status_id": -1,
            "status": "ERROR",
            "error_code": "duplicate.call",
            "error_message": "Refund already completed with this unique_request_id",
        },
    )

    assert type(error) is DuplicateRequest  # still an InvalidRequest for old callers
    assert isinstance(error, InvalidRequest)
    assert error.code == "duplicate.call"
    assert "unique_request_id" in error.message


def test_not_found_shape_is_order_not_found() -> None:
    error = from_json(404, {"status": "NOT_FOUND", "status_id": 40, "order_id": "X1"})

    assert type(error) is OrderNotFound
    assert isinstance(error, NotFound)
    assert error.message == "Order X1 not found"
    assert error.user_message == "The payment gateway has no record of this order."


def test_object_not_found_is_not_found() -> None:
    error = from_json(
        404,
        {
            "status": "error",
            "error_code": "object_not_found",
            "error_message": "Customer not found",
        },
    )

    assert type(error) is NotFound


def test_refresh_balances_unknown_customer_is_not_found() -> None:
    error = from_json(
        400,
        {
            "status": "Invalid Request",
            "error_code": "null_error",
            "error_message": "Customer not found for given customerId.",
        },
    )

    assert type(error) is NotFound
    assert error.code == "null_error"


@pytest.mark.parametrize("status", [401, 403])
def test_http_auth_statuses_are_authentication_errors(status: int) -> None:
    error = from_json(
        status,
        {
            "status": "Invalid Authentication",
            "error_code": "access_denied",
            "error_message": "Invalid Authentication",
        },
    )

    assert type(error) is AuthenticationError
    assert "credentials" in error.user_message


def test_access_denied_code_is_authentication_even_on_400() -> None:
    assert type(from_json(400, {"error_code": "access_denied"})) is AuthenticationError


def test_server_error_with_json_is_outcome_unknown() -> None:
    error = from_json(500, {"status": "ERROR", "error_message": "Internal error"})

    assert type(error) is OutcomeUnknown
    assert error.may_have_taken_effect
    assert error.message == "Internal error"


def test_html_error_page_gives_readable_message_without_markup() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
        "<body><h1>Bad Gateway</h1><p>nginx</p></body></html>"
    )

    error = errors.error_from_response(502, page, "text/html")

    assert type(error) is OutcomeUnknown
    assert error.message == "The payment gateway returned an error page (HTTP 502)"
    assert error.body_excerpt == "502 Bad Gateway"
    assert "<" not in str(error) and "<" not in (error.body_excerpt or "")
    assert "<" not in error.user_message


def test_html_page_detected_without_content_type() -> None:
    error = errors.error_from_response(400, "<html><body>oops</body></html>")

    assert type(error) is InvalidRequest
    assert "error page (HTTP 400)" in error.message
    assert error.body_excerpt == "oops"
    assert not error.structured


def test_unreadable_text_and_empty_bodies() -> None:
    text = errors.error_from_response(503, "upstream connect error")
    empty = errors.error_from_response(404, "")

    assert type(text) is OutcomeUnknown
    assert text.message == "The payment gateway returned an unreadable reply (HTTP 503)"
    assert type(empty) is NotFound
    assert empty.message == "The payment gateway returned an empty reply (HTTP 404)"


def test_redirect_is_outcome_unknown() -> None:
    error = errors.error_from_response(302, "")

    assert type(error) is OutcomeUnknown
    assert "HTTP 302" in error.message


def test_throttling_is_unavailable_so_safe_to_retry() -> None:
    error = errors.error_from_response(429, "Too Many Requests")

    assert type(error) is GatewayUnavailable
    assert not error.may_have_taken_effect


def test_malformed_response_is_an_outcome_unknown() -> None:
    assert issubclass(MalformedResponse, OutcomeUnknown)
    assert MalformedResponse(None, "x").may_have_taken_effect


def test_long_gateway_user_message_falls_back_to_ours() -> None:
    error = from_json(400, {"error_info": {"user_message": "x" * 500}})

    assert error.user_message == "The payment gateway refused the request."


def test_excerpt_is_truncated() -> None:
    excerpt = errors.excerpt("a" * 1000)

    assert len(excerpt) == 303
    assert excerpt.endswith("...")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"status": "NOT_FOUND", "status_id": 40}, True),
        ({"status_id": "-1", "status": "ERROR"}, True),
        ({"status": "Invalid Request", "error_code": "x"}, True),
        ({"status": "CHARGED", "status_id": 21}, False),
        ({"status": "NEW"}, False),
        ([], False),
    ],
)
def test_looks_like_error(body: object, expected: bool) -> None:
    assert errors.looks_like_error(body) is expected
