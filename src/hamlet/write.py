"""Turning OutputFiles into files on disk: plan first, then write atomically.

Only the CLI calls this module. A plan is computed without touching the disk's
contents, so `--check` and the all-or-nothing rule share it.
"""

from __future__ import annotations

import os
import secrets
import stat
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from hamlet.model import OutputFile


class Action(Enum):
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    KEEP = "keep"  # a scaffold that already exists: the user's file, never touched


@dataclass(frozen=True)
class Planned:
    target: Path
    file: OutputFile
    action: Action


def plan(files: tuple[OutputFile, ...] | list[OutputFile], roots: dict[str, Path]) -> list[Planned]:
    """Decide, for every file, whether writing it would create, update or change nothing."""
    result = []
    for file in files:
        target = roots[file.root] / file.path
        result.append(Planned(target, file, _action(target, file)))
    return result


def _action(target: Path, file: OutputFile) -> Action:
    if not target.exists():
        return Action.CREATE
    if file.scaffold:
        return Action.KEEP
    try:
        current = target.read_bytes()
    except OSError:
        return Action.UPDATE
    return Action.UNCHANGED if current == file.content.encode("utf-8") else Action.UPDATE


def apply(planned: list[Planned]) -> list[Planned]:
    """Write every CREATE/UPDATE file, all or nothing.

    First every new content goes to a temp file beside its target; then the temp files
    are renamed over the targets. If anything fails or is interrupted (disk full,
    Ctrl-C, a rename refused), the temp files are removed and the targets already
    renamed get their old content back (or are removed, if they were new), so the
    folders look as they did before the run. The error is then raised again.
    """
    todo = [item for item in planned if item.action in (Action.CREATE, Action.UPDATE)]
    staged: list[tuple[str, Planned, bytes | None]] = []
    try:
        for item in todo:
            old = item.target.read_bytes() if item.action is Action.UPDATE else None
            staged.append((_stage(item.target, item.file.content.encode("utf-8")), item, old))
    except BaseException:
        for tmp, _, _ in staged:
            _unlink_quietly(tmp)
        raise
    renamed: list[tuple[Planned, bytes | None]] = []
    try:
        for tmp, item, old in staged:
            os.replace(tmp, item.target)
            renamed.append((item, old))
    except BaseException:
        for tmp, _, _ in staged:
            _unlink_quietly(tmp)  # the ones already renamed are gone: nothing happens
        _restore(renamed)
        raise
    return todo


def _restore(renamed: list[tuple[Planned, bytes | None]]) -> None:
    """Undo renames that happened before a failure, newest first, as far as possible."""
    for item, old in reversed(renamed):
        try:
            if old is None:
                item.target.unlink(missing_ok=True)
            else:
                tmp = _stage(item.target, old)
                os.replace(tmp, item.target)
        except OSError:
            pass


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _stage(target: Path, data: bytes) -> str:
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
        tmp = str(target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp")
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


def _unlink_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


GENERATED_SUFFIXES = (".elm", ".js", ".json")


def generated_from(path: Path) -> list[str] | None:
    """The sources named by the notice in a generated file's first lines, or None for
    a file without it (the user's handlers, anything not Hamlet's)."""
    from hamlet.emit.header import source_of

    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = "".join(handle.readline() for _ in range(6))
    except OSError:
        return None
    return source_of(head)


def orphans(roots: dict[str, Path], planned: list[Planned], scanned: list[str]) -> list[Path]:
    """Generated files under the output folders that no current worker produces any more
    (its enum was removed or renamed). Only files with Hamlet's notice count, and only
    those whose source is gone or lies under a scanned path: another project's run into
    the same folders keeps its files."""
    wanted = {item.target.resolve() for item in planned}
    found = set()
    for root in set(roots.values()):
        if not root.is_dir():
            continue
        for path in root.rglob("*"):
            if (
                path.suffix in GENERATED_SUFFIXES
                and path.is_file()
                and path.resolve() not in wanted
                and not any(part.startswith(".") for part in path.relative_to(root).parts)
                and _ours(generated_from(path), scanned)
            ):
                found.add(path)
    return sorted(found)


def _ours(sources: list[str] | None, scanned: list[str]) -> bool:
    if sources is None:
        return False
    scanned_abs = [Path(p).resolve() for p in scanned]
    for source in sources:
        source_path = Path(source).resolve()
        if not source_path.exists():
            continue
        if not any(source_path == s or s in source_path.parents for s in scanned_abs):
            return False
    return True


def remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
