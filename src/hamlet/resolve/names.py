"""Every generated name, decided here before anything is rendered: modules, files,
functions, constructors, record fields, parameters and locals, for every output.

The case rules themselves live in `hamlet.naming`; this module decides which rule
applies where, and keeps the names that share a scope (one Elm module, one JS
function) from clashing. Emitters only print what it decided.

    ImageWorkerMessage { ProcessImage { image_url: String, .. }, Resized(u32), .. }
    -> ElmNames(module="Workers.ImageWorker", send="sendToImageWorker", ..)
       JsNames(snake="image_worker", setup="setupImageWorker", key="imageWorker", ..)
       SchemaNames(requests="ImageWorkerRequest", ..)
       ProcessImage: command "processImage", handler "handleProcessImage";
       image_url: wire "imageUrl", Elm field and parameter "imageUrl", JS local "imageUrl";
       Resized(u32): Elm parameter "value_" (Elm's `value` is taken), JS local "value"
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from hamlet import naming
from hamlet.diagnostics import Diagnostic, error
from hamlet.model import (
    ElmNames, EnumDef, Field, JsNames, NamedT, SchemaNames, StructDef, TsNames, TypeDef,
    TypesNames, Variant,
)
from hamlet.resolve.worker_url import url_path

# Local variables the Elm emitter uses; each gets a name that shadows nothing.
ELM_LOCAL_ROLES = (
    "tag", "value", "data", "request", "response", "toMsg", "error", "field",
    "decoder", "maybe", "a", "b", "c", "item", "default",
    "pairs", "key", "items", "values", "least", "keys", "size", "encoder", "dict",
    "found", "object", "state", "char", "json", "options", "tracker",
)

# Roles used only inside the private helpers' bodies: no codec sees them, so record
# fields and parameters may share their names.
HELPER_ONLY_ROLES = frozenset((
    "pairs", "key", "items", "values", "least", "keys", "size", "encoder", "dict", "found",
    "object", "state", "char", "json",
))


def codec_locals(locals_: tuple[tuple[str, str], ...]) -> set[str]:
    """The local names that codecs use, which parameters must not shadow."""
    return {local for role, local in locals_ if role not in HELPER_ONLY_ROLES}


# The private helpers a module's codecs may need beyond the optional and default
# fields, by role, with the name each starts from (see `hamlet.emit.elm_helpers`).
ELM_HELPERS = (
    ("own_field", "ownField"),
    ("object_only", "objectOnly"),
    ("object_or_array", "objectOrArray"),
    ("tuple_of", "tupleOf"),
    ("any_key_object", "anyKeyObject"),
    ("encode_dict", "encodeDict"),
    ("decode_dict", "decodeDict"),
    ("own_value", "ownValue"),
    ("object_keys", "objectKeys"),
    ("key_step", "keyStep"),
    ("unit_variant", "unitVariant"),
    ("external_tag", "externalTag"),
)


# ---- a worker's modules and files ------------------------------------------------------


def worker_base(enum_name: str) -> str:
    """The name every output of a worker is named after: "ImageWorkerMessage" ->
    "ImageWorker" (see `naming.base_name`)."""
    return naming.base_name(enum_name)


def elm_names(base: str, commands: list[str]) -> ElmNames:
    """For base "ImageWorker": module "Workers.ImageWorker", send "sendToImageWorker",
    subscribe "imageWorkerResponse", request_decoder "imageWorkerRequestDecoder", the
    tracked requests' send_with "sendToImageWorkerWith", tracked "imageWorkerTracked",
    cancel "cancelImageWorker", terminate "terminateImageWorker", tracked_port
    "imageWorkerTrackedPort", ...

    Local names avoid the module's top-level names, commands included.
    """
    lower = naming.lower_camel(base)
    names = dict(
        module=f"Workers.{base}",
        path=f"Workers/{base}.elm",
        request_type=f"{base}Request",
        response_type=f"{base}Response",
        send=f"sendTo{base}",
        subscribe=f"{lower}Response",
        send_port=f"sendTo{base}Port",
        response_port=f"{lower}ResponsePort",
        encode_request=f"encode{base}Request",
        request_decoder=f"{lower}RequestDecoder",
        encode_response=f"encode{base}Response",
        response_decoder=f"{lower}ResponseDecoder",
        send_with=f"sendTo{base}With",
        tracked=f"{lower}Tracked",
        cancel=f"cancel{base}",
        terminate=f"terminate{base}",
        tracked_port=f"{lower}TrackedPort",
        optional_field=f"{lower}OptionalField",
        default_field=f"{lower}DefaultField",
    )
    helpers = tuple((role, lower + start[0].upper() + start[1:]) for role, start in ELM_HELPERS)
    taken = set(names.values()) | set(commands) | {name for _, name in helpers}
    return ElmNames(**names, locals=_locals(taken), helpers=helpers)


def _locals(taken: set[str]) -> tuple[tuple[str, str], ...]:
    """A name per role in ELM_LOCAL_ROLES, each distinct from `taken` and the others."""
    taken = set(taken)
    chosen = []
    for role in ELM_LOCAL_ROLES:
        local = naming.fresh(role, taken)
        taken.add(local)
        chosen.append((role, local))
    return tuple(chosen)


def elm_top_level(elm: ElmNames) -> set[str]:
    """Every lowercase top-level value of the module, locals excluded."""
    return {
        elm.send, elm.subscribe, elm.send_port, elm.response_port, elm.encode_request,
        elm.request_decoder, elm.encode_response, elm.response_decoder, elm.send_with,
        elm.tracked, elm.cancel, elm.terminate, elm.tracked_port, elm.optional_field,
        elm.default_field, *(name for _, name in elm.helpers),
    }


def js_names(base: str, worker_folder: str = "../workers/") -> JsNames:
    """"ImageWorker" -> snake "image_worker", setup "setupImageWorker", key "imageWorker"
    (its options and handle in `workers.js`), symbol "hamlet.setupImageWorker", ..., and
    default_url "../workers/image_worker.js": `worker_folder` (see
    `hamlet.resolve.worker_url`; the default is that of --js-out generated/js and
    --worker-out generated/workers) and the entry's file name."""
    snake = naming.snake(base)
    return JsNames(
        snake=snake,
        setup=f"setup{base}",
        main_file=f"{snake}_main.js",
        worker_file=f"{snake}.js",
        handlers_file=f"{snake}_handlers.js",
        schema_file=f"{snake}.schema.json",
        default_url=worker_folder + url_path(f"{snake}.js"),
        key=naming.lower_camel(base),
        symbol=f"hamlet.setup{base}",
        ts=ts_names(base),
    )


