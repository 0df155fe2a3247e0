"""Search benchmark: every name and alias of every entity, run through Material's own search worker in chromium.

Builds the site, serves it on 127.0.0.1, and in each language starts the site's search worker the way
the page does (SETUP with the language's search_index.json, then one QUERY per name), then reports how
often the entity's own page is the first result and among the first three, and the index size.
A second query set holds beginnings of names that only one entity's names begin with ("Tongyi"):
no such query is a name, so it measures ranking beyond the exact-name rule.
Usage: PYTHONPATH=scripts python -m bench.search [--site DIR] [--show-misses]
"""

from __future__ import annotations

import argparse
import gzip
import re
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from explainer.build import build_site
from explainer.chromium import launch, serve_folder
from explainer.factbase.model import FactBase
from explainer.inputs import load_inputs
from explainer.registry import LANGUAGES, PAGE_TYPES, WRITTEN, base

_CJK = re.compile(r"[\u3400-\u9fff]")
# Words as search splits them: at spaces and hyphens, and where Chinese meets another script.
_NAME_WORDS = re.compile(r"[\u3400-\u9fff]+|[^\s\-\u3400-\u9fff]+")

# Runs inside the page: the same messages Material's search bundle exchanges with its worker.
RUN_QUERIES = """
async ({worker, index, queries}) => {
  const data = await (await fetch(index)).json();
  const w = new Worker(worker);
  const next = () => new Promise(resolve => { w.onmessage = event => resolve(event.data); });
  w.postMessage({type: 0, data: {config: data.config, docs: data.docs, options: {suggest: false}}});
  await next();
  const answers = [];
  for (const query of queries) {
    w.postMessage({type: 2, data: query});
    const result = await next();
    answers.push(result.data.items.map(group => group[0].location.split("#")[0]).slice(0, 3));
  }
  w.terminate();
  return answers;
}
"""


def query_set(factbase: FactBase, lang: str) -> list[tuple[str, str]]:
    """(query, expected page location) for every name and alias of every entity with a page."""
    queries = []
    for type_name in PAGE_TYPES:
        for entity in factbase.of_type(type_name):
            for name in dict.fromkeys(entity.names(lang)):
                queries.append((name, f"{type_name}/{entity.id}/"))
    return queries


def _beginning(name: str) -> str:
    words = _NAME_WORDS.findall(name)
    if len(words) > 1:
        return words[0]
    return name[:2] if _CJK.match(name) else name[:3]


def prefix_query_set(factbase: FactBase, lang: str) -> list[tuple[str, str]]:
    """(beginning of a name, its page) where only one entity has a name beginning that way.

    The beginning is a name's first word when it has several ("Tongyi" for Tongyi Qianwen), or else
    its first two Chinese or three other characters (通义 for 通义千问). Such a query is no
    entity's exact name, so it measures the ranking of partial words, not the exact-name rule.
    """
    entities = [e for type_name in PAGE_TYPES for e in factbase.of_type(type_name)]
    codes = [lang if code == base(lang) else code for code in WRITTEN]  # the names a page of the language holds
    all_names = [(n.casefold(), e.id) for e in entities for other in codes for n in e.names(other)]
    exact = {name for name, _ in all_names}
    queries = []
    for type_name in PAGE_TYPES:
        for entity in factbase.of_type(type_name):
            for name in dict.fromkeys(entity.names(lang)):
                start = _beginning(name)
                key = start.casefold()
                if key in exact:
                    continue
                if all(owner == entity.id for n, owner in all_names if n.startswith(key)):
                    queries.append((start, f"{type_name}/{entity.id}/"))
    return list(dict.fromkeys(queries))


def run(site: Path, facts: Path, show_misses: bool) -> None:
    with serve_folder(site) as base:
        misses = _run(site, facts, base)
    if show_misses:
        for lang, query, want, got in misses:
            print(f"miss [{lang}] {query!r}: wanted {want}, got {got}")


def _run(site: Path, facts: Path, base: str) -> list[tuple[str, str, str, list[str]]]:
    inputs = load_inputs(facts)
    print("| language | query set | queries | top-1 | top-3 | index (raw) | index (gzip) |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    misses = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for language in LANGUAGES:
            lang, prefix, factbase = language.code, "/" + language.prefix, inputs.factbases[language.code]
            page = browser.new_page()
            page.goto(base + prefix)
            worker = page.evaluate("JSON.parse(document.getElementById('__config').textContent).search")
            raw = (site / prefix.strip("/") / "search" / "search_index.json").read_bytes()
            size = f"{len(raw) / 1024:.0f} KiB | {len(gzip.compress(raw, 9)) / 1024:.0f} KiB"
            query_sets = (("names", query_set(factbase, lang)), ("prefixes", prefix_query_set(factbase, lang)))
            for kind, queries in query_sets:
                answers = page.evaluate(
                    RUN_QUERIES,
                    {
                        "worker": base + prefix + worker,
                        "index": base + prefix + "search/search_index.json",
                        "queries": [q for q, _ in queries],
                    },
                )
                found = list(zip(queries, answers, strict=True))
                top1 = sum(1 for (_, want), got in found if got[:1] == [want])
                top3 = sum(1 for (_, want), got in found if want in got)
                misses += [(lang, q, want, got) for (q, want), got in found if got[:1] != [want]]
                print(
                    f"| {lang} | {kind} | {len(queries)} | {100 * top1 / len(queries):.1f}% "
                    f"| {100 * top3 / len(queries):.1f}% | {size} |"
                )
            page.close()
        browser.close()
    return misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=Path, default=Path("seeds/facts"))
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    if args.site:
        run(args.site, args.facts, args.show_misses)
        return
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        build_site(args.facts, site)
        run(site, args.facts, args.show_misses)


if __name__ == "__main__":
    main()
