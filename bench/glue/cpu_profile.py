"""Where the main thread's time goes in the pipelined run: a CPU profile (the Chrome
DevTools protocol's `Profiler`, sampling every 50 µs) of one throughput run per setup,
after the same warm-up as run.py, printed as self time per function.

    python bench/glue/cpu_profile.py                    # every setup, 100,000 requests
    python bench/glue/cpu_profile.py hamlet raw --count 20000 --top 8

Names: `postMessage` is serializing the request; reading `event.data` deserializes the
reply and is counted in the self time of the function that reads it (the glue's
message handler); `(program)` is Chromium's own task and message-port machinery.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gluebench  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("setups", nargs="*",
                        help=f"some of: {', '.join(gluebench.SETUPS)} (default: all)")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args(argv)
    setups = args.setups or list(gluebench.SETUPS)
    unknown = [name for name in setups if name not in gluebench.SETUPS]
    if unknown:
        parser.error(f"unknown setup {unknown[0]!r}; choose from {', '.join(gluebench.SETUPS)}")
    with gluebench.Site.build() as site, gluebench.Browser.launch() as browser:
        page = browser.open(site.url)
        for name in setups:
            page.latency(name, 3_000)
            page.throughput(name, 30_000)
        cdp = page.page.context.new_cdp_session(page.page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 50})
        for name in setups:
            cdp.send("Profiler.start")
            result = page.throughput(name, args.count)
            profile = cdp.send("Profiler.stop")["profile"]
            print(f"{name}: {result['per_second']:,.0f} messages/s; main thread, self time:")
            for label, ms, share in self_times(profile)[: args.top]:
                print(f"  {ms:8.1f} ms  {share:5.1%}  {label}")
    return 0


# The files that hold each setup's main-thread glue; the rest of the page is the driver.
GLUE_FILES = {
    "raw": ("raw_main.js",),
    "envelope": ("raw_envelope_main.js",),
    "hamlet": ("echo_worker_main.js",),
    "tracked": ("echo_worker_main.js",),
    "timeout": ("echo_worker_main.js",),
    "comlink": ("comlink_main.js", "comlink.mjs"),
}
CATEGORIES = ("glue", "postMessage", "(program)", "(garbage collector)", "driver", "other",
              "(idle)")


def profile_throughput(page, setups, count: int) -> dict:
    """One profiled throughput run per setup: µs per message of the main thread, by
    category: the setup's own JS (which includes deserializing each reply, done when it
    reads `event.data`), `postMessage` (serializing each request), Chromium's own work,
    the garbage collector, the benchmark's driver, other built-ins, and idle time."""
    cdp = page.page.context.new_cdp_session(page.page)
    cdp.send("Profiler.enable")
    cdp.send("Profiler.setSamplingInterval", {"interval": 50})
    out = {}
    try:
        for name in setups:
            cdp.send("Profiler.start")
            result = page.throughput(name, count)
            profile = cdp.send("Profiler.stop")["profile"]
            shares = dict.fromkeys(CATEGORIES, 0.0)
            nodes = {node["id"]: node["callFrame"] for node in profile["nodes"]}
            for node_id, delta in zip(profile["samples"], profile["timeDeltas"]):
                shares[_category(nodes[node_id], GLUE_FILES[name])] += delta
            out[name] = {
                "per_second": result["per_second"],
                "us_per_message": {k: v / count for k, v in shares.items()},
            }
    finally:
        cdp.send("Profiler.disable")
        cdp.detach()
    return out


def _category(frame: dict, glue_files: tuple[str, ...]) -> str:
    name, where = frame["functionName"], frame["url"].rsplit("/", 1)[-1]
    if where in glue_files:
        return "glue"
    if where:
        return "driver"
    return name if name in CATEGORIES else "other"


def self_times(profile: dict) -> list[tuple[str, float, float]]:
    nodes = {node["id"]: node["callFrame"] for node in profile["nodes"]}
    totals: collections.Counter = collections.Counter()
    for node_id, delta in zip(profile["samples"], profile["timeDeltas"]):
        frame = nodes[node_id]
        where = frame["url"].rsplit("/", 1)[-1]
        label = frame["functionName"] or "(anonymous)"
        if where:
            label += f" ({where}:{frame['lineNumber'] + 1})"
        totals[label] += delta
    whole = sum(totals.values()) or 1
    return [(label, us / 1000, us / whole) for label, us in totals.most_common()]


if __name__ == "__main__":
    sys.exit(main())
