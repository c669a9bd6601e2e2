"""Hamlet: Elm ports and Web Worker glue from Rust `#[derive(BuildAmpWorker)]` enums.

The pipeline is parse -> resolve (model) -> emit -> write. This module is the library
entry point; it never prints and never writes files (see `hamlet.cli` for that).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: `hamlet --version` stays fast
    from collections.abc import Mapping
    from pathlib import Path

    from hamlet.cache import Cache
    from hamlet.diagnostics import Diagnostic
    from hamlet.model import OutputFile, Project
    from hamlet.write.places import Places

__version__ = "0.1.0"


@dataclass(frozen=True)
class Result:
    """What `generate` returns: the files to write (empty when there is any error),
    every diagnostic, and the project model (None when parsing failed outright)."""

    files: tuple[OutputFile, ...]
    diagnostics: tuple[Diagnostic, ...]
    project: Project | None

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def load(
    paths: list[str], cache: Cache | None = None, paths_from: str = ""
) -> tuple[Project | None, tuple[Diagnostic, ...]]:
    """Parse the Rust sources under `paths` and resolve them into a Project.

    `paths_from` says where the paths came from, for the hint of a missing one (see
    `hamlet.read.files.find_sources`).

    With a `Cache`, files whose bytes are unchanged since the cache saw them are not
    parsed again; a cache file that could not be used is a warning, first."""
    from hamlet.read.files import find_sources

    found = find_sources(paths, paths_from)
    project, diagnostics = _without_cycle_collection(lambda: _load(paths, found, cache))
    return project, _cache_warnings(cache) + diagnostics


def _load(
    paths, found, cache, worker_folder: str = "../workers/"
) -> tuple[Project | None, tuple[Diagnostic, ...]]:
    from hamlet.diagnostics import Loc, sort_key, warning
    from hamlet.resolve import resolve
    from hamlet.read.files import parse_found

    parsed, diagnostics = parse_found(found, cache)
    project, more = resolve(parsed, worker_folder)
    # Path problems first, in the order the paths were given; then every problem in
    # the sources (syntax and resolve alike) in file and line order.
    in_files = {d for p in parsed for d in p.diagnostics}
    paths_first = [d for d in diagnostics if d not in in_files]
    found = tuple(paths_first) + tuple(sorted([*in_files, *more], key=sort_key))
    if not project.workers and not any(d.is_error for d in found):
        found += tuple(
            warning(
                Loc(path),
                "no #[derive(BuildAmpWorker)] enum found here",
                "derive BuildAmpWorker on a message enum, or pass the folder that holds it",
            )
            for path in paths
        )
    return project, found


def generate(
    paths: list[str], cache: Cache | None = None, places: Places | None = None,
    paths_from: str = "", roots: Mapping[str, str | Path] | None = None,
) -> Result:
    """Parse, resolve and emit. No I/O beyond reading the sources (and the cache).

    `roots`: the output folders by root ("js", "worker", ...), as the command line has
    them; the main JS loads the worker entry by its path from "js" to "worker" (without
    `roots`, from generated/js to generated/workers).

    The generated files name their sources from `places.anchor` (see `hamlet.write.places`;
    without `places`, from the current folder). With a `Cache` whose last run saw the
    same files with the same bytes (and the same Hamlet), that run's Result is returned
    without parsing anything. A cache file that could not be used is a warning, first
    among the diagnostics (and not kept in the cache: the next run does not repeat it)."""
    from dataclasses import replace

    from hamlet.write.places import Places, real_folder
    from hamlet.read.files import find_sources

    from hamlet.resolve.worker_url import worker_folder

    found = find_sources(paths, paths_from)
    where = places or Places(real_folder("."), ())
    folder = worker_folder(roots["js"], roots["worker"]) if roots else "../workers/"
    result = _without_cycle_collection(lambda: _generate(paths, found, cache, where, folder))
    warnings = _cache_warnings(cache)
    return replace(result, diagnostics=warnings + result.diagnostics) if warnings else result


def _generate(paths, found, cache, places, folder) -> Result:
    key = None
    if cache is not None:
        key = run_key(cache, paths, found, places, folder)
        known = cache.result(key)
        if known is not None:
            return known
    from hamlet.emit import emit_project  # not needed when the cache has the result

    project, diagnostics = _load(paths, found, cache, folder)
    if project is None or any(d.is_error for d in diagnostics):
        result = Result((), diagnostics, project)
    else:
        named = places.rename_sources(project)
        result = Result(tuple(emit_project(named)), diagnostics, named)
    if cache is not None:
        cache.keep_result(key, result)
    return result


def run_key(
    cache: Cache, paths: list[str], found: list, places: Places, folder: str = "../workers/"
) -> bytes:
    """The cache's key for a run: the source names in the output depend on the anchor,
    and on the folder that relative PATHs start from, and the main JS on the worker
    folder, besides the sources."""
    from hamlet.write.places import real_folder

    where = f"\0anchor {places.anchor}\0from {real_folder('.')}\0workers {folder}"
    return cache.run_key([*paths, where], found)


def _cache_warnings(cache) -> tuple[Diagnostic, ...]:
    return tuple(cache.take_warnings()) if cache is not None else ()


def _without_cycle_collection(work):
    """Run `work` with Python's cyclic garbage collector paused.

    A large crate becomes hundreds of thousands of small objects, none of them in a
    reference cycle; the collector would rescan the growing heap again and again and
    find nothing (about a tenth of a 1M-line run). Reference counting still frees
    everything as usual; the collector is back on when `work` returns or raises.
    """
    import gc

    if not gc.isenabled():
        return work()
    gc.disable()
    try:
        return work()
    finally:
        gc.enable()
