"""examples/trails, the two-worker app with shared domain types, through every real tool.

    test_crate_checks                   `cargo check` on the crate (serde from Debian's
                                        packaged crates), without a warning
    test_generate_writes_both_workers_and_the_types
                                        `hamlet generate` with the example's hamlet.toml:
                                        the files, `import Workers.Types`, each reached
                                        type defined once, the unreached one absent
    test_generation_is_deterministic    a second run changes nothing; `--check` agrees
    test_elm_is_elm_format_clean        `elm-format --validate` on every generated module
                                        and elm/Trails.elm
    test_elm_compiles                   `elm make` on Workers/Types.elm, both worker modules
                                        and elm/Trails.elm (the `elm_compiler` fixture)
    test_serde_output_matches_the_schema
                                        every message `cargo run --example samples`
                                        prints (serde's JSON) is valid against the schema
                                        Hamlet generated for its worker

Cargo runs offline and `--locked` with its target folder in a temp folder; Hamlet runs
in a copy of the example, so the repository stays clean.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from support import procs
from support.procs import ROOT, elm_format_problems, explain, hamlet

TRAILS = ROOT / "examples" / "trails"
WORKERS = {"RouteWorker": "route_worker", "SearchWorker": "search_worker"}
TYPES = (
    "BoundingBox IndexNode Instruction Labels LatLng MatchedBy Meters Place PlaceKind "
    "Route RouteStats SearchHit Segment Side Span Surface TravelMode".split()
)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """A copy of the example (sources, hamlet.toml, elm.json, elm/) after `hamlet generate`
    ran in it with no arguments, the way its README says."""
    project = tmp_path_factory.mktemp("trails") / "trails"
    shutil.copytree(
        TRAILS, project, ignore=shutil.ignore_patterns("target", "generated", "elm-stuff")
    )
    result = hamlet("generate", cwd=project)
    return project, result


@pytest.fixture
def project(generated) -> Path:
    project, result = generated
    assert result.returncode == 0, explain(result)
    return project


def elm_files(project: Path) -> list[Path]:
    return sorted((project / "generated" / "elm").rglob("*.elm"))


def test_crate_checks(tmp_path):
    cargo = procs.cargo(tmp_path / "target", serde=True)
    checked = cargo(["check", "--offline", "--locked", "--all-targets"], cwd=TRAILS)
    assert checked.returncode == 0, explain(checked)
    assert "warning" not in checked.stderr, explain(checked)


def test_generate_writes_both_workers_and_the_types(project):
    out = project / "generated"
    found = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    expected = ["elm/Workers/RouteWorker.elm", "elm/Workers/SearchWorker.elm",
                "elm/Workers/Types.elm", "js/workers.js", "js/workers.d.ts"]
    for snake in WORKERS.values():
        expected += [f"js/{snake}_main.js", f"js/{snake}_main.d.ts", f"workers/{snake}.js",
                     f"workers/{snake}.d.ts", f"workers/{snake}.schema.json",
                     f"workers/{snake}_handlers.js"]
    assert found == sorted(expected)
    types = (out / "elm" / "Workers" / "Types.elm").read_text(encoding="utf-8")
    declared = re.findall(r"^type (?:alias )?(\w+)", types, flags=re.MULTILINE)
    assert sorted(declared) == sorted(TYPES), "each reached type once, nothing else"
    assert "TileId" not in types, "no message reaches TileId"
    for base in WORKERS:
        module = (out / "elm" / "Workers" / f"{base}.elm").read_text(encoding="utf-8")
        assert "\nimport Workers.Types\n" in module, base
        assert not re.search(r"^type (?:alias )?(?:LatLng|Meters)\b", module, re.MULTILINE), base
    route = (out / "elm" / "Workers" / "RouteWorker.elm").read_text(encoding="utf-8")
    assert "Workers.Types.LatLng" in route and "Workers.Types.encodeLatLng" in route


def test_generation_is_deterministic(project):
    before = {p: p.read_bytes() for p in (project / "generated").rglob("*") if p.is_file()}
    again = hamlet("generate", cwd=project)
    assert again.returncode == 0, explain(again)
    after = {p: p.read_bytes() for p in (project / "generated").rglob("*") if p.is_file()}
    assert after == before
    checked = hamlet("generate", "--check", cwd=project)
    assert checked.returncode == 0, explain(checked)


def test_elm_is_elm_format_clean(project):
    modules = elm_files(project)
    assert len(modules) == 3
    modules.append(project / "elm" / "Trails.elm")  # the README's example is kept clean too
    assert elm_format_problems(modules, cwd=project) == ""


@pytest.mark.parametrize(
    "module",
    ["generated/elm/Workers/Types.elm", "generated/elm/Workers/RouteWorker.elm",
     "generated/elm/Workers/SearchWorker.elm", "elm/Trails.elm"],
)
def test_elm_compiles(project, module, elm_compiler):
    made = elm_compiler.make(project, [module])
    assert made.returncode == 0, explain(made)


def test_serde_output_matches_the_schema(project, tmp_path):
    from jsonschema import Draft202012Validator
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    cargo = procs.cargo(tmp_path / "target", serde=True)
    samples = cargo(["run", "--offline", "--locked", "--quiet", "--example", "samples"], cwd=TRAILS)
    assert samples.returncode == 0, explain(samples)
    validators = {}
    for base, snake in WORKERS.items():
        path = project / "generated" / "workers" / f"{snake}.schema.json"
        schema = json.loads(path.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        registry = Registry().with_resource(schema["$id"], DRAFT202012.create_resource(schema))
        validators[base] = Draft202012Validator(schema, registry=registry)
    lines = samples.stdout.splitlines()
    assert len(lines) >= 14, explain(samples)
    problems = []
    for line in lines:
        base, text = line.split(" ", 1)
        message = json.loads(text)
        for problem in validators[base].iter_errors(message):
            where = "/".join(str(part) for part in problem.absolute_path)
            problems.append(f"{base} {message['type']} at /{where}: {problem.message[:200]}")
    assert not problems, "\n".join(problems)
