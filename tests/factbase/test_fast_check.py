"""The compiled fast check and jsonschema agree on which documents are valid.

The loader trusts the fast check to pass a file without asking jsonschema, so a document that the fast check
passes and jsonschema refuses would be a problem nobody is told about. Checked on the real fact base, on every
broken fixture, and on many random changes to real documents.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import fastjsonschema
import yaml
from examples import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer.factbase.schema import fast_check, validator
from explainer.registry import TYPE_NAMES as TYPES

FACTS = Path("seeds/facts")


def _agree(type_name: str, data: Any) -> None:
    try:
        fast_check(type_name)(data)
        fast_valid = True
    except fastjsonschema.JsonSchemaException:
        fast_valid = False
    slow_valid = not any(True for _ in validator(type_name).iter_errors(data))
    assert fast_valid == slow_valid, (type_name, data)


@functools.cache
def _real(type_name: str) -> list[Any]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((FACTS / type_name).glob("*.yaml"))]


def test_both_pass_every_real_fact_file() -> None:
    for type_name in TYPES:
        for data in _real(type_name):
            _agree(type_name, data)


def test_both_judge_every_broken_fixture_alike() -> None:
    for path in sorted(Path("tests/fixtures/broken").glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue  # a syntax error never reaches either check
        for type_name in TYPES:
            _agree(type_name, data)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
TEXTS = st.sampled_from(
    ["", " ", "p3", "2023-04-11", "2023-4-1", "x-y", "BIDU", "https://a.b/c", "a b", "baidu", "companies"]
).flatmap(lambda text: st.sampled_from([text, text + "\n", "\n" + text]))


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*prefix, i))
    return found


@settings(max_examples=examples(full=400, quick=60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_both_judge_random_changes_to_real_documents_alike(data: st.DataObject) -> None:
    type_name = data.draw(st.sampled_from(TYPES))
    document = copy.deepcopy(data.draw(st.sampled_from(_real(type_name))))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_paths(document)))
        replacement = data.draw(JSON_VALUES | TEXTS)
        if not path:
            document = replacement
            break
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        if isinstance(parent, dict) and data.draw(st.booleans()):
            del parent[path[-1]]
        else:
            parent[path[-1]] = replacement
    _agree(type_name, document)
