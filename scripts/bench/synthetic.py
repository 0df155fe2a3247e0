"""Write a valid synthetic fact base of a given size, shaped like the real one.

Names are made of Chinese syllables with their pinyin, so both languages, the jieba dictionary
and the article linker see realistic text; references point at entities of the right type, and
every fact cites an article paragraph or a synthetic source. Deterministic for a given size.
Usage: PYTHONPATH=scripts python -m bench.synthetic SIZE OUT_DIR
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

SYLLABLES = [
    ("云", "Yun"),
    ("智", "Zhi"),
    ("星", "Xing"),
    ("海", "Hai"),
    ("明", "Ming"),
    ("光", "Guang"),
    ("华", "Hua"),
    ("天", "Tian"),
    ("启", "Qi"),
    ("源", "Yuan"),
    ("深", "Shen"),
    ("度", "Du"),
    ("灵", "Ling"),
    ("犀", "Xi"),
    ("远", "Yuan"),
    ("航", "Hang"),
    ("量", "Liang"),
    ("子", "Zi"),
    ("数", "Shu"),
    ("码", "Ma"),
    ("腾", "Teng"),
    ("飞", "Fei"),
    ("思", "Si"),
    ("维", "Wei"),
    ("锐", "Rui"),
    ("峰", "Feng"),
    ("岚", "Lan"),
    ("川", "Chuan"),
]
SURNAMES = [
    ("王", "Wang"),
    ("李", "Li"),
    ("张", "Zhang"),
    ("刘", "Liu"),
    ("陈", "Chen"),
    ("杨", "Yang"),
    ("赵", "Zhao"),
]
# Shares of each type in the real fact base (sources included), so every size looks like it.
SHARES = {
    "companies": 0.12,
    "models": 0.07,
    "people": 0.03,
    "glossary": 0.10,
    "events": 0.19,
    "quotes": 0.06,
    "figures": 0.09,
    "sources": 0.34,
}
SCHEMA_LINE = "# yaml-language-server: $schema=../../../schemas/{}.json\n"


def _name(rng: random.Random, index: int, suffix: tuple[str, str]) -> tuple[str, str]:
    a, b = rng.choice(SYLLABLES), rng.choice(SYLLABLES)
    return f"{a[0]}{b[0]}{suffix[0]}{index}", f"{a[1]}{b[1].lower()} {suffix[1]} {index}"


def _text(zh: str, en: str) -> dict[str, str]:
    return {"zh": zh, "en": en}


def _paragraph(rng: random.Random) -> str:
    return f"p{rng.randint(1, 32)}"


def synthetic_factbase(size: int, seed: int = 2023) -> dict[str, dict[str, dict]]:
    """{type: {id: data}} with about `size` entities in the real fact base's proportions."""
    rng = random.Random(seed)
    counts = {t: max(1, round(size * share)) for t, share in SHARES.items()}
    ids = {t: [f"{t[:3]}-{i}" for i in range(counts[t])] for t in SHARES}
    base: dict[str, dict[str, dict]] = {t: {} for t in SHARES}
    cite = lambda: rng.choice([_paragraph(rng), rng.choice(ids["sources"])])  # noqa: E731
    for i, sid in enumerate(ids["sources"]):
        base["sources"][sid] = {
            "title": f"Report {i}",
            "url": f"https://news.example.com/{i}",
            "publisher": "Example News",
            "language": "en" if i % 2 else "zh-Hans",
            "published": f"2023-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
        }
    for i, cid in enumerate(ids["companies"]):
        zh, en = _name(rng, i, ("科技", "Technology"))
        base["companies"][cid] = {
            "name": _text(zh, en),
            "aliases": {"zh": [zh[: -len(str(i))] + f"集团{i}"], "en": [f"{en} Group"]},
            "kind": rng.choice(["company", "broker", "research-institute"]),
            "summary": _text(
                f"{zh}是一家人工智能公司,2023年宣布自研大模型。",
                f"{en} is an AI company that announced its own large model in 2023.",
            ),
            "founded": {"date": f"{rng.randint(1990, 2022)}", "source": cite()},
            "sources": list(dict.fromkeys([_paragraph(rng), cite()])),
        }
    for i, mid in enumerate(ids["models"]):
        zh, en = _name(rng, i, ("大模型", "LM"))
        developer = rng.choice(ids["companies"])
        base["models"][mid] = {
            "name": _text(zh, en),
            "kind": "language-model",
            "summary": _text(f"{zh}是一个语言大模型。", f"{en} is a large language model."),
            "developers": [{"company": developer, "source": cite()}],
            "announced": {"date": f"2023-04-{rng.randint(10, 28)}", "source": cite()},
            "parameters": {"value": rng.choice([7, 13, 70, 130]) * 10**9, "as_given": "数百亿", "source": cite()},
            "sources": [_paragraph(rng)],
        }
    for i, pid in enumerate(ids["people"]):
        surname, given = rng.choice(SURNAMES), rng.choice(SYLLABLES)
        base["people"][pid] = {
            "name": _text(f"{surname[0]}{given[0]}{i}", f"{surname[1]} {given[1]} {i}"),
            "summary": _text("一位创业者。", "An entrepreneur."),
            "affiliations": [
                {
                    "company": rng.choice(ids["companies"]),
                    "role": _text("创始人", "founder"),
                    "founder": True,
                    "source": cite(),
                }
            ],
            "sources": [_paragraph(rng)],
        }
    for i, gid in enumerate(ids["glossary"]):
        zh, en = _name(rng, i, ("术语", "term"))
        base["glossary"][gid] = {
            "name": _text(zh, en),
            "short": _text("一个术语。", "A term."),
            "summary": _text("文中用到的一个术语。", "A term the article uses."),
            "sources": [_paragraph(rng)],
        }
    everything = ids["companies"] + ids["models"] + ids["people"] + ids["glossary"]
    for i, eid in enumerate(ids["events"]):
        base["events"][eid] = {
            "name": _text(f"事件{i}", f"Event {i}"),
            "date": f"2023-0{rng.randint(1, 9)}-{rng.randint(10, 28)}",
            "category": rng.choice(["launch", "announcement", "market"]),
            "involves": sorted(set(rng.sample(everything, 2))),
            "sources": [cite()],
        }
    speakers = ids["people"] + ids["companies"]
    for i, qid in enumerate(ids["quotes"]):
        base["quotes"][qid] = {
            "speaker": rng.choice(speakers),
            "stance": rng.choice(["competition", "chaos", "mixed"]),
            "text": _text(f"这是第{i}条引语。", f"This is quote {i}."),
            "about": [rng.choice(everything)],
            "sources": [_paragraph(rng)],
        }
    for i, fid in enumerate(ids["figures"]):
        base["figures"][fid] = {
            "name": _text(f"数字{i}", f"Figure {i}"),
            "value": rng.randint(1, 10**9),
            "unit": "USD",
            "as_given": f"{i}万美元",
            "about": [rng.choice(everything)],
            "sources": [_paragraph(rng)],
        }
    return base


def write_factbase(base: dict[str, dict[str, dict]], out: Path) -> int:
    """Write one YAML file per entity under out/<type>/; return how many."""
    count = 0
    for type_name, entities in base.items():
        folder = out / type_name
        folder.mkdir(parents=True, exist_ok=True)
        for entity_id, data in entities.items():
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_style=None)
            (folder / f"{entity_id}.yaml").write_text(SCHEMA_LINE.format(type_name) + text, encoding="utf-8")
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    print(write_factbase(synthetic_factbase(args.size), args.out))


if __name__ == "__main__":
    main()
