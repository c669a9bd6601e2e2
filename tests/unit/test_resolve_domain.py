"""The resolver on domain types and serde attributes: Rust text in, model out.

Each test parses real Rust with tree-sitter and resolves it; the emitters' own tests
cover what the model then prints.
"""

from __future__ import annotations

import pytest

from hamlet.model import (
    AliasDef, DictT, EnumDef, ListT, MaybeT, NamedT, Omit, Prim, PrimT, Shape,
    Tagging,
)
from hamlet.resolve import resolve
from hamlet.read.rust import parse_source

WORKER = """
#[derive(BuildAmpWorker)]
pub enum ShopWorkerMessage {{
    Find {{ {request} }},
    Found {{ {response} }},
    FindFailed {{ error: String }},
}}
"""


def resolved(types: str, request: str = "sku: String", response: str = "", files=()):
    sources = [("src/lib.rs", types + WORKER.format(request=request, response=response))]
    sources += list(files)
    parsed = [parse_source(path, text.encode()) for path, text in sources]
    return resolve(parsed)


def ok(types: str, **kwargs):
    project, diagnostics = resolved(types, **kwargs)
    assert [d.render() for d in diagnostics] == []
    return project


def errors(types: str, **kwargs) -> list[str]:
    _, diagnostics = resolved(types, **kwargs)
    assert diagnostics, "expected an error"
    return [f"{d.loc.line}:{d.loc.col}: {d.message}" for d in diagnostics]


def field_types(project, variant="Found"):
    worker = project.workers[0]
    return [f.type for f in next(v for v in worker.variants if v.name == variant).fields]


# ---- reaching types ----------------------------------------------------------------


def test_only_reached_types_are_generated_once():
    project = ok(
        """
        pub struct Point { lat: f64, lon: f64 }
        pub struct Unused { x: u8 }
        pub struct Route { points: Vec<Point>, start: Point }
        """,
        request="near: Point",
        response="route: Route",
    )
    assert [t.name for t in project.types] == ["Point", "Route"]
    assert field_types(project) == [NamedT("Route", "encodeRoute", "routeDecoder")]


def test_types_in_other_files_and_modules_resolve_by_last_segment():
    project = ok(
        "mod geo;",
        request="near: crate::geo::shapes::Point",
        files=[("src/geo.rs", "pub mod shapes { pub struct Point { x: f64 } }")],
    )
    (point,) = project.types
    assert (point.name, point.source) == ("Point", "src/geo.rs")


def test_two_reached_types_with_one_name_are_an_error():
    found = errors(
        "",
        request="a: geo::Point, b: screen::Point",
        files=[("src/geo.rs", "pub struct Point { x: f64 }"),
               ("src/screen.rs", "pub struct Point { x: u32 }")],
    )
    assert len(found) == 1 and "which is defined twice" in found[0]


def test_an_unreached_duplicate_name_is_fine():
    ok("pub struct Point { x: f64 }", files=[("src/b.rs", "pub struct Point { y: f64 }")])


def test_core_names_get_an_underscore_and_codecs_keep_the_rust_name():
    project = ok("pub enum Result { Good, Bad }", response="r: Result")
    (result,) = project.types
    assert (result.name, result.encoder, result.decoder) == (
        "Result_", "encodeResult", "resultDecoder")


def test_aliases_and_the_mapping_table():
    project = ok(
        "pub type Labels = std::collections::BTreeMap<String, VecDeque<char>>;",
        response="labels: Labels, set: HashSet<Box<str>>, arr: [u8; 4], unit: ()",
    )
    (labels,) = project.types
    assert isinstance(labels, AliasDef)
    assert labels.type == DictT(ListT(PrimT(Prim.STRING)))
    assert field_types(project)[1:] == [
        ListT(PrimT(Prim.STRING)), ListT(PrimT(Prim.INT)), PrimT(Prim.UNIT)]


# ---- shapes, cycles and constructor names -----------------------------------------


def test_struct_shapes():
    project = ok(
        "pub struct Meters(f64); pub struct Pair(u32, String); pub struct Marker;",
        response="m: Meters, p: Pair, k: Marker",
    )
    shapes = {t.name: (t.shape, len(t.fields)) for t in project.types}
    assert shapes == {"Meters": (Shape.TUPLE, 1), "Pair": (Shape.TUPLE, 2),
                      "Marker": (Shape.UNIT, 0)}


def test_self_recursion_wraps_the_record_and_marks_the_cycle():
    project = ok("pub struct Node { children: Vec<Self>, label: String }", response="n: Node")
    (node,) = project.types
    assert node.wrapped and node.cycle == 0
    assert node.fields[0].type == ListT(NamedT("Node", "encodeNode", "nodeDecoder"))


