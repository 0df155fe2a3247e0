"""The synthetic fact bases `make bench` builds at 1,000 to 10,000 entities pass `make check`: a rule added to the
schemas must be followed there too, or the benchmark stops at its first size (it did once: a source's language)."""

from __future__ import annotations

from pathlib import Path

from bench.synthetic import synthetic_factbase, write_factbase

from explainer.inputs import load_inputs


def test_a_synthetic_fact_base_checks_out(tmp_path: Path) -> None:
    written = write_factbase(synthetic_factbase(300), tmp_path / "facts")
    inputs = load_inputs(tmp_path / "facts")
    assert len(inputs.factbase.entities) == written > 250
