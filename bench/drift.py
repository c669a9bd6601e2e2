"""The drift check's reading of a handlers file, on the inputs that were once slow.

    python bench/drift.py            # 5 repetitions each, medians
    python bench/drift.py --reps 9

The regular expressions that read `export` statements before the JavaScript parser
took 56 s for `export function` followed by 60,000 spaces: the time grew with the
square of the run of spaces. This script times `hamlet.write.drift.exported_names` on that
input, and on ten and a hundred times as many spaces, and on handlers files with many
exports, so that the growth can be read off (linear: 10x the input, about 10x the
time). It prints a table and writes nothing; the numbers quoted in docs/benchmarks.md
("Drift check") come from it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from hamlet.write.drift import exported_names  # noqa: E402


def spaces(count: int) -> str:
    return "export function" + " " * count + "handleA(request, reply) {}\n"


def many_exports(count: int) -> str:
    return "".join(
        f"// handler {n}: 'data/*.csv' and /\\/*/ stay text\n"
        f"export async function handle{n}(request, reply) {{ reply.done({{ n: {n} }}); }}\n"
        for n in range(count)
    )


CASES = [
    ("60,000 spaces after `export function`", lambda: spaces(60_000)),
    ("600,000 spaces", lambda: spaces(600_000)),
    ("6,000,000 spaces", lambda: spaces(6_000_000)),
    ("1,000 exported handlers", lambda: many_exports(1_000)),
    ("10,000 exported handlers", lambda: many_exports(10_000)),
    ("100,000 exported handlers", lambda: many_exports(100_000)),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args(argv)
    exported_names("export const warm = 1;\n")  # the parser's one-time set-up
    print(f"{'input':40} {'bytes':>12} {'median':>10}")
    for label, make in CASES:
        source = make()
        times = []
        for _ in range(args.reps):
            start = time.perf_counter()
            found = exported_names(source)
            times.append(time.perf_counter() - start)
        assert found, label
        print(f"{label:40} {len(source):>12,} {statistics.median(times) * 1000:>8.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
