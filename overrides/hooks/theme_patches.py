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
   its names and aliases), comparing lower case with the search separator's characters removed; and of a
   section when the query is one of its tags (a section has tags only where the page names it for search, as
   the verdict's price war: overrides/hooks/search_index.py), never its title ("Timeline", "Relations").

The page bundle:
4. Material fetches the search index (about 100 KB gzipped, half of a page's first load) on every
   page as soon as it opens, whether or not the reader searches. It already waits for the search
   box to be opened when a site is read from disk (file://); the patch makes it wait always. The
   highlighter of words a search result led to (`?h=` in the address) also asked for the index on
   every page; it now asks only when the address has `?h=`.
5. The search worker's script (12 KiB gzipped) was still fetched and started on every page, to wait for an index
   that only comes once the box is opened: the worker is now started by the first message sent to it (LAZY_WORKER),
   which the opening of the box (or a `?h=` address) sends.
6. On every page load the palette switcher set `data-md-color-switching` on the body (a rule that stops
   transitions on every element) and took it off a frame later: two restyles of the whole page, for a change
   of palette that had not happened. On the verdict, with a slowed phone CPU, they were a quarter of the
   time the page blocked input. The attribute is now set only when the reader switches.

The pages:
7. Material loads the bundle with a plain script tag at the end of the body, which a phone on a slow network waits
   for before it paints; every page now loads it with `defer` (explainer.js, deferred too, still runs after it).
   It runs at the same point, once the page is parsed, and the first paint came 0.3 s sooner (BENCHMARKS.md).

An MkDocs hook (`hooks:` in mkdocs.yml), run after each build: it patches the two files in the built
site, saves each under a name of its own content's hash (bundle.<hash>.min.js, as Material names its
files), removes Material's copy and points every page at the new name. The generator knows nothing of
it. The build stops with a clear message if Material's files are not the ones the patches were written
against (ORIGINAL_SHA256): upgrading Material means checking each patch here, in one place.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any, NamedTuple

from mkdocs.exceptions import PluginError

# Large enough that the exact name wins over any page that only contains its words.
EXACT_NAME_BOOST = 100

# Material's script tag for its bundle, as base.html writes it (after the bundle's renaming).
BUNDLE_TAG = re.compile(r'<script src="[^"]*/bundle\.[0-9a-f]{8}\.min\.js"></script>')
DEFERRED_BUNDLE_TAG = re.compile(r'<script src="[^"]*/bundle\.[0-9a-f]{8}\.min\.js" defer></script>')

# A stand-in for the search worker: listeners are kept until the first message, which starts the real worker (patch 5).
LAZY_WORKER = (
    "(u=>{let w,l=[];return{"
    "addEventListener(...a){w?w.addEventListener(...a):l.push(a)},"
    "removeEventListener(...a){w?w.removeEventListener(...a):l=l.filter(x=>x[1]!==a[1])},"
    "postMessage(m){w||(w=new Worker(u),l.forEach(a=>w.addEventListener(...a)));w.postMessage(m)}}})"
)

# A query or name as compared: lower case, without the characters the search separator splits on.
_COMPARABLE = 'toLowerCase().split(lunr.tokenizer.separator).join("")'


class Patch(NamedTuple):
    purpose: str
    broken: str
    fixed: str


class PatchedFile(NamedTuple):
    pattern: str  # the file's name under assets/javascripts/, its hash as a wildcard
    original_sha256: str  # of Material's file that the patches were written against (mkdocs-material 9.8.1)
    patches: tuple[Patch, ...]


PATCHED_FILES = (
    PatchedFile(
        "workers/search.*.min.js",
        "da1b3df5e5f00cc73083c9e21ff0ec28bde85cd247057bdd05b7a167e5903bd4",
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
                "rank first the page or section whose name is the query",
                "score:a*(1+K(g,2))",
                "score:a*(1+K(g,2))*([...c.parent?[]:[this.map.get(o).title],...this.map.get(o).tags||[]]"
                f".some(name=>name.{_COMPARABLE}===typed)?{EXACT_NAME_BOOST}:1)",
            ),
        ),
    ),
    PatchedFile(
        "bundle.*.min.js",
        "b9a1ef14b5e91ad61fa8d7dd42e1f55e6af0ebd224bc8970dff0e7d7311b172f",
        (
            Patch(
                "load the search index when the search box is first opened",
                '(location.protocol!=="file:"),Je("search"))',
                '(!1),Je("search"))',
            ),
            Patch(
                "start the search worker when it is first sent a message",
                "function Mn(e,t=new Worker(e)){",
                f"function Mn(e,t={LAZY_WORKER}(e)){{",
            ),
            Patch(
                "load the search index for highlighting only when a link asks for it (?h=)",
                'z([t,r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")))])',
                'r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")),b(n=>t.pipe(m(o=>[o,n]))))',
            ),
            Patch(
                "mark the palette as switching only when it switches, not when the page loads",
                'return i.subscribe(s=>{if(document.body.setAttribute("data-md-color-switching",""),',
                "let first=!0;return i.subscribe(s=>{if(first?first=!1:"
                'document.body.setAttribute("data-md-color-switching",""),',
            ),
        ),
    ),
)


