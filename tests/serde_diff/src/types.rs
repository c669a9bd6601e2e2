//! Domain types for the differential test: every shape and serde attribute Hamlet
//! supports, in the forms serde's own test suite and typeshare's test data exercise,
//! and serde's own defaults (field names as written, externally tagged enums). Every
//! type derives serde, so each travels as serde_json writes it; the worker enum keeps
//! Hamlet's message format (the `"type"` tag, camelCase keys), which its attributes
//! spell out for serde.
//!
//! `main.rs` prints sample values of each type with serde_json, and reads JSON back;
//! the test decodes and re-encodes the same JSON with the generated Elm codecs.

use hamlet_derive::BuildAmpWorker;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

// ---- scalars and containers -----------------------------------------------------------

#[derive(Serialize, Deserialize)]
pub struct Scalars {
    pub flag: bool,
    pub tiny: i8,
    pub byte: u8,
    pub short: i16,
    pub word: u16,
    pub int: i32,
    pub count: u32,
    pub long: i64,
    pub big: u64,
    pub size: usize,
    pub offset: isize,
    pub ratio: f32,
    pub real: f64,
    pub letter: char,
    pub text: String,
    pub nothing: (),
}

#[derive(Serialize, Deserialize)]
pub struct Containers {
    pub list: Vec<u32>,
    pub deque: VecDeque<String>,
    pub ordered: BTreeSet<i32>,
    pub hashed: HashSet<u8>,
    pub array: [u8; 3],
    pub map: BTreeMap<String, f64>,
    pub lookup: HashMap<String, bool>,
    pub nested: Vec<Vec<Option<u8>>>,
    pub pair: (u8, String),
    pub triple: (bool, f64, Vec<u8>),
    pub pairs: Vec<(String, i32)>,
}

#[derive(Serialize, Deserialize)]
pub struct Pointers {
    pub boxed: Box<String>,
    pub shared: Rc<u32>,
    pub atomic: Arc<Vec<bool>>,
    pub text: Box<str>,
    pub nested: Box<Option<Box<u8>>>,
}

#[derive(Serialize, Deserialize)]
pub struct Optionals {
    pub some: Option<u32>,
    pub none: Option<String>,
    pub twice: Option<Option<u8>>,
    pub list: Vec<Option<bool>>,
    pub map: BTreeMap<String, Option<i64>>,
    pub tuple: Option<(u8, u8)>,
}

/// A map from labels to lists, used through an alias.
pub type Labels = BTreeMap<String, Vec<String>>;
pub type MaybeName = Option<String>;
pub type Grid = Vec<Vec<f64>>;
pub type Coordinates = (f64, f64);

#[derive(Serialize, Deserialize)]
pub struct Aliased {
    pub labels: Labels,
    pub name: MaybeName,
    pub grid: Grid,
    pub at: Coordinates,
}

// ---- names ------------------------------------------------------------------------------

/// typeshare's keywords case: target-language keywords as field names.
#[derive(Serialize, Deserialize)]
pub struct Keywords {
    pub r#if: u8,
    pub case: bool,
    pub of: String,
    pub module: u8,
    pub port: u8,
    pub exposing: u8,
    pub default: u8,
    pub import: u8,
    pub r#let: u8,
    pub r#in: u8,
}

/// Elm's own type names get an underscore in Elm, never on the wire.
#[derive(Serialize, Deserialize)]
pub struct Result {
    pub ok: bool,
}

