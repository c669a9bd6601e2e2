"""`elm_needs`: the helpers and imports of an Elm module, worked out from the model
before anything is printed. Printing checks each helper it uses against them, so these
tests check the other way: nothing needed goes unused, on every model there is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import hamlet
from hamlet.emit import emit_project
from hamlet.emit.elm import emit_elm
from hamlet.emit.elm_needs import types_needs, worker_needs
from hamlet.emit.elm_scope import worker_scope
from hamlet.emit.elm_types import emit_types
from hamlet.model import Project
from support.elm import assert_needs_exact, elm_module
from support.models import all_types, clashing_names, image_worker, kitchen_sink, project

CASES = Path(__file__).resolve().parents[1] / "cases"


def helper_names(names) -> set[str]:
    return {names.optional_field, names.default_field, *(name for _, name in names.helpers)}


def successful_cases() -> list[str]:
    return sorted(p.name for p in CASES.iterdir()
                  if (p / "input").is_dir() and not (p / "stderr.txt").exists())


@pytest.mark.parametrize("case", successful_cases())
def test_every_golden_module_defines_what_it_uses(case, monkeypatch):
    monkeypatch.chdir(CASES / case)
    loaded, diagnostics = hamlet.load(["input"])
    assert not [d for d in diagnostics if d.is_error]
    for file in emit_project(loaded):
        if file.path == loaded.types_names.path:
            assert_needs_exact(file.content, helper_names(loaded.types_names))
        elif file.path.endswith(".elm"):
            worker = next(w for w in loaded.workers if w.elm.path == file.path)
            assert_needs_exact(file.content, helper_names(worker.elm))


@pytest.mark.parametrize("make", [image_worker, kitchen_sink, clashing_names])
def test_hand_built_workers_define_what_they_use(make):
    worker = make()
    assert_needs_exact(elm_module(worker).content, helper_names(worker.elm))


def test_the_types_module_defines_what_it_uses():
    types = all_types()
    assert_needs_exact(emit_types(types).content, helper_names(types.types_names))
    assert "decode_dict" in types_needs(types) and "Dict" in types_needs(types)


def test_needs_follow_the_model():
    assert worker_needs(image_worker(), {}) == frozenset({"tuple_of"})
    sink = worker_needs(kitchen_sink(), {})
    assert {"encode_dict", "decode_dict", "optional_field", "any_key_object", "Dict"} <= sink
    assert "default_field" not in sink and "unit_variant" not in sink
    assert types_needs(project()) == frozenset()


def test_printing_what_the_needs_missed_is_a_loud_bug(monkeypatch):
    import hamlet.emit.elm_scope as elm_scope

    monkeypatch.setattr(elm_scope, "worker_needs", lambda worker, aliases: frozenset())
    with pytest.raises(AssertionError, match="tuple_of"):
        emit_elm(Project((image_worker(),)), image_worker())
    assert worker_scope(Project((image_worker(),)), image_worker()).needs == frozenset()
