"""Generation benchmarks: `hamlet generate` against the tree-sitter floor, reruns with
the cache, start-up, and quicktype as a peer. Every time is a whole process.

    python bench/gen/run.py                 # 1k, 10k, 100k and 1M lines (about 10 minutes)
    python bench/gen/run.py --quick         # 1k, 10k and 100k, fewer repetitions
    python bench/gen/run.py --sizes 10k 1M --reps 3

Writes bench/results/gen.json, the plots in docs/img/ and the `## Generation` section
of docs/benchmarks.md. The synthetic crates go to bench/.work/ (git-ignored).

Each repetition runs every series once, back to back, and alternates their order, so
a burst of load from another program hits all series alike; the tables quote medians.
"""

from __future__ import annotations

import argparse
import datetime
import json
import shutil
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import crate  # noqa: E402
import measure  # noqa: E402
import peer  # noqa: E402
import report  # noqa: E402

WORK = ROOT / "bench" / ".work"
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1M": 1_000_000}
OUT_FLAGS = ["--elm-out", "out/elm", "--js-out", "out/js", "--worker-out", "out/workers"]
SERIES = ("floor", "full", "full_nocache", "nochange", "touch")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1k to 100k lines, 3 repetitions")
    parser.add_argument("--sizes", nargs="+", choices=list(SIZES), help="crate sizes to run")
    parser.add_argument("--reps", type=int, help="repetitions per size (default 5, quick 3)")
    parser.add_argument("--no-domain", action="store_true",
                        help="leave the domain types out of the crates")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--skip", nargs="*", default=[], choices=["startup", "peer", "phases"],
                        help="parts to leave out")
    args = parser.parse_args(argv)
    sizes = args.sizes or (["1k", "10k", "100k"] if args.quick else list(SIZES))
    reps = args.reps or (3 if args.quick else 5)
    hamlet = measure.script("hamlet")
    env = measure.child_env()
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / ".gitignore").write_text("*\n")

    domain, domain_note = _domain_works(hamlet, env, args.seed, not args.no_domain)
    results: dict = {
        "date": datetime.date.today().isoformat(),
        "machine": measure.machine(),
        "command": "python bench/gen/run.py" + (" --quick" if args.quick else ""),
        "reps": reps,
        "domain_types": domain,
        "domain_note": domain_note,
        "sizes": [],
    }
    for label in sizes:
        print(f"== {label} lines", flush=True)
        results["sizes"].append(_size(label, hamlet, env, reps, args.seed, domain))
    largest = results["sizes"][-1]
    if "phases" not in args.skip:
        print("== where the time goes", flush=True)
        results["phases"] = _phases(WORK / _crate_name(largest["label"], domain), env)
        results["rerun_phases"] = {
            size["label"]: _phases(WORK / _crate_name(size["label"], domain), env, rerun=True)
            for size in results["sizes"]
        }
    if "startup" not in args.skip:
        print("== start-up", flush=True)
        results["startup"] = _startup(hamlet, env, max(20, reps))
    if "peer" not in args.skip:
        print("== peer: quicktype", flush=True)
        results["peer"] = _peer(hamlet, env, reps * 2 if reps < 10 else reps, args.seed, domain)
    out = ROOT / "bench" / "results" / "gen.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n")
    report.write(results, ROOT)
    print(f"wrote {out.relative_to(ROOT)}, docs/benchmarks.md and docs/img/gen-*.png")
    return 0


def _crate_name(label: str, domain: bool) -> str:
    return f"gen-{label}" + ("" if domain else "-nodomain")


def _domain_works(hamlet: str, env: dict, seed: int, wanted: bool) -> tuple[bool, str]:
    """Domain types in the messages, if Hamlet can generate them today."""
    if not wanted:
        return False, "left out (--no-domain)"
    root = WORK / "domain-probe"
    crate.build(root, 4_000, seed, domain=True)
    sample = measure.run([hamlet, "generate", "src", "--no-cache", *OUT_FLAGS], cwd=root,
                         env=env, check=False)
    if sample.code == 0:
        return True, "included"
    import subprocess

    err = subprocess.run([hamlet, "generate", "src", "--no-cache", *OUT_FLAGS], cwd=root,
                         env=env, capture_output=True, text=True).stderr.splitlines()
    first = next((line for line in err if ": error: " in line), err[0] if err else "")
    first = first.split(": error: ", 1)[-1]
    return False, f"left out: `hamlet generate` exits {sample.code} on them ({first})"


