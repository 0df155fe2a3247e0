"""The relationship map: who builds which model, who founded or works at which company, which company owns which.

Laid out at generation time as plain coordinates for the template `map.md.j2`, in three columns: people,
companies and institutions, models and products. Subsidiaries are listed under their parent company, indented
and joined to it by an elbow; people and models are placed beside the companies they are joined to. The order
of the companies is found by barycentre sweeps (each company moves towards the mean height of its people and
models, then these move towards their companies), keeping the order with the fewest crossing lines.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby

from ..factbase.model import Entity, FactBase, Link
from .charts import FONT, PAD, text_width

AFFILIATION = "affiliations.company"  # a person's file names a company they founded or work at
PARENT = "parent.company"  # a company's file names the company it belongs to
DEVELOPER = "developers.company"  # a model's file names the company that builds it
RELATIONS = (AFFILIATION, PARENT, DEVELOPER)
COLUMNS = ("people", "companies", "models")

BOX = 24  # px, height of a name's box
ROW = 30  # px from one box's top to the next one's
TEXT_PAD = 9  # px between a box's edge and its name
INDENT = 18  # px a subsidiary is set in from its parent
MIN_GAP = 110  # px between two columns, for the lines
MAX_GAP = 220  # px: wider, and a line no longer reads as joining two names
TARGET_WIDTH = 960  # px the columns are spread to when their names leave room
HEAD = PAD + FONT + 2  # baseline of the column headings
TOP = HEAD + 14  # top of the first box
SWEEPS = 12
LEGEND_LINE = 30  # px, the sample line of a legend entry


@dataclass(frozen=True)
class Node:
    entity: Entity
    column: str  # one of COLUMNS
    label: str  # the name in the page's language
    href: str  # relative to the page, as the built site serves it
    x: float
    y: float
    width: float
    depth: int  # companies: 0 for a company without a parent on the map, 1 for a subsidiary, ...

    @property
    def right(self) -> float:
        return _r(self.x + self.width)

    @property
    def middle(self) -> float:
        return _r(self.y + BOX / 2)

    @property
    def text_x(self) -> float:
        return _r(self.x + TEXT_PAD)

    @property
    def text_y(self) -> float:
        return _r(self.y + BOX / 2 + FONT * 0.36)

    @property
    def rx(self) -> float:
        """People are drawn as pills, companies as squares, models with rounded corners."""
        return {"people": BOX / 2, "companies": 0, "models": 6}[self.column]


@dataclass(frozen=True)
class Edge:
    kind: str  # "founder", "affiliation", "parent" or "developer": its look and its legend entry
    relation: str  # one of RELATIONS
    source: Entity  # the entity whose file states the relation
    target: Entity
    links: tuple[Link, ...]  # every link of the fact base the line stands for (a person's roles at one company)
    path: str  # SVG path data


@dataclass(frozen=True)
class LegendEntry:
    kind: str
    label: str
    x: float  # where the sample line starts
    y: float  # the sample line's height; the label's baseline is a little below


@dataclass(frozen=True)
class MapDrawing:
    width: int
    height: int
    heads: tuple[tuple[str, str, float], ...]  # (column, heading, x)
    columns: tuple[tuple[str, str, tuple[Node, ...]], ...]  # (column, heading, nodes from top to bottom)
    edges: tuple[Edge, ...]
    legend: tuple[LegendEntry, ...]
    rows: dict[str, tuple[Link, ...]]  # the relations by kind of link, in the map's order, for the tables


def _r(x: float) -> float:
    return round(x, 1)


def _isotonic(values: list[float]) -> list[float]:
    """The non-decreasing sequence nearest to values (least squares): pool adjacent violators."""
    blocks: list[list[float]] = []  # [sum, count]
    for v in values:
        blocks.append([v, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    return [total / count for total, count in blocks for _ in range(int(count))]


def _pack(wanted: list[float]) -> list[float]:
    """Tops for boxes in this order, each at least ROW below the one before, as near as can be to wanted."""
    shifted = _isotonic([w - i * ROW for i, w in enumerate(wanted)])
    return [max(z, TOP) + i * ROW for i, z in enumerate(shifted)]


class _Layout:
    def __init__(self, factbase: FactBase):
        self.links = sorted(
            (link for link in factbase.links if link.relation in RELATIONS),
            key=lambda k: (RELATIONS.index(k.relation), k.source.id, k.target.id),
        )
        self.people = sorted({k.source for k in self.links if k.relation == AFFILIATION}, key=lambda e: e.id)
        self.models = sorted({k.source for k in self.links if k.relation == DEVELOPER}, key=lambda e: e.id)
        companies = {k.target for k in self.links} | {k.source for k in self.links if k.relation == PARENT}
        self.companies = sorted(companies, key=lambda e: e.id)
        self.neighbours: dict[str, set[str]] = defaultdict(set)  # across columns, both ways
        parent: dict[str, str] = {}
        for link in self.links:
            if link.relation == PARENT:
                parent[link.source.id] = link.target.id
            else:
                self.neighbours[link.source.id].add(link.target.id)
                self.neighbours[link.target.id].add(link.source.id)
        # A loop of parents (which the data should never hold) is cut where it is found, so the tree stays a tree.
        for company in self.companies:
            seen = [company.id]
            up = parent.get(company.id)
            while up is not None:
                if up in seen:
                    del parent[seen[-1]]
                    break
                seen.append(up)
                up = parent.get(up)
        self.parent = parent
        self.children: dict[str | None, list[str]] = defaultdict(list)
        for company in self.companies:
            self.children[parent.get(company.id)].append(company.id)

    def depth(self, company: str) -> int:
        return 0 if company not in self.parent else 1 + self.depth(self.parent[company])

    def subtree(self, company: str) -> list[str]:
        return [company, *(c for child in self.children[company] for c in self.subtree(child))]

    def company_order(self, key: dict[str, float]) -> list[str]:
        """Companies from top to bottom: each tree by the mean key of its members, subsidiaries under their parent."""

        def mean(company: str) -> float:
            members = self.subtree(company)
            return sum(key[m] for m in members) / len(members)

        def walk(parent: str | None) -> list[str]:
            ordered = sorted(self.children[parent], key=lambda c: (mean(c), c))
            return [c for child in ordered for c in [child, *walk(child)]]

        return walk(None)

    def place(self, entities: list[Entity], tops: dict[str, float]) -> dict[str, float]:
        """Tops for people or models, each near the mean height of its companies, in that order."""
        wanted = {e.id: sum(tops[c] for c in self.neighbours[e.id]) / len(self.neighbours[e.id]) for e in entities}
        order = sorted(wanted, key=lambda i: (wanted[i], i))
        return dict(zip(order, _pack([wanted[i] for i in order]), strict=True))

    def crossings(self, tops: dict[str, float]) -> int:
        """Pairs of lines between the same two columns that cross, counted in O(E log E) per sweep."""
        pairs = {(k.source.id, k.target.id) for k in self.links if k.relation != PARENT}
        found = 0
        for side in ({p.id for p in self.models}, {p.id for p in self.people}):
            found += _discordant_pairs([(tops[a], tops[b]) for a, b in pairs if a in side])
        return found

    def arrange(self) -> dict[str, float]:
        """Tops of every box, from the sweep with the fewest crossings (the first such, so always the same one)."""
        key = {c.id: float(i) for i, c in enumerate(self.companies)}
        best: tuple[int, dict[str, float]] | None = None
        for _ in range(SWEEPS):
            order = self.company_order(key)
            tops = {c: TOP + i * ROW for i, c in enumerate(order)}
            tops |= self.place(self.models, tops) | self.place(self.people, tops)
            count = self.crossings(tops)
            if best is None or count < best[0]:
                best = (count, tops)
            key = {
                c: (
                    sum(tops[n] for n in self.neighbours[c]) / len(self.neighbours[c])
                    if self.neighbours[c]
                    else tops[c]
                )
                for c in order
            }
        assert best is not None
        return best[1]


def _discordant_pairs(points: list[tuple[float, float]]) -> int:
    """How many pairs of points lie one above-left of the other (x and y ordered oppositely, no ties)."""
    ys = {y: rank for rank, y in enumerate(sorted({y for _, y in points}), start=1)}
    tree = [0] * (len(ys) + 1)  # a Fenwick tree counting the y ranks seen so far

    def seen_up_to(rank: int) -> int:
        total = 0
        while rank:
            total, rank = total + tree[rank], rank & (rank - 1)
        return total

    found, seen = 0, 0
    ordered = sorted(points)
    for _, group in groupby(ordered, key=lambda p: p[0]):
        group = list(group)
        for _, y in group:  # earlier points with a smaller x and a larger y cross this one
            found += seen - seen_up_to(ys[y])
        for _, y in group:
            rank = ys[y]
            while rank <= len(ys):
                tree[rank] += 1
                rank += rank & -rank
            seen += 1
    return found


def _curve(x1: float, y1: float, x2: float, y2: float) -> str:
    middle = _r((x1 + x2) / 2)
    return f"M{_r(x1)} {_r(y1)} C{middle} {_r(y1)} {middle} {_r(y2)} {_r(x2)} {_r(y2)}"


def draw_relation_map(factbase: FactBase, lang: str, strings: dict[str, str], page: str) -> MapDrawing | None:
    """The map for a page at `page` (a Markdown path); None when the fact base holds none of these relations."""
    layout = _Layout(factbase)
    if not layout.links:
        return None
    tops = layout.arrange()
    members = {"people": layout.people, "companies": layout.companies, "models": layout.models}
    label = {e.id: e.name(lang) for column in members.values() for e in column}
    depth = {c.id: layout.depth(c.id) for c in layout.companies}
    width = {
        column: max(
            [text_width(strings[f"type.{column}"])]
            + [text_width(label[e.id]) + 2 * TEXT_PAD + INDENT * depth.get(e.id, 0) for e in entities]
        )
        for column, entities in members.items()
        if entities
    }
    spare = (TARGET_WIDTH - 2 * PAD - sum(width.values())) / max(len(width) - 1, 1)
    gap = min(max(MIN_GAP, spare), MAX_GAP)
    left, x = {}, float(PAD)
    for column in COLUMNS:
        if column in width:
            left[column] = x
            x += width[column] + gap
    total_width = round(x - gap + PAD)
    base = posixpath.dirname(page.removesuffix(".md") + "/")  # the built page is served as a folder

    def node(entity: Entity, column: str) -> Node:
        d = depth.get(entity.id, 0)
        href = posixpath.relpath(entity.url(lang), base) + "/"
        x, y, w = _r(left[column] + INDENT * d), _r(tops[entity.id]), _r(width[column] - INDENT * d)
        return Node(entity, column, label[entity.id], href, x, y, w, d)

    nodes = {e.id: node(e, column) for column, entities in members.items() for e in entities}
    columns = tuple(
        (column, strings[f"type.{column}"], tuple(sorted((nodes[e.id] for e in entities), key=lambda n: n.y)))
        for column, entities in members.items()
        if entities
    )

    edges: list[Edge] = []
    by_pair: dict[tuple[str, str], list[Link]] = defaultdict(list)
    for link in layout.links:
        by_pair[(link.source.id, link.target.id)].append(link)
    for (source, target), links in by_pair.items():
        relation = links[0].relation
        a, b = nodes[source], nodes[target]
        if relation == AFFILIATION:
            kind = "founder" if any(k.detail.get("founder") for k in links) else "affiliation"
            path = _curve(a.right, a.middle, b.x, b.middle)
        elif relation == DEVELOPER:
            kind, path = "developer", _curve(b.right, b.middle, a.x, a.middle)
        elif layout.parent.get(source) == target:  # an elbow from the parent down (or up) to its subsidiary
            kind = "parent"
            down = a.y > b.y
            path = f"M{_r(b.x + INDENT / 2)} {_r(b.y + BOX if down else b.y)} V{a.middle} H{a.x}"
        else:  # a parent the tree had to leave out (a loop): a curve bulging to the left
            kind = "parent"
            path = f"M{a.x} {a.middle} C{_r(a.x - 40)} {a.middle} {_r(b.x - 40)} {b.middle} {b.x} {b.middle}"
        edges.append(Edge(kind, relation, links[0].source, links[0].target, tuple(links), path))

    bottom = max(n.y for n in nodes.values()) + BOX
    legend, lx, ly = [], float(PAD), bottom + 30
    for kind in ("founder", "affiliation", "developer", "parent"):
        text = strings[f"map.legend.{kind}"]
        entry_width = LEGEND_LINE + 6 + text_width(text) + 24
        if lx > PAD and lx + entry_width > total_width - PAD:
            lx, ly = float(PAD), ly + 22
        legend.append(LegendEntry(kind, text, _r(lx), _r(ly)))
        lx += entry_width
    order = {n.entity.id: (COLUMNS.index(n.column), n.y) for n in nodes.values()}
    rows = {
        relation: tuple(
            sorted(
                (k for k in layout.links if k.relation == relation),
                key=lambda k: (
                    (order[k.source.id], order[k.target.id])
                    if relation == AFFILIATION
                    else (order[k.target.id], order[k.source.id])
                ),
            )
        )
        for relation in RELATIONS
    }
    return MapDrawing(
        width=total_width,
        height=round(ly + 16),
        heads=tuple((column, heading, _r(left[column])) for column, heading, _ in columns),
        columns=columns,
        edges=tuple(edges),
        legend=tuple(legend),
        rows=rows,
    )
