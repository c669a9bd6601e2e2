"""Unit tests for the Rust reader (`hamlet.read.rust`): source text in, syntax dataclasses out."""

from __future__ import annotations

import pytest

from hamlet.diagnostics import Loc
from hamlet.read.rust import (
    Arg,
    Attr,
    RAlias,
    RArray,
    REnum,
    RPath,
    RRef,
    RStruct,
    RTuple,
    RUnsupported,
    parse_paths,
    parse_source,
)
from hamlet.read.rust.attrs import unescape
from support.seed import SEED



def line_of(text: str) -> int:
    """The line of the seed that starts with `text` (the seed is read from examples/seed)."""
    return next(n for n, line in enumerate(SEED.splitlines(), 1) if line.startswith(text))


def parse(text: str, path: str = "lib.rs"):
    return parse_source(path, text.encode("utf-8"))


def items(text: str):
    parsed = parse(text)
    assert parsed.diagnostics == ()
    return parsed.items


def only(text: str):
    (item,) = items(text)
    return item


def field_types(text: str) -> dict:
    """`struct S { a: T, .. }` body -> {"a": RType}."""
    struct = only(f"struct S {{ {text} }}")
    return {f.name: f.ty for f in struct.fields}


def shape(ty) -> object:
    """An RType without locations, for compact comparisons."""
    if isinstance(ty, RPath):
        return ("path", ty.segments, tuple(shape(a) for a in ty.args))
    if isinstance(ty, RTuple):
        return ("tuple", tuple(shape(i) for i in ty.items))
    if isinstance(ty, RArray):
        return ("array", shape(ty.item), ty.length)
    if isinstance(ty, RRef):
        return ("ref", shape(ty.item), ty.lifetime, ty.mutable)
    assert isinstance(ty, RUnsupported)
    return ("unsupported", ty.kind)


def p(name: str, *args) -> tuple:
    return ("path", tuple(name.split("::")), args)


# ---- the seed ------------------------------------------------------------------------


def test_seed_enums_names_derives_and_locations():
    # verbatim: the trailing spaces users paste in are still there
    assert "ProcessImage { \n" in SEED and "// Worker → Main  \n" in SEED
    image, data, _ = items(SEED)
    assert isinstance(image, REnum) and isinstance(data, REnum)
    assert image.name == "ImageWorkerMessage"
    assert data.name == "DataWorkerMessage"
    assert image.derives == ("BuildAmpWorker", "Debug", "Clone")
    assert image.loc == Loc("lib.rs", line_of("pub enum ImageWorkerMessage"), 1)
    assert data.loc == Loc("lib.rs", line_of("pub enum DataWorkerMessage"), 1)
    assert image.module == () and image.generics == () and image.docs == ""
    assert image.attrs == ()


def test_seed_image_worker_variants_fields_and_section_comments():
    image = items(SEED)[0]
    got = [(v.name, v.kind, v.comments) for v in image.variants]
    assert got == [
        ("ProcessImage", "struct", ("Main → Worker",)),
        ("ProcessingComplete", "struct", ("Worker → Main",)),
        ("ProcessingFailed", "struct", ()),
        ("ProcessingProgress", "struct", ()),
    ]
    process = image.variants[0]
    assert [(f.name, shape(f.ty)) for f in process.fields] == [
        ("image_url", p("String")),
        ("max_width", p("u32")),
        ("quality", p("u8")),
    ]
    complete = image.variants[1]
    assert shape(complete.fields[1].ty) == ("tuple", (p("u32"), p("u32")))
    assert complete.fields[1].ty.text == "(u32, u32)"
    start = line_of("    ProcessImage {")
    assert process.loc == Loc("lib.rs", start, 5)
    assert process.fields[0].loc == Loc("lib.rs", start + 1, 9)
    assert process.fields[0].ty.loc == Loc("lib.rs", start + 1, 20)


def test_seed_data_worker_variants():
    data = items(SEED)[1]
    got = [(v.name, v.comments, [f.name for f in v.fields]) for v in data.variants]
    assert got == [
        ("ProcessCSV", ("Main → Worker",), ["data"]),
        ("CalculateStats", (), ["numbers"]),
        ("CSVProcessed", ("Worker → Main",), ["rows", "columns"]),
        ("StatsCalculated", (), ["mean", "median", "std_dev"]),
        ("WorkerError", (), ["message"]),
    ]
    assert shape(data.variants[1].fields[0].ty) == p("Vec", p("f64"))


