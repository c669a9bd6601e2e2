"""Hamlet's model: what the emitters print. Frozen dataclasses, free of any parser type.

Every name an emitter prints is already resolved here (see `hamlet.naming` and
`hamlet.resolve`), so emitters never compute a name themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from enum import Enum

from hamlet.diagnostics import Loc


class Direction(Enum):
    REQUEST = "request"  # main thread -> worker
    RESPONSE = "response"  # worker -> main thread


class Rule(Enum):
    """Which rule decided a variant's direction (shown by `hamlet list`)."""

    ATTRIBUTE = "attribute"
    SECTION = "section comment"
    CONVENTION = "naming convention"


class Shape(Enum):
    UNIT = "unit"  # `CancelAll` -> {"type": "CancelAll"}
    TUPLE = "tuple"  # `Resize(u32, u32)` -> {"type": "Resize", "value": [1, 2]}
    STRUCT = "struct"  # `ProcessImage { .. }` -> {"type": "ProcessImage", "imageUrl": ..}


# ---- types -------------------------------------------------------------------------


class Prim(Enum):
    BOOL = "Bool"
    INT = "Int"
    FLOAT = "Float"
    STRING = "String"
    UNIT = "()"


@dataclass(frozen=True)
class PrimT:
    prim: Prim


@dataclass(frozen=True)
class ListT:
    """`Vec<T>` and the other sequences -> `List T` / JSON array."""

    item: "Type"


@dataclass(frozen=True)
class MaybeT:
    """`Option<T>` -> `Maybe T` / value or null."""

    item: "Type"


@dataclass(frozen=True)
class DictT:
    """`HashMap<String, V>` -> `Dict String V` / JSON object."""

    value: "Type"


@dataclass(frozen=True)
class TupleT:
    """`(A, B)` or `(A, B, C)` -> Elm tuple / JSON array."""

    items: tuple["Type", ...]


@dataclass(frozen=True)
class NamedT:
    """A domain type defined in the scanned sources (a `TypeDef` of the project).

    Rust `shapes::Shape` -> NamedT(name="Shape", encoder="encodeShape",
    decoder="shapeDecoder"). The names are unqualified: they live in the shared
    `Workers.Types` module, and a worker module prints them qualified with it.
    """

    name: str
    encoder: str
    decoder: str


Type = PrimT | ListT | MaybeT | DictT | TupleT | NamedT


# ---- messages ----------------------------------------------------------------------


class Omit(Enum):
    """When the encoder leaves a field's key out (serde `skip_serializing_if`)."""

    NEVER = "never"
    NOTHING = "nothing"  # `Option::is_none`: the key is absent when the value is Nothing
    EMPTY = "empty"  # `Vec::is_empty`, `String::is_empty`...: absent when empty


@dataclass(frozen=True)
class Field:
    """One field of a variant or of a domain struct.

    Rust `image_url: String` -> wire_name "imageUrl", elm_name "imageUrl",
    elm_param "imageUrl", js_name "imageUrl". Positional fields have rust_name None and
    wire_name "" (their values travel in "value"); Rust `case: bool` -> elm_name "case_".

    serde, resolved: `wire_name` already applies `rename`/`rename_all`; a skipped field
    is not in the model at all. `default` means the decoder accepts a missing key and
    uses the type's zero value (Nothing, [], Dict.empty, "", 0, False); `omit` says when
    the encoder leaves the key out. `flattened` is set for `#[serde(flatten)]`: the
    fields of the flattened struct, whose keys sit in this object (then wire_name is "").
    """

    rust_name: str | None
    wire_name: str
    elm_name: str  # record field name
    elm_param: str  # argument/lambda name, distinct from every top-level Elm name
    js_name: str  # local name in JS (handler scaffold), never a JS reserved word
    type: Type
    rust_type: str  # the type as written in Rust, for docs and `hamlet list`
    docs: str
    loc: Loc
    default: bool = False
    omit: Omit = Omit.NEVER
    flattened: tuple["Field", ...] = ()


