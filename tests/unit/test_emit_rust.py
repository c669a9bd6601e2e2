"""The Rust module of a `#[worker(rust)]` worker, and the names it uses.

    test_rust_identifiers           keywords raw, or with an underscore where Rust has no
                                    raw form; acronyms as words in type names
    test_rust_string_literals       quotes, backslashes, control and non-ASCII escaped
    test_relative_paths_move_down   `super::`/`self::` in a field type, seen one module down
    test_js_worker_has_no_module    a worker without the mark gets no .rs file
    test_names_avoid_domain_types   a domain type named like a generated type keeps its name
    test_mirror_shapes              unit, empty tuple, several values, a flat newtype,
                                    optional keys and renamed tags in the serde mirror
    test_requests_are_read_without_serdes_buffer
                                    a request's "type" first, then its fields from the
                                    JSON, not from serde's buffered copy
    test_method_names_stay_apart    two variants with one snake_case name get two methods
    test_flattened_struct_without_fields
                                    stays flattened (no key ""), as a field and as a
                                    flat newtype

The module compiling and running is tests/toolchain/test_rust_worker.py.
"""

from __future__ import annotations

from dataclasses import replace

from hamlet import naming
from hamlet.emit.rust import emit_rust, rust_string, rust_type
from hamlet.read.rust.parse import parse_source
from hamlet.resolve import resolve


def _project(source: str):
    project, diagnostics = resolve([parse_source("lib.rs", source.encode())])
    assert not [d for d in diagnostics if d.is_error], diagnostics
    return project


def _module(source: str) -> str:
    project = _project(source)
    return emit_rust(project, project.workers[0]).content


def test_rust_identifiers():
    assert naming.rust_ident("parse_csv") == "parse_csv"
    assert naming.rust_ident("match") == "r#match"
    assert naming.rust_ident("crate") == "crate_"
    assert naming.rust_ident("self") == "self_"
    assert naming.rust_module_ident("type") == "r#type"
    assert naming.rust_module_ident("serde") == "serde_"  # never hides the crate
    assert naming.rust_module_ident("std") == "std_"
    assert naming.rust_type_name("CSVWorker") == "CsvWorker"
    assert naming.rust_type_name("HTTPRouteWorker") == "HttpRouteWorker"


def test_rust_string_literals():
    assert rust_string('a"b\\c') == '"a\\"b\\\\c"'
    assert rust_string("é\n") == '"\\u{e9}\\u{a}"'


def test_relative_paths_move_down():
    project = _project(WORKER)
    field = project.workers[0].variants[0].fields[0]
    assert rust_type(replace(field, rust_type="Vec<super::geo::Point>")) == "Vec<super::super::geo::Point>"
    assert rust_type(replace(field, rust_type="self::Point")) == "super::Point"
    assert rust_type(replace(field, rust_type="crate::Point")) == "crate::Point"


WORKER = """
#[derive(BuildAmpWorker)]
#[worker(rust)]
pub enum CSVWorkerMessage {
    ParseCSV { csv_text: String, max_rows: Option<u32> },
    Resize(u32, u32),
    Blank(),
    CancelAll,
    ParseProgress { percent: u8 },
    #[serde(rename = "parsed")]
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}
"""


def test_js_worker_has_no_module():
    project = _project(WORKER.replace("#[worker(rust)]", ""))
    assert emit_rust(project, project.workers[0]) is None
    assert project.workers[0].rust is None


def test_names_avoid_domain_types():
    source = WORKER.replace("ParseCSV { csv_text: String,", "ParseCSV { csv_text: CsvWorkerReply,") + (
        "#[derive(Serialize, Deserialize)] pub struct CsvWorkerReply(String);\n"
        "#[derive(Serialize, Deserialize)] pub struct HamletRequest(String);\n"
        "#[derive(Serialize, Deserialize)] pub struct HamletFields(String);\n"
        "pub type Unused = HamletRequest;\n"
    )
    project = _project(source.replace("CancelAll,", "CancelAll, Use(HamletRequest), Fields(HamletFields),"))
    rust = project.workers[0].rust
    assert (rust.reply, rust.request_enum, rust.request_fields) == ("CsvWorkerReply_", "HamletRequest_", "HamletFields_")
    text = emit_rust(project, project.workers[0]).content
    assert "csv_text: CsvWorkerReply," in text and "reply: &mut CsvWorkerReply_," in text
    # The struct that reads `Fields(HamletFields)` is named apart from it.
    assert "struct HamletFields_ {\n                    value: HamletFields,\n" in text


