"""A worker whose messages carry domain types shaped by serde (rust/shapes.rs), in a real
browser: a renamed variant tag, snake_case variant fields (`rename_all_fields`) around
camelCase domain structs, an internally tagged enum (`kind`, snake_case tags) that
nests itself through a group, newtypes, a flattened struct, an optional key left out
and a defaulted key missing. The glue passes these values through untouched; the
fixture's end-of-test check validates every one against the generated JSON Schema,
and the schema's own verdicts on wire values are checked here against serde's rules.
"""

from __future__ import annotations

import pytest

from browser_support import GEO


def point(lat: float, lon: float) -> dict:
    return {"latDeg": lat, "lonDeg": lon}


def circle(radius: float, lat: float = 48.0, lon: float = 2.0) -> dict:
    return {"kind": "circle", "center": point(lat, lon), "radius": radius}


def line(*points: tuple[float, float]) -> dict:
    return {"kind": "poly_line", "points": [point(*p) for p in points]}


def group(*members: dict, name: str | None = None) -> dict:
    named = {} if name is None else {"groupName": name}
    return {"kind": "group", **named, "members": list(members)}


EMPTY = {"kind": "empty"}

# A park: a named group holding a circle, an unnamed group (a line and an empty
# shape) and a named group nested two deep.
PARK = group(
    circle(5),
    group(line((0, 0), (1, 2), (3, 1)), EMPTY),
    group(group(circle(0.5), name="pond"), name="water"),
    name="park",
)


def feature(**overrides) -> dict:
    """A `Feature` with only the keys serde requires: no `strokeWidth` (default), no
    `label` (skipped when None), no `tags` (default); `strokeColor` from the flattened
    `Style`."""
    return {"featureId": "f-1", "strokeColor": "#2a7", "shape": PARK, **overrides}


def measure(value: dict, scale_factor: float = 2) -> dict:
    """`MeasureFeature` as Elm sends it: tag renamed to "measure", snake_case field."""
    return {"type": "measure", "feature": value, "scale_factor": scale_factor}


def describe_empty(elm) -> None:
    """The worker answers a `Describe` next: nothing more came for what it got before."""
    elm.answered_next({"type": "Describe", "shape": EMPTY},
                      {"type": "described", "summary": "empty", "shape_kinds": ["empty"]},
                      contract=GEO)


def test_a_renamed_request_with_nested_shapes_and_missing_optional_keys_is_answered(elm):
    elm.start(GEO)
    elm.push(measure(feature()), contract=GEO)
    [response] = elm.wait_responses(1, contract=GEO)

    # Every drawable shape scaled by 2 (a line about its first point), the nesting
    # kept, `strokeWidth` and `tags` back as their zero values, `label` still absent.
    scaled_park = group(
        circle(10),
        group(line((0, 0), (2, 4), (6, 2)), EMPTY),
        group(group(circle(1.0), name="pond"), name="water"),
        name="park",
    )
    assert response == {
        "type": "Measured",
        "feature_id": "f-1",
        "shape_count": 3,
        "scaled": {
            "featureId": "f-1",
            "strokeColor": "#2a7",
            "strokeWidth": 0,
            "shape": scaled_park,
            "tags": [],
        },
    }
    # The glue renames nothing: the worker got the wire tag and the keys as sent.
    [envelope] = elm.envelopes_to_worker()
    assert envelope["type"] == "measure"
    assert envelope["data"] == {"feature": feature(), "scale_factor": 2}
    describe_empty(elm)


def test_present_optional_and_defaulted_keys_come_back_and_a_null_option_is_dropped(elm):
    elm.start(GEO)
    full = feature(strokeWidth=3, label="Parc", tags=["green", "public"], shape=circle(1.5))
    elm.push(measure(full, 0.5), contract=GEO)
    assert elm.wait_responses(1, contract=GEO) == [
        {
            "type": "Measured",
            "feature_id": "f-1",
            "shape_count": 1,
            "scaled": {**full, "shape": circle(0.75)},
        }
    ]
    # serde reads a null Option as None and, skipping None, writes no key back.
    elm.push(measure(feature(label=None, shape=EMPTY), 1), contract=GEO)
    assert elm.wait_responses(2, contract=GEO)[1] == {
        "type": "Measured",
        "feature_id": "f-1",
        "shape_count": 0,
        "scaled": {"featureId": "f-1", "strokeColor": "#2a7", "strokeWidth": 0, "shape": EMPTY, "tags": []},
    }


