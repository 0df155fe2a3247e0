"""`make translations`: every text still missing in one of the site's languages, picked from the validator's own problems.

Nothing is checked here: the inputs are loaded exactly as `make check` loads them, and of the problems
found only those about a missing language are kept. A file the validator cannot read at all (a YAML
syntax error) is not searched; `make check` reports it.
"""

from __future__ import annotations

import re
from pathlib import Path

from .inputs import load_inputs
from .problems import InputError, Problem
from .registry import LANGUAGES

# The validator's wording (factbase/schema.py for facts, article/translation.py for the article).
_LANGUAGES = "|".join(language.english_name for language in LANGUAGES)
MISSING = re.compile(
    rf"missing the ({_LANGUAGES}) text \('[a-z]+:'\)"
    rf"|has no ({_LANGUAGES}) translation"
    r"|changed after it was translated"
)


def split_problems(facts: Path) -> tuple[list[Problem], list[Problem]]:
    """The problems of the inputs at `facts`: (missing translations, everything else)."""
    try:
        load_inputs(facts)
    except InputError as err:
        missing = [p for p in err.problems if MISSING.search(p.message)]
        return missing, [p for p in err.problems if p not in missing]
    return [], []
