"""Running the real tools from the tests: bounded subprocesses, what they said, where
the tools are, and what to do when one is missing (skip, or fail under CI=true).

    run(command, cwd)           a CompletedProcess with text output; never waits forever
    explain(result)             exit code, stdout and stderr, for an assertion message
    hamlet(*args, cwd=...)      `python -m hamlet ...` with this interpreter
    node()                      node on PATH
    node_tool("elm-format")     node_modules/.bin/<name>
    elm_format_problems(files)  what `elm-format --validate` has against some modules
    cargo(target)               a runner for offline cargo, serde from Debian's crates
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_BIN = ROOT / "node_modules" / ".bin"
# .cargo/config.toml points cargo at Debian's packaged crates: crates.io is out of reach.
DEBIAN_REGISTRY = Path("/usr/share/cargo/registry")
SERDE_PACKAGES = "librust-serde-dev librust-serde-derive-dev librust-serde-json-dev"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def skip_or_fail(reason: str) -> NoReturn:
    """Skip, or fail under CI=true: there, a missing tool means the run checked less than
    it says."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: the tests of the real tools must run)", pytrace=False)
    pytest.skip(reason)


def run(command: list, cwd: Path, *, timeout: int = 600, env: dict | None = None,
        stdin: str | None = None) -> subprocess.CompletedProcess:
    """`command` (paths welcome) in `cwd`, output captured as text; `stdin` is the text
    it reads, or nothing at all."""
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, input=stdin, capture_output=True,
        text=True, timeout=timeout, stdin=None if stdin is not None else subprocess.DEVNULL,
    )


def explain(result: subprocess.CompletedProcess, tail: int = 4000) -> str:
    """A failed run, for an assertion message: its exit code, and the last `tail`
    characters of what it printed on each stream."""
    return (f"exit {result.returncode}\n--- stdout\n{result.stdout[-tail:]}\n"
            f"--- stderr\n{result.stderr[-tail:]}")


def hamlet(*args, cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    """The CLI as a user runs it, with the interpreter (and PYTHONPATH) of the tests."""
    return run([sys.executable, "-m", "hamlet", *args], cwd=cwd, timeout=timeout)


def node() -> str:
    found = shutil.which("node")
    if found is None:
        skip_or_fail("node is not on PATH")
    return found


def node_tool(name: str) -> Path:
    """node_modules/.bin/<name>: elm-format, elm, ..."""
    tool = NODE_BIN / name
    if not tool.exists():
        skip_or_fail(f"{tool.relative_to(ROOT)} is missing: run `npm ci` at the repository root")
    return tool


def elm_format_problems(modules: Iterable[Path], cwd: Path) -> str:
    """What `elm-format --validate` says against `modules` ("" when it would change
    none of them). It lists the files it would change as JSON, and exits 1 for them."""
    checked = run([node_tool("elm-format"), "--elm-version=0.19", "--validate", *modules],
                  cwd=cwd, timeout=120)
    if checked.returncode == 0 and json.loads(checked.stdout or "null") == []:
        return ""
    return explain(checked)


def cargo(target: Path, serde: bool = False) -> Callable[..., subprocess.CompletedProcess]:
    """A runner for `cargo <args>` with its target folder at `target`, never in the
    repository. Cargo reads .cargo/config.toml (Debian's crates) from the folder it runs
    in, so `cwd` must be inside the repository. `serde`: the crate needs serde."""
    found = shutil.which("cargo")
    if found is None:
        skip_or_fail("cargo is not on PATH")
    for crate in ("serde_derive", "serde_json") if serde else ():
        if not any(DEBIAN_REGISTRY.glob(f"{crate}-1.*")):
            skip_or_fail(f"no {crate} in {DEBIAN_REGISTRY}: apt-get install {SERDE_PACKAGES}")
    env = {**os.environ, "CARGO_TARGET_DIR": str(target), "CARGO_TERM_COLOR": "never"}

    def cargo_run(args: list, cwd: Path, timeout: int = 900, stdin: str | None = None):
        return run([found, *args], cwd=cwd, env=env, timeout=timeout, stdin=stdin)

    return cargo_run
