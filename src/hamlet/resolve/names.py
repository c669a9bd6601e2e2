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
    taken = set(names.values()) | set(commands)
    return ElmNames(**names, locals=_locals(taken))


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
    return TypesNames(
        module="Workers.Types",
        path="Workers/Types.elm",
        optional_field=optional,
        default_field=default,
        locals=_locals(taken),
    )


def elm_top_level(elm: ElmNames) -> set[str]:
    """Every lowercase top-level value of the module, locals excluded."""
    return {
        elm.send, elm.subscribe, elm.send_port, elm.response_port, elm.encode_request,
        elm.request_decoder, elm.encode_response, elm.response_decoder, elm.optional_field,
        elm.default_field,
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
