"""The example apps under examples/, copied and checked the way their READMEs use them.

    copy_example(source, target, skip)  a copy of an example without what a run by hand
                                        left in it (`skip`: names never copied)
    generate(app)                       the READMEs' `hamlet generate`, run in the app's
                                        folder (it reads hamlet.toml), with --strict
    generated_copy(source, target, skip)
                                        a copy after `generate`, which must succeed
    check_node_tests(app, names)        the example's `node --test` suite: exactly these
                                        files, every test in them run and passed
    files(root, skip)                   every file under `root`, relative, sorted
    git_ignored(folder, paths)          which of `paths` (relative to `folder`, a folder
                                        of this repository) git would ignore
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from support.procs import ROOT, explain, hamlet, node, run


def copy_example(source: Path, target: Path, skip: tuple[str, ...]) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*skip))
    return target


def generate(app: Path) -> subprocess.CompletedProcess:
    """`hamlet generate` as the READMEs run it, from the app's folder (it reads
    hamlet.toml); --strict makes handler drift an error, so the handlers must match the
    enum."""
    return hamlet("generate", "--strict", cwd=app)


def generated_copy(source: Path, target: Path, skip: tuple[str, ...]) -> Path:
    app = copy_example(source, target, skip)
    result = generate(app)
    assert result.returncode == 0, explain(result)
    return app


def check_node_tests(app: Path, names: list[str]) -> None:
    tests = sorted((app / "test").glob("*.test.js"))
    assert [t.name for t in tests] == names
    result = run([node(), "--test", *[t.relative_to(app) for t in tests]], cwd=app)
    assert result.returncode == 0, explain(result)
    # Every test in the files ran and passed: node prints one summary for the whole run.
    expected = sum(t.read_text(encoding="utf-8").count("\ntest(") for t in tests)
    assert f"\n# pass {expected}\n" in result.stdout, result.stdout[-2000:]


def files(root: Path, skip: tuple[str, ...] = ()) -> list[str]:
    """Every file under `root`, relative, leaving out any whose path has a part in `skip`."""
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and not set(p.relative_to(root).parts) & set(skip)
    )


def git_ignored(folder: Path, paths: list[str]) -> set[str]:
    """The `paths` (relative to `folder`) that git's ignore rules cover, whether or not
    the files exist."""
    prefix = folder.relative_to(ROOT).as_posix() + "/"
    result = run(["git", "check-ignore", "--no-index", "--stdin"], cwd=ROOT, timeout=60,
                 stdin="\n".join(prefix + p for p in paths))
    assert result.returncode in (0, 1), explain(result)  # 1: nothing ignored
    return {line.removeprefix(prefix) for line in result.stdout.splitlines()}