def test_a_cycle_through_an_enum_keeps_records_as_aliases():
    project = ok(
        """
        pub struct Leaf { tree: Box<Tree> }
        pub enum Tree { Empty, Node(Leaf) }
        """,
        response="t: Tree",
    )
    by_name = {t.name: t for t in project.types}
    assert by_name["Leaf"].cycle == by_name["Tree"].cycle == 0
    assert not by_name["Leaf"].wrapped


def test_a_cycle_through_an_alias_wraps_the_record():
    project = ok("pub type Forest = Vec<Tree>; pub struct Tree { kids: Forest }", response="t: Tree")
    by_name = {t.name: t for t in project.types}
    assert by_name["Tree"].wrapped and by_name["Forest"].cycle == by_name["Tree"].cycle


def test_clashing_constructors_get_their_enum_in_front():
    project = ok(
        """
        pub enum Icon { Circle, Square }
        pub enum Shape { Circle { r: f64 }, Dot }
        pub enum Size { Small, Point }
        pub struct Point { x: f64 }
        """,
        response="i: Icon, s: Shape, z: Size, p: Point",
    )
    ctors = {t.name: [c.name for c in t.constructors]
             for t in project.types if isinstance(t, EnumDef)}
    assert ctors == {"Icon": ["IconCircle", "IconSquare"], "Shape": ["ShapeCircle", "ShapeDot"],
                     "Size": ["SizeSmall", "SizePoint"]}


def test_codecs_that_would_share_a_name_are_an_error():
    found = errors("pub struct URLParts { a: u8 } pub struct UrlParts { b: u8 }",
                   response="x: URLParts, y: UrlParts")
    assert any("urlPartsDecoder" in line for line in found)


def test_params_avoid_the_module_names():
    project = ok("pub struct Point { point_decoder: u8, value: u8 }", response="p: Point")
    (point,) = project.types
    params = [f.elm_param for f in point.fields]
    assert params[0] != "pointDecoder" and "value" not in params
    assert len(set(params)) == 2


# ---- serde -------------------------------------------------------------------------


@pytest.mark.parametrize("style, field, variant", [
    ("lowercase", "image_url", "parsecsv"),
    ("UPPERCASE", "IMAGE_URL", "PARSECSV"),
    ("PascalCase", "ImageUrl", "ParseCSV"),
    ("camelCase", "imageUrl", "parseCSV"),
    ("snake_case", "image_url", "parse_c_s_v"),
    ("SCREAMING_SNAKE_CASE", "IMAGE_URL", "PARSE_C_S_V"),
    ("kebab-case", "image-url", "parse-c-s-v"),
    ("SCREAMING-KEBAB-CASE", "IMAGE-URL", "PARSE-C-S-V"),
])
def test_every_rename_all_style(style, field, variant):
    project = ok(
        f"""
        #[serde(rename_all = "{style}")] pub struct S {{ image_url: String }}
        #[serde(rename_all = "{style}")] pub enum E {{ ParseCSV, Other(u8) }}
        """,
        response="s: S, e: E",
    )
    by_name = {t.name: t for t in project.types}
    assert by_name["S"].fields[0].wire_name == field
    assert by_name["E"].constructors[0].tag == variant


def test_renames_fields_and_variants_and_worker_tags():
    project = ok(
        """
        #[serde(rename_all_fields = "snake_case")]
        pub enum E { #[serde(rename = "circle")] Circle { center_x: f64 },
                     #[serde(rename_all = "UPPERCASE")] Square { side_len: f64 } }
        """,
        response="#[serde(rename = \"e\")] shape: E",
    )
    (e,) = project.types
    assert [(c.tag, c.fields[0].wire_name) for c in e.constructors] == [
        ("circle", "center_x"), ("Square", "SIDE_LEN")]
    found = project.workers[0].variants[1]
    assert found.fields[0].wire_name == "e" and found.fields[0].elm_name == "e"


def test_worker_rename_all_changes_tags_not_constructors():
    text = WORKER.format(request="sku: String", response="").replace(
        "#[derive(BuildAmpWorker)]", '#[derive(BuildAmpWorker)]\n#[serde(rename_all = "snake_case")]')
    project, diagnostics = resolve([parse_source("lib.rs", text.encode())])
    assert not diagnostics
    assert [(v.name, v.tag) for v in project.workers[0].variants] == [
        ("Find", "find"), ("Found", "found"), ("FindFailed", "find_failed")]


