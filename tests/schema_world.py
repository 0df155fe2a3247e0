"""Changed copies of the schemas and the strings table, for tests that ask what a schema change breaks.

`changed_schemas()` points the validator and the renderer at copies in a temporary folder; the
strategy `schema_changes()` draws changes a maintainer could make: a new allowed value with its
labels, without them or with one language only, a label removed, `x-label` dropped, a relation or
type name removed from the strings table. `use_allowed_values()` then makes the minimal fact base
use values the (changed) schemas allow, so that a new value is actually shown somewhere.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import strategies as st

from explainer import strings as strings_module
from explainer.factbase import schema as schema_module
from explainer.registry import SOURCE, WRITTEN

# The enums the minimal fact base shows, by (type, field) and the file and key that hold the value.
ENUM_FIELDS = {
    ("companies", "kind"): ("companies/acme.yaml", "kind"),
    ("models", "kind"): ("models/acme-lm.yaml", "kind"),
    ("events", "category"): ("events/2023-04-10-acme-lm.yaml", "category"),
    ("figures", "unit"): ("figures/acme-cost.yaml", "unit"),
    ("quotes", "stance"): ("quotes/jane-doe-doubt.yaml", "stance"),
}

Change = Callable[[dict[str, Any], dict[str, Any]], None]  # edits (schemas by file name, strings table)


@contextmanager
def changed_schemas(folder: Path, change: Change | None = None) -> Iterator[tuple[Path, Path]]:
    """Copies of schemas/ and the strings table in `folder`, changed, in use until the block ends."""
    schemas = folder / "schemas"
    if schemas.exists():
        shutil.rmtree(schemas)
    shutil.copytree(schema_module.SCHEMA_DIR, schemas)
    table_path = folder / "strings.yaml"
    documents = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in schemas.glob("*.json")}
    table = yaml.safe_load(strings_module.STRINGS_PATH.read_text(encoding="utf-8"))
    if change:
        change(documents, table)
    for name, document in documents.items():
        (schemas / name).write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    table_path.write_text(yaml.safe_dump(table, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(schema_module, "SCHEMA_DIR", schemas)
        patch.setattr(strings_module, "STRINGS_PATH", table_path)
        yield schemas, table_path  # the schemas' and the table's caches follow the paths (filecache.py)


def _enum(documents: dict[str, Any], type_name: str, field: str) -> dict[str, Any]:
    return documents[f"{type_name}.json"]["properties"][field]


def use_allowed_values(facts: Path, choose: Callable[[list[str]], str]) -> None:
    """Set each enum of the minimal fact base to a value its current schema allows."""
    for (type_name, field), (file, key) in ENUM_FIELDS.items():
        allowed = [str(v) for v in schema_module.allowed_values(type_name, field)]
        path = facts / file
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(rf"(?m)^{key}: .*$", f"{key}: {json.dumps(choose(allowed))}", text), encoding="utf-8")


@st.composite
def schema_changes(draw: Callable) -> Change:
    """One change a maintainer could make to a schema or to the strings table."""
    type_name, field = draw(st.sampled_from(sorted(ENUM_FIELDS)))
    value = draw(st.from_regex(r"[a-z]{3,8}(-[a-z]{2,5})?", fullmatch=True))
    kind = draw(
        st.sampled_from(
            [
                "new value, labelled",
                "new value, no label",
                "new value, one language only",
                "label removed",
                "x-label dropped",
                "x-label false",
                "relation heading removed",
                "type name removed",
                "value removed",
            ]
        )
    )
    index = draw(st.integers(0, 50))

    def change(documents: dict[str, Any], table: dict[str, Any]) -> None:
        enum = _enum(documents, type_name, field)
        label = enum.get("x-label")
        prefixes = label if isinstance(label, list) else [label]
        existing = enum["enum"]
        if kind.startswith("new value") and value not in existing:
            existing.append(value)
            for prefix in prefixes:
                if kind == "new value, labelled":
                    table[f"{prefix}.{value}"] = {code: f"{code} {value} {{n}}" for code in WRITTEN}
                elif kind == "new value, one language only":
                    table[f"{prefix}.{value}"] = {SOURCE.code: f"新{value}"}
        elif kind == "label removed":
            table.pop(f"{prefixes[index % len(prefixes)]}.{existing[index % len(existing)]}", None)
        elif kind == "x-label dropped":
            enum.pop("x-label", None)
        elif kind == "x-label false":
            enum["x-label"] = False
        elif kind == "relation heading removed":
            keys = sorted(k for k in table if k.startswith("rel."))
            table.pop(keys[index % len(keys)])
        elif kind == "type name removed":
            keys = sorted(k for k in table if k.startswith("type."))
            table.pop(keys[index % len(keys)])
        elif kind == "value removed" and len(existing) > 1:
            existing.pop(index % len(existing))

    change.__doc__ = f"{kind}: {type_name}.{field} {value!r} #{index}"
    return change
