"""The relationship map: who builds which model, who founded or works at which company, which company owns which.

Laid out at generation time as plain coordinates for the template `_map.md.j2`, in two forms (render/svg.py).
The wide one has three columns: people, companies and institutions, models and products. Subsidiaries are listed
under their parent company, indented and joined to it by an elbow; people and models are placed beside the
companies they are joined to. The order of the companies is found by barycentre sweeps (each company moves
towards the mean height of its people and models, then these move towards their companies), keeping the order
with the fewest crossing lines, then swapping neighbouring companies while that removes crossings. The narrow one, for phones, stacks the columns: the companies in the same order,
each followed by its people and models, set in and hanging from it by a line of the same look as in the wide form.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import groupby, pairwise

from ..factbase.model import Entity, FactBase, Link
from ..registry import DEVELOPED_BY, MAP_COLUMNS, entity_type
from . import paths
from .svg import FONT, NARROW, PAD, Picture, px, text_width

AFFILIATION = "affiliations.company"  # a person's file names a company they founded or work at
PARENT = "parent.company"  # a company's file names the company it belongs to
RELATIONS = (AFFILIATION, PARENT, DEVELOPED_BY)
COLUMNS = MAP_COLUMNS
PEOPLE, COMPANIES, MODELS = COLUMNS  # as the registry declares them

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
STEP = 28  # px the narrow form sets a company's people, models and subsidiaries in from the company
SPINE = 10  # px from a company's left edge to the line its people, models and subsidiaries hang from (narrow form)


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
        return px(self.x + self.width)

    @property
    def middle(self) -> float:
        return px(self.y + BOX / 2)

    @property
    def text_x(self) -> float:
        return px(self.x + TEXT_PAD)

    @property
    def text_y(self) -> float:
        return px(self.y + BOX / 2 + FONT * 0.36)

    @property
    def rx(self) -> float:
        """People are drawn as pills, companies as squares, models with rounded corners."""
        return entity_type(self.column).map_corner


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


@dataclass(frozen=True)
class Block:
    """A company in the narrow form, and the people, models (and parents left out of the tree) hanging from it."""

    company: Node
    members: tuple[Node, ...]


@dataclass(frozen=True)
class StackedMap:
    """The narrow form: the legend, then every company in the wide form's order, its subsidiaries set in under it."""

    width: int
    height: int
    legend: tuple[LegendEntry, ...]
    spines: tuple[str, ...]  # SVG path data: the line down from each company that its members hang from
    blocks: tuple[Block, ...]
    edges: tuple[Edge, ...]  # a short line from the spine to each member, in its relation's look


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
        self.models = sorted({k.source for k in self.links if k.relation == DEVELOPED_BY}, key=lambda e: e.id)
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

    def tops_for(self, order: list[str]) -> dict[str, float]:
        """Tops of every box with the companies in this order, people and models placed beside them."""
        tops: dict[str, float] = {c: TOP + i * ROW for i, c in enumerate(order)}
        return tops | self.place(self.models, tops) | self.place(self.people, tops)

    def arrange(self) -> dict[str, float]:
        """Tops of every box, from the sweep with the fewest crossings (the first such, so always the same one),
        then untangled."""
        key = {c.id: float(i) for i, c in enumerate(self.companies)}
        best: tuple[int, list[str]] | None = None
        for _ in range(SWEEPS):
            order = self.company_order(key)
            tops = self.tops_for(order)
            count = self.crossings(tops)
            if best is None or count < best[0]:
                best = (count, order)
            key = {
                c: (
                    sum(tops[n] for n in self.neighbours[c]) / len(self.neighbours[c])
                    if self.neighbours[c]
                    else tops[c]
                )
                for c in order
            }
        assert best is not None
        return self.tops_for(self.untangle(*best))

    def untangle(self, count: int, order: list[str]) -> list[str]:
        """Swap two neighbouring companies of the same parent (with their subsidiaries) while that leaves fewer
        crossing lines: the sweeps move whole groups and can leave a few crossings behind."""
        while count > 0:
            crossings = ((self.crossings(self.tops_for(swapped)), swapped) for swapped in self.swaps(order))
            better = next((found for found in crossings if found[0] < count), None)
            if better is None:
                break
            count, order = better
        return order

    def swaps(self, order: list[str]) -> Iterator[list[str]]:
        """The order with two neighbouring companies of the same parent swapped, for every such pair in turn."""
        index = {c: float(i) for i, c in enumerate(order)}
        for siblings in self.children.values():
            for a, b in pairwise(sorted(siblings, key=index.__getitem__)):
                above, below = self.subtree(a), self.subtree(b)
                moved = {c: index[c] + len(below) for c in above} | {c: index[c] - len(above) for c in below}
                yield self.company_order(index | moved)


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
    for _, run in groupby(ordered, key=lambda p: p[0]):
        group = list(run)
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
    middle = px((x1 + x2) / 2)
    return f"M{px(x1)} {px(y1)} C{middle} {px(y1)} {middle} {px(y2)} {px(x2)} {px(y2)}"