def test_taggings():
    project = ok(
        """
        pub enum Plain { A, B }
        pub enum Mixed { A, B(u8) }
        #[serde(tag = "t", content = "c")] pub enum Adj { A, B(u8) }
        #[serde(untagged)] pub enum Un { A(u8), B { x: u8 } }
        #[serde(tag = "kind")] pub enum Tagged { A { x: u8 }, B(Inner), C }
        pub struct Inner { y: u8 }
        """,
        response="a: Plain, b: Mixed, c: Adj, d: Un, e: Tagged",
    )
    by_name = {t.name: t for t in project.types}
    assert by_name["Plain"].tagging is Tagging.STRING
    assert (by_name["Mixed"].tagging, by_name["Mixed"].tag) == (Tagging.INTERNAL, "type")
    assert (by_name["Adj"].tagging, by_name["Adj"].tag, by_name["Adj"].content) == (
        Tagging.ADJACENT, "t", "c")
    assert by_name["Un"].tagging is Tagging.UNTAGGED
    internal = by_name["Tagged"]
    assert (internal.tagging, internal.tag) == (Tagging.INTERNAL, "kind")
    merged = internal.constructors[1].fields[0]
    assert [f.wire_name for f in merged.flattened] == ["y"]


# ---- which convention a type follows: serde's when it derives serde ------------------


@pytest.mark.parametrize("derive, native", [
    ("#[derive(Serialize, Deserialize)]", True),
    ("#[derive(Serialize)]", True),
    ("#[derive(Debug, Deserialize)]", True),
    ("#[derive(serde::Serialize)]", True),
    ("#[derive(::serde::Deserialize)]", True),
    ("#[derive(serde_derive::Serialize)]", True),
    ("#[derive(Debug)]\n#[derive(Clone, serde :: Deserialize)]", True),
    ("#[derive(Debug, Clone)]", False),
    ("#[derive(rkyv::Serialize, borsh::BorshDeserialize)]", False),
    ("#[derive(SerializeDisplay)]", False),
    ("", False),
])
def test_a_serde_derive_decides_the_convention(derive, native):
    project = ok(
        f"""
        {derive} pub struct Point {{ x_pos: f64, y_pos: f64 }}
        {derive} pub enum Shape {{ Circle {{ center_point: Point }}, Dot }}
        {derive} pub enum Pen {{ Thin, Thick }}
        """,
        response="at: Point, shape: Shape, pen: Pen",
    )
    by_name = {t.name: t for t in project.types}
    assert {t.serde for t in project.types} == {native}
    point, shape = by_name["Point"], by_name["Shape"]
    keys = ["x_pos", "y_pos"] if native else ["xPos", "yPos"]
    assert [f.wire_name for f in point.fields] == keys
    assert [f.elm_name for f in point.fields] == ["xPos", "yPos"]  # Elm names stay camelCase
    circle = shape.constructors[0]
    assert circle.fields[0].wire_name == ("center_point" if native else "centerPoint")
    if native:
        assert (shape.tagging, shape.tag, shape.content) == (Tagging.EXTERNAL, "", "")
    else:
        assert (shape.tagging, shape.tag) == (Tagging.INTERNAL, "type")
    # unit variants only: a string either way (serde's externally tagged unit variants)
    assert by_name["Pen"].tagging is Tagging.STRING


def test_serde_attributes_still_choose_the_representation_of_a_serde_enum():
    project = ok(
        """
        #[derive(Serialize, Deserialize)] #[serde(tag = "t")] pub enum In { A { x_y: u8 }, B }
        #[derive(Serialize, Deserialize)] #[serde(tag = "t", content = "c")] pub enum Adj { A(u8) }
        #[derive(Serialize, Deserialize)] #[serde(untagged)] pub enum Un { A(u8), B { x_y: u8 } }
        #[derive(Serialize, Deserialize)] #[serde(rename_all = "snake_case")]
        pub enum Ext { ParseCsv(u8), #[serde(rename_all = "camelCase")] Moved { x_y: u8 },
                       Stay { x_y: u8 } }
        #[derive(Serialize, Deserialize)] #[serde(rename_all_fields = "kebab-case")]
        pub enum Kebab { Moved { x_y: u8 } }
        #[derive(Serialize, Deserialize)] #[serde(rename_all = "camelCase")]
        pub struct Camel { x_y: u8, #[serde(rename = "Z")] z_z: u8 }
        """,
        response="a: In, b: Adj, c: Un, d: Ext, e: Kebab, f: Camel",
    )
    by_name = {t.name: t for t in project.types}
    assert [by_name[n].tagging for n in ("In", "Adj", "Un", "Ext", "Kebab")] == [
        Tagging.INTERNAL, Tagging.ADJACENT, Tagging.UNTAGGED, Tagging.EXTERNAL, Tagging.EXTERNAL]
    assert by_name["In"].constructors[0].fields[0].wire_name == "x_y"
    assert by_name["Un"].constructors[1].fields[0].wire_name == "x_y"
    ext = by_name["Ext"]
    assert [(c.tag, [f.wire_name for f in c.fields]) for c in ext.constructors] == [
        ("parse_csv", [""]), ("moved", ["xY"]), ("stay", ["x_y"])]
    assert by_name["Kebab"].constructors[0].fields[0].wire_name == "x-y"
    assert [f.wire_name for f in by_name["Camel"].fields] == ["xY", "Z"]


