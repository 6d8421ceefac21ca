"""Acceptance figures measured on ../shared (skipped without it); the full table is benchmarks/bench_timex.py."""

from __future__ import annotations

from benchmarks.bench_timex import chronica_system, corpora, measure


def test_seed_and_te3_targets(shared):
    found = corpora(shared)
    system = chronica_system()
    seed, _ = measure(system, found["seed"])
    assert seed.value_f1 >= 0.97
    assert seed.strict_prf[2] >= 0.95
    te3, _ = measure(system, found["te3-platinum"])
    assert te3.value_f1 >= 0.80
