"""Turning OutputFiles into files on disk: plan first, then write atomically.

Only the CLI calls this module. A plan is computed without touching the disk's
contents, so `--check` and the all-or-nothing rule share it.
"""

from __future__ import annotations

import os
import tempfile
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
    """Write every CREATE/UPDATE file, all or nothing: first every new content goes to a
    temp file beside its target, then the temp files are renamed over the targets.
    If staging fails (disk full, interrupted), the temp files are removed and no
    target has changed."""
    todo = [item for item in planned if item.action in (Action.CREATE, Action.UPDATE)]
    staged: list[tuple[str, Path]] = []
    try:
        for item in todo:
            staged.append((_stage(item.target, item.file.content), item.target))
    except BaseException:
        for tmp, _ in staged:
            _unlink_quietly(tmp)
        raise
    for tmp, target in staged:
        os.replace(tmp, target)
    return todo


def _stage(target: Path, content: str) -> str:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
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
