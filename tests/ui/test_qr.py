"""The QR widget: read back at 100-200 % scaling, crisp, with a quiet zone."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from pos_app.ui import qr

# A consent URL as long as the gateway's, with an encoded signature in it.
URL = (
    "http://127.0.0.1:8765/amazonpay/consent?session=lnk_7Hq2Vb9XcR4mN1pK8sT3wZ6yA0dF"
    "&merchant_id=pos_demo_store&return_url=http%3A%2F%2F127.0.0.1%3A8765%2Freturn"
    "&token=tok_q9W8e7R6t5Y4u3I2o1P0aSdFgHjKlZxCvBnM&signature=ab%253Dcd%252Bef"
)
SHOTS = Path("/tmp/ui-shots")


def to_pil(image: QImage) -> Image.Image:
    """Copy a QImage into a PIL image, pixel for pixel."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())[: rgb.bytesPerLine() * rgb.height()]
    return Image.frombuffer(
        "RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", rgb.bytesPerLine(), 1
    )


def grab(widget: qr.QrWidget, dpr: float) -> QImage:
    """Render the widget as a screen with this device pixel ratio would show it."""
    side = round(widget.width() * dpr)
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(dpr)
    image.fill(QColor(255, 0, 0))  # anything not painted shows up red
    widget.render(image, QPoint(0, 0))
    return image


def decode(image: Image.Image) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(image)]


def colours(image: Image.Image) -> set[tuple[int, int, int]]:
    return {colour for _count, colour in image.getcolors(maxcolors=1 << 20) or []}


def test_url_is_long_enough_to_matter() -> None:
    assert len(URL) >= 180


@pytest.mark.parametrize("dpr", [1.0, 1.25, 1.5, 2.0])
def test_widget_reads_back_at_each_scaling(qtbot: QtBot, dpr: float) -> None:
    widget = qr.QrWidget(URL)
    qtbot.addWidget(widget)
    widget.resize(280, 280)

    image = to_pil(grab(widget, dpr))
    image.save(SHOTS / f"qr-widget-{int(dpr * 100)}.png")

    assert decode(image) == [URL]
    assert colours(image) == {(0, 0, 0), (255, 255, 255)}  # no grey edges, no gaps


@pytest.mark.parametrize("dpr", [1.0, 1.5, 2.0])
def test_modules_are_whole_device_pixels_with_a_quiet_zone(
    qtbot: QtBot, dpr: float
) -> None:
    widget = qr.QrWidget(URL)
    qtbot.addWidget(widget)
    widget.resize(280, 280)
    image = to_pil(grab(widget, dpr))

    count, scale = widget.module_count(), widget.module_pixels(dpr)
    code_side = count * scale
    left = (image.width - code_side) // 2
    top = (image.height - code_side) // 2
    pixels = image.load()
    assert pixels is not None

    # Each module is one flat colour, square on the device pixel grid.
    matrix = qr.qr_matrix(URL)
    for y in range(count):
        for x in range(count):
            inside = min(x, y) >= qr.QUIET_ZONE and max(x, y) < count - qr.QUIET_ZONE
            dark = inside and matrix[y - qr.QUIET_ZONE][x - qr.QUIET_ZONE]
            expected = (0, 0, 0) if dark else (255, 255, 255)
            box = (left + x * scale, top + y * scale)
            corners = {
                pixels[box[0], box[1]],
                pixels[box[0] + scale - 1, box[1] + scale - 1],
            }
            assert corners == {expected}, (x, y)

    # The quiet zone (and the margin around it) is white all round.
    quiet = qr.QUIET_ZONE * scale
    band = image.crop((0, 0, image.width, top + quiet))
    assert colours(band) == {(255, 255, 255)}


@pytest.mark.parametrize("scale", [1, 3, 6])
def test_qr_image_reads_back(scale: int) -> None:
    image = qr.qr_image(URL, scale)

    pil = to_pil(image)

    assert image.width() == (len(qr.qr_matrix(URL)) + 2 * qr.QUIET_ZONE) * scale
    assert colours(pil) == {(0, 0, 0), (255, 255, 255)}
    if scale > 1:  # one pixel per module is too small for a camera, fine on paper
        assert decode(pil.resize((pil.width * 2, pil.height * 2))) == [URL]


def test_qr_image_at_a_device_pixel_ratio_keeps_its_logical_size() -> None:
    image = qr.qr_image(URL, 4)
    image.setDevicePixelRatio(2.0)

    assert image.deviceIndependentSize().width() == image.width() / 2


def test_set_url_changes_the_code_and_the_description(qtbot: QtBot) -> None:
    widget = qr.QrWidget()
    qtbot.addWidget(widget)
    widget.resize(280, 280)
    assert widget.module_count() == 0
    assert colours(to_pil(grab(widget, 1.0))) == {(255, 255, 255)}

    widget.set_url(URL)

    assert decode(to_pil(grab(widget, 1.0))) == [URL]
    assert widget.accessibleName() == "QR code"
    assert "127.0.0.1" in widget.accessibleDescription()
    assert widget.sizeHint().width() == 280


def test_small_widget_still_uses_whole_modules(qtbot: QtBot) -> None:
    widget = qr.QrWidget(URL)
    qtbot.addWidget(widget)
    widget.resize(widget.minimumSizeHint())

    assert widget.module_pixels(1.0) >= 2
    assert decode(to_pil(grab(widget, 2.0))) == [URL]


def test_too_long_text_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="too long"):
        qr.qr_matrix("x" * 5000)
