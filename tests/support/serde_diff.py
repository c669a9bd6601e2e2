"""tests/serde_diff's serde_json program, shared by the tests that use its corpus: the
Elm-vs-serde_json differential test (tests/toolchain/test_serde_diff.py) and the round
trip through a Rust worker (tests/browser/test_browser_serde_wasm.py).

    program = serde_diff_program(request, tmp_path_factory)   # built once, cached
    rows = printed_rows(program)    # [(kind, Type, json)], kind "sample" or "probe"

Its target folder lives in pytest's cache folder (or a temp folder when the cache is
off), never in the repository, so that reruns and the second user are quick.
"""

from __future__ import annotations

from pathlib import Path

from support import procs
from support.procs import ROOT, explain, run

CRATE = ROOT / "tests" / "serde_diff"
TYPES_RS = CRATE / "src" / "types.rs"


def serde_diff_program(request, tmp_path_factory) -> Path:
    """The crate's program, built (or found up to date) with the host's cargo."""
    cache = getattr(request.config, "cache", None)
    target = cache.mkdir("serde-diff-target") if cache else tmp_path_factory.mktemp("target")
    cargo = procs.cargo(target, serde=True)
    built = cargo(["build", "--offline", "--locked", "--quiet"], cwd=CRATE)
    assert built.returncode == 0, explain(built)
    program = target / "debug" / "hamlet-serde-diff"
    assert program.is_file(), f"cargo built no {program}"
    return program


def printed_rows(program: Path) -> list[tuple[str, str, str]]:
    """What `hamlet-serde-diff samples` prints: (kind, Rust type name, JSON text)."""
    printed = run([program, "samples"], cwd=CRATE)
    assert printed.returncode == 0, explain(printed)
    return [tuple(line.split("\t", 2)) for line in printed.stdout.splitlines()]