@dataclass(frozen=True)
class Variant:
    """One message: `ProcessImage { image_url: String, .. }`.

    command: Elm command for a request ("processImage"); reply: JS reply method for a
    response ("processingComplete"); handler: JS handler export ("handleProcessImage").
    `tag` is the value of "type" on the wire: the name, unless serde renames it.
    """

    name: str
    tag: str
    shape: Shape
    fields: tuple[Field, ...]
    direction: Direction
    rule: Rule
    is_failure: bool
    is_progress: bool
    docs: str
    loc: Loc
    command: str
    reply: str
    handler: str

    @property
    def is_request(self) -> bool:
        return self.direction is Direction.REQUEST

    @property
    def is_terminal(self) -> bool:
        """A response that ends its request (every response but progress)."""
        return self.direction is Direction.RESPONSE and not self.is_progress


@dataclass(frozen=True)
class ElmNames:
    """Every top-level name of a worker's Elm module, plus the local names its code uses.

    For `ImageWorker`: module "Workers.ImageWorker", request_type "ImageWorkerRequest",
    send "sendToImageWorker", subscribe "imageWorkerResponse", send_port
    "sendToImageWorkerPort", response_port "imageWorkerResponsePort", encode_request
    "encodeImageWorkerRequest", request_decoder "imageWorkerRequestDecoder", ...
    `locals` maps a role ("tag", "value", ...) to a local name that shadows nothing.
    """

    module: str
    path: str  # "Workers/ImageWorker.elm"
    request_type: str
    response_type: str
    send: str
    subscribe: str
    send_port: str
    response_port: str
    encode_request: str
    request_decoder: str
    encode_response: str
    response_decoder: str
    optional_field: str  # private helper decoding an optional field
    locals: tuple[tuple[str, str], ...]
    default_field: str = ""  # private helper decoding a field with a serde default
    helpers: tuple[tuple[str, str], ...] = ()  # the other private helpers, by role

    def local(self, role: str) -> str:
        return dict(self.locals)[role]


@dataclass(frozen=True)
class JsNames:
    """File and function names of a worker's JavaScript, for `ImageWorker`:
    snake "image_worker", setup "setupImageWorker", main_file "image_worker_main.js",
    worker_file "image_worker.js", handlers_file "image_worker_handlers.js",
    schema_file "image_worker.schema.json", default_url "/workers/image_worker.js"."""

    snake: str
    setup: str
    main_file: str
    worker_file: str
    handlers_file: str
    schema_file: str
    default_url: str


@dataclass(frozen=True)
class Worker:
    """A `#[derive(BuildAmpWorker)]` enum, resolved.

    `source` is the file's path: as found (from the PATH as given) when resolved, and
    named from the run's anchor (see `hamlet.write.places`) in the Project that is emitted.
    """

    enum_name: str  # "ImageWorkerMessage"
    base: str  # "ImageWorker"
    source: str
    loc: Loc
    docs: str
    variants: tuple[Variant, ...]
    elm: ElmNames
    js: JsNames

    # Cached: emitters ask once per variant, which made 20,000 variants quadratic.
    @cached_property
    def requests(self) -> tuple[Variant, ...]:
        return tuple(v for v in self.variants if v.direction is Direction.REQUEST)

    @cached_property
    def responses(self) -> tuple[Variant, ...]:
        return tuple(v for v in self.variants if v.direction is Direction.RESPONSE)

    @cached_property
    def failure(self) -> Variant:
        return next(v for v in self.variants if v.is_failure)


# ---- domain types ------------------------------------------------------------------


class Tagging(Enum):
    """How a domain enum is written on the wire.

    STRING: every variant is a unit variant and there is no serde tag: `"Png"` (read
        from `{"Png": null}` too). For a type that derives serde this is its externally
        tagged form, which has nothing else to say for unit variants.
    INTERNAL: `{"<tag>": "Circle", ...fields}`: serde's `tag`, and Hamlet's convention
        for other enums without a serde derive, where a tuple variant carries its value
        in "value" like a message.
    EXTERNAL: serde's default for an enum that derives it: the variant's value under
        its name, `{"Circle": {"radius": 1.0}}`, `{"Square": 2.0}`, `{"Pair": [1, 2]}`;
        a unit variant is its name, `"Dot"`.
    ADJACENT: serde `tag` + `content`: `{"<tag>": "Circle", "<content>": <value>}`.
    UNTAGGED: serde `untagged`: the variant's value alone, decoded by trying each
        variant in order.
    """

    STRING = "string"
    INTERNAL = "internal"
    EXTERNAL = "external"
    ADJACENT = "adjacent"
    UNTAGGED = "untagged"


