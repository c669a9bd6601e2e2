"""The Elm port module of one worker: message types, commands, subscription, ports, codecs.

    #[derive(BuildAmpWorker)]
    pub enum ImageWorkerMessage {
        // Main → Worker
        ProcessImage { image_url: String, max_width: u32, quality: u8 },
        // Worker → Main
        ProcessingFailed { error: String },
        ..
    }

becomes `Workers/ImageWorker.elm`:

    port module Workers.ImageWorker exposing (ImageWorkerRequest(..), ..)

    type ImageWorkerRequest
        = ProcessImage { imageUrl : String, maxWidth : Int, quality : Int }

    processImage : String -> Int -> Int -> Cmd msg
    imageWorkerResponse : (ImageWorkerResponse -> msg) -> Sub msg
    port sendToImageWorkerPort : Encode.Value -> Cmd msg
    ..

The text is exactly what elm-format 0.8.8 prints, so users never need the formatter:
four-space indents, two blank lines between declarations, and layouts elm-format keeps
as they are. Every name comes from the model (`worker.elm`, `variant.command`,
`field.elm_name`, `field.elm_param`); nothing here changes the case of a name.
"""

from __future__ import annotations

from hamlet.emit import header
from hamlet.emit.elm_codecs import elm_string, elm_type
from hamlet.emit.elm_scope import INDENT, Scope, worker_scope
from hamlet.emit.elm_decls import documented, union_lines
from hamlet.emit.elm_helpers import helpers
from hamlet.emit.elm_tagged import union_decoder, union_encoder
from hamlet.model import (
    NamedT, OutputFile, Project, Shape, TypesNames, Variant, Worker, mentions,
)


def emit_elm(project: Project, worker: Worker) -> OutputFile:
    """The worker's module. Domain types print qualified with the name of the module
    that holds them; the project's types let a default or omitted field see through
    an alias."""
    elm = worker.elm
    types_names = project.types_names
    scope = worker_scope(project, worker)
    qualifier = scope.qualifier
    declarations = [
        documented("Messages from the main thread to the worker.",
                   union_lines(elm.request_type, worker.requests, qualifier)),
        documented("Messages from the worker to the main thread.",
                   union_lines(elm.response_type, worker.responses, qualifier)),
        *(_command(worker, variant, qualifier) for variant in worker.requests),
        _send(worker),
        _subscribe(worker),
        _send_with(worker),
        _tracked(worker),
        _cancel(worker),
        _terminate(worker),
        [f"port {elm.send_port} : Encode.Value -> Cmd msg"],
        [f"port {elm.response_port} : (Decode.Value -> msg) -> Sub msg"],
        [f"port {elm.tracked_port} : (Decode.Value -> msg) -> Sub msg"],
        *_codecs("request", "reads", elm.encode_request, elm.request_decoder, elm.request_type,
                 worker.requests, scope),
        *_codecs("response", "sends", elm.encode_response, elm.response_decoder, elm.response_type,
                 worker.responses, scope),
        *helpers(scope),
    ]
    # elm-format's spacing: two blank lines after the header comment and between
    # declarations, one between the module line, its doc comment and the imports.
    preamble = [_module_line(worker), _module_docs(worker), _imports(worker, scope, types_names)]
    text = "\n\n\n".join(
        [
            "\n".join(_header(worker)),
            "\n\n".join("\n".join(part) for part in preamble),
            *("\n".join(declaration) for declaration in declarations),
        ]
    )
    return OutputFile(root="elm", path=elm.path, content=text + "\n")


def _codecs(role: str, verb: str, encode: str, decode: str, type_name: str, cases, scope: Scope):
    """The encoder and decoder of the requests ("request", "reads") or the responses."""
    return [
        documented(f"Turn a {role} into the JSON the worker {verb}.",
                   union_encoder(encode, type_name, scope.local(role), cases, scope)),
        documented(f"Read a {role} from JSON; the inverse of `{encode}`.",
                   union_decoder(decode, type_name, cases, scope)),
    ]


# ---- module header -----------------------------------------------------------------


def _header(worker: Worker) -> list[str]:
    """A line comment above `module`: not markdown, so any source path prints as is.
    One line, so that `header.source_of` finds it when the worker is gone."""
    source = " ".join(worker.source.splitlines())
    return [f"-- {header.notice(source)}"]


def _doc_groups(worker: Worker) -> list[tuple[str, list[str]]]:
    """The exposed names in @docs groups; elm-format orders the exposing list by them."""
    elm = worker.elm
    groups = [
        ("Messages", [elm.request_type, elm.response_type]),
        ("Requests", [v.command for v in worker.requests]),
        ("Talking to the worker", [elm.send, elm.subscribe]),
        ("Tracked requests", [elm.send_with, elm.tracked, elm.cancel, elm.terminate]),
        ("JSON", [elm.encode_request, elm.request_decoder]),
        ("", [elm.encode_response, elm.response_decoder]),
    ]
    return [(title, names) for title, names in groups if names]


