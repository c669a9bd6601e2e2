"""The jobs example (examples/jobs), run the way its README says: several photo-filter
jobs at once in one worker, each sent with a tracker, with progress, cancel, a timeout
and stop all.

    test_filters_and_handler_node_tests
                                    the example's own `node --test` suite
    test_crate_checks               `cargo check` on the crate, without a warning
    test_main_elm_is_elm_format_clean
    test_generate_writes_the_glue_and_keeps_the_handlers
                                    `hamlet generate --strict` in a copy of the example;
                                    a second run and `--check` change nothing
    test_gitignore_covers_exactly_the_generated_files
    test_three_jobs_one_cancelled   `elm make`, then in Chromium: three jobs at once, the
                                    middle one cancelled while the others run; it shows
                                    "cancelled", the other two finish with their own
                                    results, and nothing more arrives for the cancelled one
    test_a_job_times_out            a job with a 1 s timeout beside a long one without
    test_stop_all_then_a_fresh_worker
                                    Stop all ends every running job once; the next job
                                    runs on a fresh worker

The browser tests compile the app once (the `elm_compiler` fixture: skips without the
Elm packages, fails under CI=true) and wait on what the page shows, never for a time.
The long jobs are long (a 12-megapixel photo, 50 passes: seconds of work here), so
that each is still running when the test cancels, stops or times it out.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import procs
from support.examples import check_node_tests, files, generate, generated_copy, git_ignored
from support.procs import ROOT, elm_format_problems, explain, hamlet, node, run
from support.server import StaticServer

APP = ROOT / "examples" / "jobs"
WAIT_MS = 60_000

# What `hamlet generate` writes with examples/jobs/hamlet.toml, and what the README says
# is generated. Written out by hand so that a change in the layout fails here.
GENERATED = (
    "generated/elm/Workers/PhotoWorker.elm",
    "generated/elm/Workers/Types.elm",
    "generated/js/photo_worker_main.js",
    "generated/js/workers.js",
    "workers/photo_worker.js",
    "workers/photo_worker.schema.json",
)
HANDLERS = "workers/photo_worker_handlers.js"
NOT_SOURCES = ("generated", "elm-stuff", "node_modules", "target", ".hamlet-cache",
               "photo_worker.js", "photo_worker.schema.json")
# The app's sizes, as elm/Main.elm has them.
SIZES = {"small": (800, 600), "medium": (2000, 1500), "large": (4000, 3000)}
LONG = {"size": "large", "filter": "Blur", "passes": "50"}


@pytest.fixture(scope="module")
def generated_app(tmp_path_factory) -> Path:
    return generated_copy(APP, tmp_path_factory.mktemp("jobs") / "jobs", NOT_SOURCES)


# ---- without a browser ---------------------------------------------------------------


def test_filters_and_handler_node_tests():
    check_node_tests(APP, ["handlers.test.js", "photo.test.js"])


def test_crate_checks(tmp_path):
    cargo = procs.cargo(tmp_path / "target")
    checked = cargo(["check", "--offline", "--locked"], cwd=APP)
    assert checked.returncode == 0, explain(checked)
    assert "warning" not in checked.stderr, explain(checked)


def test_main_elm_is_elm_format_clean():
    assert elm_format_problems([APP / "elm" / "Main.elm"], cwd=APP) == ""


def test_generate_writes_the_glue_and_keeps_the_handlers(generated_app):
    for path in GENERATED:
        assert (generated_app / path).is_file(), f"hamlet generate did not write {path}"
    assert (generated_app / HANDLERS).read_bytes() == (APP / HANDLERS).read_bytes()
    elm = (generated_app / "generated/elm/Workers/PhotoWorker.elm").read_text(encoding="utf-8")
    # The four functions of tracked requests the app uses are there.
    for name in ("sendToPhotoWorkerWith", "photoWorkerTracked", "cancelPhotoWorker",
                 "terminatePhotoWorker"):
        assert f"\n{name} :" in elm, name
    before = {path: (generated_app / path).read_bytes() for path in (*GENERATED, HANDLERS)}
    again = generate(generated_app)
    assert again.returncode == 0, explain(again)
    assert {path: (generated_app / path).read_bytes() for path in before} == before
    check = hamlet("generate", "--check", "--strict", cwd=generated_app)
    assert check.returncode == 0, explain(check)


def test_gitignore_covers_exactly_the_generated_files(generated_app):
    if not (ROOT / ".git").exists():
        pytest.skip("not in a git work tree")
    ours = files(APP, skip=NOT_SOURCES)
    written = sorted(set(files(generated_app)) - set(ours))
    assert {HANDLERS, "workers/photo.js", "src/lib.rs", "elm/Main.elm", "Cargo.lock"} <= set(ours)
    assert set(GENERATED) <= set(written), written
    # What elm make and cargo write.
    extra = ["generated/elm.js", "elm-stuff/0.19.1/d.dat", "target/debug/.cargo-lock"]
    assert git_ignored(APP, written + extra) == set(written + extra)
    assert git_ignored(APP, ours) == set()


# ---- in Chromium ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_app(generated_app, elm_compiler) -> Path:
    made = elm_compiler.make(generated_app, ["elm/Main.elm"], output="generated/elm.js")
    assert made.returncode == 0, explain(made)
    return generated_app


# Every job row: its tracker, state (running, done, failed), status text, progress bar
# (null once done) and whether its Cancel button is enabled; and the summary line.
SHOWN = """() => ({
    jobs: [...document.querySelectorAll('#jobs li')].map(li => ({
        id: li.id,
        state: ['running', 'done', 'failed'].find(c => li.classList.contains(c)) ?? null,
        status: li.querySelector('.status').textContent,
        progress: li.querySelector('progress')?.value ?? null,
        bars: li.querySelectorAll('.histogram .bar').length,
        cancel: !li.querySelector('.cancel').disabled,
    })),
    summary: document.querySelector('#summary').textContent,
})"""


# Run before the page's scripts: records every value the glue sends to the app, as
# [port, value], by wrapping the `send` of each incoming port of the app that
# `Elm.Main.init` returns. The app itself is the real one, unchanged.
RECORD_PORTS = """(() => {
    const sent = [];
    window.__toElm = sent;
    let elm;
    Object.defineProperty(window, 'Elm', {
        configurable: true,
        get: () => elm,
        set(value) {
            elm = value;
            const init = value.Main.init;
            value.Main.init = (options) => {
                const app = init(options);
                for (const [name, port] of Object.entries(app.ports ?? {})) {
                    if (typeof port.send !== 'function') continue;
                    const send = port.send;
                    port.send = (v) => {
                        sent.push([name, structuredClone(v)]);
                        return send(v);
                    };
                }
                return app;
            };
        },
    });
})();"""


class JobsPage:
    """The app in a page: start jobs from the form, click their buttons, and wait for
    what it shows."""

    def __init__(self, page, watched, base: str) -> None:
        self.page = page
        self.watched = watched
        self.base = base  # the server's URL
        self.started = 0

    def shown(self) -> dict:
        return self.page.evaluate(SHOWN)

    def job(self, tracker: str) -> dict:
        return next(job for job in self.shown()["jobs"] if job["id"] == tracker)

    def replies(self, tracker: str) -> list[dict]:
        """Every reply the app got for `tracker`, in order. Replies arrive on the tracked
        port only: the app subscribes to nothing else."""
        sent = self.page.evaluate("() => window.__toElm")
        assert {port for port, _ in sent} <= {"photoWorkerTrackedPort"}, sent
        return [value[1] for _, value in sent if value[0] == tracker]

    def final_replies(self, tracker: str) -> list[dict]:
        return [r for r in self.replies(tracker) if r["type"] != "FilterProgress"]

    def start(self, size: str, filter: str, passes: str, timeout: str = "none") -> str:  # noqa: A002
        """Pick the settings and press Start job; returns the new job's tracker."""
        for select, value in (("size", size), ("filter", filter), ("passes", passes),
                              ("timeout", timeout)):
            self.page.select_option(f"#{select}", value)
        self.page.click("#start")
        self.started += 1
        tracker = f"job-{self.started}"
        self.wait(f"({SHOWN})().jobs.some(job => job.id === {json.dumps(tracker)})", tracker)
        return tracker

    def cancel(self, tracker: str) -> None:
        self.page.click(f"#{tracker} .cancel")

    def wait(self, condition: str, what: str) -> None:
        """Wait until the JS expression `condition` holds, or fail saying what the page
        shows."""
        try:
            self.page.wait_for_function(f"() => {condition}", timeout=WAIT_MS)
        except Exception as exc:  # playwright's TimeoutError, with what the page shows
            raise AssertionError(f"waited for {what}; the page shows {self.shown()}") from exc

    def wait_for_job(self, tracker: str, condition: str, what: str) -> dict:
        """Wait until `condition` (JS, of `job`) holds for the job's row; returns the row."""
        self.wait(f"(job => job !== undefined && ({condition}))"
                  f"(({SHOWN})().jobs.find(job => job.id === {json.dumps(tracker)}))",
                  f"{tracker}: {what}")
        return self.job(tracker)

    def wait_until_under_way(self, tracker: str) -> None:
        self.wait_for_job(tracker, "job.state === 'running' && job.progress > 0", "progress")

    def wait_until_done(self, tracker: str) -> dict:
        return self.wait_for_job(tracker, "job.state !== 'running'", "its end")


