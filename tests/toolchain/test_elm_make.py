"""The Elm that `hamlet generate examples/seed` writes, checked by the real Elm tools.

    test_generates_the_three_seed_modules
    test_generated_module_compiles      `elm make` on each Workers/<Base>.elm
    test_usage_app_compiles             `elm make` on each app in elm_apps/src: the seed's
                                        usage example verbatim (CsvApp), the same use
                                        of the image and data workers, and TrackedApp,
                                        which uses every function of tracked requests
    test_generated_module_is_elm_format_clean
                                        `elm-format --validate` on each generated module

The apps are `Platform.worker` programs, so elm/core and elm/json are all they need.
`elm make` runs through the `elm_compiler` fixture (the repository's conftest.py), which
finds the packages offline; it skips without them, and fails under CI=true.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support.procs import ROOT, elm_format_problems, explain, hamlet

APPS = Path(__file__).with_name("elm_apps")
SEED = "examples/seed"
WORKERS = ("CSVWorker", "DataWorker", "ImageWorker")
USAGE_APPS = ("CsvApp", "DataApp", "ImageApp", "TrackedApp")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of elm_apps/ with `hamlet generate examples/seed` written into its
    `generated/` source folder, the way a user runs the CLI from their project root."""
    project = tmp_path_factory.mktemp("elm") / "apps"
    shutil.copytree(APPS, project, ignore=shutil.ignore_patterns("elm-stuff", "generated"))
    out = project / "out"
    generated = hamlet("generate", SEED, "--elm-out", project / "generated",
                       "--js-out", out / "js", "--worker-out", out / "workers", cwd=ROOT)
    assert generated.returncode == 0, explain(generated)
    return project


def test_generates_the_three_seed_modules(project):
    found = sorted(path.name for path in (project / "generated" / "Workers").iterdir())
    assert found == [f"{base}.elm" for base in WORKERS]
    declared = json.loads((project / "elm.json").read_text(encoding="utf-8"))
    assert "generated" in declared["source-directories"]


@pytest.mark.parametrize("base", WORKERS)
def test_generated_module_compiles(project, base, elm_compiler):
    made = elm_compiler.make(project, [f"generated/Workers/{base}.elm"])
    assert made.returncode == 0, explain(made)


@pytest.mark.parametrize("app", USAGE_APPS)
def test_usage_app_compiles(project, app, elm_compiler):
    made = elm_compiler.make(project, [f"src/{app}.elm"])
    assert made.returncode == 0, explain(made)


@pytest.mark.parametrize("base", WORKERS)
def test_generated_module_is_elm_format_clean(project, base):
    module = project / "generated" / "Workers" / f"{base}.elm"
    assert elm_format_problems([module], cwd=project) == ""