def test_seed_csv_worker():
    enum = items(SEED)[2]
    assert enum.derives == ("BuildAmpWorker",)
    assert [v.name for v in enum.variants] == ["ParseCSV", "CSVParsed", "ParseError"]
    assert all(v.comments == () for v in enum.variants)
    assert shape(enum.variants[1].fields[0].ty) == p("Vec", p("Vec", p("String")))


# ---- items and modules ---------------------------------------------------------------


def test_nested_inline_modules_in_source_order():
    src = """
pub struct Top;
mod outer {
    pub enum A { X }
    pub mod inner {
        type Alias = u8;
        struct B(u8);
    }
    enum C { Y }
}
mod elsewhere;
enum D { Z }
"""
    got = [(type(i).__name__, i.name, i.module) for i in items(src)]
    assert got == [
        ("RStruct", "Top", ()),
        ("REnum", "A", ("outer",)),
        ("RAlias", "Alias", ("outer", "inner")),
        ("RStruct", "B", ("outer", "inner")),
        ("REnum", "C", ("outer",)),
        ("REnum", "D", ()),
    ]


def test_items_in_functions_impls_and_traits_are_not_collected_but_cfg_items_are():
    src = """
fn f() { enum InFn { A } }
impl S { fn g() { struct InImpl; } }
trait T { type Assoc; }
#[cfg(test)]
mod tests { enum Gated { A } }
#[cfg(feature = "x")]
enum AlsoGated { B }
"""
    got = [(i.name, i.module) for i in items(src)]
    assert got == [("Gated", ("tests",)), ("AlsoGated", ())]
    assert only("#[cfg(test)]\nenum E { A }").attrs[0].path == "cfg"


def test_struct_kinds_and_alias():
    named, tuple_, unit, alias = items(
        "struct N { pub a: u8, b: String }\n"
        "pub(crate) struct T(pub u8, String);\n"
        "struct U;\n"
        "/// Labels by id.\n"
        "pub type Labels<K> = HashMap<K, Vec<String>>;\n"
    )
    assert isinstance(named, RStruct) and named.kind == "struct"
    assert [f.name for f in named.fields] == ["a", "b"]
    assert tuple_.kind == "tuple" and [f.name for f in tuple_.fields] == [None, None]
    assert [shape(f.ty) for f in tuple_.fields] == [p("u8"), p("String")]
    assert unit.kind == "unit" and unit.fields == ()
    assert isinstance(alias, RAlias)
    assert alias.name == "Labels" and alias.generics == ("K",) and alias.docs == "Labels by id."
    assert shape(alias.ty) == p("HashMap", p("K"), p("Vec", p("String")))
    assert alias.loc == Loc("lib.rs", 5, 1)


def test_variant_kinds_positional_fields_and_discriminants():
    enum = only("enum E { Unit, Tup(u8, String), Rec { a: bool }, Disc = 3, }")
    assert [(v.name, v.kind) for v in enum.variants] == [
        ("Unit", "unit"),
        ("Tup", "tuple"),
        ("Rec", "struct"),
        ("Disc", "unit"),
    ]
    tup = enum.variants[1]
    assert [(f.name, shape(f.ty)) for f in tup.fields] == [(None, p("u8")), (None, p("String"))]


def test_raw_identifiers_lose_their_prefix():
    enum = only("enum r#E { r#Type { r#match: u8, r#type: String }, Plain(u8) }")
    assert enum.name == "E"
    assert enum.variants[0].name == "Type"
    assert [f.name for f in enum.variants[0].fields] == ["match", "type"]


def test_generics_of_type_lifetime_and_const_parameters():
    enum, struct = items(
        "enum E<T> { A(T) }\n"
        "struct S<'a, T: Clone + 'a, const N: usize = 3> where T: Copy { x: &'a [T; N] }"
    )
    assert enum.generics == ("T",)
    assert struct.generics == ("'a", "T", "N")
    assert only("enum Plain { A }").generics == ()


# ---- attributes and derives ---------------------------------------------------------


def test_several_derive_attributes_and_path_qualified_derives_count_together():
    enum = only(
        "#[derive(Debug, Clone,)]\n"
        '#[serde(tag = "t")]\n'
        "#[derive(hamlet::BuildAmpWorker)]\n"
        "#[derive( ::serde :: Serialize /* why */ , PartialEq)]\n"
        "enum E { A }"
    )
    assert enum.derives == (
        "Debug",
        "Clone",
        "hamlet::BuildAmpWorker",
        "::serde::Serialize",
        "PartialEq",
    )
    assert [a.path for a in enum.attrs] == ["serde"]


