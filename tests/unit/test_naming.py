import pytest

from hamlet import naming


@pytest.mark.parametrize(
    "name, words",
    [
        ("HTTPRouteWorker", ["HTTP", "Route", "Worker"]),
        ("ParseGPX", ["Parse", "GPX"]),
        ("GPXParsed", ["GPX", "Parsed"]),
        ("image_url", ["image", "url"]),
        ("CSVWorker", ["CSV", "Worker"]),
        ("Vec2Parsed", ["Vec2", "Parsed"]),
        ("IOError", ["IO", "Error"]),
    ],
)
def test_split_words_keeps_acronyms_whole(name, words):
    assert naming.split_words(name) == words


@pytest.mark.parametrize(
    "name, lower",
    [
        ("CSVWorker", "csvWorker"),
        ("HTTPRouteWorker", "httpRouteWorker"),
        ("ImageWorker", "imageWorker"),
        ("ParseCSV", "parseCSV"),
        ("ProcessImage", "processImage"),
        ("GPX", "gpx"),
        ("CalculateStats", "calculateStats"),
    ],
)
def test_lower_camel_lowercases_a_leading_acronym_only(name, lower):
    assert naming.lower_camel(name) == lower


@pytest.mark.parametrize(
    "name, snake",
    [
        ("ImageWorker", "image_worker"),
        ("CSVWorker", "csv_worker"),
        ("HTTPRouteWorker", "http_route_worker"),
        ("DataWorker", "data_worker"),
    ],
)
def test_snake_case_file_names(name, snake):
    assert naming.snake(name) == snake


@pytest.mark.parametrize(
    "enum, base",
    [
        ("ImageWorkerMessage", "ImageWorker"),
        ("CSVWorkerMessage", "CSVWorker"),
        ("Jobs", "Jobs"),
        ("Message", "Message"),
    ],
)
def test_base_name_drops_a_trailing_message(enum, base):
    assert naming.base_name(enum) == base


@pytest.mark.parametrize(
    "field, wire",
    [("image_url", "imageUrl"), ("max_width", "maxWidth"), ("quality", "quality"),
     ("std_dev", "stdDev"), ("a_b_c", "aBC")],
)
def test_serde_camel_matches_serde(field, wire):
    assert naming.serde_camel(field) == wire


@pytest.mark.parametrize("word", sorted(naming.ELM_RESERVED))
def test_elm_reserved_words_get_a_trailing_underscore(word):
    assert naming.elm_field(word) == word + "_"


def test_elm_field_makes_any_wire_key_an_identifier():
    assert naming.elm_field("Content-Type") == "contentType"
    assert naming.elm_field("2d") == "f2D"
    assert naming.elm_field("imageUrl") == "imageUrl"


def test_js_local_avoids_reserved_words():
    assert naming.js_local("class") == "class_"
    assert naming.js_local("imageUrl") == "imageUrl"
    assert naming.js_local("Content-Type") == "contentType"


def test_js_identifiers_are_what_js_reads_unquoted():
    for name in ("imageUrl", "$x", "_", "class", "a1"):
        assert naming.is_js_identifier(name), name
    for name in ("content-type", "2d", "", "é", "a b"):
        assert not naming.is_js_identifier(name), name


def test_fresh_appends_underscores_until_free():
    assert naming.fresh("tag", {"tag", "tag_"}) == "tag__"
    assert naming.fresh("value", set()) == "value"


@pytest.mark.parametrize(
    "name, field",
    [
        ("image_url", "imageUrl"),
        ("FIRST_NAME", "firstName"),
        ("LAST-NAME", "lastName"),
        ("HTTPStatus", "httpStatus"),
        ("http_status", "httpStatus"),
        ("case", "case_"),
        ("Content-Type", "contentType"),
        ("x", "x"),
    ],
)
def test_elm_field_is_a_readable_camel_case(name, field):
    assert naming.elm_field(name) == field