@pytest.fixture
def jobs_page(built_app, open_page):
    with StaticServer(built_app) as server:
        page, watched = open_page(f"{server.url}/index.html", init_script=RECORD_PORTS)
        page.wait_for_selector("#start", timeout=WAIT_MS)
        jobs = JobsPage(page, watched, server.url)
        assert jobs.shown() == {"jobs": [], "summary": "0 running, 0 done, 0 ended early"}
        yield jobs
        assert watched.problems() == []


def expected_status(size: str, filter: str, passes: int, seed: int) -> str:  # noqa: A002
    """What the app shows for a finished job, up to its time: the mean brightness of the
    same photo filtered the same way by the example's own photo.js, in node."""
    width, height = SIZES[size]
    script = f"""
import {{ KERNELS, filterRows, makePhoto, summarize }} from {json.dumps((APP / 'workers' / 'photo.js').as_uri())};
let photo = makePhoto({width}, {height}, {seed});
for (let pass = 0; pass < {passes}; pass += 1) {{
    const out = new Uint8ClampedArray(photo.length);
    filterRows(photo, out, {width}, {height}, KERNELS[{json.dumps(filter)}], 0, {height});
    photo = out;
}}
const tenths = Math.round(summarize(photo).mean * 10);
console.log(`done: mean brightness ${{Math.trunc(tenths / 10)}}.${{tenths % 10}}, in `);
"""
    result = run([node(), "--input-type=module", "-"], cwd=APP, stdin=script)
    assert result.returncode == 0, explain(result)
    return result.stdout.strip() + " "


