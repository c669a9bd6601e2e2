"""`hamlet watch`: regenerate whenever a scanned .rs file changes.

    $ hamlet watch src
    hamlet: 1 worker: 0 written, 6 unchanged, 0 removed, 0 warnings
    hamlet: watching src (Ctrl-C to stop)
    wrote generated/elm/Workers/CSVWorker.elm             <- src/lib.rs was saved
    hamlet: 1 worker: 1 written, 5 unchanged, 0 removed, 0 warnings

Each run reports its diagnostics and one summary line, flushed at once so that a pipe
(an editor, a bundler's log) sees it as it happens. Every line goes through the
command line's `Reporter`. A run with errors writes nothing,
so the last good output stays in place while the user fixes the input. A run that
fails on a bug in Hamlet is reported in two lines, and the watch goes on.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Callable

from hamlet.cli.report import Reporter
from hamlet.emit import header
from hamlet.write.atomic import Interrupted

DEBOUNCE_MS = 150
# How long the watcher waits before the first run. The watcher is started before that
# run, so a file saved while it runs is not missed; later idle timeouts are ignored.
STARTUP_MS = 100
SKIPPED_FOLDERS = ("target",)  # cargo's build output, as the scanner skips it


def watch(settings, run: Callable[..., int], stop_event=None, report: Reporter | None = None) -> int:
    """Run once, then again after every batch of changes, until interrupted or
    `stop_event` (a `threading.Event`) is set."""
    import watchfiles

    report = report or Reporter()
    targets = _targets(settings.paths)
    if not targets:
        report.err("hamlet: nothing to watch: none of the paths exists")
        return 1
    folders, recursive = _folders(targets)
    batches = watchfiles.watch(
        *folders,
        recursive=recursive,
        watch_filter=Relevant(targets),
        debounce=DEBOUNCE_MS,
        stop_event=stop_event,
        raise_interrupt=False,
        rust_timeout=STARTUP_MS,
        yield_on_timeout=True,
    )
    started = False
    try:
        for changes in batches:
            if changes or not started:
                _run_once(run, settings, report)
            if not started:
                shown = ", ".join(str(p) for p in settings.paths if Path(p).exists())
                report.out(f"hamlet: watching {shown} (Ctrl-C to stop)")
                started = True
            report.flush()
    except KeyboardInterrupt:
        pass
    except Interrupted as stop:  # Ctrl-C during a write: undone, and still a normal stop
        if stop.signum != signal.SIGINT:
            raise
        report.err(f"hamlet: {stop}")
    return 0


def _run_once(run: Callable[..., int], settings, report: Reporter) -> None:
    """One run; a bug in it (any exception) is reported in two lines and the watch goes
    on, so that the next save gets a fresh run instead of a dead watcher."""
    try:
        run(settings)
    except Exception as problem:  # noqa: BLE001 - whatever it is, keep watching
        lines = str(problem).strip().splitlines()
        what = type(problem).__name__ + (f": {lines[0][:200]}" if lines else "")
        report.err(f"hamlet: internal error ({what}); still watching")
        report.err("  hint: this is a bug in Hamlet: please report it with the input that "
                   "caused it (`hamlet generate` on that input shows the traceback)")


def _targets(paths) -> list[Path]:
    return [Path(p).resolve() for p in paths if Path(p).exists()]


def _folders(targets: list[Path]) -> tuple[list[Path], bool]:
    """The folders to watch, and whether to watch them recursively.

    A file PATH is watched through its folder: editors that save by writing a new file
    and renaming it over the old one would end a watch on the file itself after the
    first save. When only files are given, their folders are watched without their
    subfolders (`hamlet watch lib.rs` must not watch all of `node_modules/`)."""
    recursive = any(t.is_dir() for t in targets)
    folders = sorted({t if t.is_dir() else t.parent for t in targets})
    if recursive:
        folders = [f for f in folders if not any(o in f.parents for o in folders)]
    return folders, recursive


class Relevant:
    """Which changes start a run: Rust sources that the scanner would read.

    Never the generated output, even inside a watched folder (a Rust worker's module
    is known by its notice), and never a `.rs` file
    under `target/` or a hidden folder (cargo's build scripts write those)."""

    def __init__(self, targets: list[Path]):
        self.targets = targets

    def __call__(self, change, path: str) -> bool:
        if not path.endswith(".rs"):
            return False
        changed = Path(os.path.abspath(path))
        for target in self.targets:
            if changed == target:
                return True
            if target in changed.parents:
                parts = changed.relative_to(target).parts
                return not any(
                    part.startswith(".") or part in SKIPPED_FOLDERS for part in parts
                ) and not _generated(changed)
        return False


def _generated(path: Path) -> bool:
    """Whether a `.rs` file is a Rust worker's module that Hamlet wrote (its notice on
    top): a `--rust-out` inside a watched folder must not start a second run."""
    try:
        with path.open("rb") as opened:
            head = opened.read(512).decode("utf-8", "replace")
    except OSError:  # gone or unreadable: a change all the same
        return False
    return header.source_of(head) is not None
