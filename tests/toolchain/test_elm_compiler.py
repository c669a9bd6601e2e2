"""The `elm_compiler` fixture of the repository's conftest.py, in pytest sessions of its
own: a made-up repository root beside a made-up `shared/elm-home`, a made-up HOME, and a
stand-in `elm` script, so that where it looks, what it copies and when it retries can
each be seen.

    test_looks_in_elm_home_then_shared_then_home
    test_without_packages_it_skips_and_under_ci_it_fails
    test_without_elm_it_skips_and_under_ci_it_fails
    test_the_copy_is_writable_and_the_source_untouched
    test_elm_make_runs_again_once_after_a_runtime_crash
                                        the MVar deadlock, or d.dat found locked
    test_elm_make_runs_at_most_twice_and_only_after_a_runtime_crash
"""

from __future__ import annotations

import os
import stat
import textwrap
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

ROOT_CONFTEST = Path(__file__).resolve().parents[2] / "conftest.py"
PACKAGES = ("elm/browser 1.0.2 elm/core 1.0.5 elm/html 1.0.0 elm/json 1.1.3 elm/time 1.0.0 "
            "elm/url 1.0.0 elm/virtual-dom 1.0.3").split()
MVAR = "elm: thread blocked indefinitely in an MVar operation"
# The message elm printed in a CI run when two of its threads opened d.dat at once.
LOCKED = ("elm: /tmp/elm0/apps/elm-stuff/0.19.1/d.dat: openBinaryFile: resource busy "
          "(file is locked)")
CRASHES = pytest.mark.parametrize("crash", [MVAR, LOCKED], ids=["mvar", "file-locked"])


def elm_home(folder: Path, marker: str, complete: bool = True) -> Path:
    """A package cache holding every package the tests use (or all but elm/url), with
    `marker` as its registry, so that a copy tells where it came from."""
    packages = folder / "0.19.1" / "packages"
    for name, version in zip(PACKAGES[::2], PACKAGES[1::2]):
        if complete or name != "elm/url":
            (packages / name / version).mkdir(parents=True)
            (packages / name / version / "elm.json").write_text("{}", encoding="utf-8")
    (packages / "registry.dat").write_text(marker, encoding="utf-8")
    return folder


def fake_elm(root: Path, script: str) -> Path:
    """node_modules/.bin/elm as a shell script; each run appends a line to `calls`."""
    elm = root / "node_modules" / ".bin" / "elm"
    elm.parent.mkdir(parents=True)
    elm.write_text(f'#!/bin/sh\necho run >> "{root}/calls"\n{script}\n', encoding="utf-8")
    elm.chmod(0o755)
    return elm


@pytest.fixture
def world(pytester, monkeypatch):
    """<tmp>/repo (the made-up root, with conftest.py loading the real one), <tmp>/shared
    and <tmp>/home; no ELM_HOME and no CI unless a test sets them."""
    base = pytester.path
    root = base / "repo"
    root.mkdir()
    (base / "home").mkdir()
    monkeypatch.setenv("HOME", str(base / "home"))
    monkeypatch.delenv("ELM_HOME", raising=False)
    monkeypatch.delenv("CI", raising=False)
    # The inner sessions need no plugin (hypothesis, playwright, ...): faster without.
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makeconftest(textwrap.dedent(f"""
        import importlib.util
        import sys
        from pathlib import Path

        spec = importlib.util.spec_from_file_location("repository_conftest", {str(ROOT_CONFTEST)!r})
        repository = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = repository  # dataclasses look their module up there
        spec.loader.exec_module(repository)
        repository.ROOT = Path({str(root)!r})
        elm_compiler = repository.elm_compiler
    """))
    return base


def run_session(pytester, body: str):
    pytester.makepyfile(test_inner="import json\nfrom pathlib import Path\n\n\n" + textwrap.dedent(body))
    return pytester.runpytest("-rsE", "-p", "no:cacheprovider")


def registry() -> str:
    """Python, in the inner session: the registry of the copy the fixture made."""
    return '(elm_compiler.home / "0.19.1" / "packages" / "registry.dat").read_text()'


def test_looks_in_elm_home_then_shared_then_home(pytester, world, monkeypatch):
    root = world / "repo"
    fake_elm(root, "exit 0")
    elm_home(world / "home" / ".elm", "from ~/.elm")
    elm_home(world / "shared" / "elm-home", "from shared")
    elm_home(world / "custom", "from ELM_HOME")
    body = f"""
        def test_source(elm_compiler):
            (Path(__file__).parent / "source.txt").write_text({registry()})
    """

    def source() -> str:
        run_session(pytester, body).assert_outcomes(passed=1)
        return (world / "source.txt").read_text(encoding="utf-8")

    monkeypatch.setenv("ELM_HOME", str(world / "custom"))
    assert source() == "from ELM_HOME"
    # An ELM_HOME without every package is passed over.
    (world / "custom" / "0.19.1" / "packages" / "elm" / "url" / "1.0.0" / "elm.json").unlink()
    assert source() == "from shared"
    (world / "shared" / "elm-home" / "0.19.1" / "packages" / "registry.dat").unlink()
    assert source() == "from ~/.elm"


