"""The command line: a thin layer over `hamlet.generate`. The only module that prints.

    hamlet generate [PATH ...] [--elm-out DIR] [--js-out DIR] [--worker-out DIR] [--check]
    hamlet list [PATH ...]
    hamlet --version
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

DEFAULT_PATHS = ["src"]
DEFAULT_OUT = {"elm": "generated/elm", "js": "generated/js", "worker": "generated/workers"}


def build_parser() -> argparse.ArgumentParser:
    from hamlet import __version__

    parser = argparse.ArgumentParser(
        prog="hamlet",
        description="Generate Elm ports and Web Worker glue from Rust "
        "#[derive(BuildAmpWorker)] enums.",
    )
    parser.add_argument("--version", action="version", version=f"hamlet {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    generate = commands.add_parser("generate", help="write the Elm, JS and worker files")
    _add_paths(generate)
    generate.add_argument("--elm-out", default=DEFAULT_OUT["elm"], metavar="DIR",
                          help="folder for Workers/<Base>.elm (default: %(default)s)")
    generate.add_argument("--js-out", default=DEFAULT_OUT["js"], metavar="DIR",
                          help="folder for <snake>_main.js and workers.js (default: %(default)s)")
    generate.add_argument("--worker-out", default=DEFAULT_OUT["worker"], metavar="DIR",
                          help="folder for the worker entries and handlers (default: %(default)s)")
    generate.add_argument("--check", action="store_true",
                          help="write nothing; exit 1 if any file is missing or stale")

    listing = commands.add_parser("list", help="show each worker's variants and directions")
    _add_paths(listing)
    return parser


def _add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help=".rs files or folders to scan (default: src)")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    paths = args.paths or DEFAULT_PATHS
    if args.command == "list":
        return run_list(paths)
    roots = {"elm": Path(args.elm_out), "js": Path(args.js_out), "worker": Path(args.worker_out)}
    return run_generate(paths, roots, check=args.check)


def run_generate(paths: list[str], roots: dict[str, Path], check: bool) -> int:
    from hamlet import generate
    from hamlet import write

    result = generate(paths)
    report(result.diagnostics)
    if not result.ok:
        print(f"hamlet: {_count_errors(result.diagnostics)}; nothing written", file=sys.stderr)
        return EXIT_INPUT
    planned = write.plan(result.files, roots)
    if check:
        return _report_check(planned)
    written = write.apply(planned)
    for item in written:
        print(f"wrote {item.target}")
    workers = len(result.project.workers) if result.project else 0
    unchanged = len(planned) - len(written)
    print(f"hamlet: {workers} worker{'s' * (workers != 1)}, {len(written)} written, "
          f"{unchanged} unchanged, {_count(result.diagnostics, False)} warnings")
    return EXIT_OK


def _report_check(planned) -> int:
    from hamlet.write import Action

    stale = [p for p in planned if p.action in (Action.CREATE, Action.UPDATE)]
    for item in stale:
        state = "missing" if item.action is Action.CREATE else "stale"
        print(f"{state}: {item.target}", file=sys.stderr)
    if stale:
        print(f"hamlet: {len(stale)} generated files are missing or stale; "
              "run `hamlet generate` to update them", file=sys.stderr)
        return EXIT_INPUT
    print(f"hamlet: {len(planned)} generated files are up to date")
    return EXIT_OK


def run_list(paths: list[str]) -> int:
    from hamlet import load

    project, diagnostics = load(paths)
    report(diagnostics)
    if any(d.is_error for d in diagnostics):
        return EXIT_INPUT
    for worker in project.workers:
        print(f"{worker.base}  ({worker.enum_name}, {worker.loc})")
        width = max(len(v.name) for v in worker.variants)
        for v in worker.variants:
            marks = [m for m, on in (("failure", v.is_failure), ("progress", v.is_progress)) if on]
            extra = f"  [{', '.join(marks)}]" if marks else ""
            print(f"  {v.direction.value:<9} {v.name:<{width}}  by {v.rule.value}{extra}")
        print(f"  failure variant: {worker.failure.name}")
    return EXIT_OK


def report(diagnostics) -> None:
    for diagnostic in diagnostics:
        print(diagnostic.render(), file=sys.stderr)


def _count(diagnostics, errors: bool) -> int:
    return sum(1 for d in diagnostics if d.is_error == errors)


def _count_errors(diagnostics) -> str:
    n = _count(diagnostics, True)
    return f"{n} error{'s' * (n != 1)}"
