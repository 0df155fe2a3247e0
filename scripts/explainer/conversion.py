"""Texts of a derived language, converted from its written language with OpenCC (registry.py names the conversion).

OpenCC is the converter Wikipedia's and most Chinese software's Simplified-Traditional conversion grew from: its
dictionaries convert phrase by phrase (干 in 干净 and in 树干 differ), which a character table cannot.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import opencc

from .registry import base, language


@cache
def _converter(conversion: str) -> Callable[[str], str]:
    return cache(opencc.OpenCC(f"{conversion}.json").convert)  # the same names and labels recur on every page


def converter(code: str) -> Callable[[str], str]:
    """How a text of the language `code` is made from its written language's: the identity for a written one."""
    conversion = language(code).conversion
    return _converter(conversion) if conversion else str


def derived_text(value: dict[str, Any], code: str) -> Any:
    """A text (or a list of aliases) of a per-language value in the language `code`: its own where it has one,
    else converted from its written language's."""
    if code in value:
        return value[code]
    written = value.get(base(code))
    convert = converter(code)
    if isinstance(written, (list, tuple)):
        return type(written)(convert(item) for item in written)
    return convert(written) if isinstance(written, str) else written