def draw_relation_map(
    factbase: FactBase, lang: str, strings: dict[str, str], page: str
) -> Picture[MapDrawing, StackedMap] | None:
    """The map for a page at `page` (a Markdown path), in both forms; None when the fact base holds none of these
    relations."""
    layout = _Layout(factbase)
    if not layout.links:
        return None
    tops = layout.arrange()

    def node(entity: Entity, column: str, x: float, y: float, width: float, depth: int) -> Node:
        href = paths.relative_url(paths.entity_page(entity), page)
        return Node(entity, column, _label(entity, lang, width), href, px(x), px(y), px(width), depth)

    return Picture(_columns(layout, tops, lang, strings, node), _stacked(layout, tops, lang, strings, node))


def _label(entity: Entity, lang: str, width: float) -> str:
    """The entity's name, or where its box is too narrow for it (a long name on a phone), the shortest of its
    aliases; the tables under the map give every name in full."""
    fits = [name for name in entity.names(lang) if text_width(name) + 2 * TEXT_PAD <= width]
    return fits[0] if fits and fits[0] == entity.name(lang) else min(entity.names(lang), key=text_width)


_NodeMaker = Callable[[Entity, str, float, float, float, int], Node]
_MEMBER_ORDER = {PEOPLE: 0, MODELS: 1, "": 2}  # under a company in the narrow form; "": a parent left out


def _by_pair(layout: _Layout) -> dict[tuple[str, str], list[Link]]:
    """The links between each two entities (a person's roles at one company), each pair drawn as one line."""
    pairs: dict[tuple[str, str], list[Link]] = defaultdict(list)
    for link in layout.links:
        pairs[(link.source.id, link.target.id)].append(link)
    return pairs


def _kind(links: list[Link]) -> str:
    """The look of a line and its legend entry: "founder", "affiliation", "developer" or "parent"."""
    relation = links[0].relation
    if relation == AFFILIATION:
        return "founder" if any(k.detail.get("founder") for k in links) else "affiliation"
    return "developer" if relation == DEVELOPED_BY else "parent"


def _legend(strings: dict[str, str], width: float, top: float) -> tuple[list[LegendEntry], float]:
    """The legend's entries in rows no wider than the picture, the first row's line at top; and the last row's y."""
    legend, lx, ly = [], float(PAD), top
    for kind in ("founder", "affiliation", "developer", "parent"):
        text = strings[f"map.legend.{kind}"]
        entry_width = LEGEND_LINE + 6 + text_width(text) + 24
        if lx > PAD and lx + entry_width > width - PAD:
            lx, ly = float(PAD), ly + 22
        legend.append(LegendEntry(kind, text, px(lx), px(ly)))
        lx += entry_width
    return legend, ly


