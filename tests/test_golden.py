"""Golden cases: one folder per case under tests/cases/.

    tests/cases/<case>/input/...        Rust sources (the case's `src`)
    tests/cases/<case>/expected/...     every generated file, by output root
                                        (elm/, js/, workers/), or
    tests/cases/<case>/stderr.txt       the expected diagnostics when generation fails

Run `python -m pytest tests/test_golden.py --update-golden` to rewrite the expectations
after an intended change, then review the diff.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from pathlib import Path

import pytest

from hamlet.cli import main

CASES = Path(__file__).parent / "cases"
ROOTS = ("elm", "js", "workers", "rust")


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if (p / "input").is_dir())


def run_case(case: Path, out: Path) -> tuple[int, str, str]:
    """Run `hamlet generate input` inside the case folder, writing below `out`."""
    args = ["generate", "input", "--no-cache"]  # no .hamlet-cache in the case folders
    for root in ROOTS:
        args += [f"--{'worker' if root == 'workers' else root}-out", str(out / root)]
    stdout, stderr = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(case)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main(args)
    finally:
        os.chdir(cwd)
    return code, stdout.getvalue(), stderr.getvalue()


def tree(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("name", case_names())
def test_case(name, tmp_path, request):
    case = CASES / name
    code, _, stderr = run_case(case, tmp_path)
    # Paths in messages are relative to the case folder; tmp paths never appear.
    stderr = stderr.replace(str(tmp_path), "<out>")
    update = request.config.getoption("--update-golden")
    expected_stderr = case / "stderr.txt"
    if update:
        shutil.rmtree(case / "expected", ignore_errors=True)
        expected_stderr.unlink(missing_ok=True)
        if code == 0:
            shutil.copytree(tmp_path, case / "expected")
        else:
            expected_stderr.write_text(stderr)
        return
    if expected_stderr.exists():
        assert code == 1
        assert stderr == expected_stderr.read_text()
        assert tree(tmp_path) == {}, "nothing may be written when there are errors"
        return
    assert code == 0, stderr
    got, want = tree(tmp_path), tree(case / "expected")
    assert sorted(got) == sorted(want)
    for path in want:
        assert got[path].decode() == want[path].decode(), path
