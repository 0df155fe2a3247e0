"""What makes an outside page citable: its own address, once, over https, not a search, a tracked link or a copy.

Two ids for one page split its citations; a tracking parameter or a search-results page is not the
publisher's page; plain http is allowed only where the source file says why (`no_https`). A page read in a copy
(a reprint, a mirror, a snapshot) names its original and records the copy in `via`; the hosts known to hold
copies are data, in schemas/copy-hosts.yaml, so a contributor who meets a new one adds a line there.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..problems import InputError, Problem, display_path
from .yamlfile import Location, YamlDocument, echo, read_yaml

TRACKING_KEYS = {"spm", "share", "ref", "from", "dm", "fbclid", "gclid"}
TRACKING_PREFIXES = ("utm_",)
SEARCH_KEYS = {"s", "q", "query", "keyword", "wd"}
COPY_HOSTS = Path(__file__).resolve().parents[3] / "schemas" / "copy-hosts.yaml"
HOST_PATTERN = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)+")
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


def read_copy_hosts(path: Path = COPY_HOSTS) -> tuple[dict[str, str], list[Problem]]:
    """The copy hosts, each with what it copies, and a problem at the line of each entry that is not one."""
    try:
        doc = read_yaml(path, display_path(path))
    except InputError as err:
        return {}, err.problems
    problems = [
        doc.problem((host,), f"'{echo(host)}' is not a host name", "lower-case, like 'example.com'", key=True)
        for host in doc.data
        if not HOST_PATTERN.fullmatch(str(host))
    ]
    problems += [
        doc.problem((host,), "say what the host copies", "host: what it copies, and from whom")
        for host, what in doc.data.items()
        if not isinstance(what, str) or not what.strip()
    ]
    return {str(host): str(what) for host, what in doc.data.items()}, problems


def copy_host(url: str, hosts: dict[str, str]) -> str | None:
    """The listed copy host an address is on (a host matches itself and its subdomains), or None."""
    host = (urlsplit(url).hostname or "").lower()
    return next((h for h in hosts if host == h or host.endswith(f".{h}")), None)


def _url_problems(doc: YamlDocument, where: Location, url: str, hosts: dict[str, str]) -> list[Problem]:
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
    copy = copy_host(url, hosts) if where == ("url",) else None
    if copy:
        problems.append(
            doc.problem(
                where,
                f"the address is on {copy}, which holds copies ({echo(hosts[copy])})",
                "record the copy in via: and name the original publisher",
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
    hosts, problems = read_copy_hosts()
    first: dict[str, tuple[YamlDocument, Location]] = {}
    for doc in sources:
        for where, url in _addresses(doc):
            problems += _url_problems(doc, where, url, hosts)
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
