//! serde_json's side of the differential test (tests/toolchain/test_serde_diff.py).
//!
//!     hamlet-serde-diff samples   one line per JSON text to try, `kind<TAB>Type<TAB>json`:
//!                                 `sample` lines are what serde writes for a value,
//!                                 `probe` lines are hand-written JSON (some of it JSON
//!                                 that serde rejects)
//!     hamlet-serde-diff check     reads `Type<TAB>json` lines; answers each with
//!                                 `ok<TAB>json` (serde read it, and this is what it
//!                                 writes back) or `err<TAB>message`
//!
//! The types are in types.rs, which is also what Hamlet reads.

#[allow(dead_code)] // fields serde skips are never read
mod types;

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::io::{Read, Write};
use std::rc::Rc;
use std::sync::Arc;
use types::geo::Bearing;
use types::*;

type Answer = std::result::Result<String, String>;

fn roundtrip<T: Serialize + DeserializeOwned>(text: &str) -> Answer {
    let value: T = serde_json::from_str(text).map_err(|e| e.to_string())?;
    serde_json::to_string(&value).map_err(|e| e.to_string())
}

macro_rules! check_as {
    ($name:expr, $text:expr; $($t:ident),* $(,)?) => {
        match $name {
            $(stringify!($t) => roundtrip::<$t>($text),)*
            "DiffWorkerRequest" | "DiffWorkerResponse" => roundtrip::<DiffWorkerMessage>($text),
            other => Err(format!("unknown type {}", other)),
        }
    };
}

fn check(name: &str, text: &str) -> Answer {
    check_as!(name, text;
        Scalars, Containers, Pointers, Optionals, Aliased, Labels, Keywords, Result, Maybe,
        Track, Renamed, StyleLower, StyleUpper, StylePascal, StyleCamel, StyleSnake,
        StyleScreaming, StyleKebab, StyleScreamingKebab, LevelLower, LevelUpper, LevelPascal,
        LevelCamel, LevelSnake, LevelScreaming, LevelKebab, LevelScreamingKebab,
        PrototypeKeys, RequiredProto, Dict, ProtoTagged, ConstructorTagged, Defaults,
        FieldDefaults, Omitted, Skipped, AllOptional, Position, Sized_, Framed, Nothing, Outer, Meters, Pair,
        Triple, SkipOneOfThree, Marker, EmptyTuple, EmptyRecord, Cards, Card, Players, Pool,
        UserId, LatLng, Colour, Shape, Event, EmptyTag, TaggedNothing, Layered, AdvancedColors, Adjacent,
        StructOrNull, Meta, MetaOrName, Coordinate, PairOrTriple, Scalar, Untagged,
        NestedUntagged, Tree, Node, Forest, Branch, Expr, Icon, Badge, Grid, Coordinates,
        MaybeName, Bearing, SnakeFields, External, ExternalRenamed, Json, Holder, HoldsExternal,
        ExternalOrNumber,
    )
}

/// The lines `samples` prints.
#[derive(Default)]
struct Lines(Vec<String>);

impl Lines {
    fn sample<T: Serialize>(&mut self, name: &str, value: T) {
        let json = serde_json::to_string(&value).expect("serde_json writes every sample");
        self.0.push(format!("sample\t{}\t{}", name, json));
    }

    fn probe(&mut self, name: &str, json: &str) {
        serde_json::from_str::<serde_json::Value>(json).expect("every probe is JSON");
        self.0.push(format!("probe\t{}\t{}", name, json));
    }

    fn probes(&mut self, name: &str, jsons: &[&str]) {
        for json in jsons {
            self.probe(name, json);
        }
    }
}

