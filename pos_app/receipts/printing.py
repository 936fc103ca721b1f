"""Print a receipt on an ESC/POS thermal printer through python-escpos.

Printing is best effort: the sale is paid and saved before anything prints, and a
failed print is reprinted from the manager area. :func:`print_to` never raises; it
returns a :class:`PrintOutcome` whose message is fit to show the cashier.

The job is built in memory first (python-escpos's ``Dummy`` printer, the way its
documentation suggests for preparing jobs) and sent in one write, so a printer that
drops off half-way does not leave a half-built job in our code, and rendering bugs
never reach the device.

Printer specs (``POS_RECEIPT_PRINTER``): ``file:/dev/usb/lp0`` (any device file, or
a plain file), ``network:192.168.1.50:9100``, ``usb:04b8:0202`` (hex vendor and
product ids; needs pyusb), ``dummy`` (prints nowhere). Empty means no printer.

Calls block (device I/O with timeouts): run them on a worker thread.
"""

from __future__ import annotations

import errno
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pos_app.domain.text import translate
from pos_app.receipts.document import ReceiptDocument
from pos_app.receipts.layout import Style, layout_lines
from pos_app.receipts.settings import ReceiptSettings

if TYPE_CHECKING:
    from escpos.escpos import Escpos  # type: ignore[import-untyped, unused-ignore]

__all__ = [
    "PRINTER_CURRENCY",
    "PrintOutcome",
    "PrinterError",
    "build_job",
    "open_printer",
    "print_receipt",
    "print_to",
]

log = logging.getLogger(__name__)

#: Thermal printers' code pages have no rupee sign (python-escpos would print "?").
PRINTER_CURRENCY = "Rs."
_QR_MODULE_DOTS = 6  # about 0.75 mm per module at 203 dpi: easy for a phone
_USB_NEEDS_PYUSB = translate(
    "Receipts", "USB receipt printers need the pyusb package on this terminal."
)