def test_without_packages_it_skips_and_under_ci_it_fails(pytester, world, monkeypatch):
    fake_elm(world / "repo", "exit 0")
    elm_home(world / "shared" / "elm-home", "incomplete", complete=False)
    body = """
        def test_compiles(elm_compiler):
            pass
    """
    skipped = run_session(pytester, body)
    skipped.assert_outcomes(skipped=1)
    skipped.stdout.fnmatch_lines(["*../shared/elm-home (*shared/elm-home) lacks elm/url 1.0.0*"])
    skipped.stdout.fnmatch_lines(["*~/.elm (*) lacks *registry.dat*"])

    monkeypatch.setenv("CI", "true")
    failed = run_session(pytester, body)
    failed.assert_outcomes(errors=1)
    failed.stdout.fnmatch_lines(["*lacks elm/url 1.0.0*CI=true: the tests of the real tools must run*"])


def test_without_elm_it_skips_and_under_ci_it_fails(pytester, world, monkeypatch):
    elm_home(world / "shared" / "elm-home", "shared")
    body = """
        def test_compiles(elm_compiler):
            pass
    """
    skipped = run_session(pytester, body)
    skipped.assert_outcomes(skipped=1)
    skipped.stdout.fnmatch_lines(["*node_modules/.bin/elm is missing: run `npm ci`*"])
    monkeypatch.setenv("CI", "true")
    run_session(pytester, body).assert_outcomes(errors=1)


def test_the_copy_is_writable_and_the_source_untouched(pytester, world):
    fake_elm(world / "repo", "exit 0")
    shared = elm_home(world / "shared" / "elm-home", "shared")
    for folder, _, names in os.walk(shared):
        for path in (folder, *(os.path.join(folder, name) for name in names)):
            os.chmod(path, os.stat(path).st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        result = run_session(pytester, f"""
            import os

            def test_copy(elm_compiler):
                core = elm_compiler.home / "0.19.1" / "packages" / "elm" / "core" / "1.0.5"
                assert {registry()} == "shared"
                assert Path({str(shared)!r}) not in elm_compiler.home.parents
                (core / "artifacts.dat").write_text("built")  # what elm writes there
                assert elm_compiler.env["ELM_HOME"] == str(elm_compiler.home)
                assert os.environ.get("ELM_HOME") is None  # passed to elm, not set here
        """)
        result.assert_outcomes(passed=1)
        assert not (shared / "0.19.1" / "packages" / "elm" / "core" / "1.0.5" / "artifacts.dat").exists()
    finally:
        for folder, _, names in os.walk(shared):
            os.chmod(folder, 0o755)


@CRASHES
def test_elm_make_runs_again_once_after_a_runtime_crash(pytester, world, crash):
    root = world / "repo"
    # The first run dies of the crash, the second succeeds.
    fake_elm(root, f'if [ "$(wc -l < "{root}/calls")" -eq 1 ]; then echo "{crash}" >&2; exit 1; fi\n'
                   'echo "Success! $*"')
    elm_home(world / "shared" / "elm-home", "shared")
    result = run_session(pytester, """
        def test_make(elm_compiler, tmp_path):
            (tmp_path / "elm.json").write_text(json.dumps({"dependencies": {
                "direct": {"elm/core": "1.0.5"}, "indirect": {}}}))
            made = elm_compiler.make(tmp_path, ["src/Main.elm"])
            assert made.returncode == 0, made.stderr
            assert made.stdout == "Success! make src/Main.elm --output=/dev/null\\n"
    """)
    result.assert_outcomes(passed=1)
    assert (root / "calls").read_text().count("run") == 2


@pytest.mark.parametrize("error", [MVAR, LOCKED, "-- TYPE MISMATCH ---"],
                         ids=["mvar-twice", "file-locked-twice", "type-error"])
def test_elm_make_runs_at_most_twice_and_only_after_a_runtime_crash(pytester, world, error):
    root = world / "repo"
    fake_elm(root, f'echo "{error}" >&2; exit 1')
    elm_home(world / "shared" / "elm-home", "shared")
    result = run_session(pytester, """
        def test_make(elm_compiler, tmp_path):
            (tmp_path / "elm.json").write_text(json.dumps({"dependencies": {
                "direct": {"elm/core": "1.0.5"}, "indirect": {}}}))
            assert elm_compiler.make(tmp_path, ["src/Main.elm"]).returncode == 1
    """)
    result.assert_outcomes(passed=1)
    # Once more after a runtime crash, never a third time; other errors only once.
    assert (root / "calls").read_text().count("run") == (2 if error in (MVAR, LOCKED) else 1)
