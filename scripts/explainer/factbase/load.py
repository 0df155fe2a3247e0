"""Load a whole fact base: read every file, validate them together, resolve; or every problem at once.

Two phases, as in MkDocs' build: first read and check everything (each file against its schema
here, then across files in validate.py), only then resolve (resolve.py). Nothing is returned unless
every check passed, so a later step never sees half-valid data.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from pathlib import Path

from ..filecache import Stamp, stamp
from ..problems import InputError, Problem
from ..problems import display_path as _display_path
from ..registry import TYPE_NAMES
from . import schema
from .model import BYLINE, PARAGRAPH_PATTERN, FactBase
from .resolve import resolve
from .schema import schema_problems
from .validate import ID_PATTERN, validate
from .yamlfile import YamlDocument, echo, read_yaml

MAX_FILES = 20_000


def display_path(path: Path) -> str:
    """The path as messages show it: a file name with a line break or control character cannot break the line."""
    return _display_path_from(path, os.getcwd())


@functools.lru_cache(maxsize=MAX_FILES)
def _display_path_from(path: Path, cwd: str) -> str:
    folder = _display_folder(path.parent, cwd)
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
        if not entry.is_dir() or entry.name not in TYPE_NAMES:
            problems.append(
                Problem(shown, 1, 1, "not a type folder", "the fact base holds folders " + ", ".join(TYPE_NAMES))
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
    schemas = stamp([schema.SCHEMA_DIR])  # looked up now: a test may point it at changed copies
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
            status = path.stat()
            size, mtime_ns = status.st_size, status.st_mtime_ns
        except OSError:  # gone since it was listed: reading it says so
            size, mtime_ns = -1, -1
        doc, file_problems = _read_checked(path, shown, type_name, size, mtime_ns, schemas)
        problems.extend(file_problems)
        if doc is not None and not file_problems:
            docs.append((type_name, entity_id, doc))
    return docs, problems


@functools.lru_cache(maxsize=MAX_FILES)
def _read_checked(
    path: Path, shown: str, type_name: str, size: int, mtime_ns: int, schemas: Stamp
) -> tuple[YamlDocument | None, list[Problem]]:
    """A fact file read and checked against its schema. Keyed by the file's size and modification time and by the
    schemas' (so a changed file or schema is read again): a live preview reads again only the file saved."""
    try:
        doc = read_yaml(path, shown)
    except InputError as err:
        return None, err.problems
    return doc, schema_problems(doc, type_name)


def _missing_schemas() -> list[Problem]:
    """A type the registry names without its schema: nothing of its files could be checked, so it is said first."""
    return [
        Problem(
            _display_path(schema.SCHEMA_DIR / f"{name}.json"),
            1,
            1,
            f"the registry (scripts/explainer/registry.py) names the type '{name}', which has no schema",
            "write its schema here, starting from a similar type's",
        )
        for name in TYPE_NAMES
        if not (schema.SCHEMA_DIR / f"{name}.json").is_file()
    ]


def load_factbase(root: Path, paragraphs: Mapping[str, str]) -> FactBase:
    """Read, check and resolve the fact base under root; raise InputError with every problem."""
    if missing := _missing_schemas():
        raise InputError(missing)
    files, problems = _discover(root)
    docs, read_problems = _read_all(files)
    problems += read_problems
    types_by_id = {entity_id: type_name for type_name, entity_id, _ in docs}
    # Files that failed to read still own their id: do not report references to them as dangling.
    types_by_id.update({path.stem: t for t, path in files if path.stem not in types_by_id})
    found, references = validate(docs, types_by_id, paragraphs)
    problems += found
    if problems:
        raise InputError(problems)
    return resolve(docs, references)