class PrinterError(Exception):
    """Printing failed; ``message`` tells the cashier what to do.

    ``code`` is one of ``not_configured``, ``config``, ``unsupported``,
    ``offline``, ``paper_out``, ``failed``.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class PrintOutcome:
    ok: bool
    message: str
    code: str = ""


def open_printer(spec: str, *, profile: str = "", timeout: float = 5.0) -> Escpos:
    """Return a python-escpos printer for ``spec`` (not connected until used).

    Raises PrinterError (``not_configured``, ``config`` or ``unsupported``).
    """
    from escpos import printer as escpos_printer  # type: ignore[import-untyped, unused-ignore]

    spec = spec.strip()
    kind, _, rest = spec.partition(":")
    kwargs: dict[str, Any] = {"profile": profile} if profile else {}
    if not spec:
        raise PrinterError(
            "not_configured", translate("Receipts", "No receipt printer is set up.")
        )
    if kind == "dummy" and not rest:
        return escpos_printer.Dummy(**kwargs)
    if kind == "file" and rest:
        return escpos_printer.File(rest, **kwargs)
    if kind == "network":
        host, _, port = rest.rpartition(":")
        if host and port.isdigit() and 0 < int(port) < 65536:
            return escpos_printer.Network(host, int(port), timeout=timeout, **kwargs)
    if kind == "usb":
        vendor, _, product = rest.partition(":")
        try:
            ids = int(vendor, 16), int(product, 16)
        except ValueError:
            ids = None
        if ids is not None:
            from escpos.printer import usb  # type: ignore[import-untyped, unused-ignore]

            if not usb.is_usable():
                raise PrinterError("unsupported", _USB_NEEDS_PYUSB)
            return escpos_printer.Usb(
                ids[0], ids[1], timeout=int(timeout * 1000), **kwargs
            )
    raise PrinterError(
        "config",
        translate(
            "Receipts",
            "The receipt printer setting {spec} is not understood; use file:/path, "
            "network:host:port, usb:vendor:product or dummy.",
        ).format(spec=repr(spec)),
    )


def build_job(
    document: ReceiptDocument,
    *,
    profile: Any = None,
    columns: int | None = None,
    currency: str = PRINTER_CURRENCY,
    native_qr: bool | None = None,
) -> bytes:
    """Return the ESC/POS bytes for ``document`` (initialise, text, QR, cut).

    ``profile`` is a python-escpos profile (name or object) and gives the column
    count and whether the printer draws QR codes itself (``native_qr`` overrides);
    otherwise the QR is sent as a raster image.
    """
    from escpos.constants import QR_ECLEVEL_M  # type: ignore[import-untyped, unused-ignore]
    from escpos.magicencode import MagicEncode  # type: ignore[import-untyped, unused-ignore]
    from escpos.printer import Dummy  # type: ignore[import-untyped, unused-ignore]

    if profile is None or isinstance(profile, str):
        job = Dummy(profile=profile)
    else:
        # WORKAROUND: python-escpos 3.1 get_profile() accepts only its Profile
        # subclass, not the profile object a printer carries; hand it over here.
        job = Dummy()
        job.profile = profile
        job.magic = MagicEncode(job)
    width = columns or job.profile.get_columns("a")
    native = job.profile.supports("qrCode") if native_qr is None else native_qr

    job.hw("INIT")
    for line in layout_lines(document, width, currency=currency):
        if line.style is Style.TITLE:
            name = line.text.strip()
            job.set(
                align="center",
                bold=True,
                double_height=True,
                double_width=2 * len(name) <= width,
            )
            job.textln(name)
            job.set(normal_textsize=True, bold=False, align="left")
        elif line.style is Style.BOLD:
            job.set(bold=True)
            job.textln(line.text)
            job.set(bold=False)
        elif line.style is Style.QR:
            job.set(align="center")
            job.qr(line.text, ec=QR_ECLEVEL_M, size=_QR_MODULE_DOTS, native=native)
            job.set(align="left")
            job.ln()
        else:
            job.textln(line.text)
    job.cut()
    output: bytes = job.output
    return output


def print_receipt(
    document: ReceiptDocument,
    printer: Escpos,
    *,
    columns: int | None = None,
    currency: str = PRINTER_CURRENCY,
    native_qr: bool | None = None,
    check_status: bool = True,
) -> None:
    """Print ``document`` on ``printer`` and cut; raise PrinterError on failure.

    With ``check_status`` a printer that can answer (network, USB, serial) is asked
    first whether it is online and has paper; one that cannot (a file) is just
    written. A printer that does not answer in time is printed to anyway.
    """
    job = build_job(
        document,
        profile=printer.profile,
        columns=columns,
        currency=currency,
        native_qr=native_qr,
    )
    try:
        if check_status:
            _check_status(printer)
        printer._raw(job)  # python-escpos documents this for sending a Dummy job
        flush = getattr(printer, "flush", None)
        if callable(flush):
            flush()
    except PrinterError:
        raise
    except Exception as exc:
        raise _translate(exc) from exc
    log.info("receipt %s printed (%d bytes)", document.order_id, len(job))


def print_to(
    settings: ReceiptSettings,
    document: ReceiptDocument,
    *,
    printer: Escpos | None = None,
    check_status: bool = True,
) -> PrintOutcome:
    """Print on the configured printer (or ``printer``); never raises.

    The outcome's message is for the cashier; failures are logged as warnings (the
    sale stays paid; a reprint is in the manager area).
    """
    owned = printer is None
    try:
        if printer is None:
            printer = open_printer(settings.printer, profile=settings.printer_profile)
        print_receipt(
            document, printer, columns=settings.columns, check_status=check_status
        )
    except PrinterError as exc:
        log.warning("receipt %s not printed: %s", document.order_id, exc.message)
        if exc.code == "not_configured":
            said = translate(
                "Receipts",
                "The sale is paid and saved. {problem} Show the e-receipt QR instead.",
            )
        else:
            said = translate(
                "Receipts",
                "The sale is paid and saved. {problem} Reprint it from the manager "
                "area.",
            )
        return PrintOutcome(False, said.format(problem=exc.message), exc.code)
    finally:
        if owned and printer is not None:
            _close(printer)
    return PrintOutcome(True, translate("Receipts", "Receipt printed."))


def _check_status(printer: Escpos) -> None:
    from escpos.escpos import Escpos as Base  # type: ignore[import-untyped, unused-ignore]

    if type(printer)._read is Base._read:  # a file or the dummy: nothing answers
        return
    try:
        online = printer.is_online()
        paper = printer.paper_status()
    except (NotImplementedError, TimeoutError):
        log.debug("printer %r cannot report its status; printing anyway", printer)
        return
    if not online:
        raise PrinterError(
            "offline",
            translate(
                "Receipts",
                "The receipt printer is offline (cover open or an error light). "
                "Fix it, then reprint.",
            ),
        )
    if paper == 0:
        raise PrinterError(
            "paper_out",
            translate(
                "Receipts", "The receipt printer is out of paper. Load a new roll."
            ),
        )
    if paper == 1:
        log.warning("receipt printer paper is running low")


def _translate(exc: BaseException) -> PrinterError:
    """Turn a python-escpos or OS error into a message the cashier can act on."""
    from escpos import exceptions  # type: ignore[import-untyped, unused-ignore]

    if isinstance(exc, exceptions.DeviceNotFoundError):
        return PrinterError(
            "offline",
            translate(
                "Receipts",
                "The receipt printer cannot be reached. Check that it is switched on "
                "and connected.",
            ),
        )
    if isinstance(exc, TimeoutError):
        return PrinterError(
            "offline",
            translate("Receipts", "The receipt printer did not answer in time."),
        )
    if isinstance(exc, ConnectionError):
        return PrinterError(
            "offline",
            translate("Receipts", "The connection to the receipt printer failed."),
        )
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return PrinterError(
            "failed", translate("Receipts", "The receipt file's disk is full.")
        )
    if isinstance(exc, OSError):
        return PrinterError(
            "offline",
            translate(
                "Receipts", "The receipt printer reported an error ({error})."
            ).format(error=str(exc.strerror or exc)),
        )
    if isinstance(exc, RuntimeError) and "usb" in str(exc).lower():
        return PrinterError("unsupported", _USB_NEEDS_PYUSB)
    log.error("unexpected printer failure", exc_info=exc)
    return PrinterError(
        "failed", translate("Receipts", "The receipt could not be printed.")
    )


def _close(printer: Escpos) -> None:
    try:
        printer.close()
    except Exception:  # closing a dead device must not hide the outcome
        log.debug("closing the printer failed", exc_info=True)