def test_a_deeply_recursive_shape_is_described_depth_first(elm):
    # Twelve groups deep, odd depths named and holding an empty shape after the rest.
    deep, summary = circle(1), "circle r=1"
    for depth in range(12):
        if depth % 2:
            deep, summary = group(deep, EMPTY, name=f"g{depth}"), f"g{depth}({summary}, empty)"
        else:
            deep, summary = group(deep), f"group({summary})"
    elm.start(GEO)
    elm.push({"type": "Describe", "shape": PARK}, {"type": "Describe", "shape": deep}, contract=GEO)
    responses = elm.wait_responses(2, contract=GEO)
    assert responses[0] == {
        "type": "described",
        "summary": "park(circle r=5, group(line of 3, empty), water(pond(circle r=0.5)))",
        "shape_kinds": [
            "group", "circle", "group", "poly_line", "empty", "group", "group", "circle",
        ],
    }
    assert responses[1] == {
        "type": "described",
        "summary": summary,
        "shape_kinds": ["group"] * 12 + ["circle"] + ["empty"] * 6,
    }
    assert summary.startswith("g11(group(g9(group(")  # the builder above nests as meant


def test_a_shape_of_a_kind_the_schema_rejects_gets_the_renamed_failure_variant(elm):
    # The Elm encoder cannot produce it; a hand-written or stale sender can. The glue
    # does not validate, so the handler meets it, throws, and the worker entry answers
    # with the failure variant carrying the error's message.
    elm.start(GEO)
    square = {"kind": "square", "side": 2}
    elm.push({"type": "Describe", "shape": group(circle(1), square)}, contract=GEO, off_contract=True)
    [response] = elm.wait_responses(1, contract=GEO)
    assert response == {"type": GEO.failure, GEO.failure_field: 'unknown shape kind "square"'}
    assert elm.failures(GEO) == ['unknown shape kind "square"']

    # The worker keeps serving well-formed requests.
    elm.push(measure(feature(shape=circle(2)), 3), contract=GEO)
    assert elm.wait_responses(2, contract=GEO)[1]["scaled"]["shape"] == circle(6)


def test_the_rust_name_of_a_renamed_variant_is_an_unknown_type(elm):
    elm.start(GEO)
    wrong = {"type": "MeasureFeature", "feature": feature(), "scale_factor": 2}
    elm.push(wrong, contract=GEO, off_contract=True)
    [response] = elm.wait_responses(1, contract=GEO)
    assert set(response) == {"type", GEO.failure_field}
    assert response["type"] == GEO.failure
    assert '"MeasureFeature"' in response[GEO.failure_field]
    describe_empty(elm)


# ---- what the generated schema accepts, by serde's rules -----------------------------


def with_shape(shape: dict) -> dict:
    return measure(feature(shape=shape))


ACCEPTED = {
    "only-required-keys": measure(feature()),
    "every-key": measure(feature(strokeWidth=1, label="x", tags=["a"])),
    "null-option": measure(feature(label=None)),
    "unnamed-empty-group": with_shape(group()),
    "describe": {"type": "Describe", "shape": line((1, 1))},
}

REJECTED = {
    "rust-variant-name": {**measure(feature()), "type": "MeasureFeature"},
    "camel-case-variant-field": {"type": "measure", "feature": feature(), "scaleFactor": 2},
    "snake-case-domain-key": measure({"feature_id": "f-1", "strokeColor": "#2a7", "shape": EMPTY}),
    "style-not-flattened": measure(
        {"featureId": "f-1", "style": {"strokeColor": "#2a7"}, "shape": EMPTY}
    ),
    "flattened-required-key-missing": measure({"featureId": "f-1", "shape": EMPTY}),
    "rust-kind-name": with_shape({**circle(1), "kind": "Circle"}),
    "unknown-kind": with_shape({"kind": "square", "side": 2}),
    "camel-case-kind": with_shape({**line((0, 0)), "kind": "polyLine"}),
    "bad-kind-deep-in-a-group": with_shape(group(group(group({"kind": "blob"})))),
    "no-kind": {"type": "Describe", "shape": {"radius": 1, "center": point(0, 0)}},
    "newtype-not-bare": with_shape({**circle(1), "radius": [1]}),
    "group-nested-not-flat": with_shape({"kind": "group", "group": {"members": []}}),
    "null-where-default-not-option": measure(feature(tags=None)),
}


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_the_schema_accepts_what_serde_reads(site, name):
    assert site.schemas[GEO.snake].errors("Request", ACCEPTED[name]) == []


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_the_schema_rejects_what_serde_would_not_read(site, name):
    assert site.schemas[GEO.snake].errors("Request", REJECTED[name]) != []


def test_the_schema_knows_the_renamed_failure_variant_only_by_its_wire_names(site):
    schema = site.schemas[GEO.snake]
    assert schema.errors("Response", {"type": "geo_failed", "reason": "x"}) == []
    assert schema.errors("Response", {"type": "GeoFailed", "reason": "x"}) != []
    assert schema.errors("Response", {"type": "geo_failed", "error_text": "x"}) != []
    assert schema.errors("Response", {"type": "described", "summary": "", "shape_kinds": []}) == []
    assert schema.errors("Response", {"type": "Described", "summary": "", "shape_kinds": []}) != []