def patched(text: str, patched_file: PatchedFile, shown: str) -> str:
    """Material's file with our patches applied; PluginError where it is not the file they were written for."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest != patched_file.original_sha256:
        raise PluginError(
            f"{shown}: Material's file is not the one overrides/hooks/theme_patches.py was written against "
            f"(sha256 {digest[:12]}…, expected {patched_file.original_sha256[:12]}…): check each patch to it, "
            "then record the new hash"
        )
    for patch in patched_file.patches:
        if text.count(patch.broken) != 1:
            raise PluginError(f"{shown}: the patch to {patch.purpose} no longer applies")
        text = text.replace(patch.broken, patch.fixed)
    return text


def content_name(name: str, text: str) -> str:
    """'bundle.a5f9d56c.min.js' renamed for new content: 'bundle.<first 8 of its sha256>.min.js'."""
    stem, _, rest = name.partition(".")
    return f"{stem}.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}.{rest.partition('.')[2]}"


def _deferred_bundle(html: str, shown: str) -> str:
    """A page whose script tag for Material's bundle has `defer`; PluginError where the page has no such tag."""
    tags = BUNDLE_TAG.findall(html)
    if len(tags) != 1:
        raise PluginError(f"{shown}: expected one script tag for Material's bundle, found {len(tags)}")
    return html.replace(tags[0], tags[0].removesuffix("></script>") + " defer></script>")


def _is_ours(path: Path) -> bool:
    """Whether a file is one this hook wrote: its name carries the hash of its own content."""
    return content_name(path.name, path.read_text(encoding="utf-8")) == path.name


def _patch_file(scripts: Path, patched_file: PatchedFile) -> tuple[str, str]:
    """Patch one of Material's files in place under a new name: (Material's name, ours).

    A full build finds Material's file alone. The live preview's rebuilds (`mkdocs serve --dirty`) do not clean
    the site, so they find the patched file of the last build too, and Material's copied back beside it: the
    patched file of an earlier build is removed and Material's is patched again.
    """
    found = sorted(scripts.glob(patched_file.pattern))
    theirs = [path for path in found if not _is_ours(path)]
    if len(theirs) != 1:
        raise PluginError(f"{scripts / patched_file.pattern}: expected one file of Material's, found {len(theirs)}")
    original = theirs[0]
    text = patched(original.read_text(encoding="utf-8"), patched_file, str(original))
    target = original.with_name(content_name(original.name, text))
    target.write_text(text, encoding="utf-8")
    for path in found:
        if path != target:
            path.unlink()
    return original.name, target.name


def on_post_build(config: Any) -> None:
    """Patch Material's search worker and bundle in the built site and point every page at the patched files."""
    site = Path(config["site_dir"])
    scripts = site / "assets" / "javascripts"
    renamed = dict(_patch_file(scripts, patched_file) for patched_file in PATCHED_FILES)
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        changed = html
        for old, new in renamed.items():
            changed = changed.replace(old, new)
        if not DEFERRED_BUNDLE_TAG.search(changed):  # a page a dirty rebuild left from an earlier build already is
            changed = _deferred_bundle(changed, str(page))
        if changed != html:
            page.write_text(changed, encoding="utf-8")
