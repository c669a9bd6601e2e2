"""Resolve every generated name of a worker, before anything is rendered.

The case rules themselves live in `hamlet.naming`; this module decides which rule
applies where and keeps the names of one Elm module from clashing.
"""

from __future__ import annotations

from hamlet import naming
from hamlet.model import ElmNames, JsNames, TypesNames

# Local variables the Elm emitter uses; each gets a name that shadows nothing.
ELM_LOCAL_ROLES = (
    "tag", "value", "data", "request", "response", "toMsg", "error", "field",
    "decoder", "maybe", "a", "b", "c", "item", "default",
    "pairs", "key", "items", "values", "least", "keys", "size", "encoder", "dict",
    "found", "object", "state", "char", "json",
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
# fields, by role, with the name each starts from (see `hamlet.emit.elm_codecs`).
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


def elm_names(base: str, commands: list[str]) -> ElmNames:
    """For base "ImageWorker": module "Workers.ImageWorker", send "sendToImageWorker",
    subscribe "imageWorkerResponse", request_decoder "imageWorkerRequestDecoder", ...

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


def elm_top_level(elm: ElmNames) -> set[str]:
    """Every lowercase top-level value of the module, locals excluded."""
    return {
        elm.send, elm.subscribe, elm.send_port, elm.response_port, elm.encode_request,
        elm.request_decoder, elm.encode_response, elm.response_decoder, elm.optional_field,
        elm.default_field, *(name for _, name in elm.helpers),
    }


def js_names(base: str) -> JsNames:
    """"ImageWorker" -> snake "image_worker", setup "setupImageWorker", ..."""
    snake = naming.snake(base)
    return JsNames(
        snake=snake,
        setup=f"setup{base}",
        main_file=f"{snake}_main.js",
        worker_file=f"{snake}.js",
        handlers_file=f"{snake}_handlers.js",
        schema_file=f"{snake}.schema.json",
        default_url=f"/workers/{snake}.js",
    )


def positional_params(count: int) -> list[str]:
    """Parameter names for tuple fields: 1 -> ["value"]; 2 -> ["value1", "value2"]."""
    if count == 1:
        return ["value"]
    return [f"value{i}" for i in range(1, count + 1)]
