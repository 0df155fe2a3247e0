"""Strict YAML reading: plain data plus the line and column of every key and value.

PyYAML implements YAML 1.1 and is lenient where contributors get hurt: duplicate keys keep the
last value, `no` becomes false, `0755` becomes 493, an unquoted date becomes a date object, and
anchors allow alias bombs. Here each of those is a problem reported at its line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml
from yaml.composer import Composer, ComposerError
from yaml.cyaml import CParser  # type: ignore[attr-defined]
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver as SafeResolver

from ..problems import InputError, Problem

MAX_BYTES = 256 * 1024
MAX_DEPTH = 16
MAX_ITEMS = 2_000

Location = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?")
_BOOLS = {"true": True, "false": False}
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # YAML's line breaks
# Characters no fact is written with, which double-quoted escapes ("\e", "\0", "\ud800") could still produce:
# control characters other than tab and line breaks, lone surrogates (not text: writing them fails) and non-characters.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def echo(value: object, limit: int | None = 80) -> str:
    """A value as an error message quotes it: on one line, invisible characters escaped, long text cut short."""
    text = str(value)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


@dataclass
class YamlDocument:
    """A parsed file: its data and where each value (and each mapping key) stands in it."""

    path: str
    data: Any
    values: dict[Location, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Location, tuple[int, int]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list, repr=False)  # the file's text, to point inside a value

    def where(self, location: Location, *, key: bool = False) -> tuple[int, int]:
        """Line and column of a location, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        loc = tuple(location)
        while loc:
            if loc in table:
                return table[loc]
            if key and loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))

    def where_in_text(self, location: Location, needle: str) -> tuple[int, int]:
        """Line and column of `needle` inside the value at a location (a text spanning lines included)."""
        line, col = self.where(location)
        for index in range(line - 1, min(len(self.lines), line + 200)):
            found = self.lines[index].find(needle, col - 1 if index == line - 1 else 0)
            if found >= 0:
                return index + 1, found + 1
        return line, col

    def problem(self, location: Location, message: str, hint: str = "", *, key: bool = False) -> Problem:
        line, col = self.where(location, key=key)
        return Problem(self.path, line, col, message, hint)


