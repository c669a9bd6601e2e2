"""Carrying out a write plan all or nothing, even when the run is interrupted.

    stage   each new content -> `.<name>.hamlet-<hex>.tmp` beside its target
    swap    each temp renamed over its target; each file to remove renamed to such a temp
    finish  the temps of the removed files, and the leftovers of earlier runs, deleted

SIGINT and SIGTERM are held while this runs. One that arrives while staging abandons
it (the temps are deleted); one that arrives during the swap undoes the swap (every
target gets its old content back, the removed files come back). Either way
`Interrupted` is raised afterwards and the folders are as they were. A signal that
arrives after the swap is raised once the write is complete. So Ctrl-C or a `kill`
leaves the output all old or all new.

Only SIGKILL (or a power cut) can stop a write midway. Every temp file it leaves has
the name above and holds a generated file, with its notice or the scaffold's opening
words, so the next run's plan knows it for Hamlet's and deletes it
(`hamlet.write.plan`'s leftovers); a file that merely has such a name is left alone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import signal
import stat
import threading
from pathlib import Path

# What link(2) says on file systems without hard links (FAT, some network shares).
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK}
TEMP_NAME = re.compile(r"^\..+\.hamlet-[0-9a-f]{8}\.tmp$")
HELD = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """A run stopped by SIGINT or SIGTERM. A BaseException, like KeyboardInterrupt, so
    that no `except Exception` swallows it. `written`: True when the write had completed,
    False when it was undone, None when the signal came outside a write."""

    def __init__(self, signum: int, written: bool | None = None) -> None:
        super().__init__(signum, written)
        self.signum = signum
        self.written = written

    @property
    def exit_code(self) -> int:
        return 128 + self.signum  # as a shell reports a process the signal ended

    def __str__(self) -> str:
        what = {True: "; every file was already written", False: "; nothing written", None: ""}
        return f"interrupted by {signal.Signals(self.signum).name}{what[self.written]}"


def commit(writes: list[tuple[Path, bytes, bool]], removals: list[Path], leftovers: list[Path]) -> None:
    """Write each (target, content, is_new) and remove each of `removals`, all or nothing;
    then delete `leftovers`. On an OSError or a signal, undo and raise it."""
    with _held_signals() as caught:
        folders = _missing_folders(target for target, _, _ in writes)
        try:
            staged = _stage_all(writes, caught)
            moved = _swap(staged, removals, caught)
        except BaseException:
            _remove_empty(folders)  # the folders this run created, so all is as before
            raise
        for _, trash in moved:
            _unlink_quietly(trash)
        for path in leftovers:
            _unlink_quietly(str(path))
    if caught:
        raise Interrupted(caught[0], written=True)


def _missing_folders(targets) -> list[Path]:
    """The folders that writing `targets` would create, deepest first."""
    missing: set[str] = set()
    seen: set[str] = set()
    for target in targets:
        folder = os.path.dirname(str(target))
        while folder and folder not in seen:
            seen.add(folder)
            if os.path.lexists(folder):
                break
            missing.add(folder)
            folder = os.path.dirname(folder)
    return sorted((Path(f) for f in missing), key=lambda f: len(f.parts), reverse=True)


def _remove_empty(folders: list[Path]) -> None:
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if empty: never anything it holds


def _stage_all(writes, caught: list[int]) -> list[tuple[str, Path, bytes | None]]:
    """(temp, target, old content or None for a new file) for every write."""
    staged: list[tuple[str, Path, bytes | None]] = []
    try:
        for target, data, is_new in writes:
            _check(caught)
            old = None if is_new else target.read_bytes()
            staged.append((stage(target, data), target, old))
        _check(caught)
    except BaseException:
        for tmp, _, _ in staged:
            _unlink_quietly(tmp)
        raise
    return staged


def _swap(staged, removals: list[Path], caught: list[int]) -> list[tuple[Path, str]]:
    """Rename the temps over their targets and the removed files away; undo it all on
    any failure or signal. Returns (removed file, its temp) pairs."""
    done: list[tuple[Path, bytes | None]] = []
    moved: list[tuple[Path, str]] = []
    try:
        for tmp, target, old in staged:
            _check(caught)
            if old is None:
                _create(tmp, target)
            else:
                os.replace(tmp, target)
            done.append((target, old))
        for path in removals:
            _check(caught)
            trash = _temp_name(path)
            os.rename(path, trash)
            moved.append((path, trash))
        _check(caught)
    except BaseException:
        for tmp, _, _ in staged:
            _unlink_quietly(tmp)  # the ones already renamed are gone: nothing happens
        _undo(done, moved)
        raise
    return moved


def _create(tmp: str, target: Path) -> None:
    """Rename `tmp` to `target` unless something appeared there since the plan: a new
    file never replaces anything (it could be the user's)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, "a file appeared there while Hamlet was writing", str(target))
    except OSError as problem:
        if problem.errno not in _NO_LINKS:
            raise
        # No hard links on this file system: check, then rename.
        if os.path.lexists(target):
            raise FileExistsError(
                errno.EEXIST, "a file appeared there while Hamlet was writing", str(target)
            ) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def _undo(done: list[tuple[Path, bytes | None]], moved: list[tuple[Path, str]]) -> None:
    """Put back, newest first and as far as possible, what the swap changed."""
    for path, trash in reversed(moved):
        with contextlib.suppress(OSError):
            os.rename(trash, path)
    for target, old in reversed(done):
        with contextlib.suppress(OSError):
            if old is None:
                target.unlink(missing_ok=True)
            else:
                os.replace(stage(target, old), target)


def _check(caught: list[int]) -> None:
    if caught:
        raise Interrupted(caught[0], written=False)


@contextlib.contextmanager
def _held_signals():
    """Record SIGINT and SIGTERM instead of acting on them; yields the list they are
    recorded in. Signals can only be handled in the main thread, and a signal the
    process ignores (a background job's SIGINT) stays ignored."""
    caught: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield caught
        return
    previous = {}
    for signum in HELD:
        if signal.getsignal(signum) is not signal.SIG_IGN:
            previous[signum] = signal.signal(signum, lambda number, _frame: caught.append(number))
    try:
        yield caught
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def stage(target: Path, data: bytes) -> str:
    """Write `data` to a new hidden temp file beside `target`; return its path.

    The temp file gets the target's permissions when the target exists, and otherwise
    the usual ones for a new file (0o666 less the umask), not mkstemp's 0o600: the
    generated JavaScript is often served by a web server running as another user.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = None
    while True:
        tmp = _temp_name(target)
        try:
            fd = os.open(tmp, _NEW_FILE, 0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.chmod(tmp, mode)
            handle.write(data)
    except BaseException:
        _unlink_quietly(tmp)
        raise
    return tmp


def _temp_name(target: Path) -> str:
    """A name matching TEMP_NAME beside `target` that nothing has yet."""
    while True:
        name = str(target.parent / f".{target.name}.hamlet-{secrets.token_hex(4)}.tmp")
        if not os.path.lexists(name):
            return name


def _unlink_quietly(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
