"""A model-based fuzz of the main-thread glue, in node (tests/support/glue_fuzz.mjs).

ShapesWorker's generated `shapes_worker_main.js` runs on a fake clock and fake timers,
with a fake `Worker` that replies only when the fuzz says so, and a stand-in Elm app
whose `send` re-enters the glue (it calls `terminate()`, or Elm hands over a new
update's commands). Each seed is a run of random steps: Elm's updates of one to four
commands (untracked sends, sends on a tracker of their own or on a shared one, `""`
included, cancels, terminates; timeouts null, 0, -1, NaN, Infinity, 0.5, 3, 10, 40,
3e9 and 1e300), progress and final replies, replies Elm cannot read (a BigInt), replies
that crossed a cancel, worker errors, the worker's `["closing"]` notice, `terminate()`
from JavaScript, and time passing. The fuzz checks, beside the glue: no request ends
twice or gets anything after its end; a request times out with its own timeout, never
before its deadline and never a millisecond after it; the glue never throws at a
worker's event; there is never more than one timer, nor a delay setTimeout cannot take;
at the end of a run every request has ended and no timer is left. It also counts what
happened, and the test asserts that each kind of event and of end happened often
enough: a fuzz that silently stopped doing anything fails.

Replay one seed (each problem names its seed), with a trace of its events printed:

    HAMLET_FUZZ_SEED=17 PYTHONPATH=$PWD/src python -m pytest -s tests/unit/test_emit_js_fuzz.py

One seed exercises too little for the floors, so a replay checks the invariants only.
The deadlines alone, against a timer per request, are in test_emit_js_deadlines.py.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from support.node import needs_node, run_node
from support.shapes import shapes_site

FUZZ = Path(__file__).parents[1] / "support" / "glue_fuzz.mjs"
SEEDS = range(1, 301)
STEPS = 300

# The least each full run must do: about a quarter of what the seeds above do.
FLOORS = {
    "updates": 8000,
    "reentrantUpdates": 800,
    "reentrantTerminates": 800,
    "jsTerminates": 400,
    "cancels": 4000,
    "replies": 3000,
    "crossedReplies": 500,
    "crashes": 350,
    "closings": 330,
    "workers": 2000,
    "timersSet": 7000,
    "timersRung": 3000,
    "completed": 1900,
    "timedOut": 5700,
    "cancelled": 1500,
    "unreadable": 150,
    "terminated": 3700,
    "crashed": 900,
    "closed": 880,
    "notANumber": 1200,
}

SCENARIO = """\
import { fuzz } from './glue_fuzz.mjs';
const { setupShapesWorker } = await import('./js/shapes_worker_main.js');
const result = await fuzz(setupShapesWorker, %s);
console.log(JSON.stringify(result));
"""


def chosen_seeds() -> tuple[list[int], bool]:
    """The seeds to run, and whether they are one replayed by hand."""
    replay = os.environ.get("HAMLET_FUZZ_SEED")
    if replay:
        return [int(replay)], True
    return list(SEEDS), False


@needs_node
def test_the_glue_keeps_its_promises_through_random_events_and_reentrant_elm(shapes, tmp_path):
    seeds, replaying = chosen_seeds()
    options = {"seeds": seeds, "steps": STEPS, "traced": replaying}
    files = {**shapes_site(shapes, handlers=None), "glue_fuzz.mjs": FUZZ.read_text(encoding="utf-8")}
    result = run_node(tmp_path, files, SCENARIO % json.dumps(options))
    print("\n".join(result["trace"]))
    print(result["stats"])
    assert not result["problems"], "\n".join(result["problems"])
    if not replaying:
        stats = result["stats"]
        assert stats["steps"] == len(SEEDS) * STEPS
        assert stats["ended"] == stats["sends"]  # each request Elm sent, Elm saw end once
        assert {name: stats[name] for name, least in FLOORS.items() if stats[name] < least} == {}