def test_an_externally_tagged_enum_reserves_no_key_and_counts_array_items():
    """No tag sits beside the fields, so a field `type` is fine; a struct variant read
    from an array needs every field up to the last without its own `default`."""
    project = ok(
        """
        #[derive(Serialize, Deserialize)]
        pub enum Ext { Move { r#type: u8, #[serde(default)] by: u8 },
                       Keep { a: u8, #[serde(default)] b: Vec<u8>, #[serde(default)] c: u8 },
                       V(), W {} }
        """,
        response="e: Ext",
    )
    (ext,) = project.types
    assert [(c.shape, c.least_items) for c in ext.constructors] == [
        (Shape.STRUCT, 1), (Shape.STRUCT, 1), (Shape.TUPLE, 0), (Shape.STRUCT, 0)]
    assert ext.constructors[0].fields[0].wire_name == "type"
    hamlets = errors("pub enum Ext { Move { r#type: u8 }, Dot }", response="e: Ext")
    assert any("which is the tag of `Ext`" in line for line in hamlets)


def test_a_serde_derive_on_a_worker_keeps_the_message_format():
    """The envelope needs "type", and messages keep camelCase keys: a worker enum that
    derives serde is read as without the derive."""
    for derive in ("#[derive(BuildAmpWorker)]", "#[derive(BuildAmpWorker, Serialize, Deserialize)]"):
        text = f"""
        {derive}
        pub enum GeoWorkerMessage {{ Locate(f64), Located {{ place_name: String }}, GeoFailed {{ error: String }} }}
        """
        project, diagnostics = resolve([parse_source("lib.rs", text.encode())])
        assert not diagnostics
        locate, located, _ = project.workers[0].variants
        assert (locate.tag, locate.shape, located.fields[0].wire_name) == (
            "Locate", Shape.TUPLE, "placeName")


def test_field_options():
    project = ok(
        """
        #[serde(default)]
        pub struct S {
            #[serde(skip)] cache: fn(),
            #[serde(skip_serializing_if = "Option::is_none")] note: Option<String>,
            #[serde(skip_serializing_if = "Vec::is_empty")] tags: Vec<String>,
            count: u32,
            point: Point,
            #[serde(flatten)] extra: Point,
        }
        pub struct Point { x: f64, y: f64 }
        """,
        response="s: S",
    )
    s = next(t for t in project.types if t.name == "S")
    by_name = {f.rust_name: f for f in s.fields}
    assert "cache" not in by_name
    assert by_name["note"].omit is Omit.NOTHING and by_name["tags"].omit is Omit.EMPTY
    assert by_name["count"].default and not by_name["point"].default
    assert by_name["extra"].wire_name == "" and len(by_name["extra"].flattened) == 2


def test_maybe_field_still_maps():
    project = ok("pub struct S { a: Option<Box<S>> }", response="s: S")
    assert project.types[0].fields[0].type == MaybeT(NamedT("S", "encodeS", "sDecoder"))


# ---- errors ------------------------------------------------------------------------


