"""PATHs -> the Rust files under them, parsed.

    parse_paths(["src"])  ->  src/lib.rs, src/workers/image.rs, ...  (sorted;
                              target/ and hidden folders skipped; a FIFO, socket or
                              device named *.rs skipped with a warning)

Output paths are built from the given ones (`os.path.join(given, relative)`, with
forward slashes), so relative input gives relative output and the same tree gives the
same paths on every machine.
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

from hamlet.diagnostics import Diagnostic, Loc, error, warning

if TYPE_CHECKING:
    from hamlet.read.rust.syntax import ParsedFile

PATH_HINT = "pass .rs files or folders that contain them"
SPECIAL_HINT = "Hamlet reads only regular files: rename it, or move it out of the scanned folders"
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def parse_paths(paths: list[str], cache=None) -> tuple[list[ParsedFile], list[Diagnostic]]:
    """Parse every `.rs` file under `paths`.

    The diagnostics are the path problems plus every file's syntax errors (which are
    also on each `ParsedFile`). A file reached twice is parsed once. With a
    `hamlet.cache.Cache`, a file whose bytes are unchanged since it was cached is not
    parsed again.
    """
    return parse_found(find_sources(paths), cache)


def find_sources(paths: list[str], paths_from: str = "") -> list[tuple[str, bytes] | Diagnostic]:
    """Every `.rs` file under `paths` as (path, bytes), in order, with the problems met
    on the way (missing paths, unreadable files and folders, FIFOs...) in their places.

    `paths_from` says where `paths` came from, for the hint of a missing one: "" (the
    caller, such as PATH arguments), "default" (Hamlet's default, `src`), or the name
    of the config file that set them ("hamlet.toml")."""
    found: list[tuple[str, bytes] | Diagnostic] = []
    seen: set[str] = set()
    for given in paths:
        problems: list[Diagnostic] = []
        files = _rust_files(given, problems, paths_from)
        found.extend(problems)
        for path in files:
            key = os.path.normcase(os.path.abspath(path))
            if key in seen:
                continue
            seen.add(key)
            if not _is_utf8(path):
                found.append(error(Loc(_printable(path)), "file name is not valid UTF-8",
                                   "rename the file (or its folder): the generated files "
                                   "name their Rust source"))
                continue
            found.append(_read(path))
    return found


def _read(path: str) -> tuple[str, bytes] | Diagnostic:
    """The bytes of a regular file. Anything else is skipped unopened (a FIFO would
    block the read forever, a device may never end), with a warning."""
    where = Loc(_slashes(path))
    try:
        kind = _special(os.stat(path).st_mode)
        if kind is None:
            # O_NONBLOCK: should the file become a FIFO after the stat, opening it
            # neither waits for a writer nor hides it (fstat below sees it).
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _BINARY)
            with open(fd, "rb") as handle:
                kind = _special(os.fstat(fd).st_mode)
                if kind is None:
                    return (where.path, handle.read())
    except OSError as problem:
        reason = problem.strerror or str(problem)
        return error(where, f"cannot read file: {reason}", PATH_HINT)
    return warning(where, f"not a regular file but {kind}; skipped", SPECIAL_HINT)


def _special(mode: int) -> str | None:
    """None for a regular file, else what it is: "a FIFO", "a socket"..."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return kind
    return "a special file"


def missing_hint(given: str, paths_from: str) -> str:
    """What to do about a PATH that does not exist, by where it came from."""
    if paths_from == "default":
        return (f"`{given}` is where Hamlet looks when no PATH is given: pass .rs files or "
                "folders that contain them, or set `paths` in hamlet.toml")
    if paths_from:
        return f"`paths` in {paths_from} names it: fix it there, or pass .rs files or folders"
    return PATH_HINT


def parse_found(
    found: list[tuple[str, bytes] | Diagnostic], cache=None
) -> tuple[list[ParsedFile], list[Diagnostic]]:
    """Parse what `find_sources` found (or take it from `cache`), keeping the order."""
    from hamlet.read.rust.parse import parse_source  # here: a run the cache answers never parses

    parsed: list[ParsedFile] = []
    diagnostics: list[Diagnostic] = []
    for entry in found:
        if isinstance(entry, Diagnostic):
            diagnostics.append(entry)
            continue
        path, data = entry
        result = None
        if cache is not None:
            digest = cache.digest(path, data)
            result = cache.parsed(path, digest)
        if result is None:
            result = parse_source(path, data)
            if cache is not None:
                cache.keep_parsed(path, digest, result)
        parsed.append(result)
        diagnostics.extend(result.diagnostics)
    return parsed, diagnostics


def _is_utf8(path: str) -> bool:
    """False for a name with bytes that are not UTF-8 (Python holds them as surrogates)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(path: str) -> str:
    """`caf\\udce9.rs` -> `caf\\xe9.rs`: the bad bytes shown as escapes."""
    raw = _slashes(path).encode("utf-8", "surrogateescape")
    return raw.decode("utf-8", "backslashreplace")


def _slashes(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path


def _rust_files(given: str, diagnostics: list[Diagnostic], paths_from: str = "") -> list[str]:
    if os.path.isdir(given):
        return _walk(given, diagnostics)
    if not os.path.exists(given):
        hint = missing_hint(given, paths_from)
        diagnostics.append(error(Loc(_slashes(given)), f"no such file or folder: {given}", hint))
        return []
    if not given.endswith(".rs"):
        diagnostics.append(
            error(Loc(_slashes(given)), f"not a Rust source file (.rs): {given}", PATH_HINT)
        )
        return []
    return [given]  # a FIFO or a device is skipped, with a warning, when it is read


def _walk(folder: str, diagnostics: list[Diagnostic]) -> list[str]:
    """Every `*.rs` below `folder`, sorted; build output (`target/`) and hidden
    folders and files (`.git/`, editor lock files such as `.#lib.rs`) are skipped."""

    def unreadable(problem: OSError) -> None:
        where = problem.filename or folder
        reason = problem.strerror or str(problem)
        diagnostics.append(error(Loc(_slashes(where)), f"cannot read folder: {reason}", PATH_HINT))

    found = []
    for here, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if d != "target" and not d.startswith(".")]
        found.extend(
            os.path.join(here, name)
            for name in files
            if name.endswith(".rs") and not name.startswith(".")
        )
    found.sort()
    return found
