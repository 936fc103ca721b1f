"""SecretStore: the API key and response key in the OS keyring, and its failures."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import chainer, null

from pos_app import settings_store as store

MERCHANT = "acme_stores"


def test_keys_are_stored_under_the_merchant_id(memory_keyring):
    secrets = store.SecretStore()

    secrets.set_api_key(MERCHANT, "  live_key_1 \n")
    secrets.set_response_key(MERCHANT, "resp_1")

    assert memory_keyring.values == {
        ("pos_app", MERCHANT): "live_key_1",
        ("pos_app", f"{MERCHANT}/response_key"): "resp_1",
    }
    assert secrets.get_api_key(MERCHANT) == "live_key_1"
    assert secrets.get_api_key("someone_else") is None
    assert secrets.available()


def test_deleting_a_key_that_is_not_there_is_fine(memory_keyring):
    secrets = store.SecretStore()
    secrets.set_api_key(MERCHANT, "k")

    secrets.delete_api_key(MERCHANT)
    secrets.delete_api_key(MERCHANT)

    assert memory_keyring.values == {}


def test_an_empty_key_or_merchant_is_refused():
    secrets = store.SecretStore()
    with pytest.raises(store.SecretStoreError, match="empty"):
        secrets.set_api_key(MERCHANT, "   ")
    with pytest.raises(store.SecretStoreError, match="merchant id"):
        secrets.set_api_key("", "k")


@pytest.mark.usefixtures("no_keyring")
def test_no_backend_says_to_use_the_environment():
    secrets = store.SecretStore()

    assert not secrets.available()
    with pytest.raises(store.NoKeyringBackendError, match="POS_API_KEY"):
        secrets.set_api_key(MERCHANT, "k")
    with pytest.raises(store.NoKeyringBackendError, match="POS_RESPONSE_KEY"):
        secrets.get_response_key(MERCHANT)


@pytest.mark.parametrize(
    "backend",
    [null.Keyring(), chainer.ChainerBackend()],
    ids=["null", "empty-chain"],
)
def test_backends_that_store_nothing_count_as_none(backend, monkeypatch):
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [], raising=False)
    keyring.set_keyring(backend)

    assert not store.SecretStore().available()


def test_a_locked_keyring_is_explained_without_the_value(locked_keyring):
    secrets = store.SecretStore(locked_keyring)

    with pytest.raises(store.SecretStoreError) as caught:
        secrets.set_api_key(MERCHANT, "live_key_secret")

    assert "Unlock the keyring" in str(caught.value)
    assert "POS_API_KEY" in str(caught.value)
    assert "live_key_secret" not in str(caught.value)
    assert "live_key_secret" not in repr(caught.value.__cause__)


def test_an_explicit_backend_beats_the_global_one(memory_keyring):
    private = type(memory_keyring)()
    secrets = store.SecretStore(private)

    secrets.set_api_key(MERCHANT, "k")

    assert private.values and not memory_keyring.values