@pytest.mark.parametrize("types, response, needle", [
    ("pub struct Page<T> { items: Vec<T> }", "p: Page<String>", "type `Page` is generic"),
    ("pub struct S { #[serde(with = \"x\")] a: u8 }", "s: S", "`with` is not supported"),
    ("pub struct S { #[serde(skip_deserializing)] a: u8 }", "s: S", "`skip_deserializing`"),
    ("pub struct S { #[serde(rename(serialize = \"a\"))] a: u8 }", "s: S", "differs"),
    ("#[serde(rename_all = \"camel\")] pub struct S { a: u8 }", "s: S", "case style"),
    ("pub struct S { #[serde(skip_serializing_if = \"is_zero\")] a: u8 }", "s: S",
     "`skip_serializing_if"),
    ("pub struct S { #[serde(flatten)] a: HashMap<String, u8> }", "s: S", "cannot flatten"),
    ("pub struct S { #[serde(flatten)] a: S2 } pub enum S2 { A, B }", "s: S", "cannot flatten"),
    ("pub struct S { #[serde(flatten)] a: T } pub struct T { b: Option<Box<T>> }", "s: S",
     "contains itself"),
    ("#[serde(content = \"c\")] pub enum E { A(u8) }", "e: E", "`content` without `tag`"),
    ("#[serde(tag = \"t\")] pub enum E { A(u8, u8) }", "e: E", "cannot carry the tag"),
    ("#[serde(tag = \"t\")] pub enum E { A { t: u8 } }", "e: E", "which is the tag of `E`"),
    ("pub enum E { a, B }", "e: E", "does not start with an uppercase letter"),
    ("pub struct point { x: u8 }", "p: point", "does not start with an uppercase letter"),
    ("pub enum E { #[serde(rename = \"x\")] A, #[serde(rename = \"x\")] B }", "e: E",
     "both sent as `x`"),
    ("pub struct Unit;", "u: Unit<u8>", "takes no type arguments"),
])
def test_domain_errors(types, response, needle):
    found = errors(types, response=response)
    assert any(needle in line for line in found), found


def test_worker_naming_errors():
    text = """
    #[derive(BuildAmpWorker)]
    pub enum TypesMessage { Import { a: u8 }, CSVLoad, CsvLoad, lower, Done { x: u8 },
                            ImportFailed { error: String } }
    """
    project, diagnostics = resolve([parse_source("lib.rs", text.encode())])
    messages = [d.message for d in diagnostics]
    assert any("Workers.Types" in m for m in messages)
    assert any("::lower`" in m and "uppercase" in m for m in messages)


def test_elm_keyword_commands_and_command_clashes():
    text = """
    #[derive(BuildAmpWorker)]
    pub enum PortWorkerMessage { Import { a: u8 }, Port, Alias, Done { x: u8 },
                                 ImportFailed { error: String } }
    """
    project, diagnostics = resolve([parse_source("lib.rs", text.encode())])
    assert not diagnostics
    assert [v.command for v in project.workers[0].requests] == ["import_", "port_", "alias_"]
    clash = text.replace("Port, Alias", "CSVLoad, CsvLoad")
    _, diagnostics = resolve([parse_source("lib.rs", clash.encode())])
    assert any("both get the Elm command `csvLoad`" in d.message for d in diagnostics)


def test_worker_serde_tag_must_be_type():
    text = WORKER.format(request="a: u8", response="").replace(
        "#[derive(BuildAmpWorker)]", '#[derive(BuildAmpWorker)]\n#[serde(tag = "kind")]')
    _, diagnostics = resolve([parse_source("lib.rs", text.encode())])
    assert len(diagnostics) == 1 and "tagged with" in diagnostics[0].message


def test_a_type_named_like_the_messages_is_an_error():
    found = errors("pub struct ShopWorkerRequest { a: u8 }", response="r: ShopWorkerRequest")
    assert any("named like the messages of worker" in line for line in found)


def test_default_and_skip_if_see_through_aliases():
    project = ok(
        """
        pub type Labels = HashMap<String, Vec<String>>;
        pub type Tags = Labels;
        pub struct S {
            #[serde(default, skip_serializing_if = "HashMap::is_empty")] tags: Tags,
        }
        """,
        response="s: S",
    )
    s = next(t for t in project.types if t.name == "S")
    assert s.fields[0].default and s.fields[0].omit is Omit.EMPTY


def test_an_explicit_serde_tag_on_a_worker_merges_newtype_structs():
    text = """
    pub struct Point { x: f64, y: f64 }
    #[derive(BuildAmpWorker)]
    #[serde(tag = "type")]
    pub enum GeoWorkerMessage { Locate(Point), Located { ok: bool }, GeoFailed { error: String } }
    """
    project, diagnostics = resolve([parse_source("lib.rs", text.encode())])
    assert not diagnostics
    locate = project.workers[0].variants[0]
    assert [f.wire_name for f in locate.fields[0].flattened] == ["x", "y"]
    bad = text.replace("Locate(Point)", "Locate(f64)")
    _, diagnostics = resolve([parse_source("lib.rs", bad.encode())])
    assert any("cannot carry the tag" in d.message for d in diagnostics)


def test_an_enum_with_nothing_to_send_is_an_error():
    found = errors("pub enum Void {}", response="v: Option<Void>")
    assert any("has no variant to send" in line for line in found)
    found = errors("#[serde(untagged)] pub enum E { #[serde(skip)] A(u8) }", response="e: E")
    assert any("has no variant to send" in line for line in found)


