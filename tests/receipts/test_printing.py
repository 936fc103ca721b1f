"""ESC/POS output to python-escpos Dummy and File printers, and printer failures."""

from __future__ import annotations

import errno
from dataclasses import replace
from pathlib import Path

import pytest
from escpos.constants import (  # type: ignore[import-untyped, unused-ignore]
    HW_INIT,
    PAPER_FULL_CUT,
    RT_MASK_NOPAPER,
    RT_STATUS_ONLINE,
    RT_STATUS_PAPER,
    S_RASTER_N,
)
from escpos.printer import (  # type: ignore[import-untyped, unused-ignore]
    Dummy,
    File,
    Network,
)

from pos_app.checkout.types import Receipt
from pos_app.receipts import document, printing
from pos_app.receipts.settings import ReceiptSettings

from .conftest import FULL_NUMBER

QR_STORE = b"\x1d(k"  # GS ( k: the printer's own QR commands


@pytest.fixture
def doc(receipt: Receipt, settings: ReceiptSettings) -> document.ReceiptDocument:
    return document.from_receipt(receipt, settings, terminal_id="T01", cashier="asha")


class StatusPrinter(Dummy):  # type: ignore[misc]
    """A Dummy that answers real-time status queries like a printer would."""

    def __init__(self, *, online: bool = True, paper: int = 0x12) -> None:
        super().__init__()
        self._answers = {RT_STATUS_ONLINE: 0 if online else 8, RT_STATUS_PAPER: paper}
        self._last = b""

    def _raw(self, msg: bytes) -> None:
        self._last = msg
        super()._raw(msg)

    def _read(self) -> bytes:
        return bytes([self._answers[self._last]])


class BrokenPrinter(Dummy):  # type: ignore[misc]
    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self._error = error

    def _raw(self, msg: bytes) -> None:
        raise self._error


def test_dummy_gets_text_bold_header_native_qr_and_a_cut(
    doc: document.ReceiptDocument,
) -> None:
    printer = Dummy()

    printing.print_receipt(doc, printer)

    out = printer.output
    assert out.startswith(HW_INIT)
    assert out.endswith(PAPER_FULL_CUT)
    assert b"\x1bE\x01" in out  # bold on
    assert b"Chai Point Stores\n" in out
    assert b"TOTAL                       Rs.1,23,935.50\n" in out
    assert b"  2 x Rs.145.00" + b" " * 18 + b"Rs.290.00\n" in out
    assert b"Customer                        ******3210\n" in out
    assert QR_STORE in out
    assert doc.ereceipt.split("Check ")[1].encode() in out  # the token, in the QR
    assert FULL_NUMBER.encode() not in out
    # The code page has no rupee sign: only the QR data (UTF-8, for phones) has it.
    assert out.count("₹".encode()) == doc.ereceipt.count("₹") == 1
    assert doc.ereceipt.encode() in out


def test_qr_as_image_when_the_printer_cannot_draw_it(
    doc: document.ReceiptDocument,
) -> None:
    job = printing.build_job(doc, native_qr=False)

    assert S_RASTER_N in job
    assert QR_STORE not in job
    assert job.endswith(PAPER_FULL_CUT)


def test_48_columns(doc: document.ReceiptDocument) -> None:
    job = printing.build_job(doc, columns=48)

    assert b"TOTAL" + b"Rs.1,23,935.50".rjust(43) + b"\n" in job


def test_file_printer_from_configuration(
    doc: document.ReceiptDocument, settings: ReceiptSettings, tmp_path: Path
) -> None:
    target = tmp_path / "lp0"
    configured = replace(settings, printer=f"file:{target}")

    outcome = printing.print_to(configured, doc)

    assert outcome == printing.PrintOutcome(True, "Receipt printed.")
    assert target.read_bytes() == printing.build_job(doc)


def test_open_printer_specs(tmp_path: Path) -> None:
    assert isinstance(printing.open_printer("dummy"), Dummy)
    file = printing.open_printer(f"file:{tmp_path / 'x'}")
    assert isinstance(file, File) and file.devfile == str(tmp_path / "x")
    # Built, never connected: no network in tests.
    network = printing.open_printer("network:192.0.2.10:9100", timeout=2)
    assert isinstance(network, Network)
    assert (network.host, network.port, network.timeout) == ("192.0.2.10", 9100, 2)
    assert (
        printing.open_printer("dummy", profile="TM-T88V").profile.profile_data["name"]
        == "TM-T88V"
    )


@pytest.mark.parametrize(
    "spec", ["lpt1", "network:printer", "network:host:99999", "usb:xyz:1", "file:"]
)
def test_bad_specs_say_what_to_write(spec: str) -> None:
    with pytest.raises(printing.PrinterError, match="network:host:port") as caught:
        printing.open_printer(spec)

    assert caught.value.code == "config"


def test_no_printer_configured(
    doc: document.ReceiptDocument, settings: ReceiptSettings
) -> None:
    outcome = printing.print_to(settings, doc)

    assert not outcome.ok
    assert outcome.code == "not_configured"
    assert outcome.message.startswith("The sale is paid and saved.")
    assert "e-receipt QR" in outcome.message


def test_missing_device_is_offline_and_the_sale_stays_paid(
    doc: document.ReceiptDocument, settings: ReceiptSettings, tmp_path: Path
) -> None:
    configured = replace(settings, printer=f"file:{tmp_path / 'no' / 'such' / 'lp0'}")

    outcome = printing.print_to(configured, doc)

    assert not outcome.ok
    assert outcome.code == "offline"
    assert outcome.message == (
        "The sale is paid and saved. The receipt printer cannot be reached. Check "
        "that it is switched on and connected. Reprint it from the manager area."
    )


def test_paper_out(doc: document.ReceiptDocument, settings: ReceiptSettings) -> None:
    printer = StatusPrinter(paper=RT_MASK_NOPAPER)

    outcome = printing.print_to(settings, doc, printer=printer)

    assert outcome.code == "paper_out"
    assert "out of paper" in outcome.message
    assert b"TOTAL" not in printer.output  # nothing sent after the check failed


def test_offline(doc: document.ReceiptDocument, settings: ReceiptSettings) -> None:
    outcome = printing.print_to(settings, doc, printer=StatusPrinter(online=False))

    assert outcome.code == "offline"
    assert "offline (cover open" in outcome.message


def test_a_healthy_printer_is_checked_then_printed(
    doc: document.ReceiptDocument, settings: ReceiptSettings
) -> None:
    printer = StatusPrinter()

    outcome = printing.print_to(settings, doc, printer=printer)

    assert outcome.ok
    assert printer.output.startswith(RT_STATUS_ONLINE + RT_STATUS_PAPER + HW_INIT)
    assert printer.output.endswith(PAPER_FULL_CUT)


@pytest.mark.parametrize(
    ("error", "code", "words"),
    [
        (TimeoutError("timed out"), "offline", "did not answer"),
        (BrokenPipeError(errno.EPIPE, "Broken pipe"), "offline", "connection"),
        (OSError(errno.ENOSPC, "No space left on device"), "failed", "disk is full"),
        (OSError(errno.EIO, "Input/output error"), "offline", "Input/output error"),
    ],
)
def test_device_errors_map_to_messages(
    doc: document.ReceiptDocument,
    settings: ReceiptSettings,
    error: BaseException,
    code: str,
    words: str,
) -> None:
    outcome = printing.print_to(settings, doc, printer=BrokenPrinter(error))

    assert (outcome.ok, outcome.code) == (False, code)
    assert words in outcome.message
    assert outcome.message.startswith("The sale is paid and saved.")
