"""Turning OutputFiles into files on disk: plan first, then write all or nothing.

`plan` reads the output folders and writes nothing, so `--check` and `generate` share
it. It decides, for every file, whether writing it would create, update or change
nothing; finds the orphans to remove and the temp files an interrupted run left; and
returns, as diagnostics, every reason not to write at all:

    two outputs at one path         worker `EventHandlers`' entry is `Event`'s handlers file
    a file that is not Hamlet's     a hand-written `workers.js` without the notice
    another project's file          a notice naming a source this run does not read
    a link, folder or device        where a generated file goes

`apply` then carries a plan out (see `hamlet.write.atomic`). Only the CLI calls this module.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from hamlet.write.atomic import TEMP_NAME, commit
from hamlet.diagnostics import Diagnostic, Loc, error, warning
from hamlet.model import OutputFile
from hamlet.write.places import Places, real_folder

FLAGS = {"elm": "--elm-out", "js": "--js-out", "worker": "--worker-out", "rust": "--rust-out"}


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


@dataclass(frozen=True)
class Plan:
    """What a run would do. `files`: every output file, in order; `orphans`: generated
    files no worker produces any more, to remove; `leftovers`: temp files of an
    interrupted run, to delete; `diagnostics`: errors (nothing may be written) and
    warnings (orphans left in place because they might be another project's)."""

    files: tuple[Planned, ...]
    orphans: tuple[Path, ...] = ()
    leftovers: tuple[Path, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)

    @property
    def changes(self) -> list[Planned]:
        return [p for p in self.files if p.action in (Action.CREATE, Action.UPDATE)]


def plan(
    files: tuple[OutputFile, ...] | list[OutputFile],
    roots: dict[str, Path],
    places: Places | None = None,
) -> Plan:
    """Decide everything a run would do, reading the output folders only.

    `places` says which sources are this run's (see `hamlet.write.places`); without it, the
    notices' names are read from the current folder and no source is this run's, so
    nothing is removed and only files with no named source left may be overwritten."""
    places = places or Places(real_folder("."), ())
    keys = _Keys()
    clashes = collisions(files, roots, keys)
    diagnostics = [d for _, d in clashes]
    clashing = {key for key, _ in clashes}  # one error per path is enough
    planned = []
    for file in files:
        target = roots[file.root] / file.path
        action, problem = _action(target, file, places)
        planned.append(Planned(target, file, action))
        if problem is not None and keys(target) not in clashing:
            diagnostics.append(problem)
    orphans, leftovers, kept = _scan(roots, planned, places, keys)
    return Plan(tuple(planned), tuple(orphans), tuple(leftovers), tuple(diagnostics + kept))


def apply(plan: Plan) -> list[Planned]:
    """Write every CREATE/UPDATE file and remove the orphans, all or nothing; delete the
    leftovers; return the files written.

    On a failure (disk full, a rename refused) every file is put back as it was and the
    OSError is raised again; on SIGINT or SIGTERM, `Interrupted` is (see `hamlet.write.atomic`).
    """
    todo = plan.changes
    writes = [(p.target, p.file.content.encode("utf-8"), p.action is Action.CREATE) for p in todo]
    commit(writes, list(plan.orphans), list(plan.leftovers))
    return todo


# ---- two outputs at one path ---------------------------------------------------------


def collisions(
    files: tuple[OutputFile, ...] | list[OutputFile], roots: dict[str, Path], keys=None
) -> list[tuple[str, Diagnostic]]:
    """(path key, error) for each output that would land on the path of an earlier one:
    the same file once the roots and any links in them are resolved, or names that
    differ only in case (one file on a case-insensitive file system). Reads nothing but
    the links."""
    keys = keys or _Keys()
    seen: dict[str, tuple[OutputFile, Path]] = {}
    found = []
    for file in files:
        target = roots[file.root] / file.path
        key = keys(target)
        first = seen.setdefault(key, (file, target))
        if first[0] is not file:
            same = keys.real(target) == keys.real(first[1])
            found.append((key, _collision(first, (file, target), same)))
    return found


class _Keys:
    """One key per file, whatever the case of its name and the links on its way; each
    folder's links are resolved once (a plan looks at thousands of files in a few)."""

    def __init__(self) -> None:
        self.folders: dict[str, str] = {}

    def real(self, path: Path | str) -> str:
        head, name = os.path.split(str(path))
        folder = self.folders.get(head)
        if folder is None:
            folder = self.folders[head] = real_folder(head or ".")
        return os.path.join(folder, name)

    def __call__(self, path: Path) -> str:
        return self.real(path).casefold()


def _collision(first: tuple[OutputFile, Path], second: tuple[OutputFile, Path], same: bool) -> Diagnostic:
    """`input/lib.rs:9:1: error: worker `EventHandlersMessage` and worker `EventMessage` at
    input/lib.rs:2:1 both write out/event_handlers.js`. `same`: one file even where case
    counts."""
    if second[0].loc is None and first[0].loc is not None:
        first, second = second, first
    (one, one_path), (other, other_path) = second, first
    where = str(one_path)
    if str(one_path) != str(other_path):
        how = "one file through a link" if same else "one file where case does not count"
        where = f"{other_path} and {one_path}, {how}"
    hint = "rename one of the enums; generated files are named after them"
    if one.root != other.root:
        hint = "rename one of the enums, or give --elm-out, --js-out and --worker-out separate folders"
    return error(
        one.loc or Loc(str(one_path)),
        f"{_owner(one)} and {_owner(other, at=True)} both write {where}",
        hint,
    )


def _owner(file: OutputFile, at: bool = False) -> str:
    if not file.worker:
        return f"the shared {Path(file.path).name}"
    if at and file.loc is not None:
        return f"worker `{file.worker}` at {file.loc}"
    return f"worker `{file.worker}`"


# ---- what is at a target path --------------------------------------------------------


def _action(target: Path, file: OutputFile, places: Places) -> tuple[Action, Diagnostic | None]:
    """CREATE, UPDATE, UNCHANGED or KEEP; with an error when what is at `target` must
    not be overwritten."""
    try:
        info = os.lstat(target)
    except OSError:  # missing, or a file where a folder should be: writing will say
        return Action.CREATE, None
    if file.scaffold:
        return Action.KEEP, None  # whatever it is, it is the user's
    kind = _kind(info.st_mode)
    if kind:
        return Action.UPDATE, error(
            Loc(str(target)),
            f"{kind} is in the way of a generated file",
            "Hamlet never writes through a link, and never replaces a link, a folder or a "
            "device: move it away to let Hamlet write the file here",
        )
    try:
        current = target.read_bytes()
    except OSError:
        return Action.UPDATE, None  # unreadable: writing will say what is wrong
    problem = _not_ours(target, _head(current), file, places)
    if problem is not None:
        return Action.UPDATE, problem
    return (Action.UNCHANGED if current == file.content.encode("utf-8") else Action.UPDATE), None


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "" if stat.S_ISREG(mode) else "a special file (not a regular file)"


def _not_ours(target: Path, head: str, file: OutputFile, places: Places) -> Diagnostic | None:
    """An error when the file at `target`, whose first lines are `head`, lacks Hamlet's
    notice, or names a source that exists but that this run does not read (another
    project's output)."""
    from hamlet.emit.header import source_of

    sources = source_of(head)
    if sources is None:
        # Deleting is no advice for a Rust source of the crate (`--rust-out src` beside
        # a worker named `LibMessage`): point at the folder instead.
        read = target.suffix == ".rs" and places.scans(places.name(str(target)))
        return error(
            Loc(str(target)),
            "this file has no `Generated by Hamlet` notice, so Hamlet will not overwrite it",
            f"it is one of the Rust sources this run reads: give {FLAGS[file.root]} a folder of "
            "its own, such as src/generated" if read else
            "move it away, or delete it to let Hamlet own this path",
        )
    foreign = [s for s in sources if not places.scans(s) and os.path.lexists(places.locate(s))]
    if not foreign:
        return None
    return error(
        Loc(str(target)),
        f"this file was generated from {foreign[0]}, which this run does not read",
        f"run Hamlet over every source of that project, or give each project its own "
        f"{FLAGS[file.root]} folder",
    )


# How much of a file is read for its notice. A shared file's notice names every source
# of its workers on one line (about 30 bytes each: 7.8 kB for 250), so no cap per line.
_HEAD_BYTES = 1 << 20


def _head(data: bytes) -> str:
    """The first six lines of a file's first `_HEAD_BYTES` bytes, where its notice is."""
    return "\n".join(data[:_HEAD_BYTES].decode("utf-8", "replace").split("\n", 6)[:6])


# ---- orphans and leftovers -------------------------------------------------------------


def _scan(
    roots: dict[str, Path], planned: list[Planned], places: Places, keys: _Keys
) -> tuple[list[Path], list[Path], list[Diagnostic]]:
    """Orphans to remove, leftover temp files to delete, and a warning for each orphan
    left in place because its folder may be shared with another project.

    An orphan is a regular file under an output folder (not in a hidden folder) whose
    name ends as a registered output's do (`.elm`, `.js`, `.json`: see
    `hamlet.emit.outputs`), not planned by this run, whose notice names only sources
    under this run's PATHs. A leftover is a regular file named like Hamlet's temp files that
    holds a generated file or a scaffold."""
    from hamlet.emit.outputs import suffixes as registered

    suffixes = registered()
    wanted = {keys(p.target) for p in planned}
    orphans, leftovers, kept = [], [], []
    for path in _files_under(roots, keys):
        name = path.name
        if TEMP_NAME.match(name):
            if _is_hamlets(path):
                leftovers.append(path)
            continue
        if name.startswith(".") or not name.endswith(suffixes):
            continue
        if keys(path) in wanted or not _is_orphan(path, places):
            continue
        if places.is_shared(path.parent):
            kept.append(
                warning(
                    Loc(str(path)),
                    "left in place: no worker of this run writes it, and this folder lies "
                    "outside the project, where another project's files would carry the same "
                    "notice",
                    "delete it yourself if it is this project's; output folders inside the "
                    "project's repository have no such doubt",
                )
            )
        else:
            orphans.append(path)
    return sorted(orphans), sorted(leftovers), kept


def _files_under(roots: dict[str, Path], keys: _Keys) -> list[Path]:
    """Every regular file below the output folders, hidden folders (and links to
    folders) not entered, each once even where the folders nest."""
    found: dict[str, str] = {}
    for root in roots.values():
        if not root.is_dir():
            continue
        for here, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                path = os.path.join(here, name)
                try:
                    regular = stat.S_ISREG(os.lstat(path).st_mode)
                except OSError:
                    continue
                if regular:
                    found.setdefault(keys.real(path), path)
    return [Path(p) for p in sorted(found.values())]


def _read_head(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            return _head(handle.read(_HEAD_BYTES))
    except OSError:
        return ""


def generated_from(path: Path) -> list[str] | None:
    """The sources named by the notice in a generated file's first lines, or None for
    a file without it (the user's handlers, anything not Hamlet's)."""
    from hamlet.emit.header import source_of

    return source_of(_read_head(path))


def _is_orphan(path: Path, places: Places) -> bool:
    sources = generated_from(path)
    return sources is not None and all(places.scans(s) for s in sources)


def _is_hamlets(path: Path) -> bool:
    from hamlet.emit.header import is_scaffold, source_of

    head = _read_head(path)
    return source_of(head) is not None or is_scaffold(head)