def _size(label: str, hamlet: str, env: dict, reps: int, seed: int, domain: bool) -> dict:
    root = WORK / _crate_name(label, domain)
    manifest = crate.build(root, SIZES[label], seed, domain=domain)
    gen = [hamlet, "generate", "src", *OUT_FLAGS]
    floor = [sys.executable, str(HERE / "floor.py"), str(root)]

    def clean(cache: bool = True) -> None:
        shutil.rmtree(root / "out", ignore_errors=True)
        if cache:
            shutil.rmtree(root / ".hamlet-cache", ignore_errors=True)

    # One untimed round: compiles the bytecode and warms the page cache for every series.
    clean()
    measure.run(floor, env=env)
    measure.run(gen, cwd=root, env=env)
    samples: dict[str, list] = {name: [] for name in SERIES}
    for rep in range(reps):
        def floor_run() -> None:
            samples["floor"].append(measure.run(floor, env=env))

        def nocache_run() -> None:
            clean(cache=False)
            samples["full_nocache"].append(measure.run(gen + ["--no-cache"], cwd=root, env=env))

        first, last = (floor_run, nocache_run) if rep % 2 == 0 else (nocache_run, floor_run)
        first()
        clean()
        samples["full"].append(measure.run(gen, cwd=root, env=env))
        samples["nochange"].append(measure.run(gen, cwd=root, env=env))
        crate.toggle(root, manifest)
        samples["touch"].append(measure.run(gen, cwd=root, env=env))
        last()
        print(f"  rep {rep + 1}/{reps}: " + ", ".join(
            f"{name} {samples[name][-1].wall:.2f}s" for name in SERIES), flush=True)
    # The cached output must be what an uncached run writes: --check exits 1 otherwise.
    check = measure.run(gen + ["--check", "--no-cache"], cwd=root, env=env, check=False)
    medians = {name: measure.median(s) for name, s in samples.items()}
    cpu = {name: measure.median(s, "cpu") for name, s in samples.items()}
    return {
        "label": label,
        "target_lines": SIZES[label],
        "lines": manifest["lines"],
        "files": len(manifest["files"]),
        "bytes": manifest["bytes"],
        "workers": manifest["workers"],
        "domain_types": manifest["domain_types"],
        "samples": {name: [x.as_dict() for x in s] for name, s in samples.items()},
        "median": medians,
        "median_cpu": cpu,
        "peak_rss_mb": {name: max(x.rss_mb for x in s) for name, s in samples.items()},
        # Each ratio is the median of the ratios within one repetition (runs made back to
        # back), which a slow drift in the machine's load cannot skew; `of_medians` has
        # the ratios of the medians for comparison.
        "ratios": {
            "full/floor": _paired(samples, "full", "floor"),
            "full_nocache/floor": _paired(samples, "full_nocache", "floor"),
            "nochange/full": _paired(samples, "nochange", "full"),
            "touch/full": _paired(samples, "touch", "full"),
            "cpu full/floor": _paired(samples, "full", "floor", "cpu"),
        },
        "ratios_of_medians": {
            "full/floor": medians["full"] / medians["floor"],
            "full_nocache/floor": medians["full_nocache"] / medians["floor"],
            "nochange/full": medians["nochange"] / medians["full"],
        },
        "check_after_reruns": "up to date" if check.code == 0 else f"STALE (exit {check.code})",
    }


def _paired(samples: dict, top: str, bottom: str, what: str = "wall") -> float:
    return statistics.median(getattr(a, what) / getattr(b, what)
                             for a, b in zip(samples[top], samples[bottom]))


