"""Glue at run time: Hamlet's generated main-thread JS and worker entry against
hand-written raw `postMessage` glue and Comlink, in headless Chromium; and Hamlet's
tracked requests against its untracked ones.

    python bench/glue/run.py            # 9 repetitions, 10,000 + 100,000 requests each
    python bench/glue/run.py --quick    # 3 repetitions, a tenth of the requests

Writes bench/results/glue.json, docs/img/glue-*.png and the `## Glue at run time`
section of docs/benchmarks.md (only the text between its markers).

Every setup connects the same stand-in for an Elm app (two ports, as Elm's `app.ports`
has them) to its own module worker, and answers `Echo { text, n }` with
`Echoed { text, n }`; every reply is checked. Per repetition, in an order that rotates:
each setup's latency (sequential round trips), then each setup's throughput (all
requests pushed at once, timed to the last reply), then each setup's glue alone without
the browser's messaging (page/dry.js). The tables quote medians over repetitions, and
the machine's load average at the start of each repetition. At the end, one throughput
run per setup under the CPU profiler (cpu_profile.py) shows where the main thread's
time goes.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import gluebench  # noqa: E402
import cpu_profile  # noqa: E402
import report  # noqa: E402

SETUPS = gluebench.SETUPS
FULL = {"reps": 9, "latency": 10_000, "throughput": 100_000, "dry": 100_000,
        "warm_latency": 3_000, "warm_throughput": 30_000,
        "rounds": 30, "round_latency": 2_000, "round_throughput": 20_000}
QUICK = {"reps": 3, "latency": 1_000, "throughput": 10_000, "dry": 20_000,
         "warm_latency": 500, "warm_throughput": 5_000,
         "rounds": 6, "round_latency": 500, "round_throughput": 5_000}
# Tracked against untracked: the setups of the short rounds, run back to back.
ROUND_SETUPS = ("hamlet", *gluebench.TRACKED)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 repetitions, fewer requests")
    parser.add_argument("--reps", type=int, help="repetitions (default 9, quick 3)")
    parser.add_argument("--no-report", action="store_true",
                        help="print the summary only; leave the JSON, plots and docs alone")
    args = parser.parse_args(argv)
    plan = dict(QUICK if args.quick else FULL)
    if args.reps:
        plan["reps"] = args.reps
    started = time.monotonic()
    try:
        results = measure(plan)
    except gluebench.BenchError as error:
        print(f"bench/glue: error: {error}", file=sys.stderr)
        return 1
    results["command"] = "python bench/glue/run.py" + (" --quick" if args.quick else "")
    results["seconds"] = round(time.monotonic() - started, 1)
    print(report.summary_text(results))
    if args.no_report:
        return 0
    out = ROOT / "bench" / "results" / "glue.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    report.write(results, ROOT)
    print(f"wrote {out.relative_to(ROOT)}, docs/benchmarks.md and docs/img/glue-*.png")
    return 0


def measure(plan: dict) -> dict:
    runs = {name: {"latency": [], "throughput": [], "dry": []} for name in SETUPS}
    load = []
    with gluebench.Site.build() as site, gluebench.Browser.launch() as browser:
        page = browser.open(site.url)
        dry = browser.open_dry(site.url)
        if not page.info["crossOriginIsolated"]:
            raise gluebench.BenchError("the page is not cross-origin isolated: timers are coarse")
        print(f"Chromium {browser.version}; warming up", flush=True)
        for name in SETUPS:
            page.latency(name, plan["warm_latency"])
            page.throughput(name, plan["warm_throughput"])
            dry.main(name, plan["warm_throughput"])
            dry.worker(name, plan["warm_throughput"])
        for rep in range(plan["reps"]):
            load.append(os.getloadavg()[0])
            order = SETUPS[rep % len(SETUPS):] + SETUPS[:rep % len(SETUPS)]
            for name in order:
                runs[name]["latency"].append(page.latency(name, plan["latency"]))
            for name in order:
                runs[name]["throughput"].append(page.throughput(name, plan["throughput"]))
            for name in order:
                main = dry.main(name, plan["dry"])
                worker = dry.worker(name, plan["dry"])
                runs[name]["dry"].append({**main, "worker_ns": worker["ns"]})
            line = "  ".join(
                f"{name} {runs[name]['latency'][-1]['median_us']:.0f} µs "
                f"{runs[name]['throughput'][-1]['per_second'] / 1000:.1f}k/s"
                for name in SETUPS
            )
            print(f"rep {rep + 1}/{plan['reps']} (load {load[-1]:.2f}): {line}", flush=True)
        rounds = measure_rounds(page, plan)
        print("profiling the main thread, one throughput run per setup", flush=True)
        profiles = cpu_profile.profile_throughput(page, SETUPS, plan["throughput"])
        chromium = browser.version
        user_agent = page.info["userAgent"]
    results = summarize(runs, plan, chromium, user_agent, rounds)
    results["load"] = load
    results["profile"] = profiles
    return results


def measure_rounds(page, plan: dict) -> dict:
    """Tracked against untracked, in short rounds: in each, every setup of ROUND_SETUPS
    runs once for throughput and once for latency, in an order that rotates, so the runs
    compared are seconds apart, not the minute of a whole repetition."""
    rounds = {"load": [], **{name: {"latency": [], "throughput": []} for name in ROUND_SETUPS}}
    count = len(ROUND_SETUPS)
    for k in range(plan["rounds"]):
        rounds["load"].append(os.getloadavg()[0])
        order = ROUND_SETUPS[k % count:] + ROUND_SETUPS[:k % count]
        for name in order:
            rounds[name]["throughput"].append(page.throughput(name, plan["round_throughput"]))
        for name in order:
            run = page.latency(name, plan["round_latency"])
            run.pop("quantiles_us", None)
            rounds[name]["latency"].append(run)
        if (k + 1) % 10 == 0 or k + 1 == plan["rounds"]:
            print(f"round {k + 1}/{plan['rounds']} of tracked against untracked", flush=True)
    return rounds


def summarize(runs: dict, plan: dict, chromium: str, user_agent: str, rounds: dict) -> dict:
    med = statistics.median
    summary = {}
    for name, r in runs.items():
        lat = r["latency"]
        summary[name] = {
            "median_us": med(x["median_us"] for x in lat),
            "p99_us": med(x["p99_us"] for x in lat),
            "mean_us": med(x["mean_us"] for x in lat),
            "per_second": med(x["per_second"] for x in r["throughput"]),
            "dry_out_ns": med(x["out_ns"] for x in r["dry"]),
            "dry_in_ns": med(x["in_ns"] for x in r["dry"]),
            "dry_worker_ns": med(x["worker_ns"] for x in r["dry"]),
        }
    # The timer ticks in 5 µs steps that are not exact in binary: 95 - 85 may be 10.000001.
    for s in summary.values():
        for key, value in s.items():
            s[key] = round(value, 3)
    base = summary["raw"]
    ratios = {
        name: {
            "throughput": s["per_second"] / base["per_second"],
            "median_minus_raw_us": round(s["median_us"] - base["median_us"], 3),
            "mean_minus_raw_us": round(s["mean_us"] - base["mean_us"], 3),
            "p99_minus_raw_us": round(s["p99_us"] - base["p99_us"], 3),
        }
        for name, s in summary.items()
    }
    # Same-repetition pairs: the load on the machine is alike within one repetition.
    paired = {
        name: {
            "throughput": med(
                t["per_second"] / b["per_second"]
                for t, b in zip(runs[name]["throughput"], runs["raw"]["throughput"])
            ),
            "median_minus_raw_us": med(
                round(t["median_us"] - b["median_us"], 3)
                for t, b in zip(runs[name]["latency"], runs["raw"]["latency"])
            ),
        }
        for name in runs
    }
    tracked = {name: tracked_against(rounds, name, base) for name, base in gluebench.TRACKED.items()}
    # The latency plot draws one repetition per setup, the median one; the others'
    # distributions would only make the results file large.
    cdf = {}
    for name, r in runs.items():
        middle = report.median_run(r["latency"], "median_us")
        cdf[name] = middle["quantiles_us"]
        for run in r["latency"]:
            run.pop("quantiles_us", None)
    hamlet, comlink = summary["hamlet"], summary["comlink"]
    targets = [
        {"target": "(b) throughput >= 90% of (a)",
         "value": f"{ratios['hamlet']['throughput']:.0%}",
         "paired": f"{paired['hamlet']['throughput']:.0%}",
         "met": ratios["hamlet"]["throughput"] >= 0.90},
        {"target": "(b) median latency <= (a) + 10 µs",
         "value": f"{ratios['hamlet']['median_minus_raw_us']:+.1f} µs",
         "paired": f"{paired['hamlet']['median_minus_raw_us']:+.1f} µs",
         "met": ratios["hamlet"]["median_minus_raw_us"] <= 10.0},
        {"target": "(b) ahead of (c): throughput",
         "value": f"{hamlet['per_second'] / comlink['per_second']:.2f}x (c)",
         "met": hamlet["per_second"] > comlink["per_second"]},
        {"target": "(b) ahead of (c): median latency",
         "value": f"{hamlet['median_us'] - comlink['median_us']:+.1f} µs against (c)",
         "met": hamlet["median_us"] < comlink["median_us"]},
    ]
    for name, t in tracked.items():
        targets.append(
            {"target": f"{report.NAMES[name].split(' ', 1)[0]} throughput >= 90% of (b)",
             "value": f"{t['throughput']:.0%}",
             "paired": f"{t['paired_throughput']:.0%}",
             "met": t["throughput"] >= 0.90})
    return {
        "date": datetime.date.today().isoformat(),
        "machine": _machine(chromium, user_agent),
        "plan": plan,
        "runs": runs,
        "summary": summary,
        "ratios": ratios,
        "paired_ratios": paired,
        "tracked": tracked,
        "rounds": rounds,
        "targets": targets,
        "latency_quantiles_us": cdf,
    }


def tracked_against(rounds: dict, name: str, base: str) -> dict:
    """A tracked setup against its untracked `base`, over the short rounds: each one's
    median throughput and median latency, the ratio and the difference of those medians,
    and the same within each round (its median, and the quartiles and extremes of the
    rounds, which show how much the load on the machine moved it)."""
    med = statistics.median
    mine, theirs = rounds[name], rounds[base]
    ratios = [t["per_second"] / b["per_second"]
              for t, b in zip(mine["throughput"], theirs["throughput"])]
    deltas = [round(t["median_us"] - b["median_us"], 3)
              for t, b in zip(mine["latency"], theirs["latency"])]
    per_second = {n: med(r["per_second"] for r in rounds[n]["throughput"]) for n in (name, base)}
    median_us = {n: med(r["median_us"] for r in rounds[n]["latency"]) for n in (name, base)}
    return {
        "base": base,
        "rounds": len(ratios),
        "per_second": per_second[name],
        "base_per_second": per_second[base],
        "median_us": median_us[name],
        "base_median_us": median_us[base],
        "throughput": per_second[name] / per_second[base],
        "paired_throughput": med(ratios),
        "paired_throughput_quartiles": _quartiles(ratios),
        "paired_throughput_range": [min(ratios), max(ratios)],
        "median_minus_base_us": round(median_us[name] - median_us[base], 3),
        "paired_median_minus_base_us": med(deltas),
        "paired_median_minus_base_quartiles_us": _quartiles(deltas),
        "paired_median_minus_base_range_us": [min(deltas), max(deltas)],
    }


def _quartiles(values: list[float]) -> list[float]:
    """The 25th and 75th percentiles (statistics' inclusive method)."""
    if len(values) < 2:
        return [values[0], values[0]] if values else [0.0, 0.0]
    q = statistics.quantiles(values, n=4, method="inclusive")
    return [q[0], q[2]]


def _machine(chromium: str, user_agent: str) -> dict:
    cpu = platform.processor() or platform.machine()
    ram = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    try:
        from importlib.metadata import version

        pw = version("playwright")
    except Exception:  # noqa: BLE001 - only a label
        pw = None
    distro = None
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                distro = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": ram,
        "os": f"{platform.system()} {platform.release().split('-')[0]}",
        "distro": distro,
        "chromium": chromium,
        "headless": "HeadlessChrome" in user_agent,
        "python": platform.python_version(),
        "playwright": pw,
    }


if __name__ == "__main__":
    sys.exit(main())