def _module_line(worker: Worker) -> list[str]:
    lines = [f"port module {worker.elm.module} exposing"]
    for index, (_, names) in enumerate(_doc_groups(worker)):
        exposed = [f"{name}(..)" if name[0].isupper() else name for name in names]
        lines.append(f"{INDENT}{'(' if index == 0 else ','} {', '.join(exposed)}")
    lines.append(f"{INDENT})")
    return lines


def _module_docs(worker: Worker) -> list[str]:
    failure = worker.failure.name
    lines = [
        f"{{-| Talk to the `{worker.base}` Web Worker: one command per request, and one",
        "subscription for every response. A response that does not decode arrives as",
        f"`{failure}`, saying what went wrong.",
        "",
        "To tell requests apart, cancel them or give them a timeout, send them with",
        f"`{worker.elm.send_with}` and a tracker, as elm/http does: their responses arrive",
        f"on `{worker.elm.tracked}`.",
    ]
    for title, names in _doc_groups(worker):
        if title:
            lines += ["", "", f"# {title}", ""]
        lines.append("@docs " + ", ".join(names))
    lines += ["", "-}"]
    return lines


def _imports(worker: Worker, scope: Scope, types_names: TypesNames) -> list[str]:
    """Dict when a type or a codec needs it (`scope.needs`, known before anything is
    printed); `Workers.Types` when a message reaches a domain type (always written
    qualified, so nothing is exposed)."""
    types = [f.type for v in worker.variants for f in v.fields]
    lines = []
    if scope.imports_dict():
        lines.append("import Dict exposing (Dict)")
    lines.append("import Json.Decode as Decode")
    lines.append("import Json.Encode as Encode")
    if any(mentions(t, NamedT) for t in types):
        lines.append(f"import {types_names.module}")
    return lines


# ---- commands and subscription -----------------------------------------------------


def _construct(variant: Variant) -> str:
    """The request value built from the command's arguments."""
    if variant.shape is Shape.STRUCT:
        record = ", ".join(f"{f.elm_name} = {f.elm_param}" for f in variant.fields)
        return f"({variant.name} {{ {record} }})" if record else f"({variant.name} {{}})"
    if variant.shape is Shape.TUPLE and variant.fields:
        return "(" + " ".join([variant.name] + [f.elm_param for f in variant.fields]) + ")"
    return variant.name


def _command(worker: Worker, variant: Variant, qualifier: str) -> list[str]:
    """`processImage : String -> Int -> Int -> Cmd msg`, arguments in field order."""
    signature = [elm_type(f.type, False, qualifier) for f in variant.fields] + ["Cmd msg"]
    head = " ".join([variant.command] + [f.elm_param for f in variant.fields])
    return documented(
        f"Send `{variant.name}` to the worker.",
        [
            f"{variant.command} : {' -> '.join(signature)}",
            f"{head} =",
            f"{INDENT}{worker.elm.send} {_construct(variant)}",
        ],
    )


def _send(worker: Worker) -> list[str]:
    elm = worker.elm
    request = elm.local("request")
    return documented(
        "Send any request to the worker.",
        [
            f"{elm.send} : {elm.request_type} -> Cmd msg",
            f"{elm.send} {request} =",
            f"{INDENT}{elm.send_port} ({elm.encode_request} {request})",
        ],
    )


def _send_with(worker: Worker) -> list[str]:
    """The tracked send: `["send", tracker or null, timeout or null, request]` on the
    one outgoing port, so that the JS sees every command of an update in one batch
    (see docs/wire-format.md)."""
    elm = worker.elm
    options, request = elm.local("options"), elm.local("request")
    failure = worker.failure.name
    return [
        f"{{-| Send a request with a tracker, a timeout, or both, like elm/http's `tracker` and",
        f"`timeout`. A tracked request's responses, progress included, arrive on `{elm.tracked}`",
        f"with its tracker, not on `{elm.subscribe}`; `{elm.cancel}` ends it. `timeout`",
        f"is in milliseconds: when it passes, the request ends with `{failure}`",
        '"timed out after N ms". With no tracker, the responses arrive on',
        f"`{elm.subscribe}`.",
        "-}",
        f"{elm.send_with} : {{ tracker : Maybe String, timeout : Maybe Float }} -> {elm.request_type} -> Cmd msg",
        f"{elm.send_with} {options} {request} =",
        f"{INDENT}{elm.send_port}",
        f"{INDENT * 2}(Encode.list Basics.identity",
        f'{INDENT * 3}[ Encode.string "send"',
        f"{INDENT * 3}, Maybe.withDefault Encode.null (Maybe.map Encode.string {options}.tracker)",
        f"{INDENT * 3}, Maybe.withDefault Encode.null (Maybe.map Encode.float {options}.timeout)",
        f"{INDENT * 3}, {elm.encode_request} {request}",
        f"{INDENT * 3}]",
        f"{INDENT * 2})",
    ]


