"""Domain types that derive serde with no attributes (rust/sketch.rs), through the
compiled Elm app elm/src/Sketch.elm, the generated glue and a real module worker in
Chromium: keys as written (`x_px`) and an externally tagged enum of every variant
shape, nested in itself (`{"Layer": {"marks": [..]}}`, `{"Dab": {..}}`, `"Erase"`).

The handlers (handlers/sketch_worker_handlers.js) read and write serde's JSON, so what
the worker gets is what Elm's encoders wrote, and what Elm reports back is what its
decoders read of the worker's reply, encoded again. The fixture's end-of-test check
validates every message and envelope against the generated JSON Schema.
"""

from __future__ import annotations

import pytest

from browser_support import SKETCH


def px(x: int, y: int) -> dict:
    return {"x_px": x, "y_px": y}


def stroke(a: dict, b: dict, width: float | None = None) -> dict:
    return {"Stroke": {"from_px": a, "to_px": b, "line_width": width}}


def layer(*marks) -> dict:
    return {"Layer": {"marks": list(marks)}}


# Every variant shape, and a layer inside the layer.
SKETCH_MARK = layer(
    stroke(px(0, 0), px(3, 4), 1.5),
    {"Dab": px(1, 2)},
    {"Curve": [px(0, 0), px(1, 1), px(2, 0)]},
    "Erase",
    {"Blank": []},
    layer(stroke(px(5, 5), px(6, 6))),
)
SHIFTED_MARK = layer(
    stroke(px(10, -1), px(13, 3), 1.5),
    {"Dab": px(11, 1)},
    {"Curve": [px(10, -1), px(11, 0), px(12, -1)]},
    "Erase",
    {"Blank": []},
    layer(stroke(px(15, 4), px(16, 5))),
)


def shift(mark, dx: int = 10, dy: int = -1, ink="Sepia") -> dict:
    return {"type": "Shift", "mark": mark, "dx": dx, "dy": dy, "ink": ink}


@pytest.fixture
def sketch(elm, elm_app):
    elm.make_compiled_app(elm_app, module="Sketch", contract=SKETCH)
    elm.setup(SKETCH)
    return elm


def test_an_externally_tagged_enum_travels_through_elm_and_the_worker_as_serde_writes_it(sketch):
    sketch.push(shift(SKETCH_MARK), contract=SKETCH)
    [response] = sketch.wait_responses(1, contract=SKETCH)
    assert response == {"type": "Shifted", "mark": SHIFTED_MARK, "drawn": 4, "ink": "Sepia"}
    # What Elm's encoder wrote is serde's JSON, unchanged: the handler read it as such.
    [envelope] = sketch.envelopes_to_worker()
    assert envelope["type"] == "Shift"
    assert envelope["data"] == {"mark": SKETCH_MARK, "dx": 10, "dy": -1, "ink": "Sepia"}
    [reply] = sketch.envelopes_from_worker()
    assert reply["data"] == {"mark": SHIFTED_MARK, "drawn": 4, "ink": "Sepia"}
    # Asked again, it answers that next: nothing more was on its way for the first.
    sketch.answered_next(shift("Erase", 0, 0), {"type": "Shifted", "mark": "Erase", "drawn": 0,
                                                "ink": "Sepia"}, contract=SKETCH)


@pytest.mark.parametrize("mark", ["Erase", {"Blank": []}, {"Dab": px(0, 0)}, layer()])
def test_each_variant_shape_alone(sketch, mark):
    sketch.push(shift(mark, 1, 1, "Charcoal"), contract=SKETCH)
    [response] = sketch.wait_responses(1, contract=SKETCH)
    drawn = 1 if isinstance(mark, dict) and "Dab" in mark else 0
    expected = {"Dab": px(1, 1)} if drawn else mark
    assert response == {"type": "Shifted", "mark": expected, "drawn": drawn, "ink": "Charcoal"}


def test_elm_reads_the_other_forms_serde_reads_and_sends_serde_own(sketch):
    # serde_json also reads a unit variant as {"Erase": null}, and a struct (or a struct
    # variant's value) as an array of its fields; Elm's encoders write the usual form.
    sketch.ask_compiled_app(shift(
        {"Layer": [[{"Erase": None}, {"Stroke": [[1, 2], {"x_px": 3, "y_px": 4}, None]}]]},
        1, 1, {"Charcoal": None},
    ))
    [response] = sketch.wait_responses(1, contract=SKETCH)
    assert sketch.refused() == []
    [envelope] = sketch.envelopes_to_worker()
    assert envelope["data"] == {
        "mark": layer("Erase", stroke(px(1, 2), px(3, 4))), "dx": 1, "dy": 1, "ink": "Charcoal",
    }
    assert response == {
        "type": "Shifted", "mark": layer("Erase", stroke(px(2, 3), px(4, 5))), "drawn": 1,
        "ink": "Charcoal",
    }


REFUSED = {
    "hamlet-convention-tag": {"type": "Dab", "value": px(1, 2)},
    "camel-case-keys": {"Dab": {"xPx": 1, "yPx": 2}},
    "two-keys": {"Dab": px(1, 2), "Erase": None},
    "no-key": {},
    "bare-name-of-a-newtype": "Dab",
    "unit-variant-with-a-value": {"Erase": {}},
    "no-fields-as-null": {"Blank": None},
    "lowercase-name": "erase",
    "struct-variant-too-short": {"Stroke": [px(0, 0)]},
    "deep-inside-a-layer": layer(layer({"Curve": [px(0, 0), px(1, 1)]})),
}


def test_elm_refuses_what_serde_refuses_and_sends_nothing(sketch):
    for mark in REFUSED.values():
        sketch.ask_compiled_app(shift(mark))
    sketch.ask_compiled_app(shift("Erase", ink="sepia"))
    sketch.wait_for("count => window.__refused.length >= count", len(REFUSED) + 1)
    refused = sketch.refused()
    assert len(refused) == len(REFUSED) + 1
    assert all("mark" in error for error in refused[:-1]), refused
    assert "ink" in refused[-1]
    # A good request now is the first to reach the worker: the app sends in order, so
    # anything it had sent for a refused value would have gone before it.
    sketch.push(shift("Erase"), contract=SKETCH)
    assert sketch.wait_responses(1, contract=SKETCH) == [
        {"type": "Shifted", "mark": "Erase", "drawn": 0, "ink": "Sepia"}]
    assert [e["type"] for e in sketch.envelopes_to_worker()] == ["Shift"]
    assert len(sketch.workers()) == 1


# ---- what the generated schema accepts ---------------------------------------------


@pytest.mark.parametrize("mark", [SKETCH_MARK, "Erase", {"Blank": []}, layer()])
def test_the_schema_accepts_the_marks_serde_writes(site, mark):
    assert site.schemas[SKETCH.snake].errors("Request", shift(mark)) == []


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_the_schema_rejects_what_serde_would_not_read(site, name):
    assert site.schemas[SKETCH.snake].errors("Request", shift(REFUSED[name])) != []
