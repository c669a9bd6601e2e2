"""The Elm emitter, the module as a whole: the seed design's workers resolved from Rust,
the exact layout of each part, and elm-format 0.8.8 keeping every generated file byte
for byte (`elm-format --validate`).

Codecs, local names and string escapes are in test_emit_elm_codecs.py; the domain
types' codecs in test_emit_elm_types.py, their module as a whole at the end of this file.
"""

from __future__ import annotations

import pytest

import hamlet
from elm_models import (
    elm_module,
    POINT,
    all_types,
    assert_elm_format_keeps,
    clashing_names,
    declaration,
    image_worker,
    kitchen_sink,
    project,
)
from hamlet.emit import emit_project, header
from hamlet.emit.elm_docs import doc_comment
from hamlet.emit.elm_types import emit_types


# ---- the seed design's three enums, resolved for real --------------------------------

SEED = """\
// Define worker messages in your app
#[derive(BuildAmpWorker, Debug, Clone)]
pub enum ImageWorkerMessage {
    // Main → Worker
    ProcessImage {
        image_url: String,
        max_width: u32,
        quality: u8,
    },

    // Worker → Main
    ProcessingComplete {
        result_url: String,
        original_size: (u32, u32),
        final_size: (u32, u32),
    },
    ProcessingFailed {
        error: String
    },
    ProcessingProgress {
        percent: f32
    },
}

#[derive(BuildAmpWorker, Debug, Clone)]
pub enum DataWorkerMessage {
    // Main → Worker
    ProcessCSV { data: String },
    CalculateStats { numbers: Vec<f64> },

    // Worker → Main
    CSVProcessed { rows: u32, columns: Vec<String> },
    StatsCalculated { mean: f64, median: f64, std_dev: f64 },
    WorkerError { message: String },
}

#[derive(BuildAmpWorker)]
pub enum CSVWorkerMessage {
    ParseCSV { data: String },
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}
"""


@pytest.fixture
def seed(tmp_path, monkeypatch):
    """The seed's workers by base name, loaded from `src/lib.rs` like a user's project."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "lib.rs").write_text(SEED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    project, diagnostics = hamlet.load(["src"])
    assert not [d for d in diagnostics if d.is_error], diagnostics
    return {worker.base: worker for worker in project.workers}


# ---- elm-format keeps every file ------------------------------------------------------


@pytest.mark.parametrize("make", [image_worker, kitchen_sink, clashing_names])
def test_elm_format_keeps_the_output(make, tmp_path):
    assert_elm_format_keeps(elm_module(make()).content, tmp_path)


@pytest.mark.parametrize("base", ["ImageWorker", "DataWorker", "CSVWorker"])
def test_elm_format_keeps_the_seed_workers(seed, base, tmp_path):
    out = elm_module(seed[base])
    assert out.path == f"Workers/{base}.elm"
    assert_elm_format_keeps(out.content, tmp_path)


def test_hand_built_image_worker_prints_like_the_resolved_one(seed):
    """The hand builder (elm_models.build) stands for the resolver; if they drift, this says so."""
    assert elm_module(seed["ImageWorker"]).content == elm_module(image_worker()).content


def test_csv_worker_names(seed):
    content = elm_module(seed["CSVWorker"]).content
    assert "port module Workers.CSVWorker exposing\n" in content
    assert "    , parseCSV\n" in content
    assert "\nparseCSV : String -> Cmd msg\nparseCSV data_ =\n" in content
    assert "    sendToCSVWorker (ParseCSV { data = data_ })" in content
    assert "\ncsvWorkerResponse : (CSVWorkerResponse -> msg) -> Sub msg\n" in content
    assert "\nport sendToCSVWorkerPort : Encode.Value -> Cmd msg\n" in content
    assert "\nport csvWorkerResponsePort : (Decode.Value -> msg) -> Sub msg\n" in content
    assert "    = CSVParsed { rows : List (List String) }\n    | ParseError { error : String }" in content
    assert (
        'toMsg (ParseError { error = "Could not decode a message from CSVWorker: "'
        " ++ Decode.errorToString error })"
    ) in content
    assert '|> Decode.map2 (|>) (Decode.field "rows" (Decode.list (Decode.list Decode.string)))' in content
    assert '( "rows", Encode.list (Encode.list Encode.string) data.rows )' in content


def test_data_worker_types_and_codecs(seed):
    content = elm_module(seed["DataWorker"]).content
    assert declaration(content, "type DataWorkerResponse").endswith(
        "type DataWorkerResponse\n"
        "    = CSVProcessed\n"
        "        { rows : Int\n"
        "        , columns : List String\n"
        "        }\n"
        "    | StatsCalculated\n"
        "        { mean : Float\n"
        "        , median : Float\n"
        "        , stdDev : Float\n"
        "        }\n"
        "    | WorkerError { message : String }"
    )
    assert "\ncalculateStats : List Float -> Cmd msg\ncalculateStats numbers =\n" in content
    assert "    , processCSV, calculateStats\n" in content
    assert '                , ( "stdDev", Encode.float data.stdDev )\n' in content
    assert '|> Decode.map2 (|>) (Decode.field "stdDev" Decode.float)' in content
    assert "toMsg (WorkerError { message = " in content


ROUTES = """\
use std::collections::HashMap;

