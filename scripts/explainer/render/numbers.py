"""Numbers as readers of each language write them: 1750亿 in Chinese (no thousands separator), 175 billion in English."""

from __future__ import annotations

from ..factbase.model import value_label
from ..registry import language


def _trim(x: float, thousands: str) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".").replace(",", thousands)


def big_number(value: float, lang: str) -> str:
    written = language(lang)
    for size, word in written.number_words:
        if abs(value) >= size:
            return f"{_trim(value / size, written.thousands)}{written.number_space}{word}"
    return _trim(value, written.thousands)


def quantity(value: float, unit: str, lang: str, strings: dict[str, str]) -> str:
    """A value with its unit: 'US$1.4 million', '60.92亿元', '8%'."""
    if unit == "percent":
        return f"{_trim(value, language(lang).thousands)}%"
    number = big_number(value, lang)
    # Every unit the schema allows has a label holding {n}, or is shown as written (factbase/labels.py).
    label = value_label("figures", "unit", unit, strings)
    template = label if "{n}" in label else "{n} " + label.replace("{", "{{").replace("}", "}}")
    return template.format(n=number)


def figure_text(
    value: float, unit: str, lang: str, strings: dict[str, str], up_to: float | None = None, more_than: bool = False
) -> str:
    """A figure as the page writes it, with its precision: '超过15%', 'US$2 million to US$12 million'."""
    low = quantity(value, unit, lang, strings)
    if more_than:  # a bound away from zero: more than 15%, or below -10% for a fall of more than 10%
        return strings["figure.more_than" if value >= 0 else "figure.below"].format(n=low)
    if up_to is None:
        return low
    return strings["figure.range"].format(low=low, high=quantity(up_to, unit, lang, strings))