def ts_names(base: str) -> TsNames:
    """"ImageWorker" -> worker_file "image_worker.d.ts", reply "ImageWorkerReply", ...
    (requests and responses are the schema's names, which no domain type takes)."""
    snake = naming.snake(base)
    return TsNames(
        f"{snake}.d.ts", f"{snake}_main.d.ts", f"{base}Request", f"{base}Response",
        f"{base}Reply", f"{base}Handlers", f"{base}HandlersCheck", f"{base}HandlersChecked",
        f"{base}Options", f"{base}Handle",
    )


def reserved_type_names(js: JsNames) -> dict[str, str]:
    """What no domain type may be named, as a worker's declarations hold both, with
    what each is: "ImageWorkerReply" -> "reply object"."""
    return {js.ts.reply: "reply object", js.ts.handlers: "handlers", js.ts.check: "handlers"}


def schema_names(elm: ElmNames) -> SchemaNames:
    """The JSON Schema's groups are named like the Elm message types they describe:
    "ImageWorkerRequest", "ImageWorkerRequestEnvelope", ...; what is not a message (the
    closing notice, the commands of tracked requests) is a lowercase name after a dot,
    which no variant and no domain type can take: "ImageWorkerRequest.cancel"."""
    return SchemaNames(
        requests=elm.request_type,
        responses=elm.response_type,
        request_envelopes=f"{elm.request_type}Envelope",
        response_envelopes=f"{elm.response_type}Envelope",
        closing=f"{elm.response_type}Envelope.closing",
        port=f"{elm.request_type}.port",
        send=f"{elm.request_type}.send",
        cancel=f"{elm.request_type}.cancel",
        terminate=f"{elm.request_type}.terminate",
        tracked=f"{elm.response_type}.tracked",
        cancel_envelope=f"{elm.request_type}Envelope.cancel",
    )


