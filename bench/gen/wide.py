"""Wide inputs: one thing there is very much of, at doubling sizes, to see that the time
of `hamlet generate --no-cache` grows linearly with it.

    python bench/gen/wide.py                       # every shape, 5k, 10k and 20k
    python bench/gen/wide.py --shapes variants --sizes 5000 20000 --reps 5
    python bench/gen/wide.py --src /path/to/an/old/checkout/src   # the same, for another Hamlet

Each shape is one crate (`shape(n)` -> {file name: Rust source}); every run is a whole
process generating into an empty folder, and the table quotes the median of `--reps`
runs. "x per 2x" is how much the time
grows when the size doubles: about 2 is linear, about 4 quadratic. Prints a Markdown table;
the crates go to bench/.work/wide/ (git-ignored).

The shapes are those that once took quadratic time: a worker of 20,000 variants asked
the worker for its responses and failure variant once per request (140 s), and
Workers.Types looked for each type's cycle among all the types.
"""

from __future__ import annotations

import argparse
import math
import shutil
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import measure  # noqa: E402

WORK = ROOT / "bench" / ".work" / "wide"
WORKER = """\
#[derive(BuildAmpWorker)]
pub enum BigWorkerMessage {{
{}    Finished {{ value: u32 }},
    Failed {{ error: String }},
}}
"""


def variants(n: int) -> dict[str, str]:
    """n requests, one response, one failure variant."""
    return {"lib.rs": WORKER.format("".join(f"    Do{i} {{ value: u32 }},\n" for i in range(n)))}


def fields(n: int) -> dict[str, str]:
    """One request of n fields."""
    return {"lib.rs": WORKER.format("    Go { " + ", ".join(f"f{i}: u32" for i in range(n)) + " },\n")}


def types(n: int) -> dict[str, str]:
    """One request with a field of each of n domain structs."""
    go = "    Go { " + ", ".join(f"t{i}: T{i}" for i in range(n)) + " },\n"
    return {"lib.rs": WORKER.format(go) + "".join(f"pub struct T{i} {{ a: u32 }}\n" for i in range(n))}


def chain(n: int) -> dict[str, str]:
    """A chain of n structs, each holding the next."""
    structs = "".join(
        f"pub struct T{i} {{ a: {f'T{i + 1}' if i + 1 < n else 'u32'}, b: u32 }}\n" for i in range(n)
    )
    return {"lib.rs": WORKER.format("    Go { t: T0 },\n") + structs}


def files(n: int) -> dict[str, str]:
    """n files, one struct each, chained."""
    crate = {"lib.rs": WORKER.format("    Go { t: T0 },\n")}
    for i in range(n):
        crate[f"part{i}.rs"] = f"pub struct T{i} {{ a: {f'T{i + 1}' if i + 1 < n else 'u32'} }}\n"
    return crate


def docs(n: int) -> dict[str, str]:
    """A request and a struct with n lines of doc comment each."""
    lines = "".join(f"    /// Line {i} of a long doc comment.\n" for i in range(n))
    source = WORKER.format(lines + "    Go { s: S },\n")
    return {"lib.rs": source + lines.replace("    ///", "///") + "pub struct S { a: u32 }\n"}


SHAPES = {f.__name__: f for f in (variants, fields, types, chain, files, docs)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapes", nargs="+", choices=list(SHAPES), default=list(SHAPES))
    parser.add_argument("--sizes", nargs="+", type=int, default=[5_000, 10_000, 20_000])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--src", type=Path, help="run the Hamlet whose package is in this folder")
    args = parser.parse_args(argv)
    env = measure.child_env()
    if args.src:
        env["PYTHONPATH"] = str(args.src.resolve())
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK.parent / ".gitignore").write_text("*\n")
    print("| shape | n | median | per item | x per 2x |")
    print("|---|---:|---:|---:|---:|")
    for name in args.shapes:
        previous = None
        for n in sorted(args.sizes):
            crate = WORK / f"{name}-{n}"
            shutil.rmtree(crate, ignore_errors=True)
            (crate / "src").mkdir(parents=True)
            for file, text in SHAPES[name](n).items():
                (crate / "src" / file).write_text(text, encoding="utf-8")
            argv_ = [sys.executable, "-m", "hamlet", "generate", "src", "--no-cache"]
            walls = []
            for _ in range(args.reps):
                # A first generation each time: with the handlers file there, a rerun
                # also checks it for drift, which this does not measure.
                shutil.rmtree(crate / "generated", ignore_errors=True)
                walls.append(measure.run(argv_, cwd=crate, env=env).wall)
            wall = statistics.median(walls)
            growth = ""
            if previous is not None and n > previous[0]:
                # The time's growth for each doubling of n, whatever the sizes' ratio.
                growth = f"{(wall / previous[1]) ** (1 / math.log2(n / previous[0])):.2f}"
            print(f"| {name} | {n:,} | {wall:.2f} s | {wall / n * 1e6:,.0f} µs | {growth} |", flush=True)
            previous = (n, wall)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