def test_mirror_shapes():
    text = _module(WORKER)
    # Requests: read field by field, each variant's fields into a struct of its own.
    assert ('            HamletRequestType::ParseCSV => {\n'
            '                #[derive(::serde::Deserialize)]\n'
            '                struct HamletFields {\n'
            '                    #[serde(rename = "csvText")]\n                    f0: String,\n'
            '                    #[serde(rename = "maxRows", default)]\n                    f1: Option<u32>,\n'
            '                }\n'
            '                let HamletFields { f0, f1 } = ::serde_json::from_slice::<HamletFields>(bytes)?;\n'
            '                Self::ParseCSV { f0, f1 }\n') in text
    assert "                    value: (u32, u32),\n" in text and "    Resize { value: (u32, u32) },\n" in text
    assert "                    value: [u8; 0],\n" in text and "    Blank { value: [u8; 0] },\n" in text
    assert '            #[serde(rename = "CancelAll")]\n            CancelAll,' in text
    assert "            HamletRequestType::CancelAll => Self::CancelAll," in text
    # Responses: an internally tagged serde enum.
    assert '    #[serde(rename = "parsed")]\n    CSVParsed {' in text
    assert "HamletRequest::Resize { value: (f0, f1) } => handlers.resize(f0, f1, reply)," in text
    assert "HamletRequest::Blank { value: _ } => handlers.blank(reply)," in text
    assert "pub fn parse_progress(&mut self, percent: u8) {" in text
    flat = _module(
        "#[derive(Serialize, Deserialize)] pub struct Point { x: f64 }\n"
        "#[derive(BuildAmpWorker)]\n#[worker(rust)]\n#[serde(tag = \"type\")]\n"
        "pub enum MoveWorkerMessage { Move(Point), Moved(Point), MoveFailed { error: String } }\n"
    )
    assert "    Move(Point)," in flat and "HamletRequest::Move(f0) => handlers.r#move(f0, reply)," in flat
    assert "hamlet_send(&HamletResponse::Moved(value));" in flat


def test_requests_are_read_without_serdes_buffer():
    """serde's internally tagged enum reads a message's fields from a copy it buffers,
    where `{"NoFields": []}` (an empty tuple variant of an externally tagged enum) does
    not read: the tag comes first, then the fields straight from the JSON. Only a
    variant whose keys sit beside the tag (a flat newtype, a flattened field) keeps
    serde's own read, since flatten buffers anyway."""
    text = _module(
        "#[derive(Serialize, Deserialize)] pub struct Point { x: f64 }\n"
        "#[derive(Serialize, Deserialize)] pub enum Mark { NoFields(), Dot }\n"
        "#[derive(BuildAmpWorker)]\n#[worker(rust)]\n#[serde(tag = \"type\")]\n"
        "pub enum MoveWorkerMessage {\n"
        "    Mark { mark: Mark }, Move(Point), Jump { #[serde(flatten)] at: Point, high: bool }, Empty {},\n"
        "    Moved(Point), MoveFailed { error: String } }\n"
    )
    assert "from_slice::<HamletRequest>" not in text and '#[serde(tag = "type")]\nenum HamletRequest' not in text
    assert "let HamletFields { tag } = ::serde_json::from_slice::<HamletFields>(bytes)?;" in text
    assert '            #[serde(rename = "type")]\n            tag: HamletRequestType,' in text
    read = text.split("impl HamletRequest {")[1].split("#[derive(::serde::Serialize)]")[0]
    assert read.count('#[serde(tag = "type")]') == 2  # Move and Jump only
    assert ("                enum HamletFields {\n"
            '                    #[serde(rename = "Move")]\n                    Move(Point),\n'
            "                }\n"
            "                let HamletFields::Move(f0) = ::serde_json::from_slice::<HamletFields>(bytes)?;\n"
            "                Self::Move(f0)\n") in read
    assert "#[serde(flatten)]\n                        f0: Point," in read
    assert "let HamletFields::Jump { f0, f1 } = " in read
    assert ("                struct HamletFields {\n                    #[serde(rename = \"mark\")]\n"
            "                    f0: Mark,\n                }\n                let HamletFields { f0 } = ") in read
    assert "let HamletFields {} = ::serde_json::from_slice::<HamletFields>(bytes)?;\n                Self::Empty {}\n" in read
    # The dispatch still reads the plain request enum.
    assert "    Mark {\n        f0: Mark,\n    },\n" in text and "    Move(Point),\n" in text


def test_flattened_struct_without_fields():
    """A flattened struct with no fields puts no key on the wire, and is still flattened:
    the mirror says `flatten`, never `rename = ""`, and reads with serde's tagged read."""
    text = _module(
        "#[derive(Serialize, Deserialize)] pub struct Nothing {}\n"
        "#[derive(BuildAmpWorker)]\n#[worker(rust)]\n#[serde(tag = \"type\")]\n"
        "pub enum HollowWorkerMessage {\n"
        "    Hollow(Nothing), Wrap { a: u32, #[serde(flatten)] none: Nothing },\n"
        "    Wrapped(Nothing), WrapFailed { error: String } }\n"
    )
    assert 'rename = ""' not in text
    read = text.split("impl HamletRequest {")[1].split("#[derive(::serde::Serialize)]")[0]
    assert read.count('#[serde(tag = "type")]') == 2  # Hollow and Wrap
    assert "let HamletFields::Hollow(f0) = " in read
    assert "#[serde(flatten)]\n                        f1: Nothing," in read


def test_method_names_stay_apart():
    project = _project(
        "#[derive(BuildAmpWorker)]\n#[worker(rust)]\npub enum PWorkerMessage {\n"
        "    #[worker(request)] Parse2D, #[worker(request)] Parse2d, PFailed { error: String } }\n"
    )
    methods = [m.name for m in project.workers[0].rust.methods]
    assert len(set(methods)) == len(methods)
