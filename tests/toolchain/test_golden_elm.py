"""The expected Elm of every golden case that generates (tests/cases/<case>/expected/),
compiled by `elm make`: golden files show that the output changed, this shows it works.

    test_every_successful_case_has_elm
    test_case_elm_compiles      one test per case
    test_case_elm_is_elm_format_clean
                                `elm-format --validate` on every case's Elm at once

Each case's expected/elm/ becomes a source folder of an Elm application. Cases whose
modules have different names share one application, so most runs need one `elm make`
for all of them; when a shared run fails, each case in it is compiled on its own, so
that each case's test reports its own errors. The compiler comes from the
`elm_compiler` fixture (the repository's conftest.py): it skips without the Elm
packages, and fails under CI=true.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.procs import elm_format_problems, explain

CASES = Path(__file__).resolve().parents[1] / "cases"


def successful_cases() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if (p / "expected").is_dir())


def modules(case: str) -> list[str]:
    """The case's Elm files, relative to its expected/elm/: `Workers/CSVWorker.elm`."""
    elm = CASES / case / "expected" / "elm"
    return sorted(p.relative_to(elm).as_posix() for p in elm.rglob("*.elm"))


def batches(cases: list[str]) -> list[list[str]]:
    """Cases grouped so that no two in a group have a module of the same name (one Elm
    application cannot hold two `Workers.Types`), each in the first group it fits."""
    groups: list[tuple[list[str], set[str]]] = []
    for case in cases:
        names = set(modules(case))
        for members, taken in groups:
            if not names & taken:
                members.append(case)
                taken |= names
                break
        else:
            groups.append(([case], names))
    return [members for members, _ in groups]


def compile_cases(elm_compiler, folder: Path, cases: list[str]):
    """One Elm application in `folder`, a source folder per case; `elm make` on every
    module of every case."""
    elm_compiler.init(folder, cases)
    for case in cases:
        shutil.copytree(CASES / case / "expected" / "elm", folder / case)
    return elm_compiler.make(folder, [f"{case}/{module}" for case in cases for module in modules(case)])


@pytest.fixture(scope="module")
def compiled(elm_compiler, tmp_path_factory) -> dict[str, str]:
    """Case -> what `elm make` said when it failed on it ("" when it compiled)."""
    root = tmp_path_factory.mktemp("golden-elm")
    verdicts = {}
    for number, cases in enumerate(batches(successful_cases())):
        result = compile_cases(elm_compiler, root / f"batch{number}", cases)
        if result.returncode == 0:
            verdicts.update({case: "" for case in cases})
            continue
        for case in cases:
            alone = compile_cases(elm_compiler, root / f"batch{number}-{case}", [case])
            verdicts[case] = "" if alone.returncode == 0 else explain(alone)
    return verdicts


def test_every_successful_case_has_elm():
    cases = successful_cases()
    assert cases, f"no golden case in {CASES} has an expected/ folder"
    assert [case for case in cases if not modules(case)] == []


@pytest.mark.parametrize("case", successful_cases())
def test_case_elm_compiles(case, compiled):
    assert compiled[case] == "", compiled[case]


def test_case_elm_is_elm_format_clean():
    folders = [CASES / case / "expected" / "elm" for case in successful_cases()]
    assert elm_format_problems(folders, cwd=CASES) == ""
