"""What makes an outside page citable: its own address, once, over https, not a search, a tracked link or a copy.

Two ids for one page split its citations; a tracking parameter or a search-results page is not the
publisher's page; plain http is allowed only where the source file says why (`no_https`). A page read in a copy
(a reprint, a mirror, a snapshot) names its original and records the copy in `via`, whose address is checked too.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..problems import Problem
from .yamlfile import Location, YamlDocument, echo

TRACKING_KEYS = {"spm", "share", "ref", "from", "dm", "fbclid", "gclid"}
TRACKING_PREFIXES = ("utm_",)
SEARCH_KEYS = {"s", "q", "query", "keyword", "wd"}
ADDRESSES: tuple[Location, ...] = (("url",), ("via", "url"))


def _is_tracking(key: str) -> bool:
    key = key.lower()
    return key in TRACKING_KEYS or key.startswith(TRACKING_PREFIXES)


def without_tracking(url: str) -> str:
    """The address with its tracking parameters removed, everything else as written."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def page_key(url: str) -> str:
    """What two addresses of one page share: no scheme, no `www.`, no trailing slash, fragment or tracking."""
    parts = urlsplit(without_tracking(url))
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def _url_problems(doc: YamlDocument, where: Location, url: str) -> list[Problem]:
    parts = urlsplit(url)
    problems = []
    keys = [k for k, _ in parse_qsl(parts.query, keep_blank_values=True)]
    tracking = [k for k in keys if _is_tracking(k)]
    if tracking:
        listed = ", ".join(f"'{echo(k)}'" for k in tracking)
        problems.append(
            doc.problem(where, f"tracking parameter {listed} in the address", f"cite {without_tracking(url)}")
        )
    searched = [k for k in keys if k.lower() in SEARCH_KEYS]
    if searched or "search" in (segment.lower() for segment in parts.path.split("/")):
        problems.append(
            doc.problem(
                where,
                "the address is a search-results page",
                "cite the page the search found, at its publisher",
            )
        )
    if parts.scheme == "http" and "no_https" not in doc.data:
        problems.append(
            doc.problem(
                where,
                "the address is plain http",
                'use the https address where the publisher has one, or give the reason in no_https: "..."',
            )
        )
    return problems


def _addresses(doc: YamlDocument) -> list[tuple[Location, str]]:
    """The addresses a source gives, its own and its copy's, where it gives them."""
    found = []
    for where in ADDRESSES:
        value = doc.data.get(where[0])
        if len(where) == 2:
            value = value.get(where[1]) if isinstance(value, dict) else None
        if value is not None:
            found.append((where, str(value)))
    return found


def source_problems(sources: list[YamlDocument]) -> list[Problem]:
    """Every source address checked on its own, then against the others for the same page under two ids."""
    problems: list[Problem] = []
    first: dict[str, tuple[YamlDocument, Location]] = {}
    for doc in sources:
        for where, url in _addresses(doc):
            problems += _url_problems(doc, where, url)
            key = page_key(url)
            if key in first:
                other, other_where = first[key]
                line = other.where(other_where)[0]
                problems.append(
                    doc.problem(
                        where,
                        f"the same page is already a source: {other.path}:{line}",
                        "keep one id and cite it everywhere",
                    )
                )
            else:
                first[key] = (doc, where)
    return problems