def test_names_elm_cannot_take():
    found = errors("pub struct Émile { a: u8 }", response="e: Émile")
    assert any("does not start with an uppercase letter (A-Z)" in line for line in found)
    text = WORKER.format(request="a: u8", response="").replace("Find {", "Main {")
    project, diagnostics = resolve([parse_source("lib.rs", text.encode())])
    assert not diagnostics
    assert project.workers[0].requests[0].command == "main_"


def test_an_option_alias_left_out_when_none_is_a_maybe():
    project = ok(
        """
        pub type MaybeName = Option<String>;
        pub struct S { #[serde(skip_serializing_if = "Option::is_none")] name: MaybeName }
        """,
        response="s: S",
    )
    s = next(t for t in project.types if t.name == "S")
    assert s.fields[0].type == MaybeT(PrimT(Prim.STRING)) and s.fields[0].omit is Omit.NOTHING


def test_the_same_variant_names_in_two_workers():
    text = """
    #[derive(BuildAmpWorker)]
    pub enum HTTPRouteWorkerMessage { ParseGPX { r#match: String }, GPXParsed { module: u8 }, Failed { error: String } }
    #[derive(BuildAmpWorker)]
    pub enum TrackWorkerMessage { ParseGPX { data: String }, GPXParsed { case: u8 }, Failed { error: String } }
    """
    project, diagnostics = resolve([parse_source("lib.rs", text.encode())])
    assert not diagnostics
    route, track = project.workers
    assert (route.base, route.elm.subscribe, route.js.snake) == (
        "HTTPRouteWorker", "httpRouteWorkerResponse", "http_route_worker")
    assert [v.command for v in route.requests] == [v.command for v in track.requests] == ["parseGPX"]
    assert route.variants[0].fields[0].elm_name == "match"
    assert [(f.wire_name, f.elm_name) for v in project.workers for f in v.variants[1].fields] == [
        ("module", "module_"), ("case", "case_")]


def test_a_key_left_out_when_empty_reads_back_as_empty():
    project = ok(
        'pub struct S { #[serde(skip_serializing_if = "Vec::is_empty")] tags: Vec<String> }',
        response="s: S",
    )
    (s,) = project.types
    assert s.fields[0].omit is Omit.EMPTY and s.fields[0].default


# ---- serde's own rules: what its derive accepts, and how it writes it ------------------


@pytest.mark.parametrize("attribute, needle", [
    ('#[serde(rename = 5)]', "`rename` must be a string literal"),
    ('#[serde(rename = b"a")]', "`rename` must be a string literal"),
    ('#[serde(rename = concat!("a", "b"))]', "`rename` must be a string literal"),
    ('#[serde(rename = "a" "b")]', "`rename` must be a string literal"),
    ('#[serde(rename)]', "`rename` needs a value"),
    ('#[serde(rename = "a", rename = "b")]', "duplicate serde attribute `rename`"),
    ('#[serde(rename = "a")] #[serde(rename = "b")]', "duplicate serde attribute `rename`"),
    ('#[serde(rename = "a", rename(serialize = "a", deserialize = "a"))]',
     "duplicate serde attribute `rename`"),
    ('#[serde(rename(serialize = "a", serialize = "a"))]', "is malformed"),
    ('#[serde(rename(serialize = 5, deserialize = 5))]', "is malformed"),
    ('#[serde(alias = 5)]', "`alias` must be a string literal"),
    ('#[serde(borrow = 5)]', "`borrow` must be a string literal"),
    ('#[serde(default = path::to)]', "`default` must be a string literal"),
    ('#[serde(skip_serializing_if)]', "`skip_serializing_if` needs a value"),
    ('#[serde(skip = true)]', "`skip` takes no value"),
    ('#[serde(flatten, flatten)]', "duplicate serde attribute `flatten`"),
    ('#[serde]', "`#[serde]` needs a list of keys"),
])
def test_field_attribute_forms_serde_rejects(attribute, needle):
    found = errors(f"pub struct S {{ {attribute} a: Option<u8> }}", response="s: S")
    assert len(found) == 1 and needle in found[0], found


