"""Fixes to Material's JavaScript, applied at build time to copies of the installed theme's files.

The search worker:
1. Material segments a Chinese query against the words in the index, but its loop stops one
   character short (`j < query.length`), so a word that ends the query is never recognised: 千问
   is searched as 千, and 通义千问 as 通义 plus 千. With `<=` the whole word is found.
2. The same segmentation keeps only the words of the index it finds in a Chinese run: a reader who
   has typed 郑宏 (on the way to 郑宏达) searched for 郑 alone. A run that is not one word of the
   index is now also searched whole, as the beginning of a word.
3. Material searches every query word as a prefix (`3` becomes `3*`), and lunr scores each word a
   prefix expands to as if it had been typed: for "GPT-3", a page full of 360 and 3.5 outranked
   GPT-3's own. So the worker now remembers the query as typed and multiplies the score of a page
   by EXACT_NAME_BOOST when the query is its title or one of its tags (an entity page's tags are
   its names and aliases), comparing lower case with the search separator's characters removed.

The page bundle:
4. Material fetches the search index (about 100 KB gzipped, half of a page's first load) on every
   page as soon as it opens, whether or not the reader searches. It already waits for the search
   box to be opened when a site is read from disk (file://); the patch makes it wait always. The
   highlighter of words a search result led to (`?h=` in the address) also asked for the index on
   every page; it now asks only when the address has `?h=`.

The patched copies are written into the docs folders, where MkDocs lets them take the place of the
theme's files. The build fails loudly if Material's files no longer hold the code patched.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import material

from .problems import InputError, Problem

JAVASCRIPTS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"

# Large enough that the exact name wins over any page that only contains its words.
EXACT_NAME_BOOST = 100

# A query or name as compared: lower case, without the characters the search separator splits on.
_COMPARABLE = 'toLowerCase().split(lunr.tokenizer.separator).join("")'


class Patch(NamedTuple):
    purpose: str
    broken: str
    fixed: str


class PatchedFile(NamedTuple):
    pattern: str  # the file's name under JAVASCRIPTS, its hash as a wildcard
    patches: tuple[Patch, ...]


PATCHED_FILES = (
    PatchedFile(
        "workers/search.*.min.js",
        (
            Patch(
                "recognise a Chinese word at the end of the query",
                "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)",
                "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)",
            ),
            Patch(
                "also search a Chinese run that is not one word of the index whole, as the beginning of a word",
                's=>[...fe(s,this.index.invertedIndex)].join("* ")',
                's=>(p=>p.join("* ")+(p.length==1&&p[0]==s?"":" "+s))([...fe(s,this.index.invertedIndex)])',
            ),
            Patch(
                "remember the query as typed",
                "search(e){if(e=e.replace(",
                f"search(e){{let typed=e.{_COMPARABLE};if(e=e.replace(",
            ),
            Patch(
                "rank first the page whose name is the query",
                "score:a*(1+K(g,2))",
                "score:a*(1+K(g,2))*(!c.parent&&[this.map.get(o).title,...this.map.get(o).tags||[]]"
                f".some(name=>name.{_COMPARABLE}===typed)?{EXACT_NAME_BOOST}:1)",
            ),
        ),
    ),
    PatchedFile(
        "bundle.*.min.js",
        (
            Patch(
                "load the search index when the search box is first opened",
                '(location.protocol!=="file:"),Je("search"))',
                '(!1),Je("search"))',
            ),
            Patch(
                "load the search index for highlighting only when a link asks for it (?h=)",
                'z([t,r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")))])',
                'r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")),b(n=>t.pipe(m(o=>[o,n]))))',
            ),
        ),
    ),
)


def patched_theme_files() -> dict[str, bytes]:
    """Each patched file's path inside a docs folder and its text; fails loudly if Material changed."""
    files = {}
    for patched in PATCHED_FILES:
        found = sorted(JAVASCRIPTS.glob(patched.pattern))
        if len(found) != 1:
            where = str(JAVASCRIPTS / patched.pattern)
            raise InputError([Problem(where, 1, 1, f"expected one file of Material's, found {len(found)}")])
        text = found[0].read_text(encoding="utf-8")
        for patch in patched.patches:
            if text.count(patch.broken) != 1:
                hint = f"Material's file changed: check whether it still needs the patch to {patch.purpose}"
                raise InputError([Problem(str(found[0]), 1, 1, "a patch to Material no longer applies", hint)])
            text = text.replace(patch.broken, patch.fixed)
        files[f"assets/javascripts/{found[0].relative_to(JAVASCRIPTS)}"] = text.encode("utf-8")
    return files
