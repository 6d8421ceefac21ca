"""Run every benchmark (``python -m benchmarks``) or the named ones (``python -m benchmarks analyze``).

Arguments starting with ``-`` are options a benchmark reads itself (``python -m benchmarks speed --quick``).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import benchmarks


def main(names: list[str]) -> None:
    found = sorted(m.name[len("bench_"):] for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_"))
    names = [name for name in names if not name.startswith("-")]
    unknown = set(names) - set(found)
    if unknown:
        sys.exit(f"unknown benchmark(s): {', '.join(sorted(unknown))} (known: {', '.join(found)})")
    for name in names or found:
        importlib.import_module(f"benchmarks.bench_{name}").main()


if __name__ == "__main__":
    main(sys.argv[1:])