def _tracked(worker: Worker) -> list[str]:
    """`[tracker, response]` from the tracked port; a response that does not decode
    becomes the failure variant, still with its tracker."""
    elm = worker.elm
    to_msg, value, tracker = elm.local("toMsg"), elm.local("value"), elm.local("tracker")
    response, error = elm.local("response"), elm.local("error")
    prefix = elm_string(f"Could not decode a message from {worker.base}: ")
    reason = f"{prefix} ++ Decode.errorToString {error}"
    return [
        "{-| The responses to requests sent with a tracker, each with its tracker. One that",
        f"does not decode arrives as `{worker.failure.name}`, still with its tracker.",
        "-}",
        *[
            f"{elm.tracked} : (String -> {elm.response_type} -> msg) -> Sub msg",
            f"{elm.tracked} {to_msg} =",
            f"{INDENT}{elm.tracked_port}",
            f"{INDENT * 2}(\\{value} ->",
            f"{INDENT * 3}let",
            f"{INDENT * 4}{tracker} =",
            f"{INDENT * 5}Decode.decodeValue (Decode.index 0 Decode.string) {value}",
            f'{INDENT * 6}|> Result.withDefault ""',
            f"{INDENT * 3}in",
            f"{INDENT * 3}case Decode.decodeValue (Decode.index 1 {elm.response_decoder}) {value} of",
            f"{INDENT * 4}Result.Ok {response} ->",
            f"{INDENT * 5}{to_msg} {tracker} {response}",
            "",
            f"{INDENT * 4}Result.Err {error} ->",
            f"{INDENT * 5}{to_msg} {tracker} {_failure(worker, reason)}",
            f"{INDENT * 2})",
        ],
    ]


def _cancel(worker: Worker) -> list[str]:
    elm = worker.elm
    tracker = elm.local("tracker")
    return [
        f"{{-| End every pending request sent with this tracker, at once, with `{worker.failure.name}`",
        '"cancelled"; its handler\'s `reply.signal` fires. With none pending, nothing happens.',
        "In one update, a cancel applies before the requests sent beside it, in any order.",
        "-}",
        f"{elm.cancel} : String -> Cmd msg",
        f"{elm.cancel} {tracker} =",
        f'{INDENT}{elm.send_port} (Encode.list Encode.string [ "cancel", {tracker} ])',
    ]


def _terminate(worker: Worker) -> list[str]:
    elm = worker.elm
    return [
        f"{{-| Stop the worker: every pending request, tracked or not, ends with `{worker.failure.name}`,",
        "and the next request starts a fresh worker. In one update, it applies before the",
        "requests sent beside it, in any order.",
        "-}",
        f"{elm.terminate} : Cmd msg",
        f"{elm.terminate} =",
        f'{INDENT}{elm.send_port} (Encode.list Encode.string [ "terminate" ])',
    ]


def _failure(worker: Worker, reason: str) -> str:
    """The failure variant carrying `reason`, an Elm String expression."""
    failure = worker.failure
    if failure.shape is Shape.TUPLE:
        return f"({failure.name} ({reason}))"
    return f"({failure.name} {{ {failure.fields[0].elm_name} = {reason} }})"


def _subscribe(worker: Worker) -> list[str]:
    elm = worker.elm
    to_msg, value = elm.local("toMsg"), elm.local("value")
    response, error = elm.local("response"), elm.local("error")
    prefix = elm_string(f"Could not decode a message from {worker.base}: ")
    reason = f"{prefix} ++ Decode.errorToString {error}"
    return documented(
        f"Every response from the worker; one that does not decode arrives as `{worker.failure.name}`.",
        [
            f"{elm.subscribe} : ({elm.response_type} -> msg) -> Sub msg",
            f"{elm.subscribe} {to_msg} =",
            f"{INDENT}{elm.response_port}",
            f"{INDENT * 2}(\\{value} ->",
            f"{INDENT * 3}case Decode.decodeValue {elm.response_decoder} {value} of",
            f"{INDENT * 4}Result.Ok {response} ->",
            f"{INDENT * 5}{to_msg} {response}",
            "",
            f"{INDENT * 4}Result.Err {error} ->",
            f"{INDENT * 5}{to_msg} {_failure(worker, reason)}",
            f"{INDENT * 2})",
        ],
    )
