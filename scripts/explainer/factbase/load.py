"""Load and check a whole fact base: every problem in every file, reported at once, or a FactBase.

Two phases, as in MkDocs' build: first read and check everything, only then resolve. Nothing
is returned unless every check passed, so a later step never sees half-valid data.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import os
import re
from pathlib import Path
from typing import Any

from ..problems import InputError, Problem
from ..problems import display_path as _display_path
from .labels import label_problems
from .model import PAGE_TYPES, Entity, FactBase, Link
from .schema import TYPES, Marked, schema_problems, walk_marked
from .source_rules import source_problems
from .yamlfile import YamlDocument, echo, read_yaml

ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
PARAGRAPH_PATTERN = re.compile(r"p[1-9][0-9]*")
BYLINE = "byline"  # the article's byline, citable like a paragraph
MAX_FILES = 20_000
# Text fields are plain text. Markup is refused rather than silently shown or run.
RAW_HTML = re.compile(r"<\s*[a-zA-Z!/?]")
TEMPLATE_SYNTAX = re.compile(r"\{[{%#]|[%}#]\}")
SNIPPET_LINE = re.compile(r"-{1,3}8<-{1,3}")
MARKDOWN_LINK = re.compile(r"\]\(|\]\[|<https?:|^\s*\[[^\]]*\]:", re.MULTILINE)
LINK_START = re.compile(r"\[[^\]\n]*\][(\[]")  # where a Markdown link begins, for the column


def display_path(path: Path) -> str:
    """The path as messages show it: a file name with a line break or control character cannot break the line."""
    folder = _display_folder(path.parent, os.getcwd())
    return echo(path.name if folder == "." else f"{folder}/{path.name}", None)


@functools.cache
def _display_folder(folder: Path, cwd: str) -> str:
    """Worked out once per folder (and working directory): showing a path relative to it resolves it on disk."""
    return _display_path(folder)


def _discover(root: Path) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """The YAML files of each type folder, with problems for anything else found in the fact base."""
    files: list[tuple[str, Path]] = []
    problems: list[Problem] = []
    if not root.is_dir():
        return [], [Problem(display_path(root), 1, 1, "the fact base folder does not exist")]
    for entry in sorted(root.iterdir()):
        shown = display_path(entry)
        if entry.name.startswith("."):
            continue
        if not entry.is_dir() or entry.name not in TYPES:
            problems.append(
                Problem(shown, 1, 1, "not a type folder", "the fact base holds folders " + ", ".join(TYPES))
            )
            continue
        for path in sorted(entry.iterdir()):
            if path.name.startswith("."):
                continue
            if path.suffix != ".yaml" or not path.is_file() or path.is_symlink():
                hint = "rename it to .yaml" if path.suffix == ".yml" else "only .yaml files belong here"
                problems.append(Problem(display_path(path), 1, 1, "not a fact file", hint))
                continue
            files.append((entry.name, path))
    if len(files) > MAX_FILES:
        problems.append(Problem(display_path(root), 1, 1, f"{len(files)} files; at most {MAX_FILES} are allowed"))
    return files, problems


def _read_all(files: list[tuple[str, Path]]) -> tuple[list[tuple[str, str, YamlDocument]], list[Problem]]:
    docs: list[tuple[str, str, YamlDocument]] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for type_name, path in files:
        shown = display_path(path)
        entity_id = path.stem
        if not ID_PATTERN.fullmatch(entity_id):
            slug = re.sub(r"[^a-z0-9]+", "-", entity_id.lower()).strip("-")
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    f"the file name '{echo(entity_id)}' is not an id",
                    f"rename it to '{slug or 'an-id'}.yaml'",
                )
            )
            continue
        if type_name == "sources" and (PARAGRAPH_PATTERN.fullmatch(entity_id) or entity_id == BYLINE):
            problems.append(
                Problem(shown, 1, 1, f"'{entity_id}' is the id of an article paragraph", "choose another name")
            )
            continue
        if entity_id in seen:
            problems.append(Problem(shown, 1, 1, f"duplicate id '{entity_id}'", f"{seen[entity_id]} has it already"))
            continue
        seen[entity_id] = shown
        try:
            doc = read_yaml(path, shown)
        except InputError as err:
            problems.extend(err.problems)
            continue
        schema_errors = schema_problems(doc, type_name)
        problems.extend(schema_errors)
        if not schema_errors:
            docs.append((type_name, entity_id, doc))
    return docs, problems


def _check_date(mark: Marked, doc: YamlDocument) -> list[Problem]:
    parts = [int(p) for p in str(mark.value).split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return [doc.problem(mark.location, f"'{echo(mark.value)}' is not a date on the calendar")]
    return []


def _check_text(mark: Marked, doc: YamlDocument) -> list[Problem]:
    """Markup in a text, reported where it stands in the file (the link's `[`, the tag's `<`)."""
    text = str(mark.value)
    checks = [
        (RAW_HTML, "raw HTML is not allowed in text", "write plain text; the site escapes what it shows"),
        (TEMPLATE_SYNTAX, "template syntax ({{ }}, {% %}) is not allowed in text", "write plain text"),
        (SNIPPET_LINE, "'--8<--' is not allowed in text", "it would include a file into the page"),
        (MARKDOWN_LINK, "Markdown links are not allowed in text", "cite pages in sources/, refer to entities by id"),
    ]
    problems = []
    for pattern, message, hint in checks:
        found = pattern.search(text)
        if found:
            whole = LINK_START.search(text) if pattern is MARKDOWN_LINK else None
            needle = (whole or found).group().splitlines()[0] or found.group()
            line, col = doc.where_in_text(mark.location, needle)
            problems.append(Problem(doc.path, line, col, message, hint))
    return problems


# A reference found in a fact file: the entity holding it, where in its data, and the id it points to.
Reference = tuple[str, tuple[Any, ...], str]


def _value_problems(
    docs: list[tuple[str, str, YamlDocument]], types_by_id: dict[str, str], paragraph_ids: set[str]
) -> tuple[list[Problem], list[Reference]]:
    """Dates on the calendar, plain text, and every source and reference pointing at something that exists.

    Also returns every reference, so that resolving the fact base needs no walk of its own.
    """
    problems: list[Problem] = []
    references: list[Reference] = []
    source_ids = sorted(i for i, t in types_by_id.items() if t == "sources")
    for type_name, entity_id, doc in docs:
        for mark in walk_marked(doc.data, type_name):  # one walk per document serves every check below
            if mark.schema.get("x-date"):
                problems += _check_date(mark, doc)
            if mark.schema.get("x-text"):
                problems += _check_text(mark, doc)
            value = str(mark.value)
            if mark.schema.get("x-source") and value != BYLINE:
                if PARAGRAPH_PATTERN.fullmatch(value):
                    if value not in paragraph_ids:
                        problems.append(
                            doc.problem(
                                mark.location,
                                f"the article has no paragraph '{echo(value)}'",
                                f"it has p1 to p{len(paragraph_ids)}",
                            )
                        )
                elif types_by_id.get(value) != "sources":
                    problems.append(
                        doc.problem(
                            mark.location,
                            f"unknown source '{echo(value)}'",
                            _closest(value, source_ids) or "add sources/" + echo(value) + ".yaml",
                        )
                    )
            allowed = mark.schema.get("x-ref")
            if allowed:
                references.append((entity_id, mark.location, value))
                target_type = types_by_id.get(value)
                if target_type is None:
                    candidates = sorted(i for i, t in types_by_id.items() if t in allowed)
                    problems.append(
                        doc.problem(mark.location, f"unknown id '{echo(value)}'", _closest(value, candidates))
                    )
                elif target_type not in allowed:
                    problems.append(
                        doc.problem(
                            mark.location,
                            f"'{echo(value)}' is in {target_type}/, but this field needs one of: {', '.join(allowed)}",
                        )
                    )
                elif value == entity_id:
                    problems.append(doc.problem(mark.location, "an entity cannot refer to itself"))
    return problems, references


def _closest(value: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    return f"did you mean '{echo(close[0])}'?" if close else ""


def _name_problems(docs: list[tuple[str, str, YamlDocument]]) -> list[Problem]:
    """Two pages answering to one name would make article links and search ambiguous."""
    owners: dict[str, tuple[str, str]] = {}
    problems: list[Problem] = []
    for type_name, entity_id, doc in docs:
        if type_name not in PAGE_TYPES:
            continue
        data = doc.data
        for lang in ("zh", "en"):
            spots: list[tuple[tuple[Any, ...], str]] = [(("name", lang), data["name"][lang])]
            spots += [(("aliases", lang, i), a) for i, a in enumerate(data.get("aliases", {}).get(lang, []))]
            for loc, name in spots:
                key = _name_key(name)
                owner = owners.get(key)
                if owner and owner[0] != entity_id:
                    problems.append(
                        doc.problem(loc, f"the name '{echo(name)}' also belongs to '{owner[0]}'", f"see {owner[1]}")
                    )
                elif not owner:
                    owners[key] = (entity_id, doc.path)
    return problems


def _name_key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def _resolve(docs: list[tuple[str, str, YamlDocument]], references: list[Reference]) -> FactBase:
    entities = {entity_id: Entity(type_name, entity_id, doc.data, doc.path) for type_name, entity_id, doc in docs}
    links: list[Link] = []
    for entity_id, location, target in references:
        entity = entities[entity_id]
        parent = _parent_of(entity.data, location)
        relation = ".".join(str(p) for p in location if not isinstance(p, int))
        links.append(Link(entity, entities[target], relation, parent if isinstance(parent, dict) else {}))
    return FactBase(entities, links)


def _parent_of(data: Any, location: tuple[Any, ...]) -> Any:
    for part in location[:-1]:
        data = data[part]
    return data


def load_factbase(root: Path, paragraph_ids: set[str]) -> FactBase:
    """Read, check and resolve the fact base under root; raise InputError with every problem."""
    files, problems = _discover(root)
    problems += label_problems()
    docs, read_problems = _read_all(files)
    problems += read_problems
    types_by_id = {entity_id: type_name for type_name, entity_id, _ in docs}
    # Files that failed to read still own their id: do not report references to them as dangling.
    types_by_id.update({path.stem: t for t, path in files if path.stem not in types_by_id})
    value_problems, references = _value_problems(docs, types_by_id, paragraph_ids)
    problems += value_problems + _name_problems(docs)
    problems += source_problems([doc for type_name, _, doc in docs if type_name == "sources"])
    if problems:
        raise InputError(problems)
    return _resolve(docs, references)