@pytest.mark.parametrize("attribute, needle", [
    ("#[serde(untagged = true)]", "`untagged` takes no value"),
    ("#[serde(tag)]", "`tag` needs a value"),
    ('#[serde(tag = "t", tag = "t")]', "duplicate serde attribute `tag`"),
    ('#[serde(tag("t"))]', "`tag(...)` is not a form serde reads"),
    ("#[serde(rename_all = camelCase)]", "`rename_all` must be a string literal"),
    ('#[serde(content = 1, tag = "t")]', "`content` must be a string literal"),
    ('#[serde(tag = "t", content = "t")]', "same key `t` for `tag` and `content`"),
    ("#[serde(default)]", "`default`, which serde allows on structs only"),
    ("#[serde(transparent)]", "`transparent`, which serde allows on structs only"),
])
def test_enum_attribute_forms_serde_rejects(attribute, needle):
    found = errors(f"{attribute} pub enum E {{ A(u8), B }}", response="e: E")
    assert len(found) == 1 and needle in found[0], found


def test_attribute_forms_serde_accepts():
    project = ok(
        """
        pub struct S {
            #[serde(rename = r"raw", alias = "x", alias = "y")] a: u8,
            #[serde(rename(serialize = "b,c", deserialize = "b,c"))] b: u8,
            #[serde(rename(), default = "make", borrow)] c: u8,
            #[serde(rename(serialize = r#"d"e"#, deserialize = "d\\"e"))] d: u8,
            #[serde(bound(serialize = "T: A", deserialize = "T: B"))] e: u8,
        }
        """,
        response="s: S",
    )
    assert [f.wire_name for f in project.types[0].fields] == ["raw", "b,c", "c", 'd"e', "e"]


def test_empty_renames_and_tags_are_kept():
    """serde takes `rename = ""` and `tag = ""` as written: an empty name is a name."""
    project = ok(
        """
        pub enum Plain { #[serde(rename = "")] A, B }
        #[serde(tag = "")] pub enum Tagged { #[serde(rename = "")] A { x: u8 }, B }
        #[serde(tag = "", content = "")] pub enum Bad { A(u8) }
        """.replace('#[serde(tag = "", content = "")] pub enum Bad { A(u8) }', ""),
        response='#[serde(rename = "")] a: Plain, b: Tagged',
    )
    by_name = {t.name: t for t in project.types}
    assert [c.tag for c in by_name["Plain"].constructors] == ["", "B"]
    assert (by_name["Tagged"].tag, by_name["Tagged"].constructors[0].tag) == ("", "")
    assert project.workers[0].variants[1].fields[0].wire_name == ""
    text = WORKER.format(request="sku: String", response="").replace(
        "    Found {  },", '    #[serde(rename = "")]\n    Found {  },')
    project, diagnostics = resolve([parse_source("lib.rs", text.encode())])
    assert not diagnostics
    assert [v.tag for v in project.workers[0].variants] == ["Find", "", "FindFailed"]


def test_transparent_counts_the_fields_serde_keeps():
    project = ok(
        """
        #[serde(transparent)] pub struct Named { #[serde(skip)] cache: u8, id: String }
        #[serde(transparent)] pub struct Tuple(#[serde(skip)] u8, u64);
        """,
        response="a: Named, b: Tuple",
    )
    for t in project.types:
        assert (t.shape, [f.rust_name for f in t.fields]) == (Shape.TUPLE, [None])
    assert [f.rust_type for t in project.types for f in t.fields] == ["String", "u64"]
    for types, needle in [
        ("#[serde(transparent)] pub struct T { #[serde(skip)] a: u8 }", "has 0 fields"),
        ("#[serde(transparent)] pub struct T { a: u8, b: u8 }", "has 2 fields"),
        ("#[serde(transparent)] pub struct T;", "is a unit struct"),
        ("#[serde(transparent)] pub struct T { #[serde(default)] a: u8 }", "has `default`"),
    ]:
        found = errors(types, response="t: T")
        assert len(found) == 1 and needle in found[0], found


def test_skipping_positional_fields():
    """serde writes a tuple struct by its fields in the source: skipping one of two
    leaves a one-element array, which Hamlet does not make; leaving none or two is fine."""
    project = ok(
        """
        pub struct Three(u8, #[serde(skip)] u8, u8);
        pub struct NoneLeft(#[serde(skip)] u8, #[serde(skip)] u8);
        """,
        response="a: Three, b: NoneLeft",
    )
    assert [len(t.fields) for t in project.types] == [0, 2]
    for types in ("pub struct T(u8, #[serde(skip)] u8);", "pub struct T(#[serde(skip)] u8);",
                  "pub enum T { A(u8, #[serde(skip)] u8) }"):
        found = errors(types, response="t: T")
        assert len(found) == 1 and "`skip` leaves" in found[0], found


