"""Workers written in Rust at run time: Hamlet's generated glue with the handler in
Rust (WebAssembly) against the same glue with the handler in JavaScript, in headless
Chromium.

    python bench/glue/wasm_run.py            # 7 repetitions
    python bench/glue/wasm_run.py --quick    # 3 repetitions, smaller counts

Two comparisons, each setup with its own module worker and a stand-in for the Elm app
(page/wasm.js):

- echo: `Echo { text, n }` answered by `Echoed { text, n }`, the glue benchmark's
  messages: (b) EchoWorker, its handler in JavaScript (handlers/), against (d)
  WasmEchoWorker, the same messages with the handler in Rust (wasm/). Latency
  (sequential round trips) and throughput (all requests pushed at once).
- CPU-heavy: 10 MB of CSV parsed by examples/csv-app's worker (workers/csv.js) and by
  examples/csv-rust's (src/csv.rs), timed from the request to the CSVParsed reply on
  the main thread, rows included; both must return the same rows.

Everything is generated and built at run time, in a temporary folder: `hamlet.generate`
on the current sources, and the two crates with Debian's Rust for wasm32 (as
tests/support/wasm.py does; a cold build takes a minute or two). Per repetition, in an
order that rotates, each setup runs once; the tables quote medians over repetitions.
Writes bench/results/wasm.json and the `## Workers written in Rust` section of
docs/benchmarks.md (only the text between its markers).
"""

from __future__ import annotations

import argparse
import datetime
import functools
import http.server
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import gluebench  # noqa: E402

RUSTC, CARGO, TARGET = "/usr/bin/rustc", "/usr/bin/cargo", "wasm32-unknown-unknown"
ECHO = ("js", "wasm")
CSV = ("csv-js", "csv-rust")
FULL = {"reps": 7, "latency": 5_000, "throughput": 50_000, "megabytes": 10}
QUICK = {"reps": 3, "latency": 1_000, "throughput": 10_000, "megabytes": 10}
FOLDERS = {"elm": "elm", "js": "js", "worker": "workers", "rust": "rust"}
BEGIN = "<!-- wasm:begin (written by bench/glue/wasm_run.py; edits here are overwritten) -->"
END = "<!-- wasm:end -->"


def generate(paths: list[Path], site: Path) -> dict[str, str]:
    """`hamlet generate` of `paths` into `site`'s folders; the Rust modules, by name."""
    import hamlet

    result = hamlet.generate([str(p) for p in paths])
    if not result.ok:
        raise gluebench.BenchError("\n".join(d.render() for d in result.diagnostics))
    modules = {}
    for file in result.files:
        if file.root == "rust":
            modules[file.path] = file.content
            continue
        target = site / FOLDERS[file.root] / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(file.content, encoding="utf-8")
    return modules


def build_crate(crate: Path, build: Path, module_at: str, module: str) -> Path:
    """`crate` (a folder of this repository) copied under `build` at the same relative
    path, beside crates/hamlet-derive, with the generated `module` at `module_at`; built
    for wasm32, release, with Debian's Rust. The .wasm it makes."""
    copy = build / crate.relative_to(ROOT)
    shutil.copytree(crate, copy, ignore=shutil.ignore_patterns("target", "generated", ".hamlet-cache"))
    (copy / module_at).parent.mkdir(parents=True, exist_ok=True)
    (copy / module_at).write_text(module, encoding="utf-8")
    derive = build / "crates" / "hamlet-derive"
    if not derive.exists():
        shutil.copytree(ROOT / "crates" / "hamlet-derive", derive, ignore=shutil.ignore_patterns("target"))
        (build / ".cargo").mkdir()
        shutil.copyfile(ROOT / ".cargo" / "config.toml", build / ".cargo" / "config.toml")
    env = {**os.environ, "RUSTC": RUSTC, "CARGO_TARGET_DIR": str(build / "target")}
    built = subprocess.run([CARGO, "build", "--offline", "--locked", "--target", TARGET, "--release"],
                           cwd=copy, env=env, capture_output=True, text=True)
    if built.returncode != 0:
        raise gluebench.BenchError(f"cargo build of {crate.name} failed:\n{built.stderr[-3000:]}")
    name = tomllib.loads((copy / "Cargo.toml").read_text(encoding="utf-8"))["lib"]["name"]
    return build / "target" / TARGET / "release" / f"{name}.wasm"


