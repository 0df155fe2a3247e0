"""A one-character fix to Material's search worker, applied at build time to the installed theme's file.

Material segments a Chinese query against the words in the index, but its loop stops one
character short (`j < query.length`), so a word that ends the query is never recognised: 千问
is searched as 千, and 通义千问 as 通义 plus 千. With `<=` the whole word is found. The patched
copy is written into the docs folders, where MkDocs lets it take the place of the theme's file.
"""

from __future__ import annotations

from pathlib import Path

import material

from .problems import InputError, Problem

WORKER_DIR = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
BROKEN = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"
FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"


def patched_search_worker() -> tuple[str, bytes]:
    """The worker's path inside a docs folder and its fixed text; fails loudly if Material changed."""
    workers = sorted(WORKER_DIR.glob("search.*.min.js"))
    if len(workers) != 1:
        raise InputError([Problem(str(WORKER_DIR), 1, 1, f"expected one search worker, found {len(workers)}")])
    text = workers[0].read_text(encoding="utf-8")
    if text.count(BROKEN) != 1:
        hint = "Material's search worker changed: check whether the query segmentation still needs this fix"
        raise InputError([Problem(str(workers[0]), 1, 1, "the search worker patch no longer applies", hint)])
    return f"assets/javascripts/workers/{workers[0].name}", text.replace(BROKEN, FIXED).encode("utf-8")