# ---- messages ----------------------------------------------------------------------------


# Names the worker entry puts on a handler's `reply` object beside the reply methods,
# with what each is; a response whose reply method would take one is an input error.
REPLY_RESERVED = {"signal": "the handler's AbortSignal"}


def variant_names(name: str) -> dict[str, str]:
    """"ProcessImage" -> command "processImage" (an Elm keyword or `main` gets a trailing
    underscore), reply "processImage", handler "handleProcessImage"."""
    return dict(
        command=naming.elm_value(naming.lower_camel(name)),
        reply=naming.lower_camel(name),
        handler=f"handle{name}",
    )


def not_a_constructor(rv, enum_name: str) -> Diagnostic:
    """The error for a variant whose name cannot be an Elm constructor (`fooBar`)."""
    return error(
        rv.loc, f"variant `{enum_name}::{rv.name}` does not start with an uppercase letter (A-Z)",
        "Elm constructors start with A-Z: rename the variant "
        "(`#[serde(rename = \"...\")]` keeps its wire name)")


def variant_tag(name: str, rename: str | None, style: str | None) -> str:
    """A variant's name on the wire: serde's `rename`, else its `rename_all` style
    applied ("ParseCSV", "snake_case" -> "parse_c_s_v"), else the name as written."""
    if rename is not None:
        return rename
    return naming.serde_variant(name, style) if style else name


def message_params(variants: list[Variant], elm: ElmNames) -> list[Variant]:
    """Every message field's Elm parameter, distinct from the module's top-level names,
    its commands and the codecs' locals; and its JS local, distinct in its own scope."""
    taken = elm_top_level(elm) | {v.command for v in variants if v.is_request}
    taken |= codec_locals(elm.locals)
    return [
        replace(v, fields=js_locals(with_params(v.fields, taken, positional_params(len(v.fields)))))
        for v in variants
    ]


# ---- domain types ------------------------------------------------------------------------


def named_type(rust: str) -> NamedT:
    """`Result` -> NamedT("Result_", "encodeResult", "resultDecoder")."""
    return NamedT(naming.elm_type_name(rust), naming.type_encoder(rust), naming.type_decoder(rust))


def types_names(top_level: set[str]) -> TypesNames:
    """Names of the shared `Workers.Types` module; `top_level` holds its codecs' names
    (`encodePoint`, `pointDecoder`...), which the helpers and locals must not shadow."""
    taken = set(top_level)
    optional = naming.fresh("optionalField", taken)
    taken.add(optional)
    default = naming.fresh("defaultField", taken)
    taken.add(default)
    helpers = []
    for role, start in ELM_HELPERS:
        name = naming.fresh(start, taken)
        taken.add(name)
        helpers.append((role, name))
    return TypesNames(
        module="Workers.Types",
        path="Workers/Types.elm",
        optional_field=optional,
        default_field=default,
        locals=_locals(taken),
        helpers=tuple(helpers),
    )


def types_module(defs: list[TypeDef]) -> tuple[list[TypeDef], TypesNames]:
    """The names of `Workers.Types`, and `defs` with every field's parameter distinct
    from the module's top-level names and the codecs' locals."""
    top_level = {d.encoder for d in defs} | {d.decoder for d in defs}
    module = types_names(top_level)
    taken = top_level | {module.optional_field, module.default_field}
    taken |= codec_locals(module.locals)
    taken |= {name for _, name in module.helpers}
    return [_type_params(d, taken) for d in defs], module


def _type_params(d: TypeDef, taken: set[str]) -> TypeDef:
    if isinstance(d, StructDef):
        return replace(d, fields=with_params(d.fields, taken, positional_params(len(d.fields))))
    if isinstance(d, EnumDef):
        return replace(d, constructors=tuple(
            replace(c, fields=with_params(c.fields, taken, positional_params(len(c.fields))))
            for c in d.constructors))
    return d