def test_three_jobs_one_cancelled(jobs_page):
    small = jobs_page.start("small", "Blur", "5")
    long = jobs_page.start(**LONG)
    medium = jobs_page.start("medium", "Edges", "5")
    assert (small, long, medium) == ("job-1", "job-2", "job-3")
    jobs_page.wait_until_under_way(long)
    jobs_page.cancel(long)
    cancelled = jobs_page.wait_until_done(long)
    assert (cancelled["state"], cancelled["status"], cancelled["cancel"]) == ("failed", "cancelled", False)

    # The other two finish, each with the result of its own photo and filter: the
    # replies found their jobs by tracker.
    for tracker, (size, filter_, seed) in ((small, ("small", "Blur", 1)), (medium, ("medium", "Edges", 3))):
        done = jobs_page.wait_until_done(tracker)
        assert done["state"] == "done", done
        assert done["status"].startswith(expected_status(size, filter_, 5, seed)), done
        assert done["status"].endswith(" s") and done["bars"] == 16, done
    # A job sent after the cancel finishes after the worker has read the cancel, and the
    # worker answers in order: whatever it sent for job-2 before has arrived by then.
    after = jobs_page.start("small", "Sharpen", "1")
    assert jobs_page.wait_until_done(after)["state"] == "done"
    assert jobs_page.job(long) == cancelled
    assert jobs_page.shown()["summary"] == "0 running, 3 done, 1 ended early"
    # Each job got one final reply, and the cancelled one nothing after it.
    assert jobs_page.replies(long)[-1] == {"type": "FilterFailed", "error": "cancelled"}
    for tracker in (small, long, medium, after):
        assert len(jobs_page.final_replies(tracker)) == 1, jobs_page.replies(tracker)
    # Clear drops the rows of ended jobs (Elm redraws on the next animation frame).
    jobs_page.page.click("#clear")
    jobs_page.wait(f"({SHOWN})().jobs.length === 0", "no rows")
    assert jobs_page.shown()["summary"] == "0 running, 0 done, 0 ended early"


def test_a_job_times_out(jobs_page):
    timed = jobs_page.start(**LONG, timeout="1000")
    # A second long job shares the worker, so the first takes longer still.
    other = jobs_page.start(**LONG)
    ended = jobs_page.wait_until_done(timed)
    assert (ended["state"], ended["status"]) == ("failed", "timed out after 1000 ms"), ended
    # The job without a timeout is not touched by the other's.
    assert jobs_page.job(other)["state"] == "running"
    jobs_page.wait_until_under_way(other)
    jobs_page.cancel(other)
    assert jobs_page.wait_until_done(other)["status"] == "cancelled"
    for tracker in (timed, other):
        assert len(jobs_page.final_replies(tracker)) == 1, jobs_page.replies(tracker)


def test_stop_all_then_a_fresh_worker(jobs_page):
    running = [jobs_page.start(**LONG), jobs_page.start(**LONG), jobs_page.start("medium", "Sharpen", "50")]
    for tracker in running:
        jobs_page.wait_until_under_way(tracker)
    jobs_page.page.click("#stop-all")
    stopped = [jobs_page.wait_until_done(tracker) for tracker in running]
    assert {job["state"] for job in stopped} == {"failed"}, stopped
    statuses = {job["status"] for job in stopped}
    assert len(statuses) == 1 and statuses != {"cancelled"} and "" not in statuses, stopped
    # The next job starts a fresh worker, and finishes on it.
    after = jobs_page.start("small", "Blur", "1")
    done = jobs_page.wait_until_done(after)
    assert done["status"].startswith(expected_status("small", "Blur", 1, 4)), done
    entry = f"{jobs_page.base}/workers/photo_worker.js"
    assert jobs_page.watched.requested.count(entry) == 2, jobs_page.watched.requested
    # Each stopped job got its failure once, and nothing after it.
    assert [jobs_page.job(tracker) for tracker in running] == stopped
    for tracker in running:
        replies = jobs_page.replies(tracker)
        assert replies[-1]["type"] == "FilterFailed" and len(jobs_page.final_replies(tracker)) == 1
