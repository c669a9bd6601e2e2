"""The command line: a thin layer over `hamlet.generate`. It shows what happened
through one `Reporter` (`hamlet.cli.report`), the only way Hamlet prints.

    hamlet generate [PATH ...] [--elm-out DIR] [--js-out DIR] [--worker-out DIR] [--rust-out DIR] [--check] [--strict | --no-strict]
    hamlet watch [PATH ...] [--elm-out DIR] [--js-out DIR] [--worker-out DIR] [--rust-out DIR] [--strict | --no-strict]
    hamlet list [PATH ...]
    hamlet --version
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from hamlet.cli.report import Reporter

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

DEFAULT_PATHS = ("src",)
CACHE_DIR = ".hamlet-cache"  # in the current folder; see hamlet.cache
DEFAULT_OUT = {
    "elm": "generated/elm", "js": "generated/js", "worker": "generated/workers",
    "rust": "generated/rust",
}


@dataclass(frozen=True)
class Settings:
    """Flags over config file over defaults, resolved once per command."""

    paths: tuple[str, ...]
    roots: dict[str, Path]
    strict: bool
    cache: bool = True  # False with --no-cache
    config: str | None = None  # the config file's folder, None without a config file
    paths_from: str = ""  # "" PATH arguments, "default", or the config file's name
    # The output folders a flag or the config file names; the others are defaults.
    chosen: frozenset[str] = frozenset(DEFAULT_OUT)


def build_parser() -> argparse.ArgumentParser:
    from hamlet import __version__

    parser = argparse.ArgumentParser(
        prog="hamlet",
        description="Generate Elm ports and Web Worker glue from Rust "
        "#[derive(BuildAmpWorker)] enums. Settings may also come from hamlet.toml "
        "or [tool.hamlet] in pyproject.toml; flags override them.",
    )
    parser.add_argument("--version", action="version", version=f"hamlet {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    generate = commands.add_parser("generate", help="write the Elm, JS and worker files")
    _add_output_flags(generate)
    generate.add_argument("--check", action="store_true",
                          help="write nothing; exit 1 if any file is missing or stale")
    watch = commands.add_parser("watch", help="regenerate whenever a .rs file changes")
    _add_output_flags(watch)
    listing = commands.add_parser("list", help="show each worker's variants and directions")
    _add_paths(listing)
    return parser


def _add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help=".rs files or folders to scan (default: src)")
    parser.add_argument("--no-cache", action="store_true",
                        help=f"parse every file again; neither read nor write {CACHE_DIR}/")


def _add_output_flags(parser: argparse.ArgumentParser) -> None:
    _add_paths(parser)
    for root, what in (("elm", "Workers/<Base>.elm"), ("js", "<snake>_main.js and workers.js"),
                       ("worker", "the worker entries and handlers"),
                       ("rust", "the Rust modules of workers marked #[worker(rust)]")):
        parser.add_argument(f"--{root}-out", metavar="DIR",
                            help=f"folder for {what} (default: {DEFAULT_OUT[root]})")
    strictness = parser.add_mutually_exclusive_group()
    strictness.add_argument("--strict", action="store_true", default=None,
                            help="treat handler drift warnings as errors")
    strictness.add_argument("--no-strict", dest="strict", action="store_false",
                            help="handler drift is a warning, even if the config says strict")


def main(argv: list[str] | None = None, report: Reporter | None = None) -> int:
    """Run one command; Ctrl-C or SIGTERM ends it with one line and 130 or 143, never a
    traceback (a write they interrupt is undone first: see `hamlet.write.atomic`)."""
    from hamlet.write.atomic import Interrupted

    report = report or Reporter()
    with _terminate_gently():
        try:
            return _main(argv, report)
        except KeyboardInterrupt:
            report.err(f"hamlet: {Interrupted(signal.SIGINT)}")
            return 128 + signal.SIGINT
        except Interrupted as stop:
            report.err(f"hamlet: {stop}")
            return stop.exit_code
        except BrokenPipeError:
            return _reader_gone()


def _reader_gone() -> int:
    """The program reading the output stopped (`hamlet list | head`): end quietly, as a
    command killed by SIGPIPE would, with nothing more to print and no traceback when
    Python flushes standard output on the way out."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 128 + signal.SIGPIPE


