"""How many examples each property and fuzz test draws: a few in `make test`, the full count in `make fuzz`.

Every property is checked in both; `make test` only draws fewer examples of it, so that it stays fast. `make fuzz`
(and CI) sets EXAMPLES=full and draws each test's full count; FUZZ_CASES sets the fuzz cases apart (10,000 in
`make fuzz`). The seed is fixed wherever a test says `derandomize=True`, so the few are always the same few.
"""

from __future__ import annotations

import os

FULL = os.environ.get("EXAMPLES", "") == "full"


def examples(full: int, quick: int) -> int:
    """`full` examples with EXAMPLES=full, else `quick`."""
    return full if FULL else quick
