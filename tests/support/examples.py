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
    crate_copy(source, target, skip)    a copy of an example crate that cargo builds as in
                                        the repository: crates/hamlet-derive beside it at
                                        the same relative path, .cargo/config.toml above
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from support.procs import ROOT, explain, hamlet, node, run


def copy_example(source: Path, target: Path, skip: tuple[str, ...]) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*skip))
    return target


def crate_copy(source: Path, root: Path, skip: tuple[str, ...]) -> Path:
    """`source` (examples/<name>) copied to `root`/examples/<name>, with
    crates/hamlet-derive where its path dependency points and the repository's
    .cargo/config.toml (Debian's packaged crates) in `root`."""
    app = copy_example(source, root / source.relative_to(ROOT), skip)
    derive = ROOT / "crates" / "hamlet-derive"
    shutil.copytree(derive, root / "crates" / "hamlet-derive", ignore=shutil.ignore_patterns("target"))
    (root / ".cargo").mkdir(exist_ok=True)
    shutil.copyfile(ROOT / ".cargo" / "config.toml", root / ".cargo" / "config.toml")
    return app


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
