"""Check every internal link and #anchor of a built site, offline, in both languages.

Reads the HTML files themselves (no server): every href and src in every page, every URL in
the sitemaps and every location in the search indexes must name a file that exists, and every
#fragment must be an id in its target. Links to other hosts are collected, not fetched.
Usage: python -m explainer.linkcheck SITE_DIR [--site-url URL] [--external FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

LINK_ATTRIBUTES = {"href", "src"}
SKIPPED_SCHEMES = {"mailto", "tel", "data"}


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)  # every id (and <a name>) an anchor may point at
    links: list[str] = field(default_factory=list)  # every href and src, in the page's order


def _read_page(path: Path) -> _Page:
    """The ids and links of an HTML file, as a browser parses it (lxml: libxml2's HTML parser, about four times
    faster than html.parser on the site's pages, with the same ids and links on every one of them)."""
    page = _Page()
    root = etree.parse(str(path), etree.HTMLParser(encoding="utf-8")).getroot()
    for element in root.iter() if root is not None else ():
        if not isinstance(element.tag, str):  # a comment or a processing instruction
            continue
        for name, value in element.items():
            if name == "id" or (element.tag == "a" and name == "name"):
                page.ids.add(value)
            elif name in LINK_ATTRIBUTES and not (element.tag == "link" and element.get("rel") == "preconnect"):
                page.links.append(value)
    return page


@dataclass
class Report:
    broken: list[str] = field(default_factory=list)  # "page: link: reason"
    external: set[str] = field(default_factory=set)
    links: int = 0
    anchors: int = 0
    pages: int = 0


class SiteChecker:
    def __init__(self, root: Path, site_url: str = ""):
        self.root = root.resolve()
        site_url = site_url or self._built_for()
        self.site_url = urlsplit(site_url) if site_url else None
        # Where the site is served: "/" at a host's root, "/repo/" on a GitHub Pages project site. A link
        # that leaves this path leaves the site, even where a file of that name exists in the folder.
        self.base_path = "/" + (self.site_url.path if self.site_url else "").strip("/")
        self.base_path = self.base_path.rstrip("/") + "/"
        self.report = Report()

    def _built_for(self) -> str:
        """The address the site was built for, from the first <loc> of its sitemap ("" if it has none)."""
        sitemap = self.root / "sitemap.xml"
        if not sitemap.is_file():
            return ""
        for element in ET.parse(sitemap).iter():
            if element.tag.endswith("loc") and element.text and element.text.strip():
                return element.text.strip()
        return ""

    @cache  # noqa: B019 - one checker per run; pages are parsed once however often they are linked
    def _parse(self, path: Path) -> _Page:
        return _read_page(path)

    def _page_url(self, path: Path) -> str:
        rel = path.relative_to(self.root).as_posix()
        return self.base_path + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)

    @cache  # noqa: B019 - one checker per run; every page links the same stylesheets, scripts and menus
    def _target_file(self, url_path: str) -> Path | None:
        if not url_path.startswith(self.base_path):
            return None
        candidate = (self.root / unquote(url_path[len(self.base_path) :])).resolve()
        if not candidate.is_relative_to(self.root):
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def check_link(self, page: str, base: str, link: str) -> None:
        self.report.links += 1
        written = link  # as the page has it, for the report
        parts = urlsplit(link)
        if parts.scheme in SKIPPED_SCHEMES:
            return
        if parts.scheme == "javascript":
            self.report.broken.append(f"{page}: {written}: javascript: links are not allowed")
            return
        if parts.scheme or parts.netloc:
            if self.site_url and parts.netloc == self.site_url.netloc:
                link = parts.path + (f"#{parts.fragment}" if parts.fragment else "")
            else:
                self.report.external.add(link)
                return
        absolute = urlsplit(urljoin(base, link))
        target = self._target_file(absolute.path)
        if target is None:
            self.report.broken.append(f"{page}: {written}: no such file")
            return
        if absolute.fragment and target.suffix == ".html":
            self.report.anchors += 1
            if unquote(absolute.fragment) not in self._parse(target).ids:
                self.report.broken.append(f"{page}: {written}: no element with id '{unquote(absolute.fragment)}'")

    def check_pages(self) -> None:
        for path in sorted(self.root.rglob("*.html")):
            self.report.pages += 1
            page = path.relative_to(self.root).as_posix()
            base = self._page_url(path)
            for link in self._parse(path).links:
                self.check_link(page, base, link)

    def check_sitemaps(self) -> None:
        for path in sorted(self.root.rglob("sitemap.xml")):
            page = path.relative_to(self.root).as_posix()
            for element in ET.parse(path).iter():
                url = element.text if element.tag.endswith("loc") else element.get("href")
                if url and url.strip():
                    self.check_link(page, self._page_url(path), url.strip())

    def check_search_indexes(self) -> None:
        for path in sorted(self.root.rglob("search/search_index.json")):
            page = path.relative_to(self.root).as_posix()
            language_root = self._page_url(path.parent.parent / "index.html")
            for doc in json.loads(path.read_text(encoding="utf-8"))["docs"]:
                self.check_link(page, language_root, doc["location"] or "./")

    def run(self) -> Report:
        self.check_pages()
        self.check_sitemaps()
        self.check_search_indexes()
        return self.report


def fetch_external(urls: set[str], timeout: float = 10.0) -> list[str]:
    """Ask each external address once (HEAD, then GET where HEAD is refused); return the failures."""
    failures = []
    for url in sorted(urls):
        for method in ("HEAD", "GET"):
            request = urllib.request.Request(url, method=method, headers={"User-Agent": "baimo-explainer linkcheck"})
            try:
                with urllib.request.urlopen(request, timeout=timeout):
                    break
            except urllib.error.HTTPError as err:
                if method == "GET" or err.code not in (403, 405, 501):
                    failures.append(f"{url}: HTTP {err.code}")
                    break
            except (urllib.error.URLError, TimeoutError, OSError) as err:
                failures.append(f"{url}: {err}")
                break
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="linkcheck", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument(
        "--site-url", default="", help="links to this address count as internal (default: the sitemap's address)"
    )
    parser.add_argument("--external", type=Path, help="write the external links found to this file")
    parser.add_argument(
        "--fetch-external", action="store_true", help="also fetch every external link (needs a network)"
    )
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: no such folder; run `make site` first", file=sys.stderr)
        return 2
    started = time.perf_counter()
    report = SiteChecker(args.site, args.site_url).run()
    elapsed = time.perf_counter() - started
    for line in report.broken:
        print(line)
    if args.external:
        args.external.write_text("".join(f"{url}\n" for url in sorted(report.external)), encoding="utf-8")
    print(
        f"{report.pages} pages, {report.links} links, {report.anchors} anchors checked in {elapsed:.2f} s: "
        f"{len(report.broken)} broken, {len(report.external)} external collected",
        file=sys.stderr,
    )
    failures = fetch_external(report.external) if args.fetch_external else []
    for line in failures:
        print(f"external: {line}")
    return 1 if report.broken or failures else 0


if __name__ == "__main__":
    sys.exit(main())
