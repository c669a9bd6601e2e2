"""`hamlet watch` against real file changes, every wait bounded.

    test_watch_regenerates_and_survives_errors   `python -m hamlet watch` as a process:
                                                 first run, an edit, a syntax error
                                                 (printed; the last good output stays),
                                                 a fix
    test_watch_survives_a_broken_path_type       `x: ::` (once an IndexError that ended
                                                 the watch): the error, and it goes on
    test_watch_survives_a_bug_in_a_run           a run that raises: two lines, no
                                                 traceback, and the next save runs
    test_save_during_the_first_run_is_seen       the watcher starts before the first run
    test_only_scanned_rust_sources_count         target/, hidden folders, other files
    test_a_generated_rust_module_in_a_watched_folder_is_no_change
                                                 a Rust worker's module (its notice)
    test_file_paths_are_watched_through_folders  editors that save by renaming
    test_nothing_to_watch                        exit 1 when no PATH exists
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

from hamlet.cli import main
from hamlet.cli.watch import Relevant, _folders, watch
from hamlet.emit import header

WAIT = 20  # seconds, the most any one step may take
CSV = """\
#[derive(BuildAmpWorker)]
pub enum CSVWorkerMessage {
    ParseCSV { data: String },
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}
"""


class Lines:
    """The output of a process, line by line, read by a thread so no read blocks."""

    def __init__(self, stream):
        self.queue: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream) -> None:
        for line in stream:
            self.queue.put(line.rstrip("\n"))
        self.queue.put(None)

    def until(self, wanted, what: str) -> list[str]:
        """Lines up to and including the first for which `wanted(line)` holds."""
        deadline = time.monotonic() + WAIT
        got = []
        while True:
            left = deadline - time.monotonic()
            try:
                line = self.queue.get(timeout=max(left, 0))
            except queue.Empty:
                line = None
            if line is None:
                ended = "the process ended" if left > 0 else f"not within {WAIT} s"
                raise AssertionError(f"no {what}: {ended}; output:\n" + "\n".join(self.seen))
            got.append(line)
            self.seen.append(line)
            if wanted(line):
                return got


def save(path: Path, text: str) -> None:
    """Save as most editors do, so no run can see a half-written file."""
    temp = path.with_name(path.name + ".swp")
    temp.write_text(text)
    os.replace(temp, path)


def summary(line: str) -> bool:
    return line.startswith("hamlet: 1 worker: ")


def test_watch_regenerates_and_survives_errors(tmp_path):
    source = tmp_path / "src" / "lib.rs"
    source.parent.mkdir()
    source.write_text(CSV)
    elm = tmp_path / "generated" / "elm" / "Workers" / "CSVWorker.elm"
    # A pipe's real buffering: the lines must arrive because watch flushes them.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    process = subprocess.Popen(
        [sys.executable, "-m", "hamlet", "watch", "src"],
        cwd=tmp_path, env=env, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
    )
    try:
        out = Lines(process.stdout)
        first = out.until(summary, "first summary line")
        assert first[-1] == "hamlet: 1 worker: 9 written, 0 unchanged, 0 removed, 0 warnings"
        assert out.until(lambda line: line.startswith("hamlet: watching"), "watching line") == [
            "hamlet: watching src (Ctrl-C to stop)"
        ]
        assert "limit" not in elm.read_text()

        save(source, CSV.replace("data: String", "data: String, limit: u32"))
        second = out.until(summary, "summary after an edit")
        assert "wrote generated/elm/Workers/CSVWorker.elm" in second
        assert second[-1].endswith(" 0 removed, 0 warnings") and " 0 written" not in second[-1]
        good = elm.read_bytes()
        assert b"limit : Int" in good

        save(source, CSV.replace("ParseCSV { data: String },", "ParseCSV { data: String ,"))
        broken = out.until(lambda line: line.startswith("hamlet: 1 error"), "the error")
        assert broken[0].startswith("src/lib.rs:4:15: error: syntax error")
        assert broken[-1] == "hamlet: 1 error; nothing written"
        assert process.poll() is None, "it keeps watching"
        assert elm.read_bytes() == good, "the last good output stays"

        save(source, CSV)
        fixed = out.until(summary, "summary after the fix")
        assert "wrote generated/elm/Workers/CSVWorker.elm" in fixed
        assert b"limit" not in elm.read_bytes()
        assert not [p for p in tmp_path.rglob(".*.tmp")], "no temp files left"
    finally:
        process.send_signal(signal.SIGINT)
        try:
            code = process.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=WAIT)
            raise
    assert code == 0, "Ctrl-C ends watch cleanly"


def start_watch(folder: Path, command: list[str]) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return subprocess.Popen(
        [sys.executable, *command], cwd=folder, env=env, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
    )


def stop_watch(process: subprocess.Popen) -> int:
    process.send_signal(signal.SIGINT)
    try:
        return process.wait(timeout=WAIT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=WAIT)
        raise


def test_watch_survives_a_broken_path_type(tmp_path):
    source = tmp_path / "src" / "lib.rs"
    source.parent.mkdir()
    source.write_text(CSV)
    process = start_watch(tmp_path, ["-m", "hamlet", "watch", "src"])
    try:
        out = Lines(process.stdout)
        out.until(lambda line: line.startswith("hamlet: watching"), "watching line")
        save(source, CSV.replace("data: String", "data: ::"))
        broken = out.until(lambda line: line.startswith("hamlet: 2 errors"), "the errors")
        assert broken[-5:-1] == [
            "src/lib.rs:3:22: error: field `data` of `CSVWorkerMessage::ParseCSV`: the type "
            "`::` is not valid Rust",
            "  hint: fix the Rust syntax; Hamlet reads the file as rustc would",
            "src/lib.rs:3:24: error: syntax error: expected type identifier",
            "  hint: fix the Rust syntax; Hamlet reads the file as rustc would",
        ]
        assert process.poll() is None, "it keeps watching"
        save(source, CSV.replace("data: String", "data: Vec<u8>"))
        fixed = out.until(summary, "summary after the fix")
        assert "wrote generated/elm/Workers/CSVWorker.elm" in fixed
        assert not any("Traceback" in line for line in out.seen)
    finally:
        code = stop_watch(process)
    assert code == 0


# A real `hamlet watch` whose runs raise while the source holds BOOM: a stand-in for
# any bug still hiding in a run, as the IndexError on `::` once was.
FAULTY_WATCH = """import sys
from pathlib import Path