def _columns(
    layout: _Layout, tops: dict[str, float], lang: str, strings: dict[str, str], make: _NodeMaker
) -> MapDrawing:
    """The wide form: three columns as wide as their names, spread towards TARGET_WIDTH, the legend under them."""
    members = {PEOPLE: layout.people, COMPANIES: layout.companies, MODELS: layout.models}
    depth = {c.id: layout.depth(c.id) for c in layout.companies}
    width = {
        column: max(
            [text_width(strings[f"type.{column}"])]
            + [text_width(e.name(lang)) + 2 * TEXT_PAD + INDENT * depth.get(e.id, 0) for e in entities]
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

    def node(entity: Entity, column: str) -> Node:
        d = depth.get(entity.id, 0)
        return make(entity, column, left[column] + INDENT * d, tops[entity.id], width[column] - INDENT * d, d)

    nodes = {e.id: node(e, column) for column, entities in members.items() for e in entities}
    columns = tuple(
        (column, strings[f"type.{column}"], tuple(sorted((nodes[e.id] for e in entities), key=lambda n: n.y)))
        for column, entities in members.items()
        if entities
    )

    edges: list[Edge] = []
    for (source, target), links in _by_pair(layout).items():
        relation, kind = links[0].relation, _kind(links)
        a, b = nodes[source], nodes[target]
        if relation == AFFILIATION:
            path = _curve(a.right, a.middle, b.x, b.middle)
        elif relation == DEVELOPED_BY:
            path = _curve(b.right, b.middle, a.x, a.middle)
        elif layout.parent.get(source) == target:  # an elbow from the parent down (or up) to its subsidiary
            down = a.y > b.y
            path = f"M{px(b.x + INDENT / 2)} {px(b.y + BOX if down else b.y)} V{a.middle} H{a.x}"
        else:  # a parent the tree had to leave out (a loop): a curve bulging to the left
            path = f"M{a.x} {a.middle} C{px(a.x - 40)} {a.middle} {px(b.x - 40)} {b.middle} {b.x} {b.middle}"
        edges.append(Edge(kind, relation, links[0].source, links[0].target, tuple(links), path))

    bottom = max(n.y for n in nodes.values()) + BOX
    legend, last_row = _legend(strings, total_width, bottom + 30)
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
        height=round(last_row + 16),
        heads=tuple((column, heading, px(left[column])) for column, heading, _ in columns),
        columns=columns,
        edges=tuple(edges),
        legend=tuple(legend),
        rows=rows,
    )


def _stacked(
    layout: _Layout, tops: dict[str, float], lang: str, strings: dict[str, str], make: _NodeMaker
) -> StackedMap:
    """The narrow form: under the legend, each company in the wide form's order (so each parent is followed by its
    subsidiaries, set in), and under each company the people and models joined to it, set in, in the wide form's
    order; each hangs from its company by a short line in the look of its relation."""
    width = NARROW.width
    legend, last_row = _legend(strings, width, PAD + 12)
    column = {e.id: c for c, entities in ((PEOPLE, layout.people), (MODELS, layout.models)) for e in entities}
    members: dict[str, list[tuple[Entity, list[Link]]]] = defaultdict(list)  # company id -> its members, their links
    subsidiary_links: dict[str, list[Link]] = {}
    for (source, target), links in _by_pair(layout).items():
        if layout.parent.get(source) == target:
            subsidiary_links[source] = links
        else:  # a person, a model, or a parent company the tree had to leave out (a loop)
            members[target].append((links[0].source, links))
    companies: dict[str, Node] = {}
    hanging: dict[str, list[float]] = defaultdict(list)  # company id -> the middles of the rows hanging from it
    blocks, edges, y = [], [], last_row + 22

    def hang(company: Node, member: Node, links: list[Link]) -> None:
        path = f"M{px(company.x + SPINE)} {member.middle} H{member.x}"
        edges.append(Edge(_kind(links), links[0].relation, links[0].source, links[0].target, tuple(links), path))
        hanging[company.entity.id].append(member.middle)

    for company in sorted(layout.companies, key=lambda c: (tops[c.id], c.id)):
        parent = companies.get(layout.parent.get(company.id, ""))
        x = PAD if parent is None else parent.x + STEP
        block_head = make(company, COMPANIES, x, y, width - PAD - x, layout.depth(company.id))
        companies[company.id] = block_head
        if parent is not None:
            hang(parent, block_head, subsidiary_links[company.id])
        y += ROW
        drawn = []
        for entity, links in sorted(
            members[company.id], key=lambda m: (_MEMBER_ORDER[column.get(m[0].id, "")], tops[m[0].id], m[0].id)
        ):
            name_width = text_width(entity.name(lang)) + 2 * TEXT_PAD
            member = make(
                entity, column.get(entity.id, COMPANIES), x + STEP, y, min(name_width, width - PAD - x - STEP), 0
            )
            hang(block_head, member, links)
            drawn.append(member)
            y += ROW
        blocks.append(Block(block_head, tuple(drawn)))
    spines = tuple(f"M{px(n.x + SPINE)} {px(n.y + BOX)} V{max(hanging[c])}" for c, n in companies.items() if hanging[c])
    return StackedMap(width, round(y - ROW + BOX + PAD), tuple(legend), spines, tuple(blocks), tuple(edges))
