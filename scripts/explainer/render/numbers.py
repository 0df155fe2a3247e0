"""Numbers as readers of each language write them: 1750亿 in Chinese, 175 billion in English."""

from __future__ import annotations

from ..factbase.labels import value_label

_ZH_UNITS = ((10**12, "万亿"), (10**8, "亿"), (10**4, "万"))
_EN_UNITS = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def _trim(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def big_number(value: float, lang: str) -> str:
    units = _ZH_UNITS if lang == "zh" else _EN_UNITS
    for size, word in units:
        if abs(value) >= size:
            return f"{_trim(value / size)}{word}" if lang == "zh" else f"{_trim(value / size)} {word}"
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
