"""Deep but valid input, up to the limits Hamlet accepts, gives code the real tools take.

    test_deep_input_compiles       a chain of 200 structs, types nested 100 levels (every
                                   kind of level), structs flattened 32 deep, a chain of
                                   enums and aliases: `elm make` on every module
    test_deep_input_is_valid_js    the same output: every JS file is an ES module node
                                   parses (`node --check`)
    test_deep_input_is_elm_format_clean
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.procs import elm_format_problems, explain, hamlet, node, run

from hamlet.read.rust.syntax import TYPE_NESTING_LIMIT
from hamlet.resolve.domain import FLATTEN_LIMIT

APP = Path(__file__).with_name("elm_apps") / "elm.json"
WRAPS = ("Vec<{}>", "Option<{}>", "HashMap<String, {}>", "(u8, {})", "[{}; 2]", "Box<{}>")


def deep_crate() -> str:
    nested = "u32"
    for level in range(TYPE_NESTING_LIMIT):
        nested = WRAPS[level % len(WRAPS)].format(nested)
    parts = [
        "use serde::{Deserialize, Serialize};",
        "#[derive(BuildAmpWorker)]",
        "pub enum DeepWorkerMessage {",
        f"    Load {{ link: Link0, nested: {nested} }},",
        "    Loaded { layer: Layer0, choice: Choice0 },",
        "    LoadFailed { error: String },",
        "}",
    ]
    for i in range(200):
        parts.append(f"pub struct Link{i} {{ value: u32, next: {f'Link{i + 1}' if i < 199 else 'bool'} }}")
    for i in range(FLATTEN_LIMIT + 1):
        parts.append("#[derive(Serialize, Deserialize)]")
        tail = f", #[serde(flatten)] below: Layer{i + 1}" if i < FLATTEN_LIMIT else ""
        parts.append(f"pub struct Layer{i} {{ depth{i}: u32{tail} }}")
    for i in range(100):
        last = "String" if i == 99 else f"Alias{i}"
        parts.append(f"pub enum Choice{i} {{ Stop, Go{i}({last}) }}")
        if i < 99:
            parts.append(f"pub type Alias{i} = Choice{i + 1};")
    return "\n".join(parts) + "\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("deep")
    shutil.copy(APP, project / "elm.json")
    (project / "src").mkdir()
    (project / "src" / "lib.rs").write_text(deep_crate(), encoding="utf-8")
    made = hamlet("generate", "src", "--no-cache", "--elm-out", "generated",
                  "--js-out", "out/js", "--worker-out", "out/workers", cwd=project)
    assert made.returncode == 0, explain(made)
    return project


def test_deep_input_compiles(project, elm_compiler):
    modules = sorted(str(p.relative_to(project)) for p in (project / "generated").rglob("*.elm"))
    assert len(modules) == 2
    made = elm_compiler.make(project, modules)
    assert made.returncode == 0, explain(made)


def test_deep_input_is_valid_js(project):
    scripts = sorted((project / "out").rglob("*.js"))
    assert len(scripts) == 4
    for script in scripts:
        checked = run([node(), "--input-type=module", "--check"], cwd=project,
                      stdin=script.read_text(encoding="utf-8"))
        assert checked.returncode == 0, f"{script.name}: {checked.stderr[-2000:]}"


def test_deep_input_is_elm_format_clean(project):
    modules = sorted((project / "generated").rglob("*.elm"))
    assert elm_format_problems(modules, cwd=project) == ""