def pairs(attr) -> tuple:
    """An attribute's items as (key, value) pairs."""
    return tuple((arg.key, arg.value) for arg in attr.args)


def test_attribute_arguments():
    enum = only(
        """
#[serde(rename = "x", default)]
#[serde(rename_all = "camelCase")]
#[serde(default = "path::f", skip_serializing_if = "Option::is_none")]
#[serde(rename(serialize = "a", deserialize = "b"), bound = 3)]
#[non_exhaustive]
#[path = "p.rs"]
#[hamlet::worker(request)]
enum E { A }
"""
    )
    assert [(a.path, pairs(a)) for a in enum.attrs] == [
        ("serde", (("rename", "x"), ("default", None))),
        ("serde", (("rename_all", "camelCase"),)),
        ("serde", (("default", "path::f"), ("skip_serializing_if", "Option::is_none"))),
        ("serde", (("rename", 'serialize = "a", deserialize = "b"'), ("bound", "3"))),
        ("non_exhaustive", ()),
        ("path", ()),
        ("hamlet::worker", (("request", None),)),
    ]
    assert [[arg.string for arg in a.args] for a in enum.attrs[:4]] == [
        [True, False], [True], [True, True], [False, False],
    ]
    # A list is read from the tree, one level deep: its items as items.
    rename = enum.attrs[3].args[0]
    assert rename.nested == (
        Arg("serialize", "a", string=True, text='serialize = "a"'),
        Arg("deserialize", "b", string=True, text='deserialize = "b"'),
    )
    assert rename.text == 'rename(serialize = "a", deserialize = "b")'
    assert [a.listed for a in enum.attrs] == [True] * 4 + [False, False, True]
    first = enum.attrs[0]
    assert first.loc == Loc("lib.rs", 2, 1)
    assert first.text == '#[serde(rename = "x", default)]'


def test_attribute_values_that_are_not_one_string_literal():
    """serde reads a value only from one string literal; the parser says which are."""
    enum = only(
        """
#[serde(a = "x", b = r#"y"#, c = 5, d = b"z", e = concat!("p", "q"), f = "m" "n", g)]
enum E { A }
"""
    )
    (attr,) = enum.attrs
    assert [arg.key for arg in attr.args] == list("abcdefg")
    assert [arg.string for arg in attr.args] == [True, True, False, False, False, False, False]
    assert dict(pairs(attr))["e"] == 'concat!("p", "q")'


def test_attributes_on_variants_and_fields():
    enum = only(
        """enum E {
    #[worker(request)]
    A { #[serde(rename = "id")] key: u32 },
    #[worker(response, progress)]
    B(#[serde(default)] u8),
}"""
    )
    a, b = enum.variants
    assert a.attrs == (
        Attr("worker", (Arg("request", text="request"),), Loc("lib.rs", 2, 5), "#[worker(request)]",
             listed=True),
    )
    assert pairs(a.fields[0].attrs[0]) == (("rename", "id"),)
    assert pairs(b.attrs[0]) == (("response", None), ("progress", None))
    assert pairs(b.fields[0].attrs[0]) == (("default", None),)
    assert b.fields[0].name is None and shape(b.fields[0].ty) == p("u8")


@pytest.mark.parametrize(
    "literal, text",
    [
        ('"plain"', "plain"),
        ('""', ""),
        ('"a\\"b"', 'a"b'),
        ('"tab\\there\\n"', "tab\there\n"),
        ('"\\x41\\u{2192}\\u{1F600}\\\\"', "A→😀\\"),
        ('r"C:\\dir"', "C:\\dir"),
        ('r#"say "hi""#', 'say "hi"'),
        ('r#""#', ""),
        ('b"bytes"', "bytes"),
        ('"line \\\n     continued"', "line continued"),
        ('"two \\\n  \n   lines"', "two lines"),
        ("42", "42"),
    ],
)
def test_literal_values_are_read_from_the_tree(literal, text):
    (attr,) = only(f"#[serde(rename = {literal})]\nenum E {{ A }}").attrs
    assert attr.args[0].value == text