import hamlet
from hamlet.cli import main

real = hamlet.generate


def generate(paths, **options):
    if "BOOM" in Path("src/lib.rs").read_text():
        raise IndexError("tuple index out of range\\nsecond line")
    return real(paths, **options)


hamlet.generate = generate
sys.exit(main(["watch", "src"]))
"""


def test_watch_survives_a_bug_in_a_run(tmp_path):
    source = tmp_path / "src" / "lib.rs"
    source.parent.mkdir()
    source.write_text(CSV)
    process = start_watch(tmp_path, ["-c", FAULTY_WATCH])
    try:
        out = Lines(process.stdout)
        out.until(lambda line: line.startswith("hamlet: watching"), "watching line")
        save(source, CSV + "// BOOM\n")
        failed = out.until(lambda line: line.startswith("  hint: "), "the internal error")
        assert failed[-2:] == [
            "hamlet: internal error (IndexError: tuple index out of range); still watching",
            "  hint: this is a bug in Hamlet: please report it with the input that caused it "
            "(`hamlet generate` on that input shows the traceback)",
        ]
        assert process.poll() is None, "it keeps watching"
        save(source, CSV.replace("data: String", "data: Vec<u8>"))
        fixed = out.until(summary, "summary after the next save")
        assert "wrote generated/elm/Workers/CSVWorker.elm" in fixed
        assert not any("Traceback" in line for line in out.seen)
    finally:
        code = stop_watch(process)
    assert code == 0


def test_save_during_the_first_run_is_seen(tmp_path):
    source = tmp_path / "lib.rs"
    source.write_text("// first\n")
    stop = threading.Event()
    runs = []

    def run(settings):
        runs.append(source.read_text())
        if len(runs) == 1:
            time.sleep(0.3)  # the watcher is already running while this run works
            source.write_text("// saved during the first run\n")
        else:
            stop.set()
        return 0

    settings = SimpleNamespace(paths=(str(tmp_path),))
    thread = threading.Thread(target=watch, args=(settings, run, stop), daemon=True)
    thread.start()
    thread.join(WAIT)
    stop.set()
    assert not thread.is_alive()
    assert runs == ["// first\n", "// saved during the first run\n"]


def test_only_scanned_rust_sources_count(tmp_path):
    src = (tmp_path / "src").resolve()
    single = (tmp_path / "other" / "main.rs").resolve()
    relevant = Relevant([src, single])
    assert relevant(None, str(src / "lib.rs"))
    assert relevant(None, str(src / "workers" / "image.rs"))
    assert relevant(None, str(single))
    assert not relevant(None, str(single.parent / "helper.rs")), "only the file given"
    assert not relevant(None, str(src / "target" / "debug" / "build" / "out.rs"))
    assert not relevant(None, str(src / ".git" / "x.rs"))
    assert not relevant(None, str(src / ".#lib.rs")), "an editor's lock file"
    assert not relevant(None, str(src / "Workers" / "CSVWorker.elm"))
    assert not relevant(None, str(tmp_path / "elsewhere.rs"))


def test_a_generated_rust_module_in_a_watched_folder_is_no_change(tmp_path):
    src = (tmp_path / "src").resolve()
    (src / "generated").mkdir(parents=True)
    module = src / "generated" / "csv_worker.rs"
    module.write_text("// " + header.notice("src/lib.rs") + "\nuse super::*;\n")
    mine = src / "generated" / "mod.rs"
    mine.write_text("pub mod csv_worker; // Generated by hand\n")
    relevant = Relevant([src])
    assert not relevant(None, str(module)), "--rust-out src/generated: no second run"
    assert relevant(None, str(mine))
    assert relevant(None, str(src / "generated" / "deleted.rs"))


def test_file_paths_are_watched_through_folders(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "inner").mkdir()
    (tmp_path / "a" / "lib.rs").write_text("")
    (tmp_path / "b.rs").write_text("")
    a, b = tmp_path / "a", tmp_path / "b.rs"
    assert _folders([a / "lib.rs", b]) == ([tmp_path, a], False)
    assert _folders([a, b]) == ([tmp_path], True)
    assert _folders([a, a / "inner"]) == ([a], True)


def test_nothing_to_watch(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["watch", "nowhere"]) == 1
    assert capsys.readouterr().err == "hamlet: nothing to watch: none of the paths exists\n"

