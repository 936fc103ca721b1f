"""GatewayConfig: secrets out of repr, validation, host constants."""

from __future__ import annotations

import dataclasses

import pytest

from pos_app.gateway.config import (
    DEFAULT_API_VERSION,
    JUSPAY_PRODUCTION_URL,
    JUSPAY_SANDBOX_URL,
    GatewayConfig,
)


def test_secrets_are_not_in_repr(config: GatewayConfig) -> None:
    text = repr(config)

    assert "key_live_SECRET123" not in text
    assert "resp_key_abc" not in text
    assert "pos_test" in text


def test_defaults() -> None:
    config = GatewayConfig("https://gateway.test/", "m", "k")

    assert config.base_url == "https://gateway.test"
    assert config.version == DEFAULT_API_VERSION == "2023-06-30"
    assert (config.connect_timeout, config.read_timeout) == (5.0, 30.0)
    assert config.lookup_timeout < config.read_timeout
    assert config.return_url is None


def test_frozen(config: GatewayConfig) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.api_key = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"base_url": "gateway.test"},
        {"base_url": "ftp://gateway.test"},
        {"base_url": "https://gateway.test?x=1"},
        {"merchant_id": " "},
        {"api_key": ""},
        {"read_timeout": 0},
        {"connect_timeout": -1},
    ],
)
def test_invalid_settings(kwargs: dict[str, object]) -> None:
    settings: dict[str, object] = {
        "base_url": "https://gateway.test",
        "merchant_id": "m",
        "api_key": "k",
        **kwargs,
    }

    with pytest.raises(ValueError):
        GatewayConfig(**settings)  # type: ignore[arg-type]


def test_juspay_hosts() -> None:
    assert JUSPAY_SANDBOX_URL == "https://sandbox.juspay.in"
    assert JUSPAY_PRODUCTION_URL == "https://api.juspay.in"
    assert GatewayConfig(JUSPAY_SANDBOX_URL, "m", "k").is_juspay_host
    assert not GatewayConfig("http://127.0.0.1:8080", "m", "k").is_juspay_host
    assert not GatewayConfig("https://notjuspay.in", "m", "k").is_juspay_host
