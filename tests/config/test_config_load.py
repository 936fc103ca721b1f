"""AppConfig.load: settings file + environment + keyring, and validation messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app import settings_store as store
from pos_app.config import AppConfig, ConfigError, GatewayMode

KEY = "live_key_ABCDEF0123456789"
MERCHANT = "acme_stores"


def _juspay_file(data_dir: Path, **values: str) -> None:
    settings = store.StoredSettings(
        mode="juspay-sandbox", merchant_id=MERCHANT, terminal_id="T07", **values
    )
    store.write_settings(settings, data_dir)


# -- the file --------------------------------------------------------------------


def test_no_file_means_the_embedded_sandbox(tmp_path):
    config = AppConfig.load(env={}, data_dir=tmp_path)

    assert config.uses_embedded_sandbox
    assert config == AppConfig()


def test_the_file_round_trips_every_field(tmp_path):
    settings = store.StoredSettings(
        mode="juspay-production",
        gateway_url="https://api.juspay.in",
        merchant_id='odd "name" \\ ünï',
        return_url="https://shop.example/return?x=1",
        terminal_id="K2",
        amazon_pay_route="PAYU",
        response_key_ref="keyring",
    )

    path = store.write_settings(settings, tmp_path)

    assert path == tmp_path / "settings.toml"
    assert store.read_settings(tmp_path) == settings


def test_file_values_are_used_and_the_key_comes_from_the_keyring(
    tmp_path, memory_keyring
):
    _juspay_file(tmp_path)
    store.SecretStore().set_api_key(MERCHANT, KEY)

    config = AppConfig.load(env={}, data_dir=tmp_path)

    assert config.mode is GatewayMode.JUSPAY_SANDBOX
    assert config.base_url == "https://sandbox.juspay.in"
    assert (config.merchant_id, config.terminal_id) == (MERCHANT, "T07")
    assert config.api_key == KEY
    assert memory_keyring.values == {("pos_app", MERCHANT): KEY}
    assert KEY not in repr(config)


def test_the_environment_overrides_the_file_and_the_keyring(tmp_path):
    _juspay_file(tmp_path, amazon_pay_route="PAYU")
    store.SecretStore().set_api_key(MERCHANT, KEY)
    store.SecretStore().set_api_key("other_merchant", "other_key_1")

    config = AppConfig.load(
        env={
            "POS_MERCHANT_ID": "other_merchant",
            "POS_TERMINAL_ID": "T09",
            "POS_API_KEY": "env_key_42",
        },
        data_dir=tmp_path,
    )

    assert config.merchant_id == "other_merchant"
    assert config.terminal_id == "T09"
    assert config.api_key == "env_key_42"  # the environment beats the keyring
    assert config.amazon_pay_route == "PAYU"  # from the file


def test_the_data_dir_comes_from_pos_data_dir(tmp_path):
    _juspay_file(tmp_path / "elsewhere")

    config = AppConfig.load(
        env={"POS_DATA_DIR": str(tmp_path / "elsewhere"), "POS_API_KEY": KEY}
    )

    assert config.merchant_id == MERCHANT


def test_the_default_data_dir_is_the_store_s(tmp_path, monkeypatch):
    data = tmp_path / "data"  # tests/conftest.py sets POS_DATA_DIR to this
    _juspay_file(data)
    monkeypatch.setenv("POS_API_KEY", KEY)

    assert AppConfig.load().merchant_id == MERCHANT


def test_the_response_key_is_read_from_the_keyring_when_the_file_refers_to_it(
    tmp_path,
):
    _juspay_file(tmp_path, response_key_ref="keyring")
    secrets = store.SecretStore()
    secrets.set_api_key(MERCHANT, KEY)
    secrets.set_response_key(MERCHANT, "resp_key_99")

    config = AppConfig.load(env={}, data_dir=tmp_path)

    assert config.response_key == "resp_key_99"
    assert "resp_key_99" not in repr(config)


def test_a_key_typed_into_the_file_is_never_used(tmp_path):
    (tmp_path / "settings.toml").write_text(
        '[gateway]\nmode = "juspay-sandbox"\nmerchant_id = "m1"\n'
        'api_key = "typed_by_hand"\n',
        encoding="utf-8",
    )

    config = AppConfig.load(env={}, data_dir=tmp_path, validate=False)

    assert config.api_key is None


def test_the_file_never_holds_a_key(tmp_path):
    _juspay_file(tmp_path, response_key_ref="keyring")

    text = (tmp_path / "settings.toml").read_text(encoding="utf-8")

    assert "api_key" not in text
    assert 'response_key_ref = "keyring"' in text


def test_a_damaged_file_names_itself(tmp_path):
    (tmp_path / "settings.toml").write_text("[gateway\nmode = ", encoding="utf-8")

    with pytest.raises(ConfigError, match=r"settings\.toml is damaged"):
        AppConfig.load(env={}, data_dir=tmp_path)


def test_the_keyring_is_not_touched_for_the_embedded_sandbox(tmp_path):
    class Exploding(store.SecretStore):
        def get_api_key(self, merchant_id: str) -> str | None:
            raise AssertionError("the keyring was asked")

    config = AppConfig.load(env={}, data_dir=tmp_path, secrets=Exploding())

    assert config.uses_embedded_sandbox


# -- no keyring on this machine --------------------------------------------------


def test_without_a_keyring_the_error_says_to_use_the_environment(tmp_path, no_keyring):
    _juspay_file(tmp_path)

    with pytest.raises(ConfigError) as caught:
        AppConfig.load(env={}, data_dir=tmp_path)

    message = str(caught.value)
    assert "POS_API_KEY" in message
    assert "No OS keyring is available" in message
    assert [p.field for p in caught.value.problems] == ["api_key"]


def test_without_a_keyring_the_environment_still_works(tmp_path, no_keyring):
    _juspay_file(tmp_path)

    config = AppConfig.load(env={"POS_API_KEY": KEY}, data_dir=tmp_path)

    assert config.api_key == KEY


# -- validation ------------------------------------------------------------------


def test_from_env_keeps_its_behaviour():
    assert AppConfig.from_env({}) == AppConfig()
    with pytest.raises(ConfigError, match="juspay-sandbox"):
        AppConfig.from_env({"POS_GATEWAY_MODE": "paypal"})
    with pytest.raises(ConfigError, match="whole number"):
        AppConfig.from_env({"POS_SANDBOX_LATENCY_MS": "fast"})
    config = AppConfig.from_env(
        {
            "POS_GATEWAY_URL": "http://127.0.0.1:8765",
            "POS_MERCHANT_ID": "pos_sandbox_merchant",
            "POS_API_KEY": "sandbox_api_key_0123456789",
            "POS_AMAZON_PAY_ROUTE": "payu",
        }
    )
    assert config.base_url == "http://127.0.0.1:8765"
    assert config.amazon_pay_route == "PAYU"


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"terminal_id": "T-001"}, "terminal_id", "1 to 6 letters or digits"),
        ({"return_url": "pos.invalid/return"}, "return_url", "full web address"),
        ({"amazon_pay_route": "PAYPAL"}, "amazon_pay_route", "PAYU"),
        ({"merchant_id": None}, "merchant_id", "Juspay dashboard"),
        ({"merchant_id": "acme stores"}, "merchant_id", "no spaces"),
        ({"api_key": None}, "api_key", "POS_API_KEY"),
        ({"api_key": "abc\n"}, "api_key", "paste it again"),
        ({"gateway_url": "http://sandbox.juspay.in"}, "gateway_url", "https only"),
        ({"gateway_url": "https://h.in/?a=1"}, "gateway_url", "'?'"),
    ],
)
def test_each_problem_names_its_field_in_plain_words(changes, field, words):
    values = {
        "mode": GatewayMode.JUSPAY_SANDBOX,
        "merchant_id": MERCHANT,
        "api_key": KEY,
        **changes,
    }
    config = AppConfig(**values)

    problems = config.problems()

    assert [p.field for p in problems] == [field]
    assert words in problems[0].message
    with pytest.raises(ConfigError) as caught:
        config.validate()
    assert caught.value.problems == tuple(problems)


def test_every_problem_is_reported_at_once():
    config = AppConfig(mode=GatewayMode.JUSPAY_PRODUCTION, terminal_id="")

    fields = [p.field for p in config.problems()]

    assert fields == ["terminal_id", "merchant_id", "api_key"]


@pytest.mark.parametrize(
    ("given", "language"),
    [
        ("hi", "hi"),
        ("HI", "hi"),
        ("hi_IN", "hi"),
        ("hi-IN", "hi"),
        ("en", "en"),
        ("", "en"),
    ],
)
def test_the_language_is_read_the_same_from_the_environment_and_the_file(
    tmp_path: Path, given: str, language: str
) -> None:
    assert AppConfig.from_env({"POS_LANGUAGE": given}).language == language
    (tmp_path / "settings.toml").write_text(
        f'[gateway]\nlanguage = "{given}"\n', encoding="utf-8"
    )
    assert AppConfig.load(env={}, data_dir=tmp_path).language == language


def test_an_unknown_language_falls_back_to_english_and_never_stops_the_till(
    caplog: pytest.LogCaptureFixture,
) -> None:
    config = AppConfig.from_env({"POS_LANGUAGE": "fr"})  # validates: no ConfigError
    assert config.language == "en"
    assert "unknown language 'fr'" in caplog.text