class _Loader(CParser, Composer, SafeResolver):
    """Composes nodes only, refusing anchors, aliases and runaway nesting before anything is built.

    libyaml (CParser) scans and parses, five times faster than PyYAML's Python parser; composing
    stays in Python (Composer) so that every node can be checked before the next is read.
    """

    def __init__(self, stream: str):
        CParser.__init__(self, stream)
        Composer.__init__(self)
        SafeResolver.__init__(self)
        self._depth = 0

    def get_single_node(self) -> Node | None:
        return Composer.get_single_node(self)

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        event = self.peek_event()
        start: Any = event.start_mark if event else None
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise ComposerError(None, None, "anchors and aliases (& and *) are not allowed; write the value out", start)
        if parent is not None and len(parent.value) >= MAX_ITEMS:  # refused before the rest is composed
            what = "a list of more than {:,} items" if isinstance(parent, SequenceNode) else "more than {:,} keys"
            raise ComposerError(None, None, what.format(MAX_ITEMS), parent.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise ComposerError(None, None, f"nesting deeper than {MAX_DEPTH} levels", start)
            return cast(Node, Composer.compose_node(self, parent, index))
        finally:
            self._depth -= 1


def _position(offset: int, raw: bytes) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1


def _decode(raw: bytes, path: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line, col = _position(err.start, raw)
        raise InputError([Problem(path, line, col, "the file is not valid UTF-8", "save it as UTF-8")]) from None
    return text.removeprefix("\ufeff")


def _tab_problems(text: str, path: str) -> list[Problem]:
    return [
        Problem(path, n, line.index("\t") + 1, "tab character", "indent with spaces; write \\t inside quotes")
        for n, line in enumerate(_LINE_BREAK.split(text), start=1)
        if "\t" in line
    ]


def _text_position(text: str, index: int) -> tuple[int, int]:
    """Line and column of a character, counting lines as YAML (and so the error marks) does."""
    lines = _LINE_BREAK.split(text[:index])
    return len(lines), len(lines[-1]) + 1


def _end_of(text: str) -> tuple[int, int]:
    """Line and column just after the last character."""
    lines = _LINE_BREAK.split(text)
    return len(lines), len(lines[-1]) + 1


def _within(position: tuple[int, int], end: tuple[int, int]) -> tuple[int, int]:
    """A position inside the file: libyaml marks the end of a file without a final newline (an error there, or
    an empty document: '---' and nothing more) one line below it."""
    return position if position[0] <= end[0] else end


def _compose(text: str, path: str) -> Node | None:
    try:
        return _Loader(text).get_single_node()
    except yaml.reader.ReaderError as err:  # a character YAML does not allow anywhere, such as NUL
        line, col = _text_position(text, err.position)
        message = f"the character U+{err.character:04X} is not allowed in YAML"
        raise InputError([Problem(path, line, col, message, "remove it")]) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = _within((mark.line + 1, mark.column + 1) if mark else (1, 1), _end_of(text))
        message = echo(err.problem or err.context or "invalid YAML", None)
        hint = ""
        context = err.context_mark
        if err.context and context and mark and (context.line, context.column) != (mark.line, mark.column):
            hint = f"{echo(err.context, None)}, which started at line {context.line + 1}, column {context.column + 1}"
        if mark:
            hint = _repair_hint(_LINE_BREAK.split(text), mark.line, mark.column, context) or hint
        raise InputError([Problem(path, line, col, message, hint)]) from None
    except yaml.YAMLError as err:
        raise InputError([Problem(path, 1, 1, f"invalid YAML: {echo(err, None)}")]) from None


_KEY = re.compile(r"^(\s*)(?:-\s+)?[^\s#'\"][^:#]*:(\s|$)")


def _spaces(n: int) -> str:
    return "1 space" if n == 1 else f"{n} spaces"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _early_quote(line: str) -> str:
    """A hint where a quote inside quoted text ends it early: `zh: "他说"好""`."""
    value = _KEY.sub("", line, count=1).strip()
    for quote, fix in (('"', 'write it as \\" (or put the whole text in single quotes)'), ("'", "write it twice ('')")):
        inner = value.replace("\\" + quote, "") if quote == '"' else value.replace("''", "")
        if quote in value and inner.count(quote) > 2:
            return f"a {quote} inside text quoted with {quote} ends the text early: {fix}"
    return ""


def _previous_content(lines: list[str], index: int) -> int | None:
    """The index of the last line before `index` that holds more than a comment."""
    for i in range(index - 1, -1, -1):
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            return i
    return None


def _repair_hint(lines: list[str], index: int, column: int, context: Any) -> str:
    """What to change on the line a YAML error points at: a quote, a colon, or how far to indent it."""
    if index >= len(lines):
        return ""
    line = lines[index]
    if quote := _early_quote(line):
        return quote
    number, indent = index + 1, _indent(line)
    key = _KEY.match(line)
    if key and column > key.end():  # a second ': ' on a line whose key was already read
        return "a ': ' inside unquoted text starts a new field: put the whole text in quotes"
    if context is not None and context.line < index:
        expected = context.column
        if indent != expected:
            return (
                f"line {number} is indented {_spaces(indent)}, but the fields it sits among (from line "
                f"{context.line + 1}) are indented {_spaces(expected)}: re-indent line {number} to {_spaces(expected)}"
            )
    previous = _previous_content(lines, index)
    if previous is not None and indent > _indent(lines[previous]):
        above = _indent(lines[previous])
        return (
            f"line {number} is indented further than line {previous + 1}, whose value is already given: "
            f"re-indent line {number} to {_spaces(above)} to make it a field beside it, or less to move it out"
        )
    return ""


class _Builder:
    """Turns composed nodes into plain Python values, recording positions and YAML 1.1 surprises."""

    def __init__(self, doc: YamlDocument, text: str):
        self.doc = doc
        self.problems: list[Problem] = []
        self._end = _end_of(text)

    def _position(self, node: Node) -> tuple[int, int]:
        return _within((node.start_mark.line + 1, node.start_mark.column + 1), self._end)

    def build(self, node: Node, loc: Location) -> Any:
        self.doc.values[loc] = self._position(node)
        if isinstance(node, MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, SequenceNode):
            return self._sequence(node, loc)
        return self._scalar(cast(ScalarNode, node), loc)

    def _fail(self, loc: Location, message: str, hint: str = "") -> None:
        self.problems.append(self.doc.problem(loc, message, hint))

    def _mapping(self, node: MappingNode, loc: Location) -> dict[str, Any] | None:
        if node.tag != _TAG + "map":
            self._fail(loc, f"the tag {echo(node.tag)} is not allowed", "remove it")
            return None
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_pos = self._position(key_node)
            if not isinstance(key_node, ScalarNode) or key_node.tag not in (_TAG + "str", _TAG + "int"):
                self.problems.append(Problem(self.doc.path, *key_pos, "a key must be plain text"))
                continue
            key = key_node.value
            if bad := _NOT_TEXT.search(key):
                self.problems.append(Problem(self.doc.path, *key_pos, _not_text(bad.group()), "remove it"))
                continue
            if key == "<<":
                self.problems.append(Problem(self.doc.path, *key_pos, "merge keys (<<) are not allowed"))
                continue
            if key in result:
                first = self.doc.keys[(*loc, key)][0]
                self.problems.append(
                    Problem(self.doc.path, *key_pos, f"duplicate key '{echo(key)}'", f"first given on line {first}")
                )
                continue
            self.doc.keys[(*loc, key)] = key_pos
            result[key] = self.build(value_node, (*loc, key))
        return result

    def _sequence(self, node: SequenceNode, loc: Location) -> list[Any] | None:
        if node.tag != _TAG + "seq":
            self._fail(loc, f"the tag {echo(node.tag)} is not allowed", "remove it")
            return None
        return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]

    def _scalar(self, node: ScalarNode, loc: Location) -> Any:
        tag, text = node.tag.removeprefix(_TAG), node.value
        if bad := _NOT_TEXT.search(text):
            return self._fail(loc, _not_text(bad.group()), "remove it")
        if tag == "str":
            return text
        if tag == "null":
            return None
        if tag == "bool" and text.lower() in _BOOLS:
            return _BOOLS[text.lower()]
        if tag == "int" and _PLAIN_INT.fullmatch(text):
            return int(text)
        if tag == "float" and _PLAIN_FLOAT.fullmatch(text):
            return float(text)
        text = echo(text)  # from here on only quoted in messages: on one line, and short
        if tag == "bool":
            return self._fail(
                loc, f"'{text}' is read as a boolean by YAML 1.1", f"write '{text}' in quotes, or true/false"
            )
        if tag in ("int", "float"):
            return self._fail(loc, f"'{text}' is read as an unusual number by YAML 1.1", f"write '{text}' in quotes")
        if tag == "timestamp":
            return self._fail(loc, f"the date {text} must be quoted", f"write '{text}'")
        return self._fail(loc, f"the tag !{echo(tag)} is not allowed", "remove it")


def _not_text(character: str) -> str:
    if "\ud800" <= character <= "\udfff":
        kind = "a lone surrogate"
    else:
        kind = "a non-character" if character in "\ufffe\uffff" else "a control character"
    return f"the text holds {kind} (U+{ord(character):04X}), not allowed in a fact file"


def read_yaml(path: Path, shown: str) -> YamlDocument:
    """Read one YAML file strictly; raise InputError listing every problem in it (or that it cannot be read)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError([Problem(shown, 1, 1, "there is no such file", "create it")]) from None
    except OSError as err:
        raise InputError([Problem(shown, 1, 1, f"cannot read the file: {err.strerror}")]) from None
    if size > MAX_BYTES:
        raise InputError([Problem(shown, 1, 1, f"the file is {size:,} bytes; at most {MAX_BYTES:,} are allowed")])
    with path.open("rb") as stream:  # never more than the limit in memory, even if the file grows meanwhile
        raw = stream.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise InputError([Problem(shown, 1, 1, f"the file is over {MAX_BYTES:,} bytes, the most allowed")])
    text = _decode(raw, shown)
    if tabs := _tab_problems(text, shown):
        raise InputError(tabs)
    node = _compose(text, shown)
    if node is None:
        raise InputError([Problem(shown, 1, 1, "the file is empty")])
    doc = YamlDocument(shown, None, lines=_LINE_BREAK.split(text))
    builder = _Builder(doc, text)
    doc.data = builder.build(node, ())
    if builder.problems:
        raise InputError(builder.problems)
    if not isinstance(doc.data, dict):
        raise InputError([doc.problem((), "the file must hold a mapping of fields (key: value)")])
    return doc