def build_site(site: Path, build: Path) -> None:
    """The echo workers (/js, /workers), the two CSV workers (/csv-js, /csv-rust), their
    .wasm files beside their entries, and the page."""
    if not (Path(RUSTC).exists() and Path(CARGO).exists()):
        raise gluebench.BenchError("Debian's rustc and cargo are missing: apt-get install rustc cargo "
                                   "libstd-rust-dev-wasm32 librust-serde-dev librust-serde-json-dev")
    echo = generate([HERE / "rust", HERE / "wasm" / "src"], site)
    for handlers in (HERE / "handlers").iterdir():
        shutil.copyfile(handlers, site / "workers" / handlers.name)
    print("building the Rust echo worker for wasm32", flush=True)
    wasm = build_crate(HERE / "wasm", build, "generated/wasm_echo_worker.rs", echo["wasm_echo_worker.rs"])
    shutil.copyfile(wasm, site / "workers" / "wasm_echo_worker.wasm")

    generate([ROOT / "examples" / "csv-app" / "src"], site / "csv-js")
    for name in ("csv.js", "csv_worker_handlers.js"):
        shutil.copyfile(ROOT / "examples" / "csv-app" / "workers" / name, site / "csv-js" / "workers" / name)
    modules = generate([ROOT / "examples" / "csv-rust" / "src"], site / "csv-rust")
    print("building examples/csv-rust for wasm32", flush=True)
    wasm = build_crate(ROOT / "examples" / "csv-rust", build, "generated/rust/csv_worker.rs", modules["csv_worker.rs"])
    shutil.copyfile(wasm, site / "csv-rust" / "workers" / "csv_worker.wasm")
    shutil.copytree(HERE / "page", site / "page")


class Server:
    """`root` served on 127.0.0.1, cross-origin isolated (precise timers)."""

    def __init__(self, root: Path) -> None:
        handler = functools.partial(gluebench._Handler, directory=str(root))
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.url = "http://{}:{}".format(*self._server.server_address[:2])

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def call(page, errors: list[str], what: str, setup: str, arg) -> dict:
    result = page.evaluate("([what, setup, arg]) => window.bench[what](setup, arg)", [what, setup, arg])
    if errors:
        raise gluebench.BenchError(f"the page reported errors: {errors[:5]}")
    if result.get("bad"):
        raise gluebench.BenchError(f"{setup} {what}: wrong replies: {result}")
    return result