@contextlib.contextmanager
def _terminate_gently():
    """SIGTERM raises `Interrupted`, as SIGINT raises KeyboardInterrupt, so that both
    end the run through the same path (in the main thread, unless ignored)."""
    from hamlet.write.atomic import Interrupted

    def stop(signum, _frame):
        raise Interrupted(signum)

    if threading.current_thread() is not threading.main_thread() or (
        signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
    ):
        yield
        return
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


def _main(argv: list[str] | None, report: Reporter) -> int:
    _printable_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        report.err(parser.format_help(), end="")
        return EXIT_USAGE
    settings = _settings(args, report)
    if settings is None:
        return EXIT_INPUT
    if args.command == "list":
        return run_list(list(settings.paths), cache=settings.cache,
                        paths_from=settings.paths_from, report=report)
    if args.command == "watch":
        from hamlet.cli.watch import watch

        return watch(settings, lambda current: run_generate(current, report=report), report=report)
    return run_generate(settings, check=args.check, report=report)


def _printable_streams() -> None:
    """A path that is not UTF-8 (`--elm-out` with a Latin-1 byte) prints as the bytes
    it is made of, as `ls` prints it, instead of raising after the files are written."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="surrogateescape")


def _settings(args: argparse.Namespace, report: Reporter | None = None) -> Settings | None:
    from hamlet.cli.config import find_config

    report = report or Reporter()
    config = find_config(Path("."))
    if config.diagnostics:
        report.diagnostics(config.diagnostics)
        if args.command != "list":  # which, as for errors in the sources, has no summary
            _nothing_written(report, _count(config.diagnostics, errors=True))
        return None
    roots, chosen = {}, set()
    for root, default in DEFAULT_OUT.items():
        given = getattr(args, f"{root}_out", None) or getattr(config, f"{root}_out")
        roots[root] = Path(given or default)
        if given:
            chosen.add(root)
    strict = getattr(args, "strict", None)
    paths_from = "" if args.paths else config.source if config.paths else "default"
    return Settings(
        paths=tuple(args.paths) or config.paths or DEFAULT_PATHS,
        roots=roots,
        strict=bool(strict if strict is not None else config.strict),
        cache=not getattr(args, "no_cache", False),
        config="." if config.source else None,
        paths_from=paths_from,
        chosen=frozenset(chosen),
    )


def run_generate(settings: Settings, check: bool = False, report: Reporter | None = None) -> int:
    """Generate once; report what happened and a one-line summary."""
    from hamlet import generate, write
    from hamlet.write.places import find_places

    report = report or Reporter()
    places = find_places(list(settings.paths), *_anchoring(settings), settings.config)
    cache = _cache(list(settings.paths)) if settings.cache else None
    result = generate(list(settings.paths), cache=cache, places=places,
                      paths_from=settings.paths_from)
    diagnostics = list(result.diagnostics)
    plan = None
    if result.ok:
        diagnostics += _drift(result, settings)
        plan = write.plan(result.files, settings.roots, places)
        diagnostics += plan.diagnostics
    report.diagnostics(diagnostics)
    errors = _count(diagnostics, errors=True)
    if errors or plan is None:
        _nothing_written(report, errors)
        return EXIT_INPUT
    if check:
        return _report_check(plan, report)
    try:
        written = write.apply(plan)
    except OSError as problem:
        # apply() has put every file back as it was; say what failed, not a traceback.
        where = problem.filename or "the output folders"
        report.err(f"hamlet: cannot write {where}: {problem.strerror or problem}; nothing written")
        return EXIT_INPUT
    if cache is not None:
        cache.save()  # only after a good run: a failed one leaves no trace at all
    for item in written:
        report.out(f"wrote {item.target}")
    for path in plan.orphans:
        report.out(f"removed {path}")
    for path in plan.leftovers:
        report.out(f"removed {path} (left by an interrupted run)")
    workers = len(result.project.workers) if result.project else 0
    unchanged = len(plan.files) - len(written)
    report.out(f"hamlet: {_plural(workers, 'worker')}: {len(written)} written, {unchanged} "
               f"unchanged, {len(plan.orphans)} removed, "
               f"{_plural(_count(diagnostics, errors=False), 'warning')}")
    return EXIT_OK


def _anchoring(settings: Settings) -> tuple[list[Path], list[Path]]:
    """The output folders that place the anchor, and those that do not: the Rust
    folder's default, which only a Rust worker writes to, leaves the anchor (and so
    every notice) where it was before Rust workers existed."""
    optional = [] if "rust" in settings.chosen else [settings.roots["rust"]]
    return [r for r in settings.roots.values() if r not in optional], optional


def _cache(paths: list[str]):
    from hamlet.cache import Cache

    return Cache(Path(CACHE_DIR), paths)


def _drift(result, settings: Settings) -> list:
    from hamlet.write.drift import check_handlers

    found = []
    for worker in result.project.workers:
        path = settings.roots["worker"] / worker.js.handlers_file
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            found += check_handlers(worker, path.as_posix(), text, strict=settings.strict,
                                    load=_read_module)
    return found


def _read_module(path: str) -> str | None:
    """A module that a handlers file re-exports (`export * from`), for the drift check."""
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace") if Path(path).is_file() else None
    except OSError:
        return None


def _report_check(plan, report: Reporter) -> int:
    from hamlet.write import Action

    stale = plan.changes
    for item in stale:
        state = "missing" if item.action is Action.CREATE else "stale"
        report.err(f"{state}: {item.target}")
    for path in plan.orphans:
        report.err(f"orphaned: {path} (its worker is gone)")
    if stale or plan.orphans:
        count = len(stale) + len(plan.orphans)
        report.err(f"hamlet: {_files(count)} missing or stale; run `hamlet generate` to update them")
        return EXIT_INPUT
    report.out(f"hamlet: {_files(len(plan.files))} up to date")
    return EXIT_OK


def _files(count: int) -> str:
    """3 -> "3 generated files are"; 1 -> "1 generated file is"."""
    return f"{count} generated file is" if count == 1 else f"{count} generated files are"


def run_list(paths: list[str], cache: bool = True, paths_from: str = "",
             report: Reporter | None = None) -> int:
    from hamlet import load

    report = report or Reporter()
    store = _cache(paths) if cache else None
    project, diagnostics = load(paths, cache=store, paths_from=paths_from)
    report.diagnostics(diagnostics)
    if any(d.is_error for d in diagnostics):
        return EXIT_INPUT
    if store is not None:
        store.save()
    for worker in project.workers:
        report.out(f"{worker.base}  ({worker.enum_name}, {worker.loc})")
        width = max(len(v.name) for v in worker.variants)
        for v in worker.variants:
            marks = [m for m, on in (("failure", v.is_failure), ("progress", v.is_progress)) if on]
            extra = f"  [{', '.join(marks)}]" if marks else ""
            report.out(f"  {v.direction.value:<9} {v.name:<{width}}  by {v.rule.value}{extra}")
        report.out(f"  failure variant: {worker.failure.name}")
    if project.types:
        report.out(f"{project.types_names.module}  (domain types the messages reach)")
        width = max(len(t.name) for t in project.types)
        for t in project.types:
            report.out(f"  {t.name:<{width}}  {_kind(t)}, {t.loc}")
    return EXIT_OK


def _kind(t) -> str:
    """"struct, as serde writes it", "enum, tagged by `kind`, in Hamlet's convention",
    "type alias"... for `hamlet list`: the shape, and whose convention its JSON follows."""
    from hamlet.model import AliasDef, EnumDef, Tagging

    if isinstance(t, AliasDef):
        return "type alias"
    convention = "as serde writes it" if t.serde else "in Hamlet's convention"
    if isinstance(t, EnumDef):
        how = {
            Tagging.STRING: "a string",
            Tagging.INTERNAL: f"tagged by `{t.tag}`",
            Tagging.EXTERNAL: "externally tagged",
            Tagging.ADJACENT: f"tagged by `{t.tag}`, content in `{t.content}`",
            Tagging.UNTAGGED: "untagged",
        }[t.tagging]
        return f"enum, {how}, {convention}"
    shape = {"struct": "struct", "tuple": "tuple struct", "unit": "unit struct"}[t.shape.value]
    wrapped = ", wrapped (recursive)" if t.wrapped else ""
    return f"{shape}{wrapped}, {convention}"


def _nothing_written(report: Reporter, errors: int) -> None:
    report.err(f"hamlet: {_plural(errors, 'error')}; nothing written")


def _count(diagnostics, errors: bool) -> int:
    return sum(1 for d in diagnostics if d.is_error == errors)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"
