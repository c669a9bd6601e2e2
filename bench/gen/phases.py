"""Where a run's time goes, stage by stage, in one process.

    python bench/gen/phases.py CRATE [REPS]          a full run, no cache
    python bench/gen/phases.py CRATE [REPS] --rerun  a rerun that the cache answers

JSON on stdout, medians in seconds. For a full run, `parse` is Hamlet's whole parser
(tree-sitter plus reading the syntax into `ParsedFile`s), `tree_sitter` the raw
`Parser.parse` of the same bytes timed in a separate pass, and `walk` the difference:
the parser's own Python work. `import` is the import of Hamlet's modules that the run
needs, on top of Python's own start-up.
"""

from __future__ import annotations

import gc
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

start = time.perf_counter()
from hamlet import run_key, write  # noqa: E402
from hamlet.cache import Cache  # noqa: E402
from hamlet.cache.codec import encode  # noqa: E402
from hamlet.cli import Settings, _drift  # noqa: E402
from hamlet.write.places import find_places  # noqa: E402
from hamlet.read.files import find_sources  # noqa: E402

IMPORT_RERUN = time.perf_counter() - start
start = time.perf_counter()
from hamlet.emit import emit_project  # noqa: E402
from hamlet.resolve import resolve  # noqa: E402
from hamlet.read.files import parse_found  # noqa: E402
from hamlet.read.rust.parse import _get_parser  # noqa: E402

IMPORT_FULL = IMPORT_RERUN + time.perf_counter() - start


def full(root: Path) -> dict:
    clock = time.perf_counter
    out = root / "phases-out"
    shutil.rmtree(out, ignore_errors=True)
    roots = {"elm": out / "elm", "js": out / "js", "worker": out / "workers"}
    gc.disable()  # as `hamlet.generate` does for parse, resolve and emit
    t0 = clock()
    found = find_sources([str(root / "src")])
    t1 = clock()
    parser = _get_parser()
    for entry in found:
        if isinstance(entry, tuple):
            parser.parse(entry[1])
    t2 = clock()
    parsed, _ = parse_found(found)
    t3 = clock()
    project, _ = resolve(parsed)
    t4 = clock()
    files = emit_project(project)
    t5 = clock()
    for one in parsed:  # what a cold run with the cache does besides: encode each file
        encode(one)
    t5b = clock()
    del found, parsed  # gone when `generate` returns, as here
    gc.enable()
    planned = write.plan(files, roots, find_places([str(root / "src")], list(roots.values())))
    t6 = clock()
    write.apply(planned)
    t7 = clock()
    shutil.rmtree(out, ignore_errors=True)
    return {
        "find_and_read": t1 - t0,
        "tree_sitter": t2 - t1,
        "parse": t3 - t2,
        "walk": (t3 - t2) - (t2 - t1),
        "resolve": t4 - t3,
        "emit": t5 - t4,
        "cache_encode": t5b - t5,
        "plan_and_orphans": t6 - t5b,
        "write": t7 - t6,
    }


def rerun(root: Path) -> dict:
    """The stages of `hamlet generate src` run in `root` after a cached run, nothing changed."""
    clock = time.perf_counter
    roots = {"elm": Path("out/elm"), "js": Path("out/js"), "worker": Path("out/workers")}
    settings = Settings(("src",), roots, strict=False)
    t0 = clock()
    cache = Cache(Path(".hamlet-cache"), ["src"])
    found = find_sources(["src"])
    t1 = clock()
    places = find_places(["src"], list(roots.values()))
    key = run_key(cache, ["src"], found, places)
    t2 = clock()
    gc.disable()
    result = cache.result(key)
    gc.enable()
    t3 = clock()
    assert result is not None, "run `hamlet generate src` with the cache first"
    _drift(result, settings)
    t4 = clock()
    write.plan(result.files, roots, places)  # orphans and leftovers included
    t5 = clock()
    return {
        "find_and_read": t1 - t0,
        "hash": t2 - t1,
        "load_result": t3 - t2,
        "drift": t4 - t3,
        "plan": t5 - t4,
    }


def main(root: Path, reps: int, again: bool) -> dict:
    if again:
        import os

        os.chdir(root)
        runs = [rerun(root) for _ in range(reps)]
    else:
        runs = [full(root) for _ in range(reps)]
    result = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    if not again:  # from the medians, so that the table adds up
        result["walk"] = result["parse"] - result["tree_sitter"]
    result["import"] = IMPORT_RERUN if again else IMPORT_FULL
    return result


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    print(json.dumps(main(Path(args[0]).resolve(), int(args[1]) if len(args) > 1 else 3,
                          "--rerun" in sys.argv)))
