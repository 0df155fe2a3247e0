"""Numbers as readers of each language write them: 1750亿 in Chinese, 175 billion in English."""

from __future__ import annotations

from ..factbase.model import value_label
from ..registry import language


def _trim(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def big_number(value: float, lang: str) -> str:
    written = language(lang)
    for size, word in written.number_words:
        if abs(value) >= size:
            return f"{_trim(value / size)}{written.number_space}{word}"
    return _trim(value)


def quantity(value: float, unit: str, lang: str, strings: dict[str, str]) -> str:
    """A value with its unit: 'US$1.4 million', '60.92亿元', '8%'."""
    if unit == "percent":
        return f"{_trim(value)}%"
    number = big_number(value, lang)
    # Every unit the schema allows has a label holding {n}, or is shown as written (factbase/labels.py).
    label = value_label("figures", "unit", unit, strings)
    template = label if "{n}" in label else "{n} " + label.replace("{", "{{").replace("}", "}}")
    return template.format(n=number)
