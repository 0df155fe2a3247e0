"""Check a fact base once every file is read: what no single file's schema can see.

Dates on the calendar, plain text, every source and reference pointing at something that exists,
names that belong to one entity only, the sources' own rules (source_rules.py) and the words the
pages need for every value the schemas allow (labels.py). Runs after reading, before resolving.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Mapping
from typing import Any

from ..conversion import derived_text
from ..problems import Problem
from ..registry import CODES, PAGE_TYPES, SECTION_ANCHORS, base
from .labels import label_problems
from .model import BYLINE, PARAGRAPH_PATTERN
from .schema import Marked, walk_marked
from .source_rules import source_problems
from .yamlfile import YamlDocument, echo

ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# Text fields are plain text. Markup is refused rather than silently shown or run.
RAW_HTML = re.compile(r"<\s*[a-zA-Z!/?]")
TEMPLATE_SYNTAX = re.compile(r"\{[{%#]|[%}#]\}")
SNIPPET_LINE = re.compile(r"-{1,3}8<-{1,3}")
MARKDOWN_LINK = re.compile(r"\]\(|\]\[|<https?:|^\s*\[[^\]]*\]:", re.MULTILINE)
LINK_START = re.compile(r"\[[^\]\n]*\][(\[]")  # where a Markdown link begins, for the column


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


class _ByDocument:
    """What a check found in each document, kept while the documents it was asked about and the world it looked
    at (the ids and the article's paragraphs) are the same: a preview that reads again only the file saved
    (load.py) checks again only that file. Each call keeps the results of the documents it was given, no more."""

    def __init__(self) -> None:
        self._world: object = None
        self._found: dict[int, tuple[YamlDocument, Any]] = {}  # by the document's identity, the document kept

    def __call__(self, docs: list[tuple[str, str, YamlDocument]], world: object, check: Any) -> list[Any]:
        known = self._found if world == self._world else {}
        found = {}
        for type_name, entity_id, doc in docs:
            kept = known.get(id(doc))
            found[id(doc)] = kept if kept is not None else (doc, check(type_name, entity_id, doc))
        self._world, self._found = world, found
        return [result for _, result in found.values()]


_VALUES = _ByDocument()
_CLAIMS = _ByDocument()


def _world(types_by_id: dict[str, str], paragraphs: Mapping[str, str]) -> tuple[Any, ...]:
    """What a document's checks look at besides the document."""
    return tuple(sorted(types_by_id.items())), tuple(paragraphs.items())


def _value_problems(
    docs: list[tuple[str, str, YamlDocument]], types_by_id: dict[str, str], paragraphs: Mapping[str, str]
) -> tuple[list[Problem], list[Reference]]:
    """Dates on the calendar, plain text, and every source and reference pointing at something that exists.

    Also returns every reference, so that resolving the fact base needs no walk of its own.
    """
    source_ids = sorted(i for i, t in types_by_id.items() if t == "sources")

    def check(type_name: str, entity_id: str, doc: YamlDocument) -> tuple[list[Problem], list[Reference]]:
        return _document_value_problems(type_name, entity_id, doc, types_by_id, source_ids, paragraphs)

    problems: list[Problem] = []
    references: list[Reference] = []
    for found, refs in _VALUES(docs, _world(types_by_id, paragraphs), check):
        problems += found
        references += refs
    return problems, references


def _document_value_problems(
    type_name: str,
    entity_id: str,
    doc: YamlDocument,
    types_by_id: dict[str, str],
    source_ids: list[str],
    paragraphs: Mapping[str, str],
) -> tuple[list[Problem], list[Reference]]:
    problems: list[Problem] = []
    references: list[Reference] = []
    for mark in walk_marked(doc.data, type_name):  # one walk per document serves every check below
        if mark.schema.get("x-date"):
            problems += _check_date(mark, doc)
        if mark.schema.get("x-text"):
            problems += _check_text(mark, doc)
        value = str(mark.value)
        if mark.schema.get("x-source") and value != BYLINE:
            if PARAGRAPH_PATTERN.fullmatch(value):
                if value not in paragraphs:
                    problems.append(
                        doc.problem(
                            mark.location,
                            f"the article has no paragraph '{echo(value)}'",
                            f"it has p1 to p{len(paragraphs)}",
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
                problems.append(doc.problem(mark.location, f"unknown id '{echo(value)}'", _closest(value, candidates)))
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


# A number in a claim: digits in any language, or an English number word (the Chinese text says the same).
NUMBER = re.compile(r"[0-9０-９]|\b(hundred|thousand|million|billion|trillion|percent|dozen)s?\b", re.IGNORECASE)


def _claim_problems(
    docs: list[tuple[str, str, YamlDocument]], types_by_id: dict[str, str], paragraphs: Mapping[str, str]
) -> list[Problem]:
    """A claim that states a number cites it; words quoted from the article are its own; an assessment rests on
    claims of its point or on other points."""

    def check(type_name: str, _: str, doc: YamlDocument) -> list[Problem]:
        return _document_claim_problems(type_name, doc, types_by_id, paragraphs)

    return [problem for found in _CLAIMS(docs, _world(types_by_id, paragraphs), check) for problem in found]


def _document_claim_problems(
    type_name: str, doc: YamlDocument, types_by_id: dict[str, str], paragraphs: Mapping[str, str]
) -> list[Problem]:
    problems: list[Problem] = []
    claim_ids: set[str] = set()
    for mark in walk_marked(doc.data, type_name):
        if not mark.schema.get("x-claim") or not isinstance(mark.value, dict):
            continue
        claim = mark.value
        if "id" in claim:
            if claim["id"] in claim_ids:
                problems.append(doc.problem((*mark.location, "id"), f"a second claim is named '{echo(claim['id'])}'"))
            claim_ids.add(str(claim["id"]))
        for i, citation in enumerate(claim.get("cites", [])):
            text = paragraphs.get(str(citation.get("source")))
            if text is not None and _spaced(str(citation.get("quote", ""))) not in _spaced(text):
                problems.append(
                    doc.problem(
                        (*mark.location, "cites", i, "quote"),
                        f"these words are not in paragraph {citation['source']} of the article",
                        "quote the paragraph's own words, as they stand",
                    )
                )
        if "cites" not in claim and any(NUMBER.search(str(claim.get(lang, ""))) for lang in CODES):
            problems.append(
                doc.problem(
                    mark.location,
                    "this claim states a number and cites nothing",
                    "add cites: [{source: ..., quote: the source's words}]",
                )
            )
    for i, target in enumerate(doc.data.get("assessment", {}).get("rests_on", []) if type_name == "verdict" else []):
        if target not in claim_ids and types_by_id.get(target) != "verdict":
            hint = _closest(target, sorted(claim_ids)) or "name a claim of this point (its id) or another point"
            problems.append(doc.problem(("assessment", "rests_on", i), f"no claim or point '{echo(target)}'", hint))
    return problems


def _spaced(text: str) -> str:
    """Text compared as a reader reads it: runs of white space as one space."""
    return " ".join(text.split())


def _closest(value: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    return f"did you mean '{echo(close[0])}'?" if close else ""


def _name_problems(docs: list[tuple[str, str, YamlDocument]]) -> list[Problem]:
    """Two pages (or a page and a section a reader searches by its aliases, as the verdict's price war) answering
    to one name would make article links and search ambiguous."""
    owners: dict[str, tuple[str, str]] = {}
    problems: list[Problem] = []
    for type_name, entity_id, doc in docs:
        data = doc.data
        if type_name not in PAGE_TYPES and not isinstance(data.get("aliases"), dict):
            continue
        for lang in CODES:
            # A derived language's names are converted (and so reported at the written text they come from),
            # unless the file gives them.
            at = {key: lang if lang in data.get(key, {}) else base(lang) for key in ("name", "aliases")}
            spots: list[tuple[tuple[Any, ...], str]] = (
                [(("name", at["name"]), derived_text(data["name"], lang))] if "name" in data else []
            )
            aliases = derived_text(data.get("aliases", {}), lang) or []
            spots += [(("aliases", at["aliases"], i), a) for i, a in enumerate(aliases)]
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


def _anchor_problems(docs: list[tuple[str, str, YamlDocument]]) -> list[Problem]:
    """A fact shown on a shared page is anchored by its id, which must not be one of the page's own sections."""
    return [
        Problem(
            doc.path,
            1,
            1,
            f"the id '{entity_id}' is reserved: it is a section's anchor on the verdict page",
            "choose another id",
        )
        for type_name, entity_id, doc in docs
        if type_name not in PAGE_TYPES and entity_id in SECTION_ANCHORS
    ]


def _parameter_problems(docs: list[tuple[str, str, YamlDocument]]) -> list[Problem]:
    """A mixture of experts works with fewer parameters per token than it holds."""
    problems = []
    for _, _, doc in docs:  # only a model's schema has parameters, so no type need be named
        count = doc.data.get("parameters")
        active = count.get("mixture_of_experts", {}).get("active") if isinstance(count, dict) else None
        if active is not None and active >= count["value"]:
            where = ("parameters", "mixture_of_experts", "active")
            message = f"{echo(active)} active parameters are not fewer than the {echo(count['value'])} in all"
            problems.append(doc.problem(where, message, "value is the total, active the part at work per token"))
    return problems


def _event_problems(docs: list[tuple[str, str, YamlDocument]]) -> list[Problem]:
    """One headline a year, and a release only of a model the event involves."""
    problems = []
    headlines: dict[str, str] = {}
    for _, entity_id, doc in sorted((d for d in docs if d[0] == "events"), key=lambda d: d[1]):
        data = doc.data
        if "headline" in data:
            year = str(data["date"])[:4]
            if year in headlines:
                message = f"{year} already has its headline event, '{headlines[year]}'"
                problems.append(doc.problem(("headline",), message, "keep one headline a year"))
            headlines.setdefault(year, entity_id)
        for i, release in enumerate(data.get("releases", [])):
            if release.get("model") not in data.get("involves", []):
                message = f"the event releases '{echo(release.get('model'))}' but does not involve it"
                problems.append(doc.problem(("releases", i, "model"), message, "add it to involves"))
    return problems


def _name_key(name: str) -> str:
    return _spaced(name).casefold()


def validate(
    docs: list[tuple[str, str, YamlDocument]], types_by_id: dict[str, str], paragraphs: Mapping[str, str]
) -> tuple[list[Problem], list[Reference]]:
    """Every problem across the read files, and every reference they hold (for resolving)."""
    problems, references = _value_problems(docs, types_by_id, paragraphs)
    problems += _name_problems(docs)
    problems += _anchor_problems(docs)
    problems += _parameter_problems(docs) + _event_problems(docs)
    problems += _claim_problems(docs, types_by_id, paragraphs)
    problems += source_problems([doc for type_name, _, doc in docs if type_name == "sources"])
    problems += label_problems()
    return problems, references
