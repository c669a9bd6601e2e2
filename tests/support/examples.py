"""The example apps under examples/, copied and checked the way their READMEs use them.

    copy_example(source, target, skip)  a copy of an example without what a run by hand
                                        left in it (`skip`: names never copied)
    files(root, skip)                   every file under `root`, relative, sorted
    git_ignored(folder, paths)          which of `paths` (relative to `folder`, a folder
                                        of this repository) git would ignore
"""

from __future__ import annotations

import shutil
from pathlib import Path

from support.procs import ROOT, explain, run


def copy_example(source: Path, target: Path, skip: tuple[str, ...]) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*skip))
    return target


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
