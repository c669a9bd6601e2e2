"""bench/results/gen.json -> docs/img/gen-*.png and the `## Generation` section of
docs/benchmarks.md. Only the text between this section's markers is rewritten; the rest
of the file (the glue benchmarks, the intro) is left as it is.

    python bench/gen/report.py          # redraw from the last results, no timing
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from docs_page import write_section  # noqa: E402

LABELS = {
    "floor": "floor: tree-sitter only",
    "full": "full run, cold cache",
    "full_nocache": "full run, --no-cache",
    "nochange": "rerun, nothing changed",
    "touch": "rerun, one file changed",
}


def write(results: dict, root: Path) -> None:
    img = root / "docs" / "img"
    img.mkdir(parents=True, exist_ok=True)
    plot(results, img)
    write_section(root, "generation", "bench/gen/run.py", markdown(results))


def plot(results: dict, img: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = results["sizes"]
    lines = [s["lines"] for s in sizes]
    fig, ax = plt.subplots(figsize=(7, 4.6), dpi=110)
    styles = {"floor": "k--", "full": "C0-o", "full_nocache": "C0:s", "nochange": "C2-^",
              "touch": "C1-v"}
    for name, style in styles.items():
        ax.plot(lines, [s["median"][name] for s in sizes], style, label=LABELS[name])
    start = results.get("startup", {}).get("median", {}).get("python -c pass")
    if start is not None:
        ax.axhline(start, color="0.5", ls=":", lw=1, label="python -c pass (start-up)")
    if len(sizes) > 1:  # a slope-1 guide through the largest full run
        end = sizes[-1]
        guide = [end["median"]["full"] * n / end["lines"] for n in lines]
        ax.plot(lines, guide, color="0.75", lw=4, alpha=0.5, zorder=0, label="linear (slope 1)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("lines of Rust in the crate")
    ax.set_ylabel("seconds, whole process (median)")
    ax.set_title("hamlet generate: time against crate size")
    ax.grid(True, which="both", alpha=0.25)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(img / "gen-time.png")
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(7, 3.6), dpi=110)
    ax.plot(lines, [s["ratios"]["full/floor"] for s in sizes], "C0-o", label="full / floor")
    ax.plot(lines, [s["ratios"]["nochange/full"] for s in sizes], "C2-^",
            label="no-change rerun / full")
    ax.axhline(2.0, color="C0", ls=":", lw=1, label="target: full <= 2x floor")
    ax.axhline(0.1, color="C2", ls=":", lw=1, label="target: rerun <= 10% of full")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("lines of Rust in the crate")
    ax.set_ylabel("ratio (median over repetitions)")
    ax.set_title("Against the targets")
    ax.grid(True, which="both", alpha=0.25)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(img / "gen-ratios.png")
    plt.close(fig)


def _s(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def _slope(sizes: list[dict], name: str) -> float | None:
    """Least-squares slope of log(time) against log(lines) over the sizes from 100k lines
    up (below that, process start-up dominates and the line is flat by design)."""
    points = [(math.log(s["lines"]), math.log(s["median"][name])) for s in sizes
              if s["lines"] >= 90_000]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    den = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / den if den else None


def markdown(r: dict) -> str:
    m = r["machine"]
    sizes = r["sizes"]
    out = ["## Generation", ""]
    out += [
        f"Measured {r['date']} on {m['cpu']} ({m['cores']} cores, {m['ram_gb']} GB RAM), "
        f"{m['os']}, Python {m['python']}, {m['tree_sitter']}, Node {m['node']}. "
        f"{r['reps']} repetitions per size, series interleaved; medians of whole processes "
        "(`hamlet` is the installed console script, Python's bytecode cache on).",
        "",
        "Reproduce: `python -m pip install -e '.[bench]' && npm ci && "
        f"{r['command']}` (about ten minutes; `--quick` skips the 1M-line crate).",
        "",
        "The crates come from `bench/gen/crate.py` (seeded, so every run sees the same "
        "bytes): files one to three folders deep, mostly code Hamlet must skip (impls, "
        "functions, traits, `macro_rules!`, tests modules, comments, plain structs and "
        "enums), and one `#[derive(BuildAmpWorker)]` enum per 4,000 lines with section "
        "comments, struct, tuple and unit variants and a failure variant. Domain types "
        f"referenced by the messages: {r['domain_note']}.",
        "",
        "| lines | files | workers | floor | full | full `--no-cache` | full / floor "
        "| rerun, no change | rerun / full | rerun, one file changed | peak RSS, full |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in sizes:
        md, ra = s["median"], s["ratios"]
        out.append(
            f"| {s['lines']:,} | {s['files']:,} | {s['workers']} | {_s(md['floor'])} "
            f"| {_s(md['full'])} | {_s(md['full_nocache'])} | {ra['full/floor']:.2f}x "
            f"| {_s(md['nochange'])} | {ra['nochange/full']:.1%} | {_s(md['touch'])} "
            f"| {s['peak_rss_mb']['full']:.0f} MB |"
        )
    out += ["", "Ratios are the median, over the repetitions, of each repetition's own "
            "ratio (its runs were made back to back); `bench/results/gen.json` also has "
            "the ratios of the medians and each run's CPU time and peak RSS.",
            "", "![time against lines, log-log](img/gen-time.png)", "",
            "![ratios against the targets](img/gen-ratios.png)", ""]
    out += _targets(r)
    if "phases" in r:
        out += _phases(r["phases"], sizes[-1])
    if "rerun_phases" in r:
        out += _rerun_phases(r["rerun_phases"], sizes)
    if "startup" in r:
        out += _startup(r["startup"])
    if "peer" in r:
        out += _peer(r["peer"])
    out += _cache_notes()
    return "\n".join(out) + "\n"


def _targets(r: dict) -> list[str]:
    sizes = r["sizes"]
    head = "| target | " + " | ".join(f"{s['lines']:,} lines" for s in sizes) + " |"
    rows = ["### Generation against the targets", "", head, "|---|" + "---:|" * len(sizes)]

    def mark(ok: bool) -> str:
        return "" if ok else " (missed)"

    rows.append("| full run <= 2x the floor | " + " | ".join(
        f"{s['ratios']['full/floor']:.2f}x{mark(s['ratios']['full/floor'] <= 2)}"
        for s in sizes) + " |")
    rows.append("| rerun with no change <= 10% of a full run | " + " | ".join(
        f"{s['ratios']['nochange/full']:.1%}{mark(s['ratios']['nochange/full'] <= 0.10)}"
        for s in sizes) + " |")
    rows.append("| peak RSS of the full run | " + " | ".join(
        f"{s['peak_rss_mb']['full']:.0f} MB" for s in sizes) + " |")
    rows.append("")
    slope, floor_slope = _slope(sizes, "full"), _slope(sizes, "floor")
    if slope is not None:
        rows.append(f"Scaling: from 100k lines up, a full run's time grows with slope {slope:.2f} "
                    f"on the log-log plot (the floor: {floor_slope:.2f}; 1.00 is linear), "
                    + ("linear within this machine's noise." if slope <= 1.15
                       else "faster than linear."))
        rows.append("")
    big = sizes[-1]
    rows.append(f"Peak memory of the {big['lines']:,}-line run: {big['peak_rss_mb']['full']:.0f} MB "
                f"with the cache being written, {big['peak_rss_mb']['full_nocache']:.0f} MB with "
                f"`--no-cache`, {big['peak_rss_mb']['nochange']:.0f} MB for a rerun with no change "
                f"(the floor: {big['peak_rss_mb']['floor']:.0f} MB). The sources are read whole "
                "before parsing, and the cache encodes each file's syntax as it goes.")
    rows.append("")
    rows += _misses(r)
    checks = {s["check_after_reruns"] for s in sizes}
    rows.append("After the reruns of each size, `hamlet generate --check --no-cache` found "
                f"the output {'up to date' if checks == {'up to date'} else ', '.join(checks)}: "
                "the cached runs wrote exactly what an uncached run writes.")
    rows.append("")
    return rows


def _misses(r: dict) -> list[str]:
    """Why a target was missed, from the start-up and stage timings of the same run."""
    sizes = r["sizes"]
    start = r.get("startup", {}).get("median", {}).get("python -c pass")
    reruns = r.get("rerun_phases", {})
    rows = []
    small = [s for s in sizes if s["lines"] < 90_000 and s["ratios"]["full/floor"] > 2]
    slow_rerun = [s for s in sizes if s["ratios"]["nochange/full"] > 0.10]
    if small or slow_rerun:
        where = ", ".join(f"{s['lines']:,}" for s in small + [x for x in slow_rerun
                                                           if x not in small])
        text = (f"Missed at {where} lines: there the gap is start-up, not work that grows "
                "with the crate")
        imports = [reruns[s["label"]]["import"] for s in sizes if s["label"] in reruns]
        if start is not None:
            text += f": Python itself takes {_s(start)} to start and exit on this machine"
        if imports:
            text += (f"{',' if start is not None else ':'} and importing the parts of Hamlet a "
                     f"run needs about {_s(sorted(imports)[len(imports) // 2])} (mostly Python "
                     "building the dataclasses of the model and the syntax tree, which no "
                     "bytecode cache keeps)")
        text += (". The floor imports only tree-sitter. These costs come once per process, "
                 "so the ratios fall as the crate grows; the rerun breakdown below shows the "
                 "rest of a rerun's time.")
        rows += [text, ""]
    big = [s for s in sizes if s["lines"] >= 90_000 and s["ratios"]["full/floor"] > 2]
    if big and "phases" in r:
        p = r["phases"]
        s = big[-1]
        cache = p.get("cache_encode", s["median"]["full"] - s["median"]["full_nocache"])
        where = ", ".join(f"{x['lines']:,}" for x in big)
        rows += [
            f"Missed at {where} lines (cold cache), where "
            "the time over the floor is work that grows with the crate, per the stage "
            f"timings below: the parser's own walk over the syntax tree ({_s(p['walk'])}, "
            f"{p['walk'] / p['tree_sitter']:.0%} of tree-sitter's time), emitting "
            f"({_s(p['emit'])}) and writing ({_s(p['write'])}) the files, and on a cold "
            f"cached run encoding every file's syntax for the cache (about {_s(cache)}: "
            f"`--no-cache` takes {s['ratios']['full_nocache/floor']:.2f}x the floor). This "
            "machine's load also moves single runs by 20% and more.", ""]
    return rows


def _phases(p: dict, size: dict) -> list[str]:
    total = sum(p[k] for k in ("find_and_read", "parse", "resolve", "emit",
                               "plan_and_orphans", "write")) + p["import"]
    rows = [f"### Where the time goes ({size['lines']:,} lines, one process)", "",
            "`bench/gen/phases.py` times the stages of a full run in one process "
            "(medians of three; the shares are of a run without the cache).", "",
            "| stage | time | share |", "|---|---:|---:|"]
    names = [("import", "import Hamlet"), ("find_and_read", "find and read the files"),
             ("tree_sitter", "  of the parse: tree-sitter itself"),
             ("walk", "  of the parse: reading the syntax into ParsedFiles"),
             ("parse", "parse (both of the above)"), ("resolve", "resolve"),
             ("emit", "emit"),
             ("cache_encode", "(with the cache: encode every file's syntax as JSON)"),
             ("plan_and_orphans", "plan the writes, find orphans"),
             ("write", "write the files")]
    for key, label in names:
        if key in p:
            rows.append(f"| {label} | {_s(p[key])} | {p[key] / total:.0%} |")
    rows.append("")
    return rows


def _rerun_phases(phases: dict, sizes: list[dict]) -> list[str]:
    labels = [s for s in sizes if s["label"] in phases]
    rows = ["### Where a rerun's time goes (nothing changed; one process)", "",
            "| stage | " + " | ".join(f"{s['lines']:,} lines" for s in labels) + " |",
            "|---|" + "---:|" * len(labels)]
    names = [("import", "import Hamlet's modules"), ("find_and_read", "find and read the files"),
             ("hash", "hash them (SHA-256)"), ("load_result", "load the last run's result"),
             ("drift", "check the handlers files for drift"),
             ("plan", "compare the output with the disk, look for orphans")]
    for key, label in names:
        rows.append(f"| {label} | " + " | ".join(_s(phases[s["label"]][key]) for s in labels) + " |")
    rows.append("| process, whole (median above) | " + " | ".join(
        _s(s["median"]["nochange"]) for s in labels) + " |")
    rows.append("")
    return rows


def _startup(st: dict) -> list[str]:
    rows = ["### Start-up", "",
            f"Whole processes, {st['reps']} runs each, interleaved; the seed's three "
            "workers (`examples/seed`) for `generate`.", "",
            "| command | median | p90 |", "|---|---:|---:|"]
    for name, value in st["median"].items():
        rows.append(f"| `{name}` | {_s(value)} | {_s(st['p90'][name])} |")
    version = st["median"]["hamlet --version"]
    heavy = st["version_imports"]["heavy"]
    rows += ["", f"Target `hamlet --version` <= 150 ms: {_s(version)}, "
             f"{'met' if version <= 0.15 else 'missed'}. "
             + ("It imports none of tree-sitter, rich or watchfiles "
                if not heavy else f"It still imports {', '.join(heavy)} ")
             + f"(`python -X importtime`: {st['version_imports']['modules']} modules in all, "
             "most of them Python's own start-up).", ""]
    return rows


def _peer(p: dict) -> list[str]:
    if "skipped" in p:
        return ["### Peer: quicktype", "", p["skipped"], ""]
    rows = ["### Peer: quicktype", "",
            f"quicktype 23.0.171 (`node_modules/.bin/quicktype --lang elm`) from a JSON Schema "
            f"of the same messages as the 10k-line crate's {p['workers']} workers: Hamlet's own "
            f"per-worker `*.schema.json`, merged into one draft-07 schema with "
            f"{p['schema_definitions']} definitions (`bench/gen/peer.py`). Whole processes, "
            f"{p['reps']} runs each, interleaved.", "",
            "| command | median | quicktype / this |", "|---|---:|---:|"]
    for name, value in p["median"].items():
        ratio = p["ratio_quicktype_over"].get(name)
        rows.append(f"| {name} | {_s(value)} | {f'{ratio:.2f}x' if ratio else ''} |")
    rows += ["",
             "Not the same job: quicktype writes types and JSON codecs only (here "
             f"{p['elm_lines']['quicktype']} lines of Elm), no ports, no main-thread or worker "
             "JavaScript, no handler scaffolds, and it has no tagged unions for Elm: each "
             "message type becomes one record whose fields are all `Maybe`, with the tag as "
             f"an enum. Hamlet writes {p['elm_lines']['hamlet']} lines of Elm plus the JS, "
             "and parses the Rust first.", ""]
    return rows


def _cache_notes() -> list[str]:
    return [
        "### The cache behind the reruns", "",
        "`hamlet generate` keeps `.hamlet-cache/` in the folder it runs in (a `.gitignore` "
        "inside keeps it out of git; deleting it is always safe). It holds each file's "
        "parsed syntax and the last run's output, keyed by a SHA-256 digest of the file's "
        "bytes, its path and Hamlet itself (version, source, Python and tree-sitter): "
        "never by size or modification time. A rerun hashes every file; when none "
        "changed it reuses the last output, else it parses only the changed files. The "
        "written files are still compared with the disk, so a deleted or edited output "
        "file is rewritten. `--no-cache` neither reads nor writes it. The files are plain "
        "JSON, never pickle, checked field by field as they are read: a damaged or planted "
        "file is ignored with a warning, never run. "
        "`tests/unit/test_cache.py` checks that cached output equals an uncached run byte "
        "for byte after edits, renames, deletions, a corrupt or planted cache and a "
        "version change.",
        "",
    ]


if __name__ == "__main__":
    here = Path(__file__).resolve().parents[2]
    write(json.loads((here / "bench" / "results" / "gen.json").read_text()), here)
    sys.exit(0)
