"""Search benchmark: every name and alias of every entity, run through Material's own search worker in chromium.

Builds the site, serves it on 127.0.0.1, and in each language starts the site's search worker the way
the page does (SETUP with the language's search_index.json, then one QUERY per name), then reports how
often the entity's own page is the first result and among the first three, and the index size.
Usage: PYTHONPATH=scripts python -m bench.search [--site DIR] [--show-misses]
"""

from __future__ import annotations

import argparse
import gzip
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from explainer.build import build_site
from explainer.chromium import launch, serve_folder
from explainer.factbase.model import PAGE_TYPES
from explainer.inputs import load_inputs

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


def query_set(facts: Path, lang: str) -> list[tuple[str, str]]:
    """(query, expected page location) for every name and alias of every entity with a page."""
    factbase = load_inputs(facts).factbase
    queries = []
    for type_name in PAGE_TYPES:
        for entity in factbase.of_type(type_name):
            for name in dict.fromkeys(entity.names(lang)):
                queries.append((name, f"{type_name}/{entity.id}/"))
    return queries


def run(site: Path, facts: Path, show_misses: bool) -> None:
    with serve_folder(site) as base:
        misses = _run(site, facts, base)
    if show_misses:
        for lang, query, want, got in misses:
            print(f"miss [{lang}] {query!r}: wanted {want}, got {got}")


def _run(site: Path, facts: Path, base: str) -> list[tuple[str, str, str, list[str]]]:
    print("| language | queries | top-1 | top-3 | index (raw) | index (gzip) |")
    print("| --- | --- | --- | --- | --- | --- |")
    misses = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for lang, prefix in (("zh", "/"), ("en", "/en/")):
            page = browser.new_page()
            page.goto(base + prefix)
            worker = page.evaluate("JSON.parse(document.getElementById('__config').textContent).search")
            queries = query_set(facts, lang)
            answers = page.evaluate(
                RUN_QUERIES,
                {
                    "worker": base + prefix + worker,
                    "index": base + prefix + "search/search_index.json",
                    "queries": [q for q, _ in queries],
                },
            )
            top1 = sum(1 for (_, want), got in zip(queries, answers, strict=True) if got[:1] == [want])
            top3 = sum(1 for (_, want), got in zip(queries, answers, strict=True) if want in got)
            misses += [
                (lang, q, want, got) for (q, want), got in zip(queries, answers, strict=True) if got[:1] != [want]
            ]
            raw = (site / prefix.strip("/") / "search" / "search_index.json").read_bytes()
            print(
                f"| {lang} | {len(queries)} | {100 * top1 / len(queries):.1f}% | {100 * top3 / len(queries):.1f}% "
                f"| {len(raw) / 1024:.0f} KiB | {len(gzip.compress(raw, 9)) / 1024:.0f} KiB |"
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