def test_string_values_are_unquoted_in_attributes():
    enum = only('#[serde(rename = r#"a"b"#, alias = "x\\"y")]\nenum E { A }')
    assert pairs(enum.attrs[0]) == (("rename", 'a"b'), ("alias", 'x"y'))


@pytest.mark.parametrize(
    "escape, char",
    [("\\n", "\n"), ("\\0", "\0"), ("\\'", "'"), ("\\x7f", "\x7f"), ("\\u{e9}", "é"),
     ("\\u{D800}", "\ufffd"), ("\\q", "\\q"), ("\\u{110000}", "\\u{110000}"), ("\\\n", None)],
)
def test_unescape(escape, char):
    assert unescape(escape) == char


def test_lists_nest_one_level_and_odd_items_stay_whole():
    (attr,) = only('#[serde(a(b(c)), d::e(f), r#g(h), k = "v" (w))]\nenum E { A }').attrs
    first, path, raw, trailing = attr.args
    assert (first.key, first.value) == ("a", "b(c)")
    assert first.nested == (Arg("b(c)", text="b(c)"),)  # no deeper: serde's lists are flat
    assert (path.key, path.listed) == ("d::e(f)", False)
    assert (raw.key, raw.listed) == ("r#g(h)", False)
    assert (trailing.key, trailing.value, trailing.string) == ("k", '"v" (w)', False)


# ---- docs and comments ---------------------------------------------------------------


def test_outer_doc_comments_become_docs_and_inner_ones_are_ignored():
    src = """//! Crate docs, not the enum's.
/// First line.
///   indented
///
/** Block
 * with stars
 */
#[doc = " From an attribute."]
//// four slashes: a plain comment
// plain
enum E {
    /// The A variant.
    A {
        /// The x field.
        x: u8,
    },
}
"""
    enum = only(src)
    assert enum.docs == "First line.\n  indented\n\nBlock\nwith stars\nFrom an attribute."
    assert [a.path for a in enum.attrs] == []
    variant = enum.variants[0]
    assert variant.docs == "The A variant."
    assert variant.comments == ()
    assert variant.fields[0].docs == "The x field."


def test_block_doc_without_stars_and_on_one_line():
    first, second = items(
        "/** One line. */\nstruct A;\n/**\n    Indented\n    block\n*/\nstruct B;\n"
    )
    assert first.docs == "One line."
    assert second.docs == "Indented\nblock"


def test_docs_do_not_leak_past_a_non_item():
    first, second = items("/// For the function.\nfn f() {}\nstruct A;\n/// Mine.\nstruct B;\n")
    assert first.docs == ""
    assert second.docs == "Mine."


def test_variant_comments_between_variants_in_order():
    enum = only(
        """enum E {
    // Main → Worker
    /* block */
    /// doc, not a comment
    A,
    #[worker(response)]
    // after the attribute
    B, // trailing on B's line
    // Worker -> Main
    C,
    // after the last variant
}"""
    )
    assert [(v.name, v.comments) for v in enum.variants] == [
        ("A", ("Main → Worker", "block")),
        ("B", ("after the attribute",)),
        ("C", ("trailing on B's line", "Worker -> Main")),
    ]


# ---- types ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rust, expected",
    [
        ("u32", p("u32")),
        ("Vec<Option<u32>>", p("Vec", p("Option", p("u32")))),
        (
            "std::collections::HashMap<String, Vec<f64>>",
            p("std::collections::HashMap", p("String"), p("Vec", p("f64"))),
        ),
        ("crate::types::Point", p("crate::types::Point")),
        ("Self", p("Self")),
        ("Cow<'a, str>", p("Cow", p("str"))),
        ("()", ("tuple", ())),
        ("(u8,)", ("tuple", (p("u8"),))),
        ("(u8, (bool, char))", ("tuple", (p("u8"), ("tuple", (p("bool"), p("char")))))),
        ("[u8; 4]", ("array", p("u8"), "4")),
        ("[u8; N * 2]", ("array", p("u8"), "N * 2")),
        ("&[String]", ("ref", ("array", p("String"), None), None, False)),
        ("&str", ("ref", p("str"), None, False)),
        ("&'a str", ("ref", p("str"), "'a", False)),
        ("&'static mut Vec<u8>", ("ref", p("Vec", p("u8")), "'static", True)),
        ("dyn Trait", ("unsupported", "trait object")),
        ("Box<dyn Fn()>", p("Box", ("unsupported", "trait object"))),
        ("Box<dyn Send + Sync>", p("Box", ("unsupported", "trait object"))),
        ("impl Iterator<Item = u8>", ("unsupported", "impl Trait")),
        ("fn(u8) -> u8", ("unsupported", "function pointer")),
        ("*const u8", ("unsupported", "raw pointer")),
        ("*mut u8", ("unsupported", "raw pointer")),
        ("!", ("unsupported", "never type")),
        ("my_macro!(u8)", ("unsupported", "macro in type position")),
        ("<T as Trait>::X", ("unsupported", "qualified path")),
        ("Vec<<T as Trait>::X>", p("Vec", ("unsupported", "qualified path"))),
        ("Foo<3>", p("Foo", ("unsupported", "const generic argument"))),
        ("Box<dyn Iterator<Item = u8>>", p("Box", ("unsupported", "trait object"))),
    ],
)
def test_type_forms(rust, expected):
    ty = field_types(f"f: {rust}")["f"]
    assert shape(ty) == expected
    assert ty.text == rust
    assert ty.loc == Loc("lib.rs", 1, 15)


