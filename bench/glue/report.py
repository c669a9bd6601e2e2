"""bench/results/glue.json -> docs/img/glue-*.png and the `## Glue at run time` section
of docs/benchmarks.md. Only the text between this section's markers is rewritten; the
rest of the file (the intro, the generation benchmarks) is left as it is.

    python bench/glue/report.py         # redraw from the last results, no timing
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from docs_page import write_section  # noqa: E402

NAMES = {
    "raw": "(a) raw postMessage",
    "envelope": "(a2) raw, Hamlet's envelope",
    "hamlet": "(b) Hamlet",
    "tracked": "(b2) Hamlet, tracked",
    "timeout": "(b3) Hamlet, tracked, timeout",
    "comlink": "(c) Comlink 4.4.2",
}
COLORS = {"raw": "0.35", "envelope": "0.65", "hamlet": "C0", "tracked": "C2", "timeout": "C4",
          "comlink": "C1"}


def write(results: dict, root: Path) -> None:
    img = root / "docs" / "img"
    img.mkdir(parents=True, exist_ok=True)
    plot(results, img)
    write_section(root, "glue", "bench/glue/run.py", markdown(results))


def median_run(runs: list[dict], key: str) -> dict:
    """The repetition whose `key` is the median one (the lower middle for an even count)."""
    ordered = sorted(runs, key=lambda r: r[key])
    return ordered[(len(ordered) - 1) // 2]


def plot(results: dict, img: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    runs, summary = results["runs"], results["summary"]
    names = list(runs)

    fig, ax = plt.subplots(figsize=(7, 4.2), dpi=110)
    for name in names:
        quantiles = results["latency_quantiles_us"][name]
        share = [k / (len(quantiles) - 1) for k in range(len(quantiles))]
        # Up to the 99.5th percentile: the slowest few are outliers from the machine.
        keep = int(0.995 * (len(quantiles) - 1)) + 1
        ax.step(quantiles[:keep], share[:keep], where="post", color=COLORS[name], label=NAMES[name])
        ax.axvline(summary[name]["median_us"], color=COLORS[name], ls=":", lw=1)
    ax.set_xscale("log")
    low, high = ax.get_xlim()
    nice = [m * 10**e for e in range(0, 6) for m in (1, 1.5, 2, 3, 5, 7)]
    ax.set_xticks([x for x in nice if low <= x <= high])
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda x, _: f"{x:g}"))
    ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    ax.set_xlabel("round trip, µs (log scale; dotted: medians over repetitions)")
    ax.set_ylabel("share of requests at or below (to 99.5%)")
    count = results["plan"]["latency"]
    ax.set_title(f"Round-trip latency, {count:,} sequential requests (the median repetition)")
    ax.grid(True, which="both", alpha=0.25)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(img / "glue-latency.png")
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(7, 3.6), dpi=110)
    for at, name in enumerate(names):
        per_rep = [r["per_second"] / 1000 for r in runs[name]["throughput"]]
        ax.barh(at, summary[name]["per_second"] / 1000, color=COLORS[name], alpha=0.75)
        ax.plot(per_rep, [at] * len(per_rep), "k|", ms=14,
                label="one repetition" if at == 0 else None)
        ax.text(0.5, at, f"{summary[name]['per_second'] / 1000:.1f}k/s", va="center", fontsize=8,
                color="white" if name != "envelope" else "black")
    ax.axvline(0.9 * summary["raw"]["per_second"] / 1000, color="C0", ls=":", lw=1,
               label="target for (b): 90% of (a)")
    ax.set_yticks(range(len(names)), [NAMES[n] for n in names])
    ax.invert_yaxis()
    ax.set_xlabel("messages per second, thousands (bars: medians)")
    count = results["plan"]["throughput"]
    ax.set_title(f"Throughput, {count:,} pipelined requests")
    ax.grid(True, axis="x", alpha=0.25)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(img / "glue-throughput.png")
    plt.close(fig)


def _us(value: float) -> str:
    return f"{value:.0f} µs" if value >= 100 else f"{value:.1f} µs"


def _signed_us(value: float) -> str:
    # + 0.0 turns -0.0 (a difference that rounds to nothing) into +0.0.
    return f"{round(value, 1) + 0.0:+.1f} µs"


def summary_text(results: dict) -> str:
    lines = ["setup                         median     p99     mean   throughput  vs (a)"]
    for name, s in results["summary"].items():
        ratio = results["ratios"][name]["throughput"]
        lines.append(
            f"{NAMES[name]:<29} {s['median_us']:6.1f}  {s['p99_us']:6.1f}  {s['mean_us']:6.1f}"
            f"  {s['per_second']:9.0f}/s  {ratio:5.0%}"
        )
    for name, t in results.get("tracked", {}).items():
        low, high = t["paired_throughput_quartiles"]
        lines.append(
            f"{NAMES[name]} / {NAMES[t['base']]} over {t['rounds']} rounds: throughput "
            f"{t['throughput']:.1%} (per round {t['paired_throughput']:.1%}, middle half "
            f"{low:.1%} to {high:.1%}), median latency {_signed_us(t['median_minus_base_us'])}"
        )
    if results.get("load"):
        load = results["load"]
        lines.append(f"load average at each repetition: {min(load):.2f} to {max(load):.2f}")
    for target in results["targets"]:
        verdict = "met   " if target["met"] else "MISSED"
        lines.append(f"{verdict} {target['target']}: {target['value']}")
    return "\n".join(lines)


def markdown(r: dict) -> str:
    m, plan, summary, ratios = r["machine"], r["plan"], r["summary"], r["ratios"]
    paired = r["paired_ratios"]
    system = f"{m['distro']}, {m['os']}" if m.get("distro") else m["os"]
    out = ["## Glue at run time", ""]
    out += [
        f"Measured {r['date']} on {m['cpu']} ({m['cores']} cores, {m['ram_gb']} GB RAM), "
        f"{system}, {'headless ' if m.get('headless') else ''}Chromium {m['chromium']} driven "
        f"by playwright {m['playwright']} (Python {m['python']}). {plan['reps']} repetitions; "
        "within each, the setups take turns in an order that rotates from one repetition to "
        "the next, so a burst of load from another program hits them alike. Every number "
        "below is the median over the repetitions. Before the first repetition each setup "
        f"is warmed up with {plan['warm_latency']:,} sequential and "
        f"{plan['warm_throughput']:,} pipelined requests." + _load(r),
        "",
        f"Reproduce: `python -m pip install -e '.[test,bench]' && npm ci && {r['command']}` "
        f"(this run took {r['seconds'] / 60:.0f} min; `--quick` runs 3 repetitions of a tenth "
        "of the requests). It needs Debian's `chromium` (the `HAMLET_CHROMIUM` variable "
        "names another binary); playwright only drives it.",
        "",
        "### What is measured",
        "",
        "Each setup connects the same stand-in for an Elm app to its own module worker. The "
        "stand-in has exactly what Elm's `app.ports` has for two ports, an outgoing port to "
        "`subscribe` to and an incoming port to `send` on, so one driver (`bench/glue/page/"
        "bench.js`) runs them all, and they differ only in their glue. The request is "
        "`Echo { text, n }` as Elm's encoder sends it, `{type: \"Echo\", text, n}`; the answer "
        "is `Echoed` with the same fields, and every reply is checked.",
        "",
        "- **(a) raw postMessage**: hand-written glue (`page/raw_main.js`, `page/raw_worker.js`):"
        " an id per request and a `Set` of pending ids, flat messages `{id, type, text, n}`, "
        "and a worker that answers in its `onmessage`.",
        "- **(a2) raw, Hamlet's envelope**: (a) with Hamlet's wire envelope, "
        "`{id, type, data: {text, n}}` both ways (`page/raw_envelope_*.js`). Not a contender: "
        "the gap from (a) to (a2) is what the envelope costs (one more object to clone each "
        "way), the gap from (a2) to (b) what Hamlet's code costs.",
        "- **(b) Hamlet**: `setupEchoWorker(app, options)` from the generated "
        "`echo_worker_main.js` and the generated worker entry `echo_worker.js`, with a "
        "handlers file as the scaffold has it (`export async function handleEcho({ text, n }, "
        "reply) { reply.echoed({ text, n }); }`). Generated from `bench/glue/rust/"
        "echo_worker.rs` when the benchmark starts, so it measures the current generator. "
        "Its envelopes are `{id, type, data: {text, n}}` both ways (the wire contract), and it "
        "keeps what (a) leaves out: the failure variant for a worker that fails to load, "
        "crashes or cannot be read, a handler that is missing, throws, rejects or finishes "
        "without answering, and progress replies.",
        "- **(b2) Hamlet, tracked**: the same generated glue and worker, each request sent as "
        "`sendToEchoWorkerWith { tracker = Just t, timeout = Nothing } request` sends it, with "
        "a tracker of its own (`[\"send\", t, null, {type: \"Echo\", text, n}]` on the port, "
        "see [wire-format.md](wire-format.md)), and each reply read from the tracked port, "
        "`[t, {type: \"Echoed\", text, n}]`, as `echoWorkerTracked` gets it; the stand-in app "
        "has those two ports only. Every reply's tracker is checked.",
        "- **(b3) Hamlet, tracked, timeout**: (b2) with `timeout = Just 60000`: a deadline "
        "per request, never due, in the glue's heap of deadlines, which has one timer for the "
        "earliest.",
        "- **(c) Comlink**: `Comlink.wrap` on the main thread and `Comlink.expose({ echo(text, "
        "n) {..} })` in the worker (`page/comlink_main.js`, `page/comlink_worker.js`), "
        "Comlink's ESM build from npm.",
        "",
        f"**Latency**: {plan['latency']:,} requests one after another, each pushed when the "
        "previous reply reached the incoming port; `performance.now()` around each, in a "
        "cross-origin isolated page so the timer's resolution is 5 µs, not 100 µs. The mean "
        "is the whole run divided by the count. "
        f"**Throughput**: {plan['throughput']:,} requests pushed back to back, timed until the "
        "last reply arrived.",
        "",
        "| setup | median latency | p99 | mean | throughput | its range | throughput / (a) "
        "| median - (a) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, s in summary.items():
        ratio = ratios[name]
        per_rep = [run["per_second"] for run in r["runs"][name]["throughput"]]
        out.append(
            f"| {NAMES[name]} | {_us(s['median_us'])} | {_us(s['p99_us'])} | {_us(s['mean_us'])} "
            f"| {s['per_second']:,.0f} /s | {min(per_rep) / 1000:,.1f}k to "
            f"{max(per_rep) / 1000:,.1f}k | {ratio['throughput']:.0%} "
            f"| {'' if name == 'raw' else _signed_us(ratio['median_minus_raw_us'])} |"
        )
    out += [
        "",
        "Paired within each repetition instead (the median of the per-repetition ratios and "
        "differences, which cancels load that changes between repetitions): "
        + "; ".join(
            f"{NAMES[name]} {paired[name]['throughput']:.0%} of (a)'s throughput, median "
            f"{_signed_us(paired[name]['median_minus_raw_us'])}"
            for name in summary if name != "raw"
        )
        + ".",
        "",
        "![round-trip latency distribution](img/glue-latency.png)",
        "",
        "![throughput](img/glue-throughput.png)",
        "",
        *_tracked(r),
        "### Targets",
        "",
        "Judged on the medians above (for (b2) and (b3), the medians of the rounds); the "
        "paired column shows how far the load on the "
        "machine moves the same comparison.",
        "",
        "| target | result | paired | |",
        "|---|---:|---:|---|",
    ]
    for target in r["targets"]:
        verdict = "met" if target["met"] else "**missed**"
        out.append(
            f"| {target['target']} | {target['value']} | {target.get('paired', '')} | {verdict} |"
        )
    out += [
        "",
        "### The glue alone",
        "",
        "What each setup's own code costs per message, with the browser's messaging taken "
        "out (`page/dry.js`): on the main thread, `Worker` is replaced by a fake that keeps "
        "what the glue posts and hands it the reply the real worker would send; in a real "
        "worker, the setup's worker code gets request envelopes built beforehand and its "
        "`postMessage` only counts. "
        f"{plan['dry']:,} messages per run, fed in batches of 100 so that promise jobs run "
        "between batches as they would between messages. Medians over the repetitions, in "
        "nanoseconds per message; the harness's own work (the stand-in port, checking each "
        "reply) is in every row.",
        "",
        "| setup | main: request out | main: reply in | worker | total |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, s in summary.items():
        total = s["dry_out_ns"] + s["dry_in_ns"] + s["dry_worker_ns"]
        out.append(
            f"| {NAMES[name]} | {s['dry_out_ns']:,.0f} ns | {s['dry_in_ns']:,.0f} ns "
            f"| {s['dry_worker_ns']:,.0f} ns | {total:,.0f} ns |"
        )
    if r.get("profile"):
        out += [
            "",
            "### Where the main thread's time goes",
            "",
            "One more throughput run per setup, under the CPU profiler (the Chrome DevTools "
            "protocol's `Profiler`, sampling every 50 µs; `python bench/glue/cpu_profile.py` "
            "prints it by function). In µs per message: the setup's own JS (which includes "
            "deserializing each reply: that happens when the glue reads `event.data`), "
            "`postMessage` (serializing each request), Chromium's own task and message-port "
            "work, the garbage collector, the benchmark's driver, other built-ins, and time "
            "the main thread was idle, waiting for the worker.",
            "",
            "| setup | messages/s (this run) | glue's JS | postMessage | Chromium | GC | driver "
            "| other | idle |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for name, p in r["profile"].items():
            u = p["us_per_message"]
            cells = " | ".join(
                f"{u[k]:.2f}" for k in ("glue", "postMessage", "(program)", "(garbage collector)",
                                        "driver", "other", "(idle)")
            )
            out.append(f"| {NAMES[name]} | {p['per_second']:,.0f} | {cells} |")
    out += ["", _unwrap(CHANGES), "", _gap(r), "", _latency(r), ""]
    return "\n".join(out) + "\n"


def _load(r: dict) -> str:
    """How busy the machine was, from the load average at each repetition's start."""
    load = r.get("load")
    if not load:
        return ""
    ordered = sorted(load)
    middle = ordered[(len(ordered) - 1) // 2]
    return (
        f" The machine was shared: its 1-minute load average at the start of each "
        f"repetition was {min(load):.2f} to {max(load):.2f} (median {middle:.2f}) on "
        f"{r['machine']['cores']} cores, the benchmark's own two busy threads included."
    )


def _tracked(r: dict) -> list[str]:
    """Tracked requests against untracked ones, the same glue and worker, from the short
    rounds run for this comparison."""
    tracked = r.get("tracked")
    if not tracked:
        return []
    plan, rounds = r["plan"], r["rounds"]
    load = sorted(rounds["load"])
    out = [
        "### Tracked requests against untracked ones",
        "",
        "The same generated glue and worker, (b2) and (b3) against (b), measured apart from "
        f"the repetitions above so that the runs compared are seconds apart: {plan['rounds']} "
        "short rounds, each running (b), (b2) and (b3) once for throughput "
        f"({plan['round_throughput']:,} pipelined requests) and once for latency "
        f"({plan['round_latency']:,} sequential ones), in an order that rotates from round to "
        f"round. The load average during the rounds was {load[0]:.2f} to {load[-1]:.2f} "
        f"(median {load[(len(load) - 1) // 2]:.2f}). First the medians over the rounds and "
        "their ratio or difference; then the same ratio or difference taken within each "
        "round: its median, and in brackets the middle half of the rounds (25th to 75th "
        "percentile), which shows how much the load on the machine moved it.",
        "",
        "| setup | throughput | / (b) | / (b), per round [middle half] | median latency "
        "| - (b) | - (b), per round [middle half] |",
        "|---|---:|---:|---:|---:|---:|---:|",
        f"| {NAMES['hamlet']} | {next(iter(tracked.values()))['base_per_second']:,.0f} /s | | "
        f"| {_us(next(iter(tracked.values()))['base_median_us'])} | | |",
    ]
    for name, t in tracked.items():
        low, high = t["paired_throughput_quartiles"]
        dlow, dhigh = t["paired_median_minus_base_quartiles_us"]
        out.append(
            f"| {NAMES[name]} | {t['per_second']:,.0f} /s | {t['throughput']:.1%} "
            f"| {t['paired_throughput']:.1%} [{low:.1%}, {high:.1%}] "
            f"| {_us(t['median_us'])} | {_signed_us(t['median_minus_base_us'])} "
            f"| {_signed_us(t['paired_median_minus_base_us'])} "
            f"[{_signed_us(dlow)}, {_signed_us(dhigh)}] |"
        )
    out += ["", _tracked_cost(r), ""]
    return out


def _tracked_cost(r: dict) -> str:
    """What a tracked request adds, with this run's glue-alone and profile numbers."""
    s = r["summary"]
    main = {name: s[name]["dry_out_ns"] + s[name]["dry_in_ns"] for name in ("hamlet", "tracked", "timeout")}
    text = (
        "What a tracked request adds is all on the main thread: the worker gets the same "
        "envelope `{id, type, data}`, and the tracker and the timeout never reach it. Per "
        "request, the glue keeps a `{ id, tracker, timeout, deadline }` entry where an "
        "untracked request "
        "has `null`, and hands Elm `[tracker, response]` instead of the response; every "
        "command, tracked or not, goes through the same queue, flushed once per turn in a "
        "microtask. In the glue alone the main thread spent "
        f"{main['hamlet']:,.0f} ns per message untracked, {main['tracked']:,.0f} ns tracked "
        f"and {main['timeout']:,.0f} ns tracked with a timeout."
    )
    text += (
        " A timeout adds a `performance.now()` and a push onto a heap of deadlines when the "
        "request is sent, and a count when it is answered: the glue keeps one timer, for the "
        "earliest deadline, and sets it again only when a new deadline comes first. Its first "
        "version set a `setTimeout` per request and cleared it on the answer; Chromium's "
        "timers cost more than the rest of the glue together (7.0 µs per message, which the "
        "profile counts under \"other\"), and (b3) reached 64% of (b)'s throughput in the "
        "same rounds (measured 2026-11-30 on a 2-core virtual machine)."
    )
    profile = r.get("profile")
    if profile and all(name in profile for name in ("hamlet", "timeout")):
        other = {name: profile[name]["us_per_message"]["other"] for name in ("hamlet", "timeout")}
        text += (
            f" In this run's profile, \"other\" was {other['timeout']:.2f} µs per message for "
            f"(b3) and {other['hamlet']:.2f} µs for (b)."
        )
    return text


def _gap(r: dict) -> str:
    """What separates (b) from (a), from this run's numbers."""
    s = r["summary"]
    raw, env, hamlet = s["raw"], s["envelope"], s["hamlet"]
    text = (
        "Two things separate (b) from (a): the wire format, which (a2) isolates, and "
        "Hamlet's own code, which the glue-alone table isolates. The contract's envelope "
        "`{id, type, data}` nests the fields in one more object, which structured clone "
        "writes and reads on each of the four hops; it stays, because the worker hands "
        "`data` to the handler as `request` unchanged. In this run (a2) reached "
        f"{env['per_second'] / raw['per_second']:.0%} of (a)'s throughput and (b) "
        f"{hamlet['per_second'] / env['per_second']:.0%} of (a2)'s"
    )
    profile = r.get("profile")
    if profile:
        post = {name: profile[name]["us_per_message"]["postMessage"]
                for name in ("raw", "envelope", "hamlet")}
        text += (
            f"; serializing a request (`postMessage` in the profile) took {post['raw']:.1f} µs "
            f"for (a), {post['envelope']:.1f} µs for (a2) and {post['hamlet']:.1f} µs for (b)"
        )
    dry = {name: s[name]["dry_out_ns"] + s[name]["dry_in_ns"] + s[name]["dry_worker_ns"]
           for name in ("envelope", "hamlet")}
    text += (
        f". Hamlet's own code costs {dry['hamlet'] - dry['envelope']:,.0f} ns per message more "
        "than (a2)'s, main thread and worker together: on the main thread the queue that "
        "holds one turn's commands until a microtask handles them, and the `{ type, ...data }` "
        "split of each request; in the worker an `Answer`, kept in a `Map` of running requests "
        "for a cancel to find, the `reply` object with one closure per "
        "response (so that handlers may destructure it), and the handler's own promise "
        "(handlers are `async`)."
    )
    return text


def _unwrap(text: str) -> str:
    """Hand-wrapped paragraphs and list items as one line each, like the generated text."""
    blocks = []
    for block in text.strip("\n").split("\n\n"):
        lines: list[str] = []
        for line in block.split("\n"):
            if lines and not line.startswith(("- ", "#")) and not lines[-1].startswith("#"):
                lines[-1] += " " + line.strip()
            else:
                lines.append(line)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


# Written by hand: what the profile of (b) showed, and what was changed because of it.
CHANGES = """\
### What the profile showed, and what changed

The first runs put (b) close to the throughput target, so its glue was profiled (the
table above, and `page/dry.js` for each side's code alone). None of the usual suspects
was there: the generated glue logs nothing, does no JSON work, and keeps one `Set` of
pending ids (a `Map` since tracked requests). Two costs per message were, and both are gone:

- The main thread passed each reply to Elm as a copy, `{ ...message.data, type }`. It
  now adds `type` to `message.data` itself: that object is the message's own, fresh from
  structured clone, and nothing else holds it, so no object is allocated and copied.
- The worker entry ran each handler inside an `async function` that awaited it: two
  promises and their jobs per message. `run` is now a plain function. When the handler
  has already sent its final reply, which is the usual case, the only promise work left
  is a catch on the handler's promise, so that a later rejection is not reported as an
  unhandled one. A missing, throwing or rejecting handler, and one that finishes without
  a final reply, get the same failure as before, at the same point: one promise job after
  the handler's promise settles.

In 21 interleaved runs of the glue alone, on the machine above while another benchmark
loaded one core, the worker side went from 841 to 693 ns per message and the main side's
reply path from 427 to 400 ns (medians).
"""

def _latency(r: dict) -> str:
    """Why a few µs of latency between setups mean little, with this run's spread."""
    medians = [run["median_us"] for runs in r["runs"].values() for run in runs["latency"]]
    return (
        "Latency: a round trip is mostly the time it takes to wake the other thread. On a "
        "2-core virtual machine that depends on the load from other programs (an idle "
        "virtual CPU is slow to wake): in this run, one repetition's median round trip was "
        f"anywhere from {_us(min(medians))} to {_us(max(medians))}, whatever the setup. "
        "Differences of a few µs between setups are within the noise of one repetition; "
        "the medians over repetitions, and the paired differences, are the numbers to read."
    )


def main() -> int:
    root = Path(__file__).resolve().parents[2]
    results = json.loads((root / "bench" / "results" / "glue.json").read_text(encoding="utf-8"))
    write(results, root)
    print(summary_text(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