#[derive(BuildAmpWorker)]
pub enum HTTPRouteWorkerMessage {
    /// Stop *everything*.
    ///
    ///   Really.
    CancelAll,
    Resize(u32, u32),
    Wrap(Option<i64>),
    Ping {},
    Route {
        /// An Elm keyword.
        r#case: bool,
        value: Vec<Option<i32>>,
        headers: HashMap<String, Vec<String>>,
        nested: ((i32, String), (u8, u8, ()), Option<(i32, String)>),
        maybe_pairs: Option<Vec<(f64, bool)>>,
        deep: Vec<Vec<Option<Option<HashMap<String, i32>>>>>,
        boxed: Box<[char; 3]>,
    },
    #[worker(response)]
    RouteDone { status: u16 },
    Failed(String),
    #[worker(response)]
    Pair((i32, String), Option<String>),
}
"""


def test_elm_format_keeps_every_shape_resolved_from_rust(tmp_path, monkeypatch):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "lib.rs").write_text(ROUTES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    project, diagnostics = hamlet.load(["src"])
    assert not [d for d in diagnostics if d.is_error], diagnostics
    content = elm_module(project.workers[0]).content
    assert "    = -- Stop *everything*.\n      --\n      --   Really.\n      CancelAll\n" in content
    assert "        { -- An Elm keyword.\n          case_ : Bool\n" in content
    assert '( "case", Encode.bool data.case_ )' in content
    assert "\nwrap : Maybe Int -> Cmd msg\n" in content
    assert 'toMsg (Failed ("Could not decode a message from HTTPRouteWorker: "' in content
    assert_elm_format_keeps(content, tmp_path)


# ---- the module, piece by piece ---------------------------------------------------


def test_header_names_the_source_and_forbids_editing():
    content = elm_module(image_worker()).content
    assert content.startswith(
        "-- Generated by Hamlet from src/lib.rs. "
        "Do not edit: `hamlet generate` rewrites this file.\n"
        "\n\nport module Workers.ImageWorker exposing\n"
    )
    assert content.endswith(")\n") and not content.endswith("\n\n")
    assert header.source_of(content.split("\n", 1)[0]) == ["src/lib.rs"]


def test_output_file_is_the_module_path():
    out = elm_module(image_worker())
    assert (out.root, out.path, out.scaffold) == ("elm", "Workers/ImageWorker.elm", False)


def test_exposing_list_is_explicit_and_hides_ports_and_helpers():
    content = elm_module(kitchen_sink()).content
    assert declaration(content, "port module") .split("\n\n{-|")[0] == (
        "port module Workers.HTTPRouteWorker exposing\n"
        "    ( HTTPRouteWorkerRequest(..), HTTPRouteWorkerResponse(..)\n"
        "    , cancelAll, resize, wrap, ping, route\n"
        "    , sendToHTTPRouteWorker, httpRouteWorkerResponse\n"
        "    , encodeHTTPRouteWorkerRequest, httpRouteWorkerRequestDecoder\n"
        "    , encodeHTTPRouteWorkerResponse, httpRouteWorkerResponseDecoder\n"
        "    )"
    )
    assert "@docs cancelAll, resize, wrap, ping, route\n" in content
    assert "httpRouteWorkerOptionalField :" in content


def test_types_carry_records_positional_arguments_and_bare_constructors():
    content = elm_module(image_worker()).content
    assert declaration(content, "type ImageWorkerResponse") == (
        "{-| Messages from the worker to the main thread.\n"
        "-}\n"
        "type ImageWorkerResponse\n"
        "    = ProcessingComplete\n"
        "        { resultUrl : String\n"
        "        , originalSize : ( Int, Int )\n"
        "        , finalSize : ( Int, Int )\n"
        "        }\n"
        "    | ProcessingFailed { error : String }\n"
        "    | ProcessingProgress { percent : Float }"
    )
    sink = elm_module(kitchen_sink()).content
    assert "    | Resize Int Int\n    | Wrap (Maybe Int)\n    | Ping {}\n" in sink
    assert "    | Failed String\n    | Pair ( Int, String ) (Maybe String)" in sink
    assert "          case_ : Bool\n" in sink  # reserved word, from field.elm_name


def test_rust_docs_become_line_comments_that_elm_format_keeps():
    sink = elm_module(kitchen_sink()).content
    assert (
        "    = -- Stop *everything*.\n"
        "      --\n"
        "      --   Really.\n"
        "      -- a -} b {- c\n"
        "      -- ---\n"
        "      -- \ttabbed\n"
        "      CancelAll\n"
    ) in sink
    assert (
        "    = -- The route ran.\n"
        "      RouteDone\n"
        "        { -- HTTP status.\n"
        "          -- See RFC 9110.\n"
        "          status : Int\n"
        "        }\n"
    ) in sink


def test_commands_take_fields_in_order():
    content = elm_module(image_worker()).content
    assert declaration(content, "processImage :") == (
        "{-| Send `ProcessImage` to the worker.\n"
        "-}\n"
        "processImage : String -> Int -> Int -> Cmd msg\n"
        "processImage imageUrl maxWidth quality =\n"
        "    sendToImageWorker (ProcessImage { imageUrl = imageUrl, maxWidth = maxWidth, quality = quality })"
    )
    sink = elm_module(kitchen_sink()).content
    assert declaration(sink, "cancelAll :").endswith(
        "cancelAll : Cmd msg\ncancelAll =\n    sendToHTTPRouteWorker CancelAll"
    )
    assert declaration(sink, "resize :").endswith(
        "resize : Int -> Int -> Cmd msg\nresize value1 value2 =\n"
        "    sendToHTTPRouteWorker (Resize value1 value2)"
    )
    assert declaration(sink, "ping :").endswith(
        "ping : Cmd msg\nping =\n    sendToHTTPRouteWorker (Ping {})"
    )
    # the parameter of `value` is renamed by the model (it would shadow the local `value`)
    assert "route case_ value_ headers contentType nested maybePairs unit deep =\n" in sink
    assert "(Route { case_ = case_, value = value_, headers = headers," in sink


def test_send_and_ports():
    content = elm_module(image_worker()).content
    assert declaration(content, "sendToImageWorker :") == (
        "{-| Send any request to the worker.\n"
        "-}\n"
        "sendToImageWorker : ImageWorkerRequest -> Cmd msg\n"
        "sendToImageWorker request =\n"
        "    sendToImageWorkerPort (encodeImageWorkerRequest request)"
    )
    assert "\n\n\nport sendToImageWorkerPort : Encode.Value -> Cmd msg\n\n\n" in content
    assert "\n\n\nport imageWorkerResponsePort : (Decode.Value -> msg) -> Sub msg\n\n\n" in content


def test_subscription_turns_undecodable_messages_into_the_failure_variant():
    content = elm_module(image_worker()).content
    assert declaration(content, "imageWorkerResponse :") == (
        "{-| Every response from the worker; one that does not decode arrives as `ProcessingFailed`.\n"
        "-}\n"
        "imageWorkerResponse : (ImageWorkerResponse -> msg) -> Sub msg\n"
        "imageWorkerResponse toMsg =\n"
        "    imageWorkerResponsePort\n"
        "        (\\value ->\n"
        "            case Decode.decodeValue imageWorkerResponseDecoder value of\n"
        "                Result.Ok response ->\n"
        "                    toMsg response\n"
        "\n"
        "                Result.Err error ->\n"
        '                    toMsg (ProcessingFailed { error = "Could not decode a message from ImageWorker: " ++ Decode.errorToString error })\n'
        "        )"
    )
    sink = elm_module(kitchen_sink()).content
    assert (
        '                    toMsg (Failed ("Could not decode a message from HTTPRouteWorker: "'
        " ++ Decode.errorToString error))\n"
    ) in sink


def test_dict_is_imported_only_when_a_type_needs_it():
    sink = elm_module(kitchen_sink()).content
    assert "import Dict exposing (Dict)\nimport Json.Decode as Decode\n" in sink
    content = elm_module(image_worker()).content
    assert "import Dict" not in content
    assert "\n\nimport Json.Decode as Decode\nimport Json.Encode as Encode\n\n\n" in content


def test_output_is_deterministic():
    assert elm_module(kitchen_sink()).content == elm_module(kitchen_sink()).content


# ---- Workers/Types.elm as a whole ---------------------------------------------------


def test_module_header_exposes_every_type_with_its_codecs():
    out = emit_types(all_types())
    assert (out.root, out.path, out.scaffold) == ("elm", "Workers/Types.elm", False)
    content = out.content
    first, rest = content.split("\n", 1)
    assert header.source_of(first) == ["src/types.rs", "src/units.rs"]
    assert rest.startswith(
        "\n\nmodule Workers.Types exposing\n"
        "    ( Adj(..), encodeAdj, adjDecoder\n"
        "    , Ext(..), encodeExt, extDecoder\n"
        "    , Forest, encodeForest, forestDecoder\n"
        "    , Labels, encodeLabels, labelsDecoder\n"
    )
    assert "    , Point, encodePoint, pointDecoder\n" in content
    assert "    , Tree(..), encodeTree, treeDecoder\n    )\n" in content
    assert "\n\n# Tree\n\n@docs Tree, encodeTree, treeDecoder\n\n-}\n\nimport Dict exposing (Dict)\n" in content
    assert content.endswith("encoder dict\n") and not content.endswith("\n\n")


def test_docs_become_doc_comments():
    content = emit_types(all_types()).content
    assert "{-| A point on the map.\n-}\ntype alias Point =\n" in content
    assert "{-| The Rust type `Meters` of `src/units.rs`.\n-}\ntype Meters\n" in content
    # markdown elm-format would rewrite is shown as text, fenced (an indented block would
    # be formatted as Elm code); `{-` cannot open a comment
    assert (
        "{-| Marks \\*nothing\\*:\n\n```text\n- a list\n- { - not a comment - }\n```\n\n-}\ntype Marker\n"
    ) in content


@pytest.mark.parametrize(
    "docs",
    [
        "Plain.",
        "snake_case and *stars* and `code_span *x*`.\nSecond line.",
        "One.\n\nTwo.\n\nThree.",
        "# Heading\n\n1. first\n2. second\n\n> quote",
        "Intro:\n\n```rust\nlet x = 1;\n\nlet y = x * 2;\n```\n\nAfter.",
        "    indented code\n\n    more",
        "See https://example.com/a_b and <b>bold</b> \\ backslash.",
        "Odd `backtick.\n\ttabbed\n  trailing   ",
        "a -} b {- c",
        "---\n***\n___",
        "[ref]: http://x\n+ plus\n| table |",
        "```\nunclosed fence",
        "\n\n",
        "**bold** __init__ a*b*c, me@example.com, 50% & <done>.",
        "@docs x\nsee @y",
        "Windows\r\nline ends.\r\n",
        # elm-format would format these as Elm code in an indented block
        "- x = 1\n- http://x.y\n- @docs x",
        "x =\n        1",
        # what it rewrites in text: runs of spaces, padded or doubled code spans, links
        "a.  b", "a ` b ` c", "a ``x`` b", "a [x] [y] and [a][b]", "a <http://x> <x@y.z> b",
        "A#[serde(rename = \"-}{-*/</script>\")] position",
        "5[_\x00>\u00e9] and [x\nspanning] lines",
        # line breaks Python sees and Elm does not
        "a\u2028b\x85c\x0bd\x0ce\rf",
        "fence:\n\n```\n```text\n   ```\n```",
    ],
)
def test_elm_format_keeps_every_doc_comment(docs, tmp_path):
    comment = "\n".join(doc_comment(docs))
    module = f"module Workers.Check exposing (T, x)\n\n\nx : Int\nx =\n    1\n\n\n{comment}\ntype T\n    = T\n"
    assert_elm_format_keeps(module, tmp_path)


def test_project_emits_the_types_module_only_when_messages_reach_a_type():
    with_types = project(POINT, workers=(image_worker(),))
    assert [f.path for f in emit_project(with_types) if f.root == "elm"] == [
        "Workers/ImageWorker.elm", "Workers/Types.elm",
    ]
    assert [f.path for f in emit_project(project(workers=(image_worker(),))) if f.root == "elm"] == [
        "Workers/ImageWorker.elm",
    ]