def test_parenthesised_type_is_the_type_inside():
    ty = field_types("f: (u8)")["f"]
    assert shape(ty) == p("u8")
    assert (ty.text, ty.loc) == ("u8", Loc("lib.rs", 1, 16))


def test_nested_types_carry_their_own_location_and_text():
    ty = field_types("a: u8,\n    b: HashMap<String, Vec<f64>>")["b"]
    inner = ty.args[1]
    assert (ty.loc, ty.text) == (Loc("lib.rs", 2, 8), "HashMap<String, Vec<f64>>")
    assert (inner.loc, inner.text) == (Loc("lib.rs", 2, 24), "Vec<f64>")
    assert (inner.args[0].loc, inner.args[0].text) == (Loc("lib.rs", 2, 28), "f64")


def test_columns_count_characters_not_bytes():
    struct = only("struct S { /* →→ */ x: u8 }")
    assert struct.fields[0].loc == Loc("lib.rs", 1, 21)
    assert struct.fields[0].ty.loc == Loc("lib.rs", 1, 24)


# ---- syntax errors -------------------------------------------------------------------

HINT = "fix the Rust syntax; Hamlet reads the file as rustc would"


def test_unexpected_token_is_reported_and_items_survive():
    parsed = parse("enum E { A B, C }\nstruct Fine { x: u8 }\n")
    (diag,) = parsed.diagnostics
    assert diag.loc == Loc("lib.rs", 1, 12)
    assert diag.message == "syntax error: unexpected `B`"
    assert diag.hint == HINT and diag.is_error
    assert [i.name for i in parsed.items] == ["E", "Fine"]
    assert [v.name for v in parsed.items[0].variants] == ["A", "C"]


def test_missing_token_is_reported_as_expected():
    parsed = parse("enum E { A(u8 }\n")
    (diag,) = parsed.diagnostics
    assert diag.message == "syntax error: expected `)`"
    assert diag.loc == Loc("lib.rs", 1, 14)
    assert parsed.items[0].variants[0].fields[0].ty.text == "u8"


def test_missing_type_becomes_an_unsupported_syntax_error_type():
    parsed = parse("struct S { a: u8, b: }")
    (diag,) = parsed.diagnostics
    assert diag.message.startswith("syntax error: expected ")
    assert diag.loc == Loc("lib.rs", 1, 21)
    assert shape(parsed.items[0].fields[1].ty) == ("unsupported", "syntax error")


def test_one_diagnostic_per_top_most_error_and_items_inside_errors_still_found():
    parsed = parse("fn f( {\nenum E { A }\n")
    assert len(parsed.diagnostics) == 1  # the MISSING `)` inside the ERROR is not repeated
    assert parsed.diagnostics[0].loc == Loc("lib.rs", 1, 1)
    assert parsed.diagnostics[0].message.startswith("syntax error: unexpected `fn f( {")
    assert [i.name for i in parsed.items] == ["E"]


def test_several_errors_are_all_reported_in_order():
    parsed = parse("enum E { A B }\nenum F { X = , }\nstruct S { a: u8, b: }\n")
    assert [(d.loc.line, d.loc.col) for d in parsed.diagnostics] == [(1, 12), (2, 12), (3, 21)]