def measure(plan: dict) -> dict:
    runs = {name: [] for name in (*ECHO, *CSV, "boundary")}
    load = []
    with tempfile.TemporaryDirectory(prefix="hamlet-wasm-") as tmp:
        site, build = Path(tmp) / "site", Path(tmp) / "build"
        site.mkdir()
        build.mkdir()
        build_site(site, build)
        sizes = {"wasm_echo_kb": (site / "workers/wasm_echo_worker.wasm").stat().st_size / 1024,
                 "csv_rust_kb": (site / "csv-rust/workers/csv_worker.wasm").stat().st_size / 1024}
        server = Server(site)
        try:
            with gluebench.Browser.launch() as browser:
                page = browser.browser.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda error: errors.append(str(error)))
                page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                page.goto(f"{server.url}/page/wasm.html")
                page.wait_for_function("() => window.benchReady === true", timeout=10_000)
                info = page.evaluate("() => window.bench.info()")
                print(f"Chromium {browser.version}; warming up", flush=True)
                for name in ECHO:
                    call(page, errors, "latency", name, plan["latency"] // 10)
                    call(page, errors, "throughput", name, plan["throughput"] // 10)
                for name in CSV:
                    call(page, errors, "parse", name, 1)
                for rep in range(plan["reps"]):
                    load.append(os.getloadavg()[0])
                    for name in ECHO[rep % 2:] + ECHO[:rep % 2]:
                        runs[name].append({"latency": call(page, errors, "latency", name, plan["latency"]),
                                           "throughput": call(page, errors, "throughput", name, plan["throughput"])})
                    for name in CSV[rep % 2:] + CSV[:rep % 2]:
                        runs[name].append(call(page, errors, "parse", name, plan["megabytes"]))
                    runs["boundary"].append(call(page, errors, "boundary", "csv-rust", plan["megabytes"]))
                    js, rust = runs["csv-js"][-1], runs["csv-rust"][-1]
                    if (js["rows"], js["checksum"]) != (rust["rows"], rust["checksum"]):
                        raise gluebench.BenchError(f"the CSV workers disagree: {js} against {rust}")
                    print(f"rep {rep + 1}/{plan['reps']} (load {load[-1]:.2f}): "
                          + "  ".join(f"{n} {runs[n][-1]['latency']['median_us']:.0f} µs "
                                      f"{runs[n][-1]['throughput']['per_second'] / 1000:.1f}k/s" for n in ECHO)
                          + "  " + "  ".join(f"{n} {runs[n][-1]['ms']:.0f} ms" for n in CSV), flush=True)
                chromium = browser.version
        finally:
            server.close()
    return summarize(runs, plan, load, sizes, chromium, info)


def summarize(runs: dict, plan: dict, load: list[float], sizes: dict, chromium: str, info: dict) -> dict:
    med = statistics.median
    echo = {n: {"latency_us": med(r["latency"]["median_us"] for r in runs[n]),
                "p99_us": med(r["latency"]["p99_us"] for r in runs[n]),
                "per_second": med(r["throughput"]["per_second"] for r in runs[n])} for n in ECHO}
    csv = {n: {"ms": med(r["ms"] for r in runs[n]), "min_ms": min(r["ms"] for r in runs[n]),
               "max_ms": max(r["ms"] for r in runs[n]), "progress": runs[n][0]["progress"]} for n in CSV}
    csv["boundary"] = {"in_ms": med(r["in_ms"] for r in runs["boundary"]),
                       "out_ms": med(r["out_ms"] for r in runs["boundary"]),
                       "reply_mb": runs["boundary"][0]["reply_bytes"] / 1e6}
    first = runs["csv-js"][0]
    return {
        "date": datetime.date.today().isoformat(),
        "plan": plan, "load": load, "runs": runs, "echo": echo, "csv": csv, "sizes": sizes,
        "csv_input": {"bytes": first["bytes"], "rows": first["rows"]},
        "ratios": {
            "wasm_latency_vs_js": echo["wasm"]["latency_us"] / echo["js"]["latency_us"],
            "wasm_throughput_vs_js": echo["wasm"]["per_second"] / echo["js"]["per_second"],
            "csv_rust_speedup": csv["csv-js"]["ms"] / csv["csv-rust"]["ms"],
        },
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "chromium": chromium,
                    "user_agent": info["userAgent"], "isolated": info["crossOriginIsolated"]},
    }


def markdown(r: dict) -> str:
    e, c, x, p = r["echo"], r["csv"], r["ratios"], r["plan"]
    mb = r["csv_input"]["bytes"] / 1e6
    return "\n".join([
        BEGIN,
        "",
        f"`{r['command']}`, {r['date']}: Chromium {r['machine']['chromium']}, {r['machine']['cpus']} cores, "
        f"{p['reps']} repetitions (load average {min(r['load']):.2f}–{max(r['load']):.2f}); medians over "
        "repetitions. Each setup is Hamlet's generated main JS and worker entry with its own module worker;"
        " only the handler's language differs.",
        "",
        "**Echo** (the glue benchmark's messages; latency: "
        f"{p['latency']:,} sequential round trips, throughput: {p['throughput']:,} requests at once):",
        "",
        "| setup | median round trip | p99 | throughput |",
        "|---|---|---|---|",
        f"| (b) handler in JavaScript | {e['js']['latency_us']:.0f} µs | {e['js']['p99_us']:.0f} µs | "
        f"{e['js']['per_second']:,.0f} /s |",
        f"| (d) handler in Rust (wasm, {r['sizes']['wasm_echo_kb']:.0f} KB) | {e['wasm']['latency_us']:.0f} µs | "
        f"{e['wasm']['p99_us']:.0f} µs | {e['wasm']['per_second']:,.0f} /s |",
        "",
        f"The Rust handler's round trip is {x['wasm_latency_vs_js']:.2f}x the JavaScript one's and its "
        f"throughput {x['wasm_throughput_vs_js']:.0%} of it: a request to a Rust worker also crosses into "
        "WebAssembly and back as JSON text (`JSON.stringify`, a copy into linear memory, serde on both "
        "ways, `JSON.parse`), which a small message pays for and a JavaScript handler does not.",
        "",
        f"**CPU-heavy: {mb:.1f} MB of CSV** ({r['csv_input']['rows']:,} rows, quoted fields with commas and "
        "doubled quotes), timed on the main thread from the request to the `CSVParsed` reply with every "
        "row; both workers return the same rows (checked every repetition):",
        "",
        "| worker | median | fastest | slowest |",
        "|---|---|---|---|",
        f"| examples/csv-app (`workers/csv.js`) | {c['csv-js']['ms']:.0f} ms | {c['csv-js']['min_ms']:.0f} ms | "
        f"{c['csv-js']['max_ms']:.0f} ms |",
        f"| examples/csv-rust (`src/csv.rs`, {r['sizes']['csv_rust_kb']:.0f} KB of wasm; "
        f"{c['csv-rust']['progress']} progress replies) | {c['csv-rust']['ms']:.0f} ms | "
        f"{c['csv-rust']['min_ms']:.0f} ms | {c['csv-rust']['max_ms']:.0f} ms |",
        "",
        f"The Rust worker takes {1 / x['csv_rust_speedup']:.2f}x the JavaScript worker's time. Both "
        "times include what the browser does around the parse: copying the text to the worker and the "
        "rows back. The Rust worker also pays for its boundary: the request goes into WebAssembly as "
        f"JSON text and the rows come out as JSON text ({c['boundary']['reply_mb']:.1f} MB). Measured "
        "alone in the same browser, with the calls the generated entry makes, writing the request "
        f"takes {c['boundary']['in_ms']:.0f} ms and reading the rows back {c['boundary']['out_ms']:.0f} ms, "
        f"so about {c['boundary']['in_ms'] + c['boundary']['out_ms']:.0f} ms of the Rust worker's "
        f"{c['csv-rust']['ms']:.0f} ms are the boundary. A Rust worker pays off when its work is large "
        "next to what it sends and returns (image maths returning a summary, a route search returning "
        "a path), not when it returns as much data as it was given, as a CSV parser does.",
        "",
        END,
    ])


def write_docs(text: str) -> None:
    docs = ROOT / "docs" / "benchmarks.md"
    current = docs.read_text(encoding="utf-8")
    if BEGIN in current:
        before, rest = current.split(BEGIN, 1)
        after = rest.split(END, 1)[1]
        docs.write_text(before + text + after, encoding="utf-8")
    else:
        docs.write_text(current.rstrip("\n") + "\n\n## Workers written in Rust\n\n" + text + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 repetitions, fewer requests")
    parser.add_argument("--no-report", action="store_true", help="print the summary; write nothing")
    args = parser.parse_args(argv)
    plan = dict(QUICK if args.quick else FULL)
    started = time.monotonic()
    try:
        results = measure(plan)
    except gluebench.BenchError as error:
        print(f"bench/glue/wasm_run.py: error: {error}", file=sys.stderr)
        return 1
    results["command"] = "python bench/glue/wasm_run.py" + (" --quick" if args.quick else "")
    results["seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps({"echo": results["echo"], "csv": results["csv"], "ratios": results["ratios"]}, indent=1))
    if args.no_report:
        return 0
    out = ROOT / "bench" / "results" / "wasm.json"
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    write_docs(markdown(results))
    print(f"wrote {out.relative_to(ROOT)} and docs/benchmarks.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
