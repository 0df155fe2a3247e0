"""Build the whole site: generate the Markdown, build each language with MkDocs --strict, check, swap it in.

Every language is built into a temporary folder next to the target, each MkDocs build started as soon as its
language is rendered. Only when all succeed without a single warning, and every internal link and anchor of the
result resolves, does the new site replace the old one, so a failed build leaves the old site as it was.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from .generate import DOCS_DIR, EDIT_BASE, MARKER, print_notes, site_addresses, write_docs
from .inputs import Inputs, load_inputs
from .linkcheck import SiteChecker
from .mkdocs_config import config_path, jieba_dictionary_file
from .problems import InputError, Problem, display_path
from .registry import DOCS_OUT, LANGUAGES, ROOT
from .render.site import render_site, site_downloads

# MkDocs' own words for a link it cannot follow, e.g. "Doc file 'index.md' contains a link 'x.md', but ...".
_DOC_LINK_WARNING = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']*)', but (?P<reason>.*)")
_WARNING = re.compile(r"^(WARNING|ERROR)\s+-\s+(?P<text>.*)$")


def mkdocs_command(config: Path, site_dir: Path) -> list[str]:
    """The one MkDocs build command, for `make site` and the benchmarks alike.

    Never --quiet: it raises the log level to ERROR, and --strict then counts no warning at all."""
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)]


def _mkdocs(config: Path, site_dir: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    command = mkdocs_command(config, site_dir)
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)


def _page_source(lang: str, page: str, docs_out: Path) -> Path:
    """The file a page of the docs folder comes from: hand-written under docs/, else generated."""
    hand_written = DOCS_DIR / lang / page
    return hand_written if hand_written.is_file() else Path(display_path(docs_out / lang / page))


def _position_of(path: Path, needle: str) -> tuple[int, int]:
    """Line and column of the first `(needle` (a Markdown link target) in a file, else 1:1."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1, 1
    for pattern in (f"]({needle}", needle):
        for number, line in enumerate(lines, 1):
            col = line.find(pattern)
            if col >= 0:
                return number, col + 1 + (2 if pattern.startswith("](") else 0)
    return 1, 1


def _warning_problems(lang: str, log: str, docs_out: Path) -> list[Problem]:
    """Every warning MkDocs printed, at the page and link it names where it names one."""
    problems = []
    for line in log.splitlines():
        warning = _WARNING.match(line.strip())
        if not warning:
            continue
        text = warning["text"].strip()
        link = _DOC_LINK_WARNING.match(text)
        if link:
            source = _page_source(lang, link["page"], docs_out)
            line_no, col = _position_of(source, link["link"])
            message = f"broken link '{link['link']}': {link['reason'].rstrip('.')}"
            problems.append(Problem(str(source), line_no, col, message, "mkdocs build --strict refuses it"))
        else:
            problems.append(Problem(display_path(config_path(lang)), 1, 1, f"mkdocs: {text}"))
    return problems


def mkdocs_environment(site_url: str | None, docs_out: Path) -> dict[str, str]:
    """What each language's config reads (mkdocs_config.py): its docs folder, its search dictionary, its address.

    Every language gets the same address (--site-url, else SITE_URL), each under its prefix; never only one.
    """
    env = dict(os.environ)
    site_url = site_url or env.get("SITE_URL")
    base = (site_url if site_url.endswith("/") else site_url + "/") if site_url else ""
    if base:
        env["SITE_URL"] = base  # the top of the site, which every language's sitemap names
        env["SITE_PATH"] = urlsplit(base).path  # where the reader's settings are kept, shared by the languages
    for language in LANGUAGES:
        suffix = language.env_suffix
        env[f"DOCS_DIR_{suffix}"] = str((docs_out / language.code).resolve())
        env[f"JIEBA_DICT_{suffix}"] = str((docs_out / jieba_dictionary_file(language.code)).resolve())
        if base:
            env[f"SITE_URL_{suffix}"] = base + language.prefix
    return env


