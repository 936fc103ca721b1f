"""GET/POST /customers."""

from __future__ import annotations

import re

import httpx

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$")


def _create(
    client: httpx.Client, ref: str, mobile: str = "9999900001"
) -> httpx.Response:
    return client.post(
        "/customers", data={"object_reference_id": ref, "mobile_number": mobile}
    )


def test_create_returns_a_customer_object(client: httpx.Client) -> None:
    reply = _create(client, "cust_00000042")

    assert reply.status_code == 200
    body = reply.json()
    assert re.match(r"^cst_[a-z0-9]{16}$", body["id"])
    assert body["object"] == "customer"
    assert body["object_reference_id"] == "cust_00000042"
    assert body["mobile_number"] == "9999900001"
    assert TIMESTAMP.match(body["date_created"])
    assert TIMESTAMP.match(body["last_updated"])
    assert "juspay" not in body


def test_get_by_juspay_id_and_by_reference(client: httpx.Client) -> None:
    created = _create(client, "cust_00000043").json()

    by_id = client.get(f"/customers/{created['id']}")
    by_ref = client.get("/customers/cust_00000043")

    assert by_id.status_code == by_ref.status_code == 200
    assert by_id.json() == by_ref.json() == created


def test_unknown_customer_is_object_not_found(client: httpx.Client) -> None:
    reply = client.get("/customers/cst_doesnotexist")

    assert reply.status_code == 404
    body = reply.json()
    assert body["error_code"] == "object_not_found"
    assert body["status"] == "Invalid Request"
    assert body["error_message"]


def test_client_auth_token_on_request(client: httpx.Client) -> None:
    created = client.post(
        "/customers",
        data={
            "object_reference_id": "cust_00000044",
            "mobile_number": "9876543210",
            "options.get_client_auth_token": "true",
        },
    ).json()
    fetched = client.get(
        f"/customers/{created['id']}", params={"options.get_client_auth_token": "true"}
    ).json()

    assert created["juspay"]["client_auth_token"].startswith("tkn_")
    assert fetched["juspay"]["client_auth_token"].startswith("tkn_")
    assert (
        created["juspay"]["client_auth_token"] != fetched["juspay"]["client_auth_token"]
    )
    assert fetched["juspay"]["client_auth_token_expiry"].endswith("Z")


def test_short_reference_is_rejected(client: httpx.Client) -> None:
    reply = _create(client, "short")

    assert reply.status_code == 400
    assert reply.json()["error_code"] == "INVALID_INPUT"
    assert "object_reference_id" in reply.json()["error_message"]


def test_missing_mobile_is_rejected(client: httpx.Client) -> None:
    reply = client.post("/customers", data={"object_reference_id": "cust_00000045"})

    assert reply.status_code == 400
    assert "mobile_number" in reply.json()["error_message"]


def test_reposting_a_reference_is_already_exists(client: httpx.Client) -> None:
    first = _create(client, "cust_00000046")

    again = _create(client, "cust_00000046", mobile="9999900002")

    assert first.status_code == 200
    assert again.status_code == 400
    assert again.json()["error_code"] == "ALREADY_EXISTS"
    assert again.json()["status"] == "Invalid Request"


def test_json_body_is_tolerated(client: httpx.Client) -> None:
    reply = client.post(
        "/customers",
        json={
            "object_reference_id": "cust_00000047",
            "mobile_number": "9999900001",
            "options": {"get_client_auth_token": True},
        },
    )

    assert reply.status_code == 200
    assert reply.json()["object_reference_id"] == "cust_00000047"
    assert "client_auth_token" in reply.json()["juspay"]