def test_tuple_variants_without_fields():
    """`V()` is a tuple variant: serde writes `[]` for it, and rejects it in an
    internally tagged enum."""
    project = ok(
        """
        #[serde(tag = "t", content = "c")] pub enum Adj { V(), U }
        #[serde(untagged)] pub enum Un { V(), U }
        pub struct Empty();
        """,
        response="a: Adj, b: Un, c: Empty",
        request="ping: u8",
    )
    for t in project.types:
        shapes = [(c.shape, c.fields) for c in t.constructors] if hasattr(t, "constructors") else [(t.shape, t.fields)]
        assert shapes[0] == (Shape.TUPLE, ())
    found = errors('#[serde(tag = "t")] pub enum E { V(), U }', response="e: E")
    assert len(found) == 1 and "tuple variant with no fields" in found[0], found
    text = WORKER.format(request="sku: String", response="").replace("    Found {  },", "    Found(),")
    project, diagnostics = resolve([parse_source("lib.rs", text.encode())])
    assert not diagnostics and project.workers[0].variants[1].shape is Shape.TUPLE
    tagged = text.replace("#[derive(BuildAmpWorker)]", '#[derive(BuildAmpWorker)]\n#[serde(tag = "type")]')
    _, diagnostics = resolve([parse_source("lib.rs", tagged.encode())])
    assert [d.message for d in diagnostics if "no fields" in d.message]


@pytest.mark.parametrize("types, needle", [
    ("pub type T = T;", "type alias `T` refers to itself"),
    ("pub type T = Vec<Option<Box<T>>>;", "type alias `T` refers to itself"),
    ("pub type T = A; pub type A = HashMap<String, (T, u8)>;", "refers to itself through `A`"),
])
def test_recursive_aliases_are_an_error(types, needle):
    found = errors(types, response="t: T")
    assert len(found) == 1 and needle in found[0], found


def test_an_alias_that_reaches_itself_through_a_struct_is_fine():
    project = ok("pub type T = Vec<S>; pub struct S { t: T }", response="t: T")
    assert {t.name: t.cycle for t in project.types} == {"S": 0, "T": 0}


def test_a_type_named_like_an_envelope_is_an_error():
    for name in ("ShopWorkerRequestEnvelope", "ShopWorkerResponseEnvelope"):
        found = errors(f"pub struct {name} {{ id: u64 }}", response=f"e: {name}")
        assert any("named like the envelopes of worker" in line for line in found), found


def test_the_names_of_tracked_requests_and_what_they_take():
    text = """
    #[derive(BuildAmpWorker)]
    pub enum HTTPRouteWorkerMessage {
        // main -> worker
        Signal { level: u8 },
        Route { path: String },
        // worker -> main
        Routed { path: String },
        RouteFailed { error: String },
    }
    """
    project, diagnostics = resolve([parse_source("lib.rs", text.encode())])
    assert not diagnostics  # a request `Signal` is fine: its command is `signal`
    [worker] = project.workers
    elm = worker.elm
    assert (elm.send_with, elm.tracked, elm.cancel, elm.terminate, elm.tracked_port) == (
        "sendToHTTPRouteWorkerWith", "httpRouteWorkerTracked", "cancelHTTPRouteWorker",
        "terminateHTTPRouteWorker", "httpRouteWorkerTrackedPort")
    schema = worker.schema
    assert (schema.port, schema.tracked, schema.cancel_envelope) == (
        "HTTPRouteWorkerRequest.port", "HTTPRouteWorkerResponse.tracked",
        "HTTPRouteWorkerRequestEnvelope.cancel")


@pytest.mark.parametrize("variant, problem", [
    ("CancelHTTPRouteWorker", "would get the Elm command `cancelHTTPRouteWorker`"),
    ("TerminateHTTPRouteWorker", "would get the Elm command `terminateHTTPRouteWorker`"),
    ("SendToHTTPRouteWorkerWith", "would get the Elm command `sendToHTTPRouteWorkerWith`"),
    ("#[worker(request)] HTTPRouteWorkerTracked", "would get the Elm command `httpRouteWorkerTracked`"),
    ("#[worker(response)] Signal", "would get the JS reply method `signal`"),
])
def test_a_message_named_like_a_function_of_tracked_requests_is_an_error(variant, problem):
    text = f"""
    #[derive(BuildAmpWorker)]
    pub enum HTTPRouteWorkerMessage {{
        Route {{ path: String }},
        {variant} {{ path: String }},
        RouteFailed {{ error: String }},
    }}
    """
    project, diagnostics = resolve([parse_source("lib.rs", text.encode())])
    assert [problem in d.message for d in diagnostics] == [True], [d.message for d in diagnostics]
    assert project.workers == ()