def _phases(root: Path, env: dict, rerun: bool = False) -> dict:
    """In one process, the stages of a full run (no cache) or of a rerun that the cache
    answers, three times; medians."""
    import subprocess

    if rerun:  # make sure the cache holds this crate as it is now
        measure.run([measure.script("hamlet"), "generate", "src", *OUT_FLAGS], cwd=root, env=env)
    argv = [sys.executable, str(HERE / "phases.py"), str(root), "3"] + (["--rerun"] if rerun else [])
    out = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def _startup(hamlet: str, env: dict, reps: int) -> dict:
    seed = ROOT / "examples" / "seed"
    where = WORK / "startup"
    shutil.rmtree(where, ignore_errors=True)
    (where / "src").mkdir(parents=True)
    for path in (seed / "src").glob("*.rs"):
        shutil.copy(path, where / "src" / path.name)
    series = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "hamlet --version": [hamlet, "--version"],
        "hamlet generate (seed, cached)": [hamlet, "generate", "src", *OUT_FLAGS],
        "hamlet generate (seed, --no-cache)": [hamlet, "generate", "src", "--no-cache", *OUT_FLAGS],
    }
    for argv in series.values():  # warm-up: bytecode, page cache, the cache itself
        measure.run(argv, cwd=where, env=env)
    samples: dict[str, list] = {name: [] for name in series}
    for rep in range(reps):
        names = list(series) if rep % 2 == 0 else list(reversed(series))
        for name in names:
            samples[name].append(measure.run(series[name], cwd=where, env=env))
    imports = _imports(hamlet, env)
    return {
        "reps": reps,
        "median": {name: measure.median(s) for name, s in samples.items()},
        "p90": {name: statistics.quantiles([x.wall for x in s], n=10)[-1]
                for name, s in samples.items()},
        "version_imports": imports,
    }


def _imports(hamlet: str, env: dict) -> dict:
    """Which heavy modules `hamlet --version` imports (none, we hope) and the biggest
    ones it does import, from `python -X importtime`."""
    import subprocess

    out = subprocess.run([sys.executable, "-X", "importtime", hamlet, "--version"], env=env,
                         capture_output=True, text=True)
    rows = []
    for line in out.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((parts[2].strip(), int(parts[1])))
    names = {name for name, _ in rows}
    heavy = sorted(n for n in names if n.split(".")[0] in ("tree_sitter", "tree_sitter_rust",
                                                         "rich", "watchfiles", "jinja2"))
    ours = sorted(((n, us) for n, us in rows if n.startswith("hamlet")), key=lambda r: -r[1])
    return {"heavy": heavy, "hamlet_modules_us": dict(ours), "modules": len(names)}


def _peer(hamlet: str, env: dict, reps: int, seed: int, domain: bool) -> dict:
    quicktype = ROOT / "node_modules" / ".bin" / "quicktype"
    if not quicktype.exists():
        return {"skipped": "node_modules/.bin/quicktype is missing: run npm ci"}
    root = WORK / _crate_name("10k", domain)
    manifest = crate.build(root, SIZES["10k"], seed, domain=domain)
    shutil.rmtree(root / "out", ignore_errors=True)
    measure.run([hamlet, "generate", "src", "--no-cache", *OUT_FLAGS], cwd=root, env=env)
    schema = root / "messages.schema.json"
    schema.write_text(json.dumps(peer.merged_schema(root / "out" / "workers"), indent=1))
    worker_files = sorted({p for p in _worker_sources(root / "out" / "workers")})
    series = {
        "hamlet (whole 10k-line crate)": [hamlet, "generate", "src", "--no-cache", *OUT_FLAGS],
        "hamlet (only the files with workers)":
            [hamlet, "generate", *worker_files, "--no-cache", "--elm-out", "out2/elm",
             "--js-out", "out2/js", "--worker-out", "out2/workers"],
        "quicktype (schema -> Elm)": peer.quicktype_argv(quicktype, schema, root / "Messages.elm"),
    }
    for argv in series.values():
        measure.run(argv, cwd=root, env=env)
    samples: dict[str, list] = {name: [] for name in series}
    for rep in range(reps):
        names = list(series) if rep % 2 == 0 else list(reversed(series))
        for name in names:
            samples[name].append(measure.run(series[name], cwd=root, env=env))
    medians = {name: measure.median(s) for name, s in samples.items()}
    qt = medians["quicktype (schema -> Elm)"]
    elm_lines = (root / "Messages.elm").read_text().count("\n")
    hamlet_elm = sum(p.read_text().count("\n") for p in (root / "out" / "elm").rglob("*.elm"))
    return {
        "reps": reps,
        "workers": manifest["workers"],
        "schema_definitions": len(json.loads(schema.read_text())["definitions"]),
        "median": medians,
        "ratio_quicktype_over": {name: qt / m for name, m in medians.items() if m != qt},
        "elm_lines": {"quicktype": elm_lines, "hamlet": hamlet_elm},
    }


def _worker_sources(workers_out: Path) -> set[str]:
    found = set()
    for path in workers_out.glob("*.schema.json"):
        comment = json.loads(path.read_text()).get("$comment", "")
        if comment.startswith("Generated by Hamlet from "):
            found.add(comment.removeprefix("Generated by Hamlet from ").split(". Do not")[0])
    return found


if __name__ == "__main__":
    sys.exit(main())
