from decimal import Decimal

import pytest

from pos_app.domain.money import MAX_AMOUNT, InvalidAmount, Money, group_indian


def test_one_paisa_round_trips_to_the_gateway_string():
    assert Money.parse("0.01").paise == 1
    assert Money(1).to_gateway() == "0.01"
    assert Money(1).to_decimal() == Decimal("0.01")


def test_three_times_19_99_is_exact():
    assert (Money.parse("19.99") * 3).paise == 5997
    assert (Money.parse("19.99") * 3).to_gateway() == "59.97"
    assert sum([Money.parse("0.10")] * 3, Money.zero()) == Money(30)


def test_8_165_is_rejected_exactly_and_rounds_half_up_when_asked():
    with pytest.raises(InvalidAmount, match="two decimals"):
        Money.from_decimal("8.165")
    assert Money.from_decimal("8.165", exact=False).paise == 817
    assert Money.from_decimal("8.164", exact=False).paise == 816
    with pytest.raises(InvalidAmount):
        Money.parse("8.165")


@pytest.mark.parametrize(
    ("paise", "text"),
    [
        (0, "₹0.00"),
        (5, "₹0.05"),
        (99999, "₹999.99"),
        (100000, "₹1,000.00"),
        (12345600, "₹1,23,456.00"),
        (123456789012, "₹1,23,45,67,890.12"),
        (-150, "-₹1.50"),
    ],
)
def test_indian_grouping(paise, text):
    assert Money(paise).format() == text


def test_group_indian_digits():
    assert group_indian(1000000) == "10,00,000"
    assert group_indian(100) == "100"


def test_large_totals_stay_exact():
    big = Money.parse("999999.99")
    assert (big * 999).to_gateway() == "998999990.01"
    assert big.paise == 99999999


@pytest.mark.parametrize(
    "text", ["", "abc", "-5", "1.234", "1..2", "12a", "₹", "1e3", "NaN", " . "]
)
def test_bad_typed_amounts_are_refused_with_a_message(text):
    with pytest.raises(InvalidAmount) as info:
        Money.parse(text)
    assert str(info.value)


@pytest.mark.parametrize(
    ("text", "paise"),
    [("149", 14900), ("149.5", 14950), ("₹1,23,456.50", 12345650), ("Rs. 10", 1000)],
)
def test_typed_amounts(text, paise):
    assert Money.parse(text).paise == paise


def test_amounts_above_the_cap_are_refused():
    assert Money.parse("1000000").paise == MAX_AMOUNT.paise
    with pytest.raises(InvalidAmount, match="above"):
        Money.parse("1000000.01")


def test_from_gateway_takes_numbers_strings_and_decimals_not_bools():
    assert Money.from_gateway(395).paise == 39500
    assert Money.from_gateway(Decimal("138.76")).paise == 13876
    assert Money.from_gateway("100.15").paise == 10015
    assert (
        Money.from_gateway(138.76).paise == 13876
    )  # decoded as float by a careless parser
    for bad in (True, None, [1]):
        with pytest.raises(InvalidAmount):
            Money.from_gateway(bad)


def test_floats_and_bools_are_not_paise():
    with pytest.raises(TypeError):
        Money(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(True)
