"""Workers and their messages: what one `#[derive(BuildAmpWorker)]` enum becomes, with
every name its outputs use already decided (see `hamlet.resolve.names`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from hamlet.diagnostics import Loc
from hamlet.model.records import Field, Record, Shape


class Direction(Enum):
    REQUEST = "request"  # main thread -> worker
    RESPONSE = "response"  # worker -> main thread


class Rule(Enum):
    """Which rule decided a variant's direction (shown by `hamlet list`)."""

    ATTRIBUTE = "attribute"
    SECTION = "section comment"
    CONVENTION = "naming convention"


class Implementation(Enum):
    """What language the worker's handlers are written in: JavaScript (the handlers
    file), or Rust compiled to WebAssembly (`#[worker(rust)]`)."""

    JS = "js"
    RUST = "rust"


@dataclass(frozen=True)
class Variant(Record):
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
    send_with: str  # tracked requests: "sendToImageWorkerWith"
    tracked: str  # "imageWorkerTracked", the tracked responses' subscription
    cancel: str  # "cancelImageWorker"
    terminate: str  # "terminateImageWorker"
    tracked_port: str  # "imageWorkerTrackedPort"
    optional_field: str  # private helper decoding an optional field
    locals: tuple[tuple[str, str], ...]
    default_field: str = ""  # private helper decoding a field with a serde default
    helpers: tuple[tuple[str, str], ...] = ()  # the other private helpers, by role

    def local(self, role: str) -> str:
        return dict(self.locals)[role]


@dataclass(frozen=True)
class TsNames:
    """The TypeScript declarations of a worker, for `ImageWorker`: worker_file
    "image_worker.d.ts" (beside the worker entry, which it declares) exporting requests
    "ImageWorkerRequest" (each request's fields, by variant), responses
    "ImageWorkerResponse", reply "ImageWorkerReply", handlers "ImageWorkerHandlers" and
    check "ImageWorkerHandlersCheck" (a handlers module checked against them), which
    the scaffold names checked "ImageWorkerHandlersChecked"; main_file
    "image_worker_main.d.ts" exporting options "ImageWorkerOptions" and handle
    "ImageWorkerHandle"."""

    worker_file: str
    main_file: str
    requests: str
    responses: str
    reply: str
    handlers: str
    check: str
    checked: str
    options: str
    handle: str


@dataclass(frozen=True)
class JsNames:
    """File and function names of a worker's JavaScript, for `ImageWorker`:
    snake "image_worker", setup "setupImageWorker", main_file "image_worker_main.js",
    worker_file "image_worker.js", handlers_file "image_worker_handlers.js",
    schema_file "image_worker.schema.json", default_url "../workers/image_worker.js" (the
    entry from the main JS, see `hamlet.resolve.worker_url`),
    key "imageWorker" (its options and handle in `workers.js`), symbol
    "hamlet.setupImageWorker" (where an app keeps the handle of its glue)."""

    snake: str
    setup: str
    main_file: str
    worker_file: str
    handlers_file: str
    schema_file: str
    default_url: str
    key: str
    symbol: str
    ts: TsNames


@dataclass(frozen=True)
class SchemaNames:
    """The groups of a worker's JSON Schema `$defs`, for `ImageWorker`: requests
    "ImageWorkerRequest", responses "ImageWorkerResponse", request_envelopes
    "ImageWorkerRequestEnvelope", response_envelopes "ImageWorkerResponseEnvelope", and
    closing "ImageWorkerResponseEnvelope.closing". A variant's entry is its group's name
    qualified with the variant's: "ImageWorkerRequest.ProcessImage". Tracked requests
    add port "ImageWorkerRequest.port" (everything on the outgoing port: a request or
    one of send "ImageWorkerRequest.send", cancel "ImageWorkerRequest.cancel", terminate
    "ImageWorkerRequest.terminate"), tracked "ImageWorkerResponse.tracked" (on the
    tracked port) and cancel_envelope "ImageWorkerRequestEnvelope.cancel"."""

    requests: str
    responses: str
    request_envelopes: str
    response_envelopes: str
    closing: str
    port: str
    send: str
    cancel: str
    terminate: str
    tracked: str
    cancel_envelope: str


@dataclass(frozen=True)
class RustMethod:
    """A method of a Rust worker's handlers trait (a request) or of its reply object (a
    response): variant "ParseCSV" -> name "parse_csv", params ("csv_text",). Each a Rust
    identifier: a keyword is raw (`r#match`) or, where Rust allows no raw form, gets a
    trailing underscore (`crate_`). `reply_param` is a handler's last parameter, the
    reply object: "reply", or "reply_" beside a field named `reply`."""

    variant: str
    name: str
    params: tuple[str, ...]
    reply_param: str = "reply"


@dataclass(frozen=True)
class RustNames:
    """The names in a Rust worker's generated module, for `CSVWorker`: file
    "csv_worker.rs", module "csv_worker" (what its docs tell the user to declare), handlers
    "CsvWorkerHandlers" (the trait), reply "CsvWorkerReply", export
    "hamlet_export_csv_worker" (the macro). request_enum, response_enum and call_enum
    are the private serde mirror and the imports' kinds; request_tag and request_fields
    the local types that read a request (its "type", then its fields). All are named
    apart from every domain type, because `use super::*;` brings those into the module
    too."""

    file: str
    module: str
    handlers: str
    reply: str
    export: str
    request_enum: str
    response_enum: str
    call_enum: str
    request_tag: str
    request_fields: str
    methods: tuple[RustMethod, ...]

    def method(self, variant: str) -> RustMethod:
        return next(m for m in self.methods if m.variant == variant)


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
    schema: SchemaNames
    implementation: Implementation = Implementation.JS
    rust: RustNames | None = None  # set for a Rust worker

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