def test_error_columns_count_characters():
    parsed = parse("enum E { /* → */ A B }")
    assert parsed.diagnostics[0].loc == Loc("lib.rs", 1, 20)  # 22 in bytes


def test_non_utf8_file_is_one_diagnostic_at_the_first_bad_byte():
    source = "// ok\nenum E { A } // é ".encode() + b"\xff"
    parsed = parse_source("bad.rs", source)
    assert parsed.items == ()
    (diag,) = parsed.diagnostics
    assert diag.loc == Loc("bad.rs", 2, 19)
    assert "UTF-8" in diag.message and "0xff" in diag.message
    assert diag.hint and diag.is_error


def test_bom_and_crlf_are_fine():
    enum = only("\ufeff/// Doc.\r\n#[derive(A)]\r\nenum E {\r\n    // c\r\n    X,\r\n}\r\n")
    assert enum.docs == "Doc."
    assert enum.variants[0].comments == ("c",)
    assert enum.variants[0].loc == Loc("lib.rs", 5, 5)


# ---- files and folders ---------------------------------------------------------------


def write(root, relative: str, text: str = "enum E { A }\n"):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folders_are_searched_recursively_in_sorted_order_skipping_target_and_hidden(
    tmp_path, monkeypatch
):
    for name in [
        "src/main.rs",
        "src/a/z.rs",
        "src/a/b.rs",
        "src/b.rs",
        "src/target/gen.rs",
        "src/.hidden/x.rs",
        "src/.#lock.rs",
        "src/notes.txt",
    ]:
        write(tmp_path, name)
    monkeypatch.chdir(tmp_path)
    files, diagnostics = parse_paths(["src"])
    assert diagnostics == []
    assert [f.path for f in files] == ["src/a/b.rs", "src/a/z.rs", "src/b.rs", "src/main.rs"]
    assert files[0].items[0].loc == Loc("src/a/b.rs", 1, 1)


def test_trailing_slash_dot_and_explicit_files(tmp_path, monkeypatch):
    write(tmp_path, "src/lib.rs")
    write(tmp_path, "target/hidden.rs")
    monkeypatch.chdir(tmp_path)
    assert [f.path for f in parse_paths(["src/"])[0]] == ["src/lib.rs"]
    assert [f.path for f in parse_paths(["."])[0]] == ["./src/lib.rs"]
    # A file named explicitly is read even inside target/.
    assert [f.path for f in parse_paths(["target/hidden.rs"])[0]] == ["target/hidden.rs"]


def test_absolute_paths_stay_absolute(tmp_path):
    write(tmp_path, "x/lib.rs")
    files, _ = parse_paths([str(tmp_path / "x")])
    assert [f.path for f in files] == [f"{tmp_path}/x/lib.rs"]


def test_missing_path_and_non_rust_file_are_errors(tmp_path, monkeypatch):
    write(tmp_path, "notes.txt", "hello")
    write(tmp_path, "ok.rs")
    monkeypatch.chdir(tmp_path)
    files, diagnostics = parse_paths(["nope", "notes.txt", "ok.rs"])
    assert [f.path for f in files] == ["ok.rs"]
    assert [(d.loc, d.is_error) for d in diagnostics] == [  # whole paths: no line
        (Loc("nope"), True),
        (Loc("notes.txt"), True),
    ]
    assert "nope" in diagnostics[0].message and diagnostics[0].hint
    assert ".rs" in diagnostics[1].message and diagnostics[1].hint


def test_syntax_errors_and_bad_encoding_reach_the_returned_diagnostics(tmp_path, monkeypatch):
    write(tmp_path, "src/broken.rs", "enum E { A B }\n")
    (tmp_path / "src/latin1.rs").write_bytes(b"// caf\xe9\n")
    monkeypatch.chdir(tmp_path)
    files, diagnostics = parse_paths(["src"])
    assert [f.path for f in files] == ["src/broken.rs", "src/latin1.rs"]
    assert [str(d.loc) for d in diagnostics] == ["src/broken.rs:1:12", "src/latin1.rs:1:7"]
    assert files[0].diagnostics == (diagnostics[0],)


def test_a_file_reached_twice_is_parsed_once(tmp_path, monkeypatch):
    write(tmp_path, "src/lib.rs")
    monkeypatch.chdir(tmp_path)
    files, diagnostics = parse_paths(["src", "src/lib.rs", "./src"])
    assert [f.path for f in files] == ["src/lib.rs"]
    assert diagnostics == []