def _build_languages(inputs: Inputs, work: Path, site_url: str | None, docs_out: Path = DOCS_OUT) -> Path:
    """Render each language, write its docs folder and start its MkDocs build at once, so that the next language
    renders while the last one builds (MkDocs on the other core); then join them, each under its prefix. A page
    that cannot be rendered stops every build, after every language was tried."""
    env = mkdocs_environment(site_url, docs_out)
    addresses = site_addresses(site_url)
    downloads = site_downloads(inputs)  # the same in every language
    outputs = {language.code: work / language.code for language in LANGUAGES}
    runs: dict[str, subprocess.Popen[str]] = {}
    failures: list[Problem] = []
    try:
        for code in outputs:
            try:
                pages = render_site(inputs, EDIT_BASE, (code,), addresses, downloads)  # every page of the language
            except InputError as err:
                failures += err.problems
            if not failures:
                write_docs(inputs, pages, docs_out)  # the docs folder MkDocs reads (generate.py)
                runs[code] = _mkdocs(config_path(code), outputs[code], env)
        if failures:
            raise InputError(failures)
        for lang, run in runs.items():
            log, _ = run.communicate()
            if run.returncode != 0:
                found = _warning_problems(lang, log, docs_out)
                failures += found or [
                    Problem(display_path(config_path(lang)), 1, 1, f"mkdocs build --strict failed:\n{log.strip()}")
                ]
    finally:
        for run in runs.values():
            if run.poll() is None:
                run.kill()
                run.communicate()
    if failures:
        raise InputError(failures)
    site = outputs[ROOT.code]
    for language in LANGUAGES:
        if language is not ROOT:
            outputs[language.code].rename(site / language.prefix)
    (site / MARKER).write_text("This folder is written by `make site`; edits are lost.\n")
    return site


def _check_segmented_search(site: Path) -> None:
    """Fail loudly where a language searched with jieba's segments (Chinese) would silently break.

    Without jieba, Material indexes Chinese unsegmented (a page is found only by its whole text run);
    without the zero-width space in the separator, the segments jieba marks are never split apart.
    """
    problems = []
    for language in LANGUAGES:
        if not language.search_dictionary:
            continue
        index_file = site / language.prefix / "search" / "search_index.json"
        index = json.loads(index_file.read_text(encoding="utf-8"))
        name = language.english_name
        found = []
        if "\\u200b" not in index["config"]["separator"] and "\u200b" not in index["config"]["separator"]:
            found.append(f"the {name} search separator has lost \\u200b; jieba's segments would not be split")
        if not any("\u200b" in doc["text"] for doc in index["docs"]):
            found.append(
                f"the {name} search index is not segmented: is jieba installed? (pip install -r requirements.txt)"
            )
        problems += [Problem(display_path(config_path(language.code)), 1, 1, p) for p in found]
    if problems:
        raise InputError(problems)


def _check_links(new_site: Path, site_url: str | None, shown_as: str) -> None:
    """Every internal link and #anchor of the new site, both languages, before anyone can be served it."""
    report = SiteChecker(new_site, site_url or "").run()
    if report.broken:
        problems = []
        for line in report.broken:
            page, _, rest = line.partition(": ")
            problems.append(Problem(f"{shown_as}/{page}", 1, 1, f"broken link {rest}", "the old site was kept"))
        raise InputError(problems)


def _swap_in(new_site: Path, target: Path) -> None:
    if target.exists() and any(target.iterdir()) and not (target / MARKER).exists():
        raise InputError([Problem(str(target), 1, 1, "this folder was not made by `make site`; not replacing it")])
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    new_site.rename(target)
    if old.exists():
        shutil.rmtree(old)


def build_site(facts: Path, site: Path, *, site_url: str | None = None, docs_out: Path = DOCS_OUT) -> None:
    """The whole pipeline, in order. Each step checks everything before the next starts, and the site is
    replaced only at the end: a failure anywhere leaves the published folder as it was."""
    inputs = load_inputs(facts)  # read every input and validate it (factbase/load.py, validate.py, resolve.py)
    print_notes(inputs)  # what the history of seeds/ (history.py) cannot date, and why
    shown_as = display_path(site)
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".site-", dir=site.parent) as work:
        new_site = _build_languages(inputs, Path(work), site_url, docs_out)  # render, write and build each language
        _check_segmented_search(new_site)  # the Chinese search index is segmented
        _check_links(new_site, site_url, shown_as)  # every internal link and anchor resolves
        _swap_in(new_site, site)  # only now does the new site replace the old
    print("built " + " and ".join(f"{site / language.prefix} ({language.code})" for language in LANGUAGES))