def constructor_names(defs: dict[str, TypeDef], diagnostics: list[Diagnostic]) -> dict[str, TypeDef]:
    """Constructors keep the Rust variant name unless another enum has a variant of
    that name, or a type is named like it; then every such enum's constructors get
    the enum's name in front (`Icon::Circle` -> `IconCircle`). A name still taken is
    an error."""
    type_names = {d.name for d in defs.values()}
    counts = Counter(
        c.rust_name for d in defs.values() if isinstance(d, EnumDef) for c in d.constructors
    )
    clashing = {name for name, n in counts.items() if n > 1} | type_names
    out = {}
    used: dict[str, str] = {}
    for rust in sorted(defs):
        d = defs[rust]
        if isinstance(d, EnumDef) and any(c.rust_name in clashing for c in d.constructors):
            d = replace(d, constructors=tuple(
                replace(c, name=rust + c.rust_name) for c in d.constructors))
        if isinstance(d, EnumDef):
            for c in d.constructors:
                if c.name in used or c.name in type_names:
                    diagnostics.append(error(
                        c.loc, f"the Elm constructor `{c.name}` of `{rust}` is already "
                        f"taken{' by `' + used[c.name] + '`' if c.name in used else ''}",
                        "rename the variant or the type"))
                used[c.name] = rust
        out[rust] = d
    return out


# ---- fields and parameters ---------------------------------------------------------------


def wire_key(rust_name: str, rename: str | None, style: str | None, serde: bool) -> str:
    """A named field's key on the wire: serde's `rename`, else its `rename_all` style,
    else the name as written for a type that derives serde (`x_pos`), else Hamlet's
    camelCase (`xPos`)."""
    if rename is not None:
        return rename
    if style:
        return naming.serde_field(rust_name, style)
    return rust_name if serde else naming.serde_camel(rust_name)


def field_names(wire: str, rust_name: str, taken: tuple[set[str], set[str]]) -> tuple[str, str]:
    """A named field's Elm record field and JS local, each distinct from the record's
    earlier ones in `taken` (Elm's, JS's), which fields such as `case` and `case_` would
    otherwise both become. The Elm field is the camelCase of the Rust field, whatever
    serde calls its key (`#[serde(rename = "LAST-NAME")] last` -> `last`); the JS local
    follows the key, which the handler destructures (a flattened field, `wire` "", is
    named after its Rust name)."""
    elm_taken, js_taken = taken
    elm_name = naming.fresh(naming.elm_field(rust_name), elm_taken)
    elm_taken.add(elm_name)
    js_base = naming.js_local(wire) if wire else naming.js_identifier(elm_name)
    js_name = naming.fresh(js_base, js_taken)
    js_taken.add(js_name)
    return elm_name, js_name


def positional_params(count: int) -> list[str]:
    """Parameter names for tuple fields: 1 -> ["value"]; 2 -> ["value1", "value2"]."""
    if count == 1:
        return ["value"]
    return [f"value{i}" for i in range(1, count + 1)]


def with_params(fields: tuple[Field, ...], taken: set[str], positional: list[str]) -> tuple[Field, ...]:
    """Give each field an Elm parameter name distinct from `taken` and each other:
    record fields start from their own name, positional ones from `positional`.
    A positional field's JS local is its positional name: JS has a scope of its own,
    which Elm's names do not reach."""
    chosen: set[str] = set()
    out = []
    for index, f in enumerate(fields):
        param = f.elm_name if f.rust_name is not None else positional[index]
        # `taken` holds every codec name of Workers.Types: test it, never copy it.
        while param in taken or param in chosen:
            param += "_"
        chosen.add(param)
        changes = {"elm_param": param}
        if f.rust_name is None:
            changes["js_name"] = positional[index]
        out.append(replace(f, **changes))
    return tuple(out)


def js_locals(fields: tuple[Field, ...]) -> tuple[Field, ...]:
    """Give each field of a message a JS local distinct from the others, a flattened
    struct's fields included (the scaffold destructures them side by side), and from
    `naming.JS_BOUND`: `request: String` -> js_name "request_", so that the scaffold reads
    `const { request: request_ } = request;`."""
    taken = set(naming.JS_BOUND)

    def settle(fields: tuple[Field, ...]) -> tuple[Field, ...]:
        out = []
        for f in fields:
            if f.flattened is not None:
                out.append(replace(f, flattened=settle(f.flattened)))
                continue
            name = naming.fresh(f.js_name, taken)
            taken.add(name)
            out.append(replace(f, js_name=name))
        return tuple(out)

    return settle(fields)