#[derive(Serialize, Deserialize)]
pub enum Maybe {
    Just,
    Nothing,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Track {
    pub track_name: String,
    pub play_count: u32,
    pub url2_path: String,
    pub is_http_ok: bool,
}

#[derive(Serialize, Deserialize)]
pub struct Renamed {
    #[serde(rename = "with space")]
    pub spaced: u8,
    #[serde(rename = "quote\"d")]
    pub quoted: u8,
    #[serde(rename = "")]
    pub empty: u8,
    #[serde(rename = "ünïcödé")]
    pub unicode: u8,
    #[serde(rename = "back\\slash")]
    pub slashed: u8,
    #[serde(rename = r"raw")]
    pub raw: u8,
    #[serde(rename(serialize = "both", deserialize = "both"))]
    pub directed: u8,
    #[serde(alias = "old")]
    pub aliased: u8,
}

// One struct and one unit-only enum per case style.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub struct StyleLower {
    pub user_id: u32,
    pub display_name: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub struct StyleUpper {
    pub user_id: u32,
    pub display_name: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct StylePascal {
    pub user_id: u32,
    pub display_name: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StyleCamel {
    pub user_id: u32,
    pub display_name: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct StyleSnake {
    pub user_id: u32,
    pub display_name: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub struct StyleScreaming {
    pub user_id: u32,
    pub display_name: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct StyleKebab {
    pub user_id: u32,
    pub display_name: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING-KEBAB-CASE")]
pub struct StyleScreamingKebab {
    pub user_id: u32,
    pub display_name: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LevelLower {
    LowValue,
    ParseCSV,
    X,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum LevelUpper {
    LowValue,
    ParseCSV,
    X,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub enum LevelPascal {
    LowValue,
    ParseCSV,
    X,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LevelCamel {
    LowValue,
    ParseCSV,
    X,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelSnake {
    LowValue,
    ParseCSV,
    X,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum LevelScreaming {
    LowValue,
    ParseCSV,
    X,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LevelKebab {
    LowValue,
    ParseCSV,
    X,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING-KEBAB-CASE")]
pub enum LevelScreamingKebab {
    LowValue,
    ParseCSV,
    X,
}

// ---- keys every JavaScript object has -----------------------------------------------------

#[derive(Serialize, Deserialize)]
pub struct PrototypeKeys {
    pub constructor: Option<u32>,
    #[serde(rename = "toString")]
    pub to_string: Option<String>,
    #[serde(rename = "valueOf")]
    pub value_of: Option<bool>,
    #[serde(rename = "hasOwnProperty", default)]
    pub has_own_property: Vec<u8>,
    #[serde(rename = "__proto__")]
    pub proto: Option<u32>,
    #[serde(rename = "isPrototypeOf", skip_serializing_if = "Option::is_none")]
    pub is_prototype_of: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub struct RequiredProto {
    #[serde(rename = "__proto__")]
    pub proto: Dict,
    #[serde(rename = "propertyIsEnumerable")]
    pub enumerable: AllOptional,
    #[serde(rename = "toLocaleString")]
    pub locale: String,
}

pub type Dict = BTreeMap<String, u32>;

#[derive(Serialize, Deserialize)]
#[serde(tag = "__proto__", content = "constructor")]
pub enum ProtoTagged {
    Number(f64),
    Word { text: String },
    Nothing,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "constructor")]
pub enum ConstructorTagged {
    Circle { radius: f64 },
    Dot,
}

// ---- defaults and omitted keys -----------------------------------------------------------

#[derive(Serialize, Deserialize)]
#[serde(default)]
pub struct Defaults {
    pub list: Vec<u8>,
    pub text: String,
    pub count: u32,
    pub real: f64,
    pub flag: bool,
    pub map: BTreeMap<String, u8>,
    pub note: Option<String>,
    pub nothing: (),
    pub labels: Labels,
}

impl Default for Defaults {
    fn default() -> Self {
        Defaults {
            list: Vec::new(),
            text: String::new(),
            count: 0,
            real: 0.0,
            flag: false,
            map: BTreeMap::new(),
            note: None,
            nothing: (),
            labels: BTreeMap::new(),
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct FieldDefaults {
    pub required: u8,
    #[serde(default)]
    pub list: Vec<String>,
    #[serde(default)]
    pub count: i32,
    #[serde(default = "seven")]
    pub seven: u8,
    pub last: bool,
}

fn seven() -> u8 {
    7
}

#[derive(Serialize, Deserialize)]
pub struct Omitted {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty", default)]
    pub name: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
    pub meta: BTreeMap<String, u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alias: MaybeName,
    pub count: u32,
}

#[derive(Serialize, Deserialize)]
pub struct Skipped {
    pub kept: u8,
    #[serde(skip)]
    pub cache: Vec<u8>,
    pub also: String,
}

#[derive(Serialize, Deserialize)]
pub struct AllOptional {
    pub optional: Option<u32>,
    pub other: Option<String>,
}

// ---- flatten ----------------------------------------------------------------------------------

#[derive(Serialize, Deserialize)]
pub struct Position {
    pub x: f64,
    pub y: f64,
}

#[derive(Serialize, Deserialize)]
pub struct Sized_ {
    pub width: u32,
    #[serde(flatten)]
    pub at: Position,
    pub note: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub struct Framed {
    pub id: u32,
    #[serde(flatten)]
    pub size: Sized_,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// A struct with no fields: flattened, it adds no key (`Outer` is `{"a":1}`).
#[derive(Serialize, Deserialize)]
pub struct Nothing {}

#[derive(Serialize, Deserialize)]
pub struct Outer {
    pub a: u32,
    #[serde(flatten)]
    pub n: Nothing,
}

// ---- struct shapes -----------------------------------------------------------------------------

#[derive(Serialize, Deserialize)]
pub struct Meters(pub f64);

#[derive(Serialize, Deserialize)]
pub struct Pair(pub u32, pub String);

#[derive(Serialize, Deserialize)]
pub struct Triple(pub u8, pub Option<bool>, pub Vec<Pair>);

#[derive(Serialize, Deserialize)]
pub struct SkipOneOfThree(pub u8, #[serde(skip)] pub u8, pub u8);

#[derive(Serialize, Deserialize)]
pub struct Marker;

#[derive(Serialize, Deserialize)]
pub struct EmptyTuple();

#[derive(Serialize, Deserialize)]
pub struct EmptyRecord {}

#[derive(Serialize, Deserialize)]
pub struct Cards(pub Vec<Card>);

/// Attributes that only tune the Rust side: Hamlet accepts them, the JSON is the same.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a card", bound = "", crate = "serde")]
pub struct Card {
    pub name: String,
}

pub mod geo {
    //! A type in an inline module, named by its path.
    use super::*;

    #[derive(Serialize, Deserialize)]
    pub struct Bearing {
        pub degrees: f64,
        pub from: super::LatLng,
    }
}

/// typeshare's transparent case: a struct sent as its one field.
#[derive(Serialize, Deserialize)]
#[serde(transparent)]
pub struct Players {
    pub players: Vec<Card>,
}

#[derive(Serialize, Deserialize)]
#[serde(transparent)]
pub struct Pool {
    pub cards: Cards,
    #[serde(skip)]
    pub queue: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
#[serde(transparent)]
pub struct UserId(#[serde(skip)] pub u8, pub u64);

#[derive(Serialize, Deserialize)]
pub struct LatLng {
    pub lat: f64,
    pub lng: f64,
}

// ---- unit-only enums ---------------------------------------------------------------------------

#[derive(Serialize, Deserialize)]
pub enum Colour {
    Red,
    #[serde(rename = "green")]
    Green,
    #[serde(rename = "")]
    Blank,
    #[serde(skip)]
    #[allow(dead_code)]
    Hidden,
}

// ---- internally tagged -------------------------------------------------------------------------

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Shape {
    Circle { radius: f64 },
    #[serde(rename = "rect")]
    Rectangle { width: f64, height: f64 },
    At(Position),
    Dot,
    Empty {},
    #[serde(rename_all = "camelCase")]
    Labelled { label_text: String, font_size: Option<u8> },
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    PageView { url: String },
    Click { x: u32, y: u32 },
    SignOut,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "")]
pub enum EmptyTag {
    A { x: u8 },
    B,
}

/// A newtype of a struct with no fields: the tag alone (`{"kind":"D"}`).
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum TaggedNothing {
    A { x: u32 },
    D(Nothing),
}

/// A newtype of a struct with a flattened struct, inside an internally tagged enum.
#[derive(Serialize, Deserialize)]
#[serde(tag = "t")]
pub enum Layered {
    Framed(Framed),
    Bare,
}

// ---- adjacently tagged ---------------------------------------------------------------------------

/// typeshare's algebraic enum.
#[derive(Serialize, Deserialize)]
#[serde(tag = "type", content = "content")]
pub enum AdvancedColors {
    String(String),
    Number(i32),
    NumberArray(Vec<i32>),
    ReallyCoolType(EmptyRecord),
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "t", content = "c", rename_all = "kebab-case")]
pub enum Adjacent {
    Unit,
    Newtype(u8),
    MaybeNewtype(Option<u8>),
    Tuple(u8, String),
    NoFields(),
    Struct { value: u8, note: Option<String> },
    EmptyStruct {},
    Nested(Shape),
}

// ---- untagged --------------------------------------------------------------------------------------

/// The issue's case: serde's `null` is `Null`, not a struct of Nones.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum StructOrNull {
    Struct { optional: Option<u32> },
    Null,
}

#[derive(Serialize, Deserialize)]
pub struct Meta {
    pub author: Option<String>,
    pub year: Option<u16>,
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum MetaOrName {
    Meta(Meta),
    Name(String),
}

/// A struct before a pair: serde reads `[1, 2]` as the struct.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum Coordinate {
    Named(LatLng),
    Pair(f64, f64),
}

/// A pair before a triple: serde reads `[1, 2, 3]` as the triple.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum PairOrTriple {
    Pair(u32, u32),
    Triple(u32, u32, u32),
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum Scalar {
    Flag(bool),
    Int(i64),
    Real(f64),
    Text(String),
    List(Vec<Scalar>),
    Map(BTreeMap<String, Scalar>),
    Missing,
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum Untagged {
    NoFields(),
    EmptyStruct {},
    Unit,
    Record { name: String, #[serde(skip_serializing_if = "Option::is_none")] note: Option<String> },
    Tuple(u8, u8),
    Newtype(Pair),
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum NestedUntagged {
    Shape(Shape),
    Coordinate(Coordinate),
    Marker(Marker),
}

// ---- recursive types -----------------------------------------------------------------------------

#[derive(Serialize, Deserialize)]
pub struct Tree {
    pub label: String,
    pub children: Vec<Self>,
}

#[derive(Serialize, Deserialize)]
pub struct Node {
    pub value: i32,
    pub next: Option<Box<Node>>,
}

pub type Forest = Vec<Branch>;

#[derive(Serialize, Deserialize)]
pub struct Branch {
    pub name: String,
    pub forest: Forest,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "op", content = "args")]
pub enum Expr {
    Num(f64),
    Neg(Box<Expr>),
    Add(Box<Expr>, Box<Expr>),
    Call { name: String, args: Vec<Expr> },
}

// ---- two enums with a variant of the same name ------------------------------------------------------

#[derive(Serialize, Deserialize)]
pub enum Icon {
    Circle,
    Square,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "shape")]
pub enum Badge {
    Circle { icon: Icon },
    Square { side: u8 },
}

// ---- serde's defaults: no rename_all, no tag -----------------------------------------------------

/// Keys as written: `x_pos`, never `xPos`.
#[derive(Serialize, Deserialize)]
pub struct SnakeFields {
    pub x_pos: f64,
    pub is_http_ok: bool,
    pub url2_path: String,
    pub r#type: u8,
    pub maybe_note: Option<String>,
    pub tag_list: Vec<String>,
    pub by_key: BTreeMap<String, u8>,
}

/// Externally tagged, every variant shape: `"Dot"`, `{"Square": 2.0}`, `{"Pair": [1, "a"]}`,
/// `{"Circle": {...}}`, `{"NoFields": []}`, `{"EmptyStruct": {}}`.
#[derive(Serialize, Deserialize)]
pub enum External {
    Dot,
    Square(f64),
    MaybeValue(Option<u8>),
    Pair(u8, String),
    NoFields(),
    Circle { radius: f64, center_point: Position },
    EmptyStruct {},
    WithDefault {
        first_item: u8,
        #[serde(default)]
        extra_items: Vec<u8>,
    },
    Omitted {
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        count: u8,
    },
    Snake(SnakeFields),
    Tupled((u8, u8)),
    Nested(Box<External>),
    List(Vec<External>),
    Lookup(BTreeMap<String, External>),
    #[serde(rename = "constructor")]
    Ctor(u8),
    #[serde(rename = "__proto__")]
    Proto { x: u8 },
    #[serde(skip)]
    #[allow(dead_code)]
    Hidden(u8),
}

/// `rename_all` names the variants, a variant's own `rename_all` its keys. (Debian's
/// serde 1.0.152 knows no `rename_all_fields`, nor `flatten` in an enum's variant.)
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExternalRenamed {
    #[serde(rename_all = "camelCase")]
    ParseCsv { row_count: u32 },
    Other { row_count: u32 },
    Unit,
    Newtype(u8),
}

/// A recursive externally tagged enum: JSON itself.
#[derive(Serialize, Deserialize)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(BTreeMap<String, Json>),
}

/// Externally tagged values inside Options, lists, maps, a flattened struct and the other
/// representations.
#[derive(Serialize, Deserialize)]
pub struct Holder {
    pub maybe_shape: Option<External>,
    pub shapes: Vec<External>,
    pub by_name: BTreeMap<String, External>,
    #[serde(flatten)]
    pub snake: SnakeFields,
    pub renamed: ExternalRenamed,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum HoldsExternal {
    Has { inner: External, json_value: Json },
    Hollow,
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum ExternalOrNumber {
    External(External),
    Number(f64),
}

// ---- everything, so that the worker reaches every type -----------------------------------------------

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Catalogue {
    pub scalars: Scalars,
    pub containers: Containers,
    pub pointers: Pointers,
    pub optionals: Optionals,
    pub aliased: Aliased,
    pub keywords: Keywords,
    pub result: Result,
    pub maybe: Maybe,
    pub track: Track,
    pub renamed: Renamed,
    pub style_lower: StyleLower,
    pub style_upper: StyleUpper,
    pub style_pascal: StylePascal,
    pub style_camel: StyleCamel,
    pub style_snake: StyleSnake,
    pub style_screaming: StyleScreaming,
    pub style_kebab: StyleKebab,
    pub style_screaming_kebab: StyleScreamingKebab,
    pub level_lower: LevelLower,
    pub level_upper: LevelUpper,
    pub level_pascal: LevelPascal,
    pub level_camel: LevelCamel,
    pub level_snake: LevelSnake,
    pub level_screaming: LevelScreaming,
    pub level_kebab: LevelKebab,
    pub level_screaming_kebab: LevelScreamingKebab,
    pub prototype_keys: PrototypeKeys,
    pub required_proto: RequiredProto,
    pub proto_tagged: ProtoTagged,
    pub constructor_tagged: ConstructorTagged,
    pub defaults: Defaults,
    pub field_defaults: FieldDefaults,
    pub omitted: Omitted,
    pub skipped: Skipped,
    pub all_optional: AllOptional,
    pub framed: Framed,
    pub outer: Outer,
    pub meters: Meters,
    pub pair: Pair,
    pub triple: Triple,
    pub skip_one_of_three: SkipOneOfThree,
    pub marker: Marker,
    pub empty_tuple: EmptyTuple,
    pub empty_record: EmptyRecord,
    pub players: Players,
    pub pool: Pool,
    pub user_id: UserId,
    pub colour: Colour,
    pub shape: Shape,
    pub event: Event,
    pub empty_tag: EmptyTag,
    pub layered: Layered,
    pub tagged_nothing: TaggedNothing,
    pub advanced_colors: AdvancedColors,
    pub adjacent: Adjacent,
    pub struct_or_null: StructOrNull,
    pub meta_or_name: MetaOrName,
    pub coordinate: Coordinate,
    pub pair_or_triple: PairOrTriple,
    pub scalar: Scalar,
    pub untagged: Untagged,
    pub nested_untagged: NestedUntagged,
    pub tree: Tree,
    pub node: Node,
    pub branch: Branch,
    pub expr: Expr,
    pub badge: Badge,
    pub bearing: geo::Bearing,
    pub holder: Holder,
    pub holds_external: HoldsExternal,
    pub external_or_number: ExternalOrNumber,
}

// ---- the worker ----------------------------------------------------------------------------------

#[derive(BuildAmpWorker, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum DiffWorkerMessage {
    // Main → Worker
    Reach(Catalogue),
    Hollow(Nothing),
    #[serde(rename_all = "camelCase")]
    Plan { from_place: LatLng, via: Vec<Coordinate>, max_stops: Option<u8> },
    Locate(LatLng),
    Ping,
    Store {
        constructor: Option<u32>,
        #[serde(rename = "__proto__")]
        proto: BTreeMap<String, u32>,
    },
    #[serde(rename = "cancel-all")]
    CancelAll {},
    // Worker → Main
    #[serde(rename_all = "camelCase")]
    Planned { stops: Vec<Shape>, total_km: f64 },
    Progress { percent: f32 },
    Stored {
        #[serde(rename = "toString")]
        text: Option<String>,
    },
    Failed { error: String },
}