fn map<V, const N: usize>(pairs: [(&str, V); N]) -> BTreeMap<String, V> {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

fn s(text: &str) -> String {
    text.to_string()
}

fn scalars(out: &mut Lines) {
    out.sample("Scalars", Scalars {
        flag: true, tiny: -128, byte: 255, short: -32768, word: 65535, int: -2147483648,
        count: 4294967295, long: -9007199254740991, big: 9007199254740991, size: 12,
        offset: -12, ratio: 0.25, real: -1.5e-7, letter: 'é', text: s("a \"quoted\"\nline\t✓ 🦀"),
        nothing: (),
    });
    out.sample("Scalars", Scalars {
        flag: false, tiny: 0, byte: 0, short: 0, word: 0, int: 0, count: 0, long: 0, big: 0,
        size: 0, offset: 0, ratio: 1e-3, real: 12345.678, letter: '\u{1F980}', text: String::new(),
        nothing: (),
    });
    out.probes("Scalars", &[
        // a missing key, null for a number, a string for a bool: serde rejects each
        r#"{"flag":true,"tiny":0,"byte":0,"short":0,"word":0,"int":0,"count":0,"long":0,"big":0,"size":0,"offset":0,"ratio":0,"real":0,"letter":"x","text":""}"#,
        r#"{"flag":true,"tiny":0,"byte":0,"short":0,"word":0,"int":0,"count":0,"long":0,"big":0,"size":0,"offset":0,"ratio":0,"real":null,"letter":"x","text":"","nothing":null}"#,
        r#"{"flag":"yes","tiny":0,"byte":0,"short":0,"word":0,"int":0,"count":0,"long":0,"big":0,"size":0,"offset":0,"ratio":0,"real":0,"letter":"x","text":"","nothing":null}"#,
        r#"{"flag":true,"tiny":0,"byte":0,"short":0,"word":0,"int":1.5,"count":0,"long":0,"big":0,"size":0,"offset":0,"ratio":0,"real":0,"letter":"x","text":"","nothing":null}"#,
    ]);
    out.sample("Containers", Containers {
        list: vec![1, 2, 3], deque: VecDeque::from(vec![s("a"), s("b")]),
        ordered: BTreeSet::from([3, -1, 2]), hashed: HashSet::from([7]), array: [1, 2, 3],
        map: map([("a", 1.5), ("b", -2.0)]), lookup: HashMap::from([(s("yes"), true)]),
        nested: vec![vec![Some(1), None], vec![]], pair: (8, s("eight")),
        triple: (true, 0.5, vec![9]), pairs: vec![(s("x"), -1), (s("y"), 2)],
    });
    out.sample("Containers", Containers {
        list: vec![], deque: VecDeque::new(), ordered: BTreeSet::new(), hashed: HashSet::new(),
        array: [0, 0, 0], map: BTreeMap::new(), lookup: HashMap::new(), nested: vec![],
        pair: (0, String::new()), triple: (false, 0.0, vec![]), pairs: vec![],
    });
    out.probes("Containers", &[
        // a pair of three, a triple of two: serde reads a tuple of its length only
        r#"{"list":[],"deque":[],"ordered":[],"hashed":[],"array":[1,2,3],"map":{},"lookup":{},"nested":[],"pair":[1,"a","b"],"triple":[true,1,[]],"pairs":[]}"#,
        r#"{"list":[],"deque":[],"ordered":[],"hashed":[],"array":[1,2,3],"map":{},"lookup":{},"nested":[],"pair":[1,"a"],"triple":[true,1],"pairs":[]}"#,
        r#"{"list":[],"deque":[],"ordered":[],"hashed":[],"array":[1,2,3],"map":{},"lookup":{},"nested":[],"pair":[1,"a"],"triple":[true,1,[]],"pairs":[["k",1,2]]}"#,
    ]);
    out.sample("Pointers", Pointers {
        boxed: Box::new(s("box")), shared: Rc::new(5), atomic: Arc::new(vec![true, false]),
        text: "str".into(), nested: Box::new(Some(Box::new(3))),
    });
    out.sample("Pointers", Pointers {
        boxed: Box::new(s("")), shared: Rc::new(0), atomic: Arc::new(vec![]), text: "".into(),
        nested: Box::new(None),
    });
    out.sample("Optionals", Optionals {
        some: Some(3), none: None, twice: Some(Some(4)), list: vec![Some(true), None],
        map: map([("a", Some(1)), ("b", None)]), tuple: Some((1, 2)),
    });
    out.sample("Optionals", Optionals {
        some: None, none: Some(s("x")), twice: Some(None), list: vec![], map: BTreeMap::new(),
        tuple: None,
    });
    out.probes("Optionals", &[
        // a missing Option is None to serde (and Nothing to Elm)
        r#"{}"#,
        r#"{"list":[],"map":{}}"#,
        r#"{"list":[null],"map":{"k":null},"tuple":[1,2,3]}"#,
        r#"{"list":[],"map":{},"some":"3"}"#,
    ]);
    out.sample("Aliased", Aliased {
        labels: map([("colours", vec![s("red"), s("blue")]), ("none", vec![])]),
        name: Some(s("alias")), grid: vec![vec![1.0, 2.5], vec![]], at: (1.5, -2.25),
    });
    out.sample("Aliased", Aliased { labels: BTreeMap::new(), name: None, grid: vec![], at: (0.0, 0.0) });
    out.probes("Aliased", &[
        // an Option through an alias may be missing, like any Option
        r#"{"labels":{},"grid":[],"at":[1,2]}"#,
        r#"{"labels":{"a":["b"]},"name":"n","grid":[[1]],"at":[1,2]}"#,
        r#"{"labels":{"hasOwnProperty":[],"__proto__":["p"]},"grid":[],"at":[1,2]}"#,
        r#"{"labels":[],"grid":[],"at":[1,2]}"#,
    ]);
    out.sample("Labels", map([("k", vec![s("v")])]));
    out.sample("Grid", vec![vec![0.5]]);
    out.sample("Coordinates", (3.0, 4.0));
    out.probes("Coordinates", &["[1]", "[1,2,3]", "{\"0\":1,\"1\":2}"]);
    out.sample("MaybeName", Some(s("n")));
    out.sample("MaybeName", None::<String>);
}

fn names(out: &mut Lines) {
    out.sample("Keywords", Keywords {
        r#if: 1, case: true, of: s("of"), module: 2, port: 3, exposing: 4, default: 5, import: 6,
        r#let: 7, r#in: 8,
    });
    out.sample("Result", Result { ok: true });
    out.sample("Maybe", Maybe::Just);
    out.sample("Maybe", Maybe::Nothing);
    out.probes("Maybe", &[
        "\"Other\"", "null",
        // serde reads a unit variant from a map of its name to null too
        r#"{"Just":null}"#, r#"{"Nothing":null}"#, r#"{"Just":1}"#, r#"{"Just":null,"Nothing":null}"#,
        r#"{"Other":null}"#, "{}", r#"["Just"]"#,
    ]);
    out.sample("Track", Track {
        track_name: s("Song"), play_count: 3, url2_path: s("/a"), is_http_ok: true,
    });
    out.probe("Track", r#"{"track_name":"Song","play_count":3,"url2_path":"/a","is_http_ok":true}"#);
    out.sample("Renamed", Renamed {
        spaced: 1, quoted: 2, empty: 3, unicode: 4, slashed: 5, raw: 6, directed: 7, aliased: 8,
    });
    macro_rules! styled {
        ($($t:ident / $e:ident),*) => {$(
            out.sample(stringify!($t), $t { user_id: 1, display_name: s("Ann") });
            out.sample(stringify!($e), $e::LowValue);
            out.sample(stringify!($e), $e::ParseCSV);
            out.sample(stringify!($e), $e::X);
        )*};
    }
    styled!(StyleLower / LevelLower, StyleUpper / LevelUpper, StylePascal / LevelPascal,
            StyleCamel / LevelCamel, StyleSnake / LevelSnake, StyleScreaming / LevelScreaming,
            StyleKebab / LevelKebab, StyleScreamingKebab / LevelScreamingKebab);
    out.probes("StyleCamel", &[r#"{"user_id":1,"display_name":"Ann"}"#, r#"[1,"Ann"]"#]);
    out.probes("LevelKebab", &["\"LowValue\"", "\"low-value\""]);
}

fn prototype_keys(out: &mut Lines) {
    out.sample("PrototypeKeys", PrototypeKeys {
        constructor: Some(1), to_string: Some(s("t")), value_of: Some(false),
        has_own_property: vec![1], proto: Some(2), is_prototype_of: Some(s("p")),
    });
    out.sample("PrototypeKeys", PrototypeKeys {
        constructor: None, to_string: None, value_of: None, has_own_property: vec![],
        proto: None, is_prototype_of: None,
    });
    out.probes("PrototypeKeys", &[
        // every key missing: each Option is None, the default is empty
        "{}",
        r#"{"__proto__":5}"#,
        r#"{"constructor":"not a number"}"#,
        r#"{"__proto__":{"constructor":1}}"#,
        "null",
        "[]",
    ]);
    let mut proto_map = map([("__proto__", 1), ("constructor", 2), ("toString", 3), ("x", 4)]);
    out.sample("RequiredProto", RequiredProto {
        proto: proto_map.clone(),
        enumerable: AllOptional { optional: Some(1), other: None },
        locale: s("fr"),
    });
    proto_map.remove("x");
    out.sample("Dict", proto_map);
    out.sample("Dict", map([("__proto__", 0)]));
    out.sample("Dict", map([("hasOwnProperty", 1), ("a\"b", 2), ("{\"x\":1}", 3), ("", 4)]));
    out.probes("Dict", &[
        r#"{"hasOwnProperty":1}"#,
        r#"{"hasOwnProperty":"1"}"#,
        r#"{"hasOwnProperty":1,"__proto__":2,"nested\"key":3}"#,
        r#"{"a":1,"a":2}"#,
        "[]", "null", r#"{"x":null}"#,
    ]);
    out.probes("RequiredProto", &[
        // a required key named like an Object.prototype member must be there
        r#"{"propertyIsEnumerable":{},"toLocaleString":"x"}"#,
        r#"{"__proto__":{},"toLocaleString":"x"}"#,
        r#"{"__proto__":{},"propertyIsEnumerable":{}}"#,
        r#"{"__proto__":{},"propertyIsEnumerable":{},"toLocaleString":"x"}"#,
        r#"{"__proto__":{"__proto__":{"a":1}},"propertyIsEnumerable":{},"toLocaleString":"x"}"#,
    ]);
    out.sample("ProtoTagged", ProtoTagged::Number(2.5));
    out.sample("ProtoTagged", ProtoTagged::Word { text: s("w") });
    out.sample("ProtoTagged", ProtoTagged::Nothing);
    out.probes("ProtoTagged", &[
        r#"{"constructor":1}"#,
        r#"{"__proto__":"Number"}"#,
        r#"{"__proto__":"Nothing","constructor":null}"#,
        r#"{"__proto__":"Nothing","constructor":1}"#,
    ]);
    out.sample("ConstructorTagged", ConstructorTagged::Circle { radius: 1.0 });
    out.sample("ConstructorTagged", ConstructorTagged::Dot);
    out.probes("ConstructorTagged", &["{}", r#"{"radius":1}"#]);
}

fn defaults(out: &mut Lines) {
    out.sample("Defaults", Defaults {
        list: vec![1], text: s("t"), count: 2, real: 0.5, flag: true, map: map([("k", 1)]),
        note: Some(s("n")), nothing: (), labels: map([("l", vec![])]),
    });
    out.sample("Defaults", Defaults::default());
    out.probes("Defaults", &[
        "{}",
        r#"{"list":[9]}"#,
        r#"{"list":null}"#,
        "[]",
        "[[1]]",
        r#"[[1],"t",2,0.5,true,{},null,null,{},"extra"]"#,
        "null",
    ]);
    out.sample("FieldDefaults", FieldDefaults {
        required: 1, list: vec![s("a")], count: -3, seven: 8, last: true,
    });
    out.probes("FieldDefaults", &[
        r#"{"required":1,"seven":7,"last":false}"#,
        r#"{"seven":7,"last":false}"#,
        // serde reads an array in field order, defaults only where it ends
        r#"[1,["a"],2,7,true]"#,
        r#"[1,["a"]]"#,
        r#"[1,["a"],2,7]"#,
    ]);
    out.sample("Omitted", Omitted {
        note: Some(s("n")), tags: vec![s("t")], name: s("x"), meta: map([("m", 1)]),
        alias: Some(s("a")), count: 1,
    });
    out.sample("Omitted", Omitted {
        note: None, tags: vec![], name: String::new(), meta: BTreeMap::new(), alias: None,
        count: 0,
    });
    out.probes("Omitted", &[r#"{"count":5}"#, r#"{"count":5,"note":null,"tags":[]}"#, "{}"]);
    out.sample("Skipped", Skipped { kept: 1, cache: vec![9, 9], also: s("a") });
    out.probe("Skipped", r#"{"kept":1,"cache":[1],"also":"a"}"#);
    out.sample("AllOptional", AllOptional { optional: Some(1), other: None });
    out.sample("AllOptional", AllOptional { optional: None, other: None });
    out.probes("AllOptional", &["{}", "null", "\"x\"", "1", "[]", "[1]", "[1,\"a\"]", "[null,null,null]", "true"]);
}

fn structs(out: &mut Lines) {
    out.sample("Position", Position { x: 1.5, y: -2.0 });
    out.probes("Position", &["[1,2]", "[1]", "[1,2,3]", r#"{"x":1}"#, r#"{"x":1,"y":2,"z":3}"#]);
    out.sample("Sized_", Sized_ { width: 3, at: Position { x: 1.0, y: 2.0 }, note: None });
    out.sample("Framed", Framed {
        id: 1,
        size: Sized_ { width: 2, at: Position { x: 0.5, y: 0.25 }, note: Some(s("n")) },
        label: Some(s("l")),
    });
    out.sample("Framed", Framed {
        id: 0, size: Sized_ { width: 0, at: Position { x: 0.0, y: 0.0 }, note: None }, label: None,
    });
    out.probes("Framed", &[
        // a struct with a flattened field is read from an object only
        r#"[1,{"width":2,"x":0,"y":0},null]"#,
        r#"{"id":1,"width":2,"x":0,"y":0}"#,
        r#"{"id":1,"width":2,"x":0}"#,
    ]);
    out.sample("Nothing", Nothing {});
    out.sample("Outer", Outer { a: 1, n: Nothing {} });
    out.probes("Outer", &[
        // the flattened struct with no fields has no key, and no "" key either
        r#"{"a":1,"":{}}"#,
        r#"{"a":1,"extra":2}"#,
        r#"{}"#,
        r#"[1,{}]"#,
    ]);
    out.sample("Meters", Meters(12.5));
    out.probes("Meters", &["[12.5]", "\"12.5\""]);
    out.sample("Pair", Pair(1, s("a")));
    out.probes("Pair", &["[1]", "[1,\"a\",2]", r#"{"0":1,"1":"a"}"#]);
    out.sample("Triple", Triple(1, None, vec![Pair(2, s("b"))]));
    out.sample("Triple", Triple(0, Some(true), vec![]));
    out.sample("SkipOneOfThree", SkipOneOfThree(1, 2, 3));
    out.probes("SkipOneOfThree", &["[1,3]", "[1,2,3]"]);
    out.sample("Marker", Marker);
    out.probes("Marker", &["[]", "{}", "0"]);
    out.sample("EmptyTuple", EmptyTuple());
    out.probes("EmptyTuple", &["[1]", "{}", "null"]);
    out.sample("EmptyRecord", EmptyRecord {});
    out.probes("EmptyRecord", &["[]", "[1]", "null", "\"\"", r#"{"extra":1}"#]);
    out.sample("Cards", Cards(vec![Card { name: s("ace") }]));
    out.sample("Card", Card { name: s("king") });
    out.sample("Players", Players { players: vec![Card { name: s("p") }] });
    out.probe("Players", r#"{"players":[]}"#);
    out.sample("Pool", Pool { cards: Cards(vec![]), queue: vec![1] });
    out.sample("UserId", UserId(9, 42));
    out.probes("UserId", &["[42]", "[9,42]"]);
    out.sample("LatLng", LatLng { lat: 51.5, lng: -0.1 });
    out.sample("Bearing", Bearing { degrees: 90.0, from: LatLng { lat: 0.0, lng: 0.0 } });
}

fn enums(out: &mut Lines) {
    out.sample("Colour", Colour::Red);
    out.sample("Colour", Colour::Green);
    out.sample("Colour", Colour::Blank);
    out.probes("Colour", &["\"Green\"", "\"Hidden\"", "\"Red \""]);
    for shape in [
        Shape::Circle { radius: 2.0 },
        Shape::Rectangle { width: 1.0, height: 2.0 },
        Shape::At(Position { x: 3.0, y: 4.0 }),
        Shape::Dot,
        Shape::Empty {},
        Shape::Labelled { label_text: s("hi"), font_size: Some(12) },
        Shape::Labelled { label_text: s("hi"), font_size: None },
    ] {
        out.sample("Shape", shape);
    }
    out.probes("Shape", &[
        r#"{"kind":"Dot","extra":1}"#,
        r#"{"kind":"Circle"}"#,
        r#"{"kind":"Rectangle","width":1,"height":2}"#,
        r#"{"radius":1}"#,
        r#"{"kind":"At","x":1}"#,
        r#"{"kind":"Labelled","labelText":"x"}"#,
    ]);
    out.sample("Event", Event::PageView { url: s("/") });
    out.sample("Event", Event::Click { x: 1, y: 2 });
    out.sample("Event", Event::SignOut);
    out.sample("EmptyTag", EmptyTag::A { x: 1 });
    out.sample("EmptyTag", EmptyTag::B);
    out.sample("TaggedNothing", TaggedNothing::A { x: 1 });
    out.sample("TaggedNothing", TaggedNothing::D(Nothing {}));
    out.probes("TaggedNothing", &[
        r#"{"kind":"D","value":{}}"#,
        r#"{"kind":"D","extra":1}"#,
        r#"{"kind":"A"}"#,
    ]);
    out.sample("Layered", Layered::Framed(Framed {
        id: 1, size: Sized_ { width: 2, at: Position { x: 1.0, y: 1.0 }, note: None }, label: None,
    }));
    out.sample("Layered", Layered::Bare);
    out.sample("AdvancedColors", AdvancedColors::String(s("red")));
    out.sample("AdvancedColors", AdvancedColors::Number(-1));
    out.sample("AdvancedColors", AdvancedColors::NumberArray(vec![1, 2]));
    out.sample("AdvancedColors", AdvancedColors::ReallyCoolType(EmptyRecord {}));
    for adjacent in [
        Adjacent::Unit,
        Adjacent::Newtype(1),
        Adjacent::MaybeNewtype(Some(2)),
        Adjacent::MaybeNewtype(None),
        Adjacent::Tuple(3, s("three")),
        Adjacent::NoFields(),
        Adjacent::Struct { value: 4, note: None },
        Adjacent::EmptyStruct {},
        Adjacent::Nested(Shape::Dot),
    ] {
        out.sample("Adjacent", adjacent);
    }
    out.probes("Adjacent", &[
        r#"{"t":"unit","c":null}"#,
        r#"{"t":"unit","c":1}"#,
        r#"{"t":"no-fields"}"#,
        r#"{"t":"no-fields","c":[1]}"#,
        r#"{"t":"no-fields","c":null}"#,
        r#"{"t":"maybe-newtype"}"#,
        r#"{"t":"tuple","c":[3]}"#,
        r#"{"t":"tuple","c":[3,"a",4]}"#,
        r#"{"t":"struct","c":[4,null]}"#,
        r#"{"t":"struct","c":"x"}"#,
        r#"{"t":"empty-struct","c":[]}"#,
        r#"{"t":"empty-struct"}"#,
        r#"{"c":1,"t":"newtype"}"#,
    ]);
}

fn untagged(out: &mut Lines) {
    out.sample("StructOrNull", StructOrNull::Struct { optional: Some(1) });
    out.sample("StructOrNull", StructOrNull::Struct { optional: None });
    out.sample("StructOrNull", StructOrNull::Null);
    out.probes("StructOrNull", &["{}", "[]", "[1]", "\"x\"", "0"]);
    out.sample("MetaOrName", MetaOrName::Meta(Meta { author: Some(s("a")), year: None }));
    out.sample("MetaOrName", MetaOrName::Name(s("x")));
    out.sample("Meta", Meta { author: None, year: Some(1999) });
    out.probes("MetaOrName", &["{}", "[]", "[\"a\",1]", "[\"a\"]", "null", "1"]);
    out.sample("Coordinate", Coordinate::Named(LatLng { lat: 1.0, lng: 2.0 }));
    out.sample("Coordinate", Coordinate::Pair(3.0, 4.0));
    out.probes("Coordinate", &["[1,2]", "[1]", "[1,2,3]", r#"{"lat":1}"#]);
    out.sample("PairOrTriple", PairOrTriple::Pair(1, 2));
    out.sample("PairOrTriple", PairOrTriple::Triple(1, 2, 3));
    out.probes("PairOrTriple", &["[1]", "[1,2,3,4]", "[1,2]", "[1,2,3]", "[1.5,2]"]);
    out.probes("Scalar", &[
        "1", "-1.5", "\"s\"", "true", "null", "[]", "{}", "[1,[2,[3]]]",
        r#"{"a":{"b":[null,"c"]}}"#, r#"{"hasOwnProperty":{"constructor":null}}"#,
    ]);
    for scalar in [
        Scalar::Flag(true),
        Scalar::Int(-3),
        Scalar::Real(2.5),
        Scalar::Text(s("t")),
        Scalar::List(vec![Scalar::Int(1), Scalar::Missing, Scalar::Text(s("x"))]),
        Scalar::Map(BTreeMap::from([(s("__proto__"), Scalar::Flag(false)), (s("k"), Scalar::Real(0.5))])),
        Scalar::Map(BTreeMap::from([
            (s("hasOwnProperty"), Scalar::Map(BTreeMap::from([(s("hasOwnProperty"), Scalar::Missing)]))),
            (s("toString"), Scalar::Text(s("}"))),
        ])),
        Scalar::Missing,
    ] {
        out.sample("Scalar", scalar);
    }
    for value in [
        Untagged::NoFields(),
        Untagged::EmptyStruct {},
        Untagged::Unit,
        Untagged::Record { name: s("r"), note: None },
        Untagged::Record { name: s("r"), note: Some(s("n")) },
        Untagged::Tuple(1, 2),
        Untagged::Newtype(Pair(1, s("a"))),
    ] {
        out.sample("Untagged", value);
    }
    out.probes("Untagged", &["[1]", "[\"r\"]", r#"{"note":"n"}"#, "[1,2,3]", "true"]);
    out.sample("NestedUntagged", NestedUntagged::Shape(Shape::Dot));
    out.sample("NestedUntagged", NestedUntagged::Coordinate(Coordinate::Pair(1.0, 2.0)));
    out.sample("NestedUntagged", NestedUntagged::Marker(Marker));
    out.probes("NestedUntagged", &[r#"{"lat":1,"lng":2}"#, "[]"]);
}

fn recursive(out: &mut Lines) {
    out.sample("Tree", Tree {
        label: s("root"),
        children: vec![
            Tree { label: s("a"), children: vec![] },
            Tree { label: s("b"), children: vec![Tree { label: s("c"), children: vec![] }] },
        ],
    });
    out.probes("Tree", &[r#"["leaf",[]]"#, r#"["leaf",[["x",[]]]]"#]);
    out.sample("Node", Node { value: 1, next: Some(Box::new(Node { value: 2, next: None })) });
    out.sample("Forest", vec![Branch { name: s("b"), forest: vec![Branch { name: s("c"), forest: vec![] }] }]);
    out.sample("Branch", Branch { name: s("solo"), forest: vec![] });
    out.sample("Expr", Expr::Add(
        Box::new(Expr::Num(1.0)),
        Box::new(Expr::Call { name: s("f"), args: vec![Expr::Neg(Box::new(Expr::Num(2.5)))] }),
    ));
    out.sample("Icon", Icon::Square);
    out.sample("Badge", Badge::Circle { icon: Icon::Circle });
    out.sample("Badge", Badge::Square { side: 2 });
}

fn snake_fields(note: Option<&str>) -> SnakeFields {
    SnakeFields {
        x_pos: 1.5, is_http_ok: true, url2_path: s("/a"), r#type: 7, maybe_note: note.map(s),
        tag_list: vec![s("t")], by_key: map([("k", 1)]),
    }
}

fn serde_defaults(out: &mut Lines) {
    out.sample("SnakeFields", snake_fields(Some("n")));
    out.sample("SnakeFields", snake_fields(None));
    out.probes("SnakeFields", &[
        // camelCase keys are not serde's: every key is missing
        r#"{"xPos":1,"isHttpOk":true,"url2Path":"/a","type":7,"maybeNote":null,"tagList":[],"byKey":{}}"#,
        r#"{"x_pos":1,"is_http_ok":true,"url2_path":"/a","type":7,"tag_list":[],"by_key":{}}"#,
        r#"[1,true,"/a",7,null,[],{}]"#,
        r#"[1,true,"/a",7]"#,
    ]);
    for value in [
        External::Dot,
        External::Square(2.0),
        External::MaybeValue(Some(3)),
        External::MaybeValue(None),
        External::Pair(1, s("a")),
        External::NoFields(),
        External::Circle { radius: 1.0, center_point: Position { x: 0.5, y: -1.0 } },
        External::EmptyStruct {},
        External::WithDefault { first_item: 1, extra_items: vec![2, 3] },
        External::Omitted { note: None, count: 1 },
        External::Omitted { note: Some(s("n")), count: 2 },
        External::Snake(snake_fields(None)),
        External::Tupled((4, 5)),
        External::Nested(Box::new(External::Nested(Box::new(External::Dot)))),
        External::List(vec![External::Dot, External::Square(1.0), External::List(vec![])]),
        External::Lookup(BTreeMap::from([
            (s("__proto__"), External::Dot),
            (s("hasOwnProperty"), External::Ctor(1)),
        ])),
        External::Ctor(9),
        External::Proto { x: 1 },
    ] {
        out.sample("External", value);
    }
    out.probes("External", &[
        // a unit variant: its name, or an object of its name to null, nothing else
        r#"{"Dot":null}"#, r#"{"Dot":[]}"#, r#"{"Dot":{}}"#, r#"{"Dot":0}"#,
        // any other variant: an object with its name as the one key
        r#""Square""#, r#"{"Square":null}"#, r#"{"Square":"2"}"#, r#"{"MaybeValue":null}"#,
        r#""MaybeValue""#,
        r#"{"Pair":[1]}"#, r#"{"Pair":[1,"a","b"]}"#, r#"{"Pair":{"0":1,"1":"a"}}"#,
        r#"{"NoFields":[]}"#, r#"{"NoFields":null}"#, r#"{"NoFields":{}}"#, r#"{"NoFields":[1]}"#,
        r#""NoFields""#,
        // a struct variant: an object, or an array of its fields
        r#"{"Circle":[1,{"x":0,"y":0}]}"#, r#"{"Circle":[1]}"#, r#"{"Circle":[]}"#,
        r#"{"Circle":[1,{"x":0,"y":0},2]}"#, r#"{"Circle":{"radius":1}}"#,
        r#"{"Circle":{"radius":1,"center_point":{"x":0,"y":0},"extra":2}}"#,
        r#"{"Circle":{"radius":1,"centerPoint":{"x":0,"y":0}}}"#, r#""Circle""#,
        r#"{"EmptyStruct":[]}"#, r#"{"EmptyStruct":null}"#, r#"{"EmptyStruct":[1]}"#,
        r#""EmptyStruct""#,
        r#"{"WithDefault":[1]}"#, r#"{"WithDefault":{"first_item":1}}"#, r#"{"WithDefault":[]}"#,
        r#"{"Omitted":{"count":1,"note":null}}"#, r#"{"Omitted":[null,1]}"#, r#"{"Omitted":[null]}"#,
        r#"{"Tupled":[1,2]}"#, r#"{"Tupled":[1]}"#,
        r#"{"Nested":"Dot"}"#, r#"{"Nested":{"Nested":{"Dot":null}}}"#, r#"{"Nested":{}}"#,
        r#"{"List":["Dot",{"Square":1},"Square"]}"#, r#"{"Lookup":{"a":"Dot","b":{"Dot":null}}}"#,
        // names: only the variants', exactly, and keys named like Object.prototype members
        r#"{"constructor":1}"#, r#""constructor""#, r#"{"Ctor":1}"#, r#"{"__proto__":{"x":1}}"#,
        r#"{"__proto__":[1]}"#, r#"{"toString":1}"#, r#"{"hasOwnProperty":1}"#, r#""Hidden""#,
        r#"{"Hidden":1}"#, r#"{"dot":null}"#, r#""dot""#, r#"" Dot""#,
        // one key, exactly
        "{}", r#"{"Dot":null,"Square":1}"#, r#"{"Square":1,"Pair":[1,"a"]}"#,
        r#"["Dot"]"#, r#"["Square",1]"#, "null", "1", "true",
    ]);
    for value in [
        ExternalRenamed::ParseCsv { row_count: 1 },
        ExternalRenamed::Other { row_count: 2 },
        ExternalRenamed::Unit,
        ExternalRenamed::Newtype(3),
    ] {
        out.sample("ExternalRenamed", value);
    }
    out.probes("ExternalRenamed", &[
        r#"{"ParseCsv":{"rowCount":1}}"#, r#"{"parse_csv":{"row_count":1}}"#, r#""Unit""#,
        r#"{"unit":null}"#, r#"{"other":{"rowCount":2}}"#,
    ]);
    out.sample("Json", Json::Obj(BTreeMap::from([
        (s("a"), Json::Arr(vec![Json::Null, Json::Bool(true), Json::Num(1.5), Json::Str(s("x"))])),
        (s("b"), Json::Obj(BTreeMap::new())),
    ])));
    out.sample("Json", Json::Null);
    out.probes("Json", &[
        r#"{"Arr":[{"Null":null},"Null",{"Obj":{"k":{"Num":2}}}]}"#, r#"{"Arr":[null]}"#,
        r#"{"Obj":{"k":"Bool"}}"#, "null",
    ]);
    out.sample("Holder", Holder {
        maybe_shape: Some(External::Square(1.0)),
        shapes: vec![External::Dot, External::Pair(2, s("b"))],
        by_name: BTreeMap::from([(s("c"), External::EmptyStruct {})]),
        snake: snake_fields(Some("held")),
        renamed: ExternalRenamed::Unit,
    });
    out.sample("Holder", Holder {
        maybe_shape: None, shapes: vec![], by_name: BTreeMap::new(), snake: snake_fields(None),
        renamed: ExternalRenamed::ParseCsv { row_count: 0 },
    });
    out.probes("Holder", &[
        r#"{"shapes":[],"by_name":{},"x_pos":1,"is_http_ok":true,"url2_path":"","type":1,"tag_list":[],"by_key":{},"renamed":"unit"}"#,
        r#"{"maybe_shape":"Square","shapes":[],"by_name":{},"x_pos":1,"is_http_ok":true,"url2_path":"","type":1,"tag_list":[],"by_key":{},"renamed":"unit"}"#,
    ]);
    out.sample("HoldsExternal", HoldsExternal::Has { inner: External::Dot, json_value: Json::Num(1.0) });
    out.sample("HoldsExternal", HoldsExternal::Hollow);
    out.probes("HoldsExternal", &[
        r#"{"kind":"Has","inner":{"Square":1},"json_value":"Null"}"#,
        r#"{"kind":"Has","inner":"Square","json_value":"Null"}"#,
    ]);
    out.sample("ExternalOrNumber", ExternalOrNumber::External(External::MaybeValue(None)));
    out.sample("ExternalOrNumber", ExternalOrNumber::Number(2.5));
    out.probes("ExternalOrNumber", &[r#""Dot""#, r#""Nope""#, "3", r#"{"Square":1,"x":2}"#, "null"]);
}

fn worker(out: &mut Lines) {
    let requests = [
        DiffWorkerMessage::Plan {
            from_place: LatLng { lat: 1.0, lng: 2.0 },
            via: vec![Coordinate::Pair(1.0, 2.0), Coordinate::Named(LatLng { lat: 0.0, lng: 0.5 })],
            max_stops: Some(3),
        },
        DiffWorkerMessage::Plan { from_place: LatLng { lat: 0.0, lng: 0.0 }, via: vec![], max_stops: None },
        DiffWorkerMessage::Locate(LatLng { lat: 5.0, lng: 6.0 }),
        DiffWorkerMessage::Ping,
        DiffWorkerMessage::Store {
            constructor: Some(1),
            proto: BTreeMap::from([(s("__proto__"), 1), (s("constructor"), 2)]),
        },
        DiffWorkerMessage::Store { constructor: None, proto: BTreeMap::new() },
        DiffWorkerMessage::CancelAll {},
        DiffWorkerMessage::Hollow(Nothing {}),
    ];
    for request in requests {
        out.sample("DiffWorkerRequest", request);
    }
    out.probes("DiffWorkerRequest", &[
        r#"{"type":"Store","__proto__":{}}"#,
        r#"{"type":"Store"}"#,
        r#"{"type":"Ping","extra":1}"#,
        r#"{"type":"Locate","lat":1}"#,
        r#"{"type":"Hollow","value":{}}"#,
        r#"{"type":"Unknown"}"#,
    ]);
    let responses = [
        DiffWorkerMessage::Planned { stops: vec![Shape::Dot], total_km: 1.5 },
        DiffWorkerMessage::Progress { percent: 0.5 },
        DiffWorkerMessage::Stored { text: Some(s("t")) },
        DiffWorkerMessage::Stored { text: None },
        DiffWorkerMessage::Failed { error: s("no") },
    ];
    for response in responses {
        out.sample("DiffWorkerResponse", response);
    }
    out.probes("DiffWorkerResponse", &[r#"{"type":"Stored"}"#, r#"{"type":"Failed"}"#]);
}

fn samples() -> Vec<String> {
    let mut out = Lines::default();
    scalars(&mut out);
    names(&mut out);
    prototype_keys(&mut out);
    defaults(&mut out);
    structs(&mut out);
    enums(&mut out);
    untagged(&mut out);
    recursive(&mut out);
    serde_defaults(&mut out);
    worker(&mut out);
    out.0
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let stdout = std::io::stdout();
    let mut stdout = stdout.lock();
    if mode == "samples" {
        for line in samples() {
            writeln!(stdout, "{}", line).unwrap();
        }
    } else if mode == "check" {
        let mut input = String::new();
        std::io::stdin().lock().read_to_string(&mut input).unwrap();
        for line in input.lines().filter(|line| !line.is_empty()) {
            let (name, json) = line.split_once('\t').expect("Type<TAB>json");
            match check(name, json) {
                Ok(json) => writeln!(stdout, "ok\t{}", json).unwrap(),
                Err(message) => writeln!(stdout, "err\t{}", message.replace('\n', " ")).unwrap(),
            }
        }
    } else {
        eprintln!("usage: hamlet-serde-diff samples|check");
        std::process::exit(2);
    }
}