@dataclass(frozen=True)
class Constructor:
    """A variant of a domain enum. `name` is the Elm constructor (the Rust name, or
    `<Enum><Variant>` when another type in `Workers.Types` already uses it); `tag` is its
    wire name."""

    name: str
    rust_name: str
    tag: str
    shape: Shape
    fields: tuple[Field, ...]
    docs: str
    loc: Loc
    least_items: int = 0  # a STRUCT variant read from an array: see `StructDef`


@dataclass(frozen=True)
class StructDef:
    """A domain struct.

    STRUCT shape: an object; an Elm record `type alias Point = { x : Float, y : Float }`,
    or, when `wrapped` (the record is part of a type cycle, which Elm aliases cannot
    be), `type Tree = Tree { children : List Tree }`.
    TUPLE shape: a custom type with one constructor named like the type,
    `type Meters = Meters Float`; on the wire the inner value for one field (serde
    newtype struct), else an array. UNIT shape: `type Marker = Marker`, `null` on the wire.

    `least_items`: serde also reads a STRUCT from an array of its fields in order; the
    array must hold every field up to the last one without a field-level `default`.

    `serde`: the type derives serde's `Serialize` or `Deserialize`, so it travels as
    serde_json writes it (keys as written); otherwise in Hamlet's convention (camelCase
    keys). `#[serde(...)]` attributes apply either way.
    """

    name: str
    rust_name: str
    shape: Shape
    fields: tuple[Field, ...]
    wrapped: bool
    docs: str
    loc: Loc
    source: str
    encoder: str
    decoder: str
    cycle: int | None  # types with the same number reach each other: decode lazily
    least_items: int = 0
    serde: bool = False


@dataclass(frozen=True)
class EnumDef:
    """A domain enum: `type Shape = Circle { .. } | Square Float`.

    `serde`: as for `StructDef`; such an enum without `tag` or `untagged` is EXTERNAL
    (or STRING, when every variant is a unit variant), and its struct variants' keys
    are as written. Without a serde derive it is INTERNAL with the tag "type" (or
    STRING), and its keys are camelCase."""

    name: str
    rust_name: str
    constructors: tuple[Constructor, ...]
    tagging: Tagging
    tag: str  # the tag key for INTERNAL and ADJACENT ("type" unless serde says)
    content: str  # the content key for ADJACENT, "" otherwise
    docs: str
    loc: Loc
    source: str
    encoder: str
    decoder: str
    cycle: int | None
    serde: bool = False


@dataclass(frozen=True)
class AliasDef:
    """`pub type Labels = HashMap<String, Vec<String>>;` ->
    `type alias Labels = Dict String (List String)` with its own codecs."""

    name: str
    rust_name: str
    type: Type
    docs: str
    loc: Loc
    source: str
    encoder: str
    decoder: str
    cycle: int | None


TypeDef = StructDef | EnumDef | AliasDef


@dataclass(frozen=True)
class TypesNames:
    """The shared Elm module for domain types: "Workers.Types", "Workers/Types.elm".

    Like `ElmNames`: the private helpers' names and the local names its codecs use,
    each distinct from every top-level name of the module.
    """

    module: str
    path: str
    optional_field: str = "optionalField"
    default_field: str = "defaultField"
    locals: tuple[tuple[str, str], ...] = ()
    helpers: tuple[tuple[str, str], ...] = ()  # the other private helpers, by role

    def local(self, role: str) -> str:
        return dict(self.locals)[role]


@dataclass(frozen=True)
class Project:
    """Everything to generate: the workers, ordered by base name, and the domain types
    their messages reach, ordered by Elm name (empty when messages use none)."""

    workers: tuple[Worker, ...]
    types: tuple[TypeDef, ...] = ()
    types_names: TypesNames = TypesNames("Workers.Types", "Workers/Types.elm")

    def type_def(self, name: str) -> TypeDef:
        return next(t for t in self.types if t.name == name)


@dataclass(frozen=True)
class OutputFile:
    """A file an emitter produced. `root` names the output folder it belongs in
    ("elm", "js" or "worker"); `path` is relative to that folder. `scaffold` files
    belong to the user once written, and are only written when missing. `worker` and
    `loc` name the enum a file was generated for ("" and None for files all workers
    share), so that two files meeting at one path can be told apart."""

    root: str
    path: str
    content: str
    scaffold: bool = False
    worker: str = ""
    loc: Loc | None = None
