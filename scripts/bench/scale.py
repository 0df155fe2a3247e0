"""Build benchmark: how validation, generation and the MkDocs builds grow with the size of the fact base.

For the real fact base and synthetic ones (bench/synthetic.py) it runs each phase as its own process,
the way `make check` and `make site` do, and prints one Markdown table: wall time of each phase
(validation includes interpreter start), seconds per page, peak memory of the largest process, and the
search index size. Like `make site`, it writes build/docs (emptied before each size); the sites go to a
temporary folder.
Usage: PYTHONPATH=scripts python -m bench.scale [--sizes 1000 3000 10000]
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.synthetic import synthetic_factbase, write_factbase
from explainer.build import mkdocs_command
from explainer.history import read_history
from explainer.inputs import ARTICLE_DIR
from explainer.mkdocs_config import config_path
from explainer.registry import CODES, DOCS_OUT

REAL = Path("seeds/facts")


@dataclass
class Run:
    seconds: float
    peak_mib: float


def _timed(command: list[str]) -> Run:
    """Run a command to completion; its wall time and peak resident memory (from wait4's rusage).

    Its output goes to a file, not a pipe: MkDocs logs at INFO (never --quiet, which would hide the warnings
    --strict counts), and a pipe nobody reads while waiting could fill and stall it."""
    env = {**os.environ, "PYTHONPATH": "scripts", "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        if status != 0:
            log.seek(0)
            sys.exit(f"failed: {' '.join(command)}\n{log.read().decode(errors='replace')}")
    return Run(elapsed, usage.ru_maxrss / 1024)


def history_read(runs: int = 5) -> tuple[float, int, bool]:
    """What reading the history of seeds/ costs generate (history.py: rev-parse, one git log, one git diff), the
    median of `runs` reads in milliseconds; and how many changes it found, and whether it could read any."""
    times, history = [], None
    for _ in range(runs):
        started = time.perf_counter()
        history = read_history(ARTICLE_DIR.parent)
        times.append((time.perf_counter() - started) * 1000)
    assert history is not None
    return statistics.median(times), len(history.commits), history.available


def measure(facts: Path, work: Path) -> dict[str, object]:
    python = sys.executable
    files = sum(1 for _ in facts.rglob("*.yaml"))
    check = _timed([python, "-m", "explainer", "check", "--facts", str(facts)])
    # Generation starts from an empty docs folder, as on a fresh clone, like MkDocs' builds into empty folders.
    # Deleting the previous size's files is not generation: it is done, and flushed to disk, beforehand.
    shutil.rmtree(DOCS_OUT, ignore_errors=True)
    os.sync()
    generate = _timed([python, "-m", "explainer", "generate", "--facts", str(facts), "--out", str(DOCS_OUT)])
    builds = {
        lang: _timed(mkdocs_command(config, work / lang))
        for lang, config in ((code, config_path(code)) for code in CODES)
    }
    pages = sum(1 for lang in builds for _ in (work / lang).rglob("*.html"))
    index = {lang: (work / lang / "search" / "search_index.json").read_bytes() for lang in builds}
    mkdocs_total = sum(run.seconds for run in builds.values())
    total = generate.seconds + mkdocs_total
    return {
        "files": files,
        "pages": pages,
        "check": check.seconds,
        "generate": generate.seconds,
        "mkdocs": {lang: run.seconds for lang, run in builds.items()},
        "total": total,
        "per_page": total / pages,
        "ratio": generate.seconds / mkdocs_total,
        "peak": max([check.peak_mib, generate.peak_mib] + [run.peak_mib for run in builds.values()]),
        "index": " / ".join(f"{len(raw) // 1024}/{len(gzip.compress(raw, 9)) // 1024}" for raw in index.values()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 3000, 10000])
    args = parser.parse_args()
    real_files = sum(1 for _ in REAL.rglob("*.yaml"))
    cases = [("real", REAL), *[(f"{n:,} synthetic", None) for n in [10 * real_files, *args.sizes]]]
    sizes = [None, 10 * real_files, *args.sizes]
    milliseconds, commits, available = history_read()
    print(
        f"History of seeds/ read in generate: {milliseconds:.0f} ms (median of 5; {commits} changes"
        + ("" if available else ", none readable here: a shallow clone or no git")
        + "); it is part of every generate time below.\n",
        flush=True,
    )
    languages = " / ".join(CODES)
    mkdocs_columns = " | ".join(f"mkdocs {code}" for code in CODES)
    print(
        f"| fact base | files | pages ({languages}) | check | generate | {mkdocs_columns} | total | s/page "
        f"| generate/mkdocs | peak MiB | index KiB raw/gz ({languages}) |"
    )
    print("| --- | ---: | ---: | ---: | ---: | " + "---: | " * len(CODES) + "---: | ---: | ---: | ---: | --- |")
    for (label, facts), size in zip(cases, sizes, strict=True):
        with tempfile.TemporaryDirectory() as work:
            if facts is None:
                facts = Path(work) / "facts"
                write_factbase(synthetic_factbase(size), facts)
            r = measure(facts, Path(work) / "site")
        print(
            f"| {label} | {r['files']} | {r['pages']} | {r['check']:.2f} s | {r['generate']:.2f} s | "
            + "".join(f"{seconds:.1f} s | " for seconds in r["mkdocs"].values())
            + f"{r['total']:.1f} s | {r['per_page']:.3f} | {r['ratio']:.0%} | {r['peak']:.0f} | {r['index']} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
