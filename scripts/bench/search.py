"""Search benchmark: every name and alias of every entity, run through Material's own search worker in chromium.

Builds the site, serves it on 127.0.0.1, and in each language starts the site's search worker the way
the page does (SETUP with the language's search_index.json, then one QUERY per name), then reports how
often the entity's own page is the first result and among the first three, and the index size.
A second query set holds beginnings of names that only one entity's names begin with ("Tongyi"):
no such query is a name, so it measures ranking beyond the exact-name rule. A third holds topics a reader searches
a section of a page for ("price war", 价格战: the verdict's section on it), and every name a section is given for
search (a verdict point's aliases). Last, each year of the timeline is searched by its page's title: the result's
snippet must begin with one of the year's events, not with the page's links and filters.
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
from explainer.inputs import Inputs, load_inputs
from explainer.registry import LANGUAGES, PAGE_TYPES, name_languages
from explainer.render.text import date_label, fill

_CJK = re.compile(r"[\u3400-\u9fff]")
# Words as search splits them: at spaces and hyphens, and where Chinese meets another script.
_NAME_WORDS = re.compile(r"[\u3400-\u9fff]+|[^\s\-\u3400-\u9fff]+")

# Topics a reader types, in the reader's language, and the section that must come first (issue 29): the words
# are the reader's, not the site's, so they are written here rather than taken from the fact base.
TOPICS: dict[str, list[tuple[str, str]]] = {
    "zh": [("价格战", "verdict/#price-war")],
    "en": [("price war", "verdict/#price-war")],
}
_TAGS = re.compile(r"<[^>]+>|\u200b")

# Runs inside the page: the same messages Material's search bundle exchanges with its worker. Each answer is the
# first three groups' best entries (a page, or one of its sections), each with its location and its text.
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
    answers.push(result.data.items.slice(0, 3).map(group => [group[0].location, group[0].text || ""]));
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
    codes = name_languages(lang)  # the names a page of the language holds
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


def section_query_set(factbase: FactBase, lang: str) -> list[tuple[str, str]]:
    """(topic, the section of a page that must come first): the reader's topics, and every name a section is given
    for search, which the verdict's points are (their aliases)."""
    named = [(alias, f"verdict/#{point.id}") for point in factbase.of_type("verdict") for alias in point.aliases(lang)]
    return list(dict.fromkeys([*TOPICS.get(lang, []), *named]))


def year_query_set(inputs: Inputs, lang: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(a year page's title, its location, the dates of its events as the page writes them)."""
    years: dict[str, list[str]] = {}
    for event in inputs.factbases[lang].of_type("events"):
        years.setdefault(event.data["date"][:4], []).append(date_label(event.data["date"], lang))
    words = inputs.vocabulary.words[lang]
    return [(fill(words, "timeline.year.title", year=y), f"timeline/{y}/", tuple(d)) for y, d in sorted(years.items())]


def run(site: Path, facts: Path, show_misses: bool) -> None:
    with serve_folder(site) as base:
        misses = _run(site, facts, base)
    if show_misses:
        for lang, query, want, got in misses:
            print(f"miss [{lang}] {query!r}: wanted {want}, got {got}")


Answer = list[list[str]]  # the first three results: [location, text]


def _ask(page: object, base: str, prefix: str, worker: str, queries: list[str]) -> list[Answer]:
    return page.evaluate(  # type: ignore[attr-defined, no-any-return]
        RUN_QUERIES,
        {"worker": base + prefix + worker, "index": base + prefix + "search/search_index.json", "queries": queries},
    )


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
            raw = (site / language.prefix / "search" / "search_index.json").read_bytes()
            size = f"{len(raw) / 1024:.0f} KiB | {len(gzip.compress(raw, 9)) / 1024:.0f} KiB"
            query_sets = (
                ("names", query_set(factbase, lang)),
                ("prefixes", prefix_query_set(factbase, lang)),
                ("sections", section_query_set(factbase, lang)),
            )
            for kind, queries in query_sets:
                answers = _ask(page, base, prefix, worker, [q for q, _ in queries])
                # A page is found by its own entry or any of its sections'; a section, by its own entry only.
                got = [
                    [loc if "#" in want else loc.split("#")[0] for loc, _ in a]
                    for (_, want), a in zip(queries, answers, strict=True)
                ]
                found = list(zip(queries, got, strict=True))
                top1 = sum(1 for (_, want), g in found if g[:1] == [want])
                top3 = sum(1 for (_, want), g in found if want in g)
                misses += [(lang, q, want, g) for (q, want), g in found if g[:1] != [want]]
                print(
                    f"| {lang} | {kind} | {len(queries)} | {100 * top1 / len(queries):.1f}% "
                    f"| {100 * top3 / len(queries):.1f}% | {size} |"
                )
            years = year_query_set(inputs, lang)
            answers = _ask(page, base, prefix, worker, [title for title, _, _ in years])
            shown = 0
            for (title, where, dates), answer in zip(years, answers, strict=True):
                snippet = next((_TAGS.sub("", text).strip() for loc, text in answer if loc == where), "")
                if snippet.startswith(dates):
                    shown += 1
                else:
                    misses.append((lang, title, f"{where} with an event first", [snippet[:60]]))
            print(
                f"| {lang} | year pages: an event first | {len(years)} | {100 * shown / len(years):.1f}% | | {size} |"
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
