"""Resolve parsed Rust into Hamlet's model: find the workers, apply the direction,
failure and progress rules, map the types and settle every name.

    #[derive(BuildAmpWorker)]
    pub enum CSVWorkerMessage { ParseCSV { data: String }, CSVParsed { .. }, ParseError { error: String } }
    -> Worker(base="CSVWorker", variants=(ParseCSV request, CSVParsed response,
              ParseError response + failure), elm=ElmNames(...), js=JsNames(...))
"""

from __future__ import annotations

from hamlet import naming
from hamlet.diagnostics import Diagnostic, error, sort_key
from hamlet.model import Direction, Prim, PrimT, Project, Shape, Variant, Worker
from hamlet.resolve import names, rules, rust_worker
from hamlet.resolve.domain import Domain
from hamlet.resolve.representation import struct_only
from hamlet.resolve.fields import FieldRules, check_tuple_skips, resolve_fields
from hamlet.resolve.serde import CONTAINER, VARIANT, Serde, read_serde
from hamlet.read.rust.syntax import ParsedFile, REnum, RVariant

DERIVE = "BuildAmpWorker"
STRING = PrimT(Prim.STRING)


def is_worker(item: object) -> bool:
    """`#[derive(BuildAmpWorker)]` or `#[derive(hamlet::BuildAmpWorker)]` on an enum."""
    return isinstance(item, REnum) and any(
        d.split("::")[-1].strip() == DERIVE for d in item.derives
    )


def resolve(
    files: list[ParsedFile], worker_folder: str = "../workers/"
) -> tuple[Project, list[Diagnostic]]:
    """`worker_folder`: where the main JS finds the worker entries
    (`hamlet.resolve.worker_url`)."""
    diagnostics: list[Diagnostic] = []
    found = [(item, parsed.path) for parsed in files for item in parsed.items]
    domain = Domain([(i, p) for i, p in found if not is_worker(i)], diagnostics)
    workers = []
    for item, path in found:
        if is_worker(item):
            worker = _worker(  # type: ignore[arg-type]
                item, path, domain, diagnostics, worker_folder)
            if worker is not None:
                workers.append(worker)
        else:
            diagnostics.extend(rust_worker.misplaced(item))
    types, types_names = domain.resolve_reached()
    workers, problems = rust_worker.settle(workers, types, [item for item, _ in found])
    diagnostics.extend(problems)
    diagnostics.extend(_clashes(workers))
    diagnostics.extend(_message_type_clashes(workers, types))
    workers.sort(key=lambda w: (w.base, w.loc.path, w.loc.line))
    diagnostics.sort(key=sort_key)
    return Project(tuple(workers), types, types_names), diagnostics


def _worker(
    enum: REnum, source: str, domain: Domain, diagnostics: list[Diagnostic], worker_folder: str
) -> Worker | None:
    before = len(diagnostics)
    if enum.generics:
        diagnostics.append(
            error(
                enum.loc,
                f"worker `{enum.name}` is generic (<{', '.join(enum.generics)}>)",
                "a worker's messages must be concrete: remove the type parameters",
            )
        )
        return None  # its fields would only repeat the problem (`unknown type T`)
    base = names.worker_base(enum.name)
    if not naming.is_elm_type_name(base):
        diagnostics.append(
            error(enum.loc, f"worker `{enum.name}` does not start with an uppercase letter (A-Z)",
                  f"its Elm module, Workers.{base}, must: rename the enum")
        )
        return None  # every name generated from it would be wrong too
    if base == "Types":
        diagnostics.append(
            error(enum.loc, f"worker `{enum.name}` would be the Elm module Workers.Types",
                  "that module holds the domain types: rename the enum")
        )
    serde = _worker_serde(enum, diagnostics)
    implementation = rust_worker.implementation(enum, diagnostics)
    variants = _variants(enum, serde, domain, diagnostics)
    if len(diagnostics) > before:
        return None
    checked = _check_worker(enum, variants) + _name_clashes(enum, variants)
    if checked:
        diagnostics.extend(checked)
        return None
    elm = names.elm_names(base, [v.command for v in variants if v.is_request])
    clash = _command_clashes(enum, variants, elm) + _reply_clashes(enum, variants)
    if clash:
        diagnostics.extend(clash)
        return None
    return Worker(
        enum_name=enum.name,
        base=base,
        source=source,
        loc=enum.loc,
        docs=enum.docs,
        variants=tuple(names.message_params(variants, elm)),
        elm=elm,
        js=names.js_names(base, worker_folder),
        schema=names.schema_names(elm),
        implementation=implementation,
    )


def _worker_serde(enum: REnum, diagnostics: list[Diagnostic]) -> Serde:
    """A worker enum's own serde attributes: the envelope needs the tag in `"type"`."""
    serde = read_serde(enum.attrs, CONTAINER, f"worker `{enum.name}`", diagnostics)
    if serde.default:
        diagnostics.append(struct_only(enum, serde))
    if (serde.tag not in (None, "type") or serde.content is not None or serde.untagged
            or serde.transparent):
        diagnostics.append(
            error(
                serde.loc or enum.loc,
                f"worker `{enum.name}`: messages are tagged with `\"type\"`; serde's "
                "`tag` (other than \"type\"), `content`, `untagged` and `transparent` "
                "would change that",
                "remove the attribute; `rename_all` and `rename_all_fields` are fine",
            )
        )
    return serde


def _variants(
    enum: REnum, serde: Serde, domain: Domain, diagnostics: list[Diagnostic]
) -> list[Variant]:
    flags = []
    for rv in enum.variants:
        flag, problems = rules.worker_flags(rv)
        flags.append(flag)
        diagnostics.extend(problems)
    decided = rules.directions(enum.variants, flags)
    result = []
    seen: dict[str, RVariant] = {}
    for rv, flag, (direction, rule) in zip(enum.variants, flags, decided):
        if rv.name in seen:
            diagnostics.append(
                error(
                    rv.loc,
                    f"duplicate variant `{rv.name}` in `{enum.name}` "
                    f"(first at line {seen[rv.name].loc.line})",
                    "give each variant its own name",
                )
            )
            continue
        seen[rv.name] = rv
        owner = f"`{enum.name}::{rv.name}`"
        vserde = read_serde(rv.attrs, VARIANT, owner, diagnostics)
        if not naming.is_elm_type_name(rv.name):
            diagnostics.append(names.not_a_constructor(rv, enum.name))
            continue
        if vserde.skip:
            diagnostics.append(
                error(vserde.loc or rv.loc, f"variant {owner} is `skip`ped by serde",
                      "a message that cannot be sent has no place in a worker enum: "
                      "remove the variant or the attribute")
            )
            continue
        if rv.kind == "tuple" and not check_tuple_skips(rv.fields, f"variant {owner}", rv.loc, diagnostics):
            continue
        style = vserde.rename_all or serde.rename_all_fields
        field_rules = FieldRules(owner, style, False, (("type", "the message tag"),))
        fields = resolve_fields(
            rv.fields, field_rules, domain.context, domain.flatten, diagnostics, domain.expand
        )
        if serde.tag is not None and rv.kind == "tuple":
            # An explicit `#[serde(tag = "type")]`: serde's internally tagged form, where
            # a newtype of a struct has its keys beside the tag instead of in "value".
            fields = domain.merged(rv, owner, fields, serde.tag)
            if fields is None:
                continue
        progress = flag.progress or (
            direction is Direction.RESPONSE and rules.is_progress_word(rv.name)
        )
        result.append(
            Variant(
                name=rv.name,
                tag=names.variant_tag(rv.name, vserde.rename, serde.rename_all),
                shape=Shape(rv.kind),
                fields=fields,
                direction=direction,
                rule=rule,
                is_failure=flag.error,
                is_progress=progress,
                docs=rv.docs,
                loc=rv.loc,
                **names.variant_names(rv.name),
            )
        )
    return _mark_failure(enum, result, diagnostics)


def _name_clashes(enum: REnum, variants: list[Variant]) -> list[Diagnostic]:
    """`CSVLoad` and `CsvLoad` would share the command `csvLoad`; two variants renamed
    to one tag could not be told apart."""
    problems = []
    for what, key, wanted in (
        ("wire tag", lambda v: v.tag, lambda v: True),
        ("Elm command", lambda v: v.command, lambda v: v.is_request),
        ("JS reply method", lambda v: v.reply, lambda v: not v.is_request),
    ):
        seen: dict[str, Variant] = {}
        for v in variants:
            if not wanted(v):
                continue
            first = seen.setdefault(key(v), v)
            if first is not v:
                problems.append(
                    error(v.loc, f"variants `{first.name}` and `{v.name}` of `{enum.name}` "
                          f"both get the {what} `{key(v)}`", "rename one of them")
                )
    return problems


def _mark_failure(
    enum: REnum, variants: list[Variant], diagnostics: list[Diagnostic]
) -> list[Variant]:
    """Pick the failure variant: the one marked #[worker(error)], else the one response
    whose last word is Failed/Failure/Error with exactly one String field."""
    marked = [v for v in variants if v.is_failure]
    for v in marked:
        if not _single_string(v):
            diagnostics.append(
                error(
                    v.loc,
                    f"failure variant `{enum.name}::{v.name}` must have exactly one "
                    "String field",
                    f"write `{v.name} {{ error: String }}`: Hamlet puts every error "
                    "message in that field",
                )
            )
    if len(marked) > 1:
        diagnostics.append(
            error(
                marked[1].loc,
                f"`{enum.name}` marks {len(marked)} variants #[worker(error)]: "
                + naming.pluralize_list([f"`{v.name}`" for v in marked]),
                "mark exactly one failure variant",
            )
        )
    if marked:
        return variants
    candidates = [
        v for v in variants
        if not v.is_request and rules.is_failure_word(v.name) and _single_string(v)
    ]
    if len(candidates) > 1:
        diagnostics.append(
            error(
                enum.loc,
                f"`{enum.name}` has {len(candidates)} candidates for the failure variant: "
                + naming.pluralize_list([f"`{v.name}`" for v in candidates]),
                "mark the one Hamlet should use for errors with #[worker(error)]",
            )
        )
        return variants
    if candidates:
        chosen = candidates[0]
        return [_replace(v, is_failure=True) if v is chosen else v for v in variants]
    return variants


def _single_string(v: Variant) -> bool:
    return len(v.fields) == 1 and v.fields[0].type == STRING and v.shape is not Shape.UNIT


def _check_worker(enum: REnum, variants: list[Variant]) -> list[Diagnostic]:
    problems = []
    if not any(v.is_request for v in variants):
        problems.append(
            error(
                enum.loc,
                f"worker `{enum.name}` has no requests (main -> worker variants)",
                "add a request variant, or a `// Main → Worker` section comment above it",
            )
        )
    if not any(not v.is_request for v in variants):
        problems.append(
            error(
                enum.loc,
                f"worker `{enum.name}` has no responses (worker -> main variants)",
                "add a response variant, or a `// Worker → Main` section comment above it",
            )
        )
    failures = [v for v in variants if v.is_failure]
    if not failures and not problems:
        problems.append(
            error(
                enum.loc,
                f"worker `{enum.name}` has no failure variant",
                "add a response such as `Failed { error: String }`, or mark one "
                "with #[worker(error)]",
            )
        )
    return problems


def _command_clashes(enum: REnum, variants: list[Variant], elm) -> list[Diagnostic]:
    fixed = names.elm_top_level(elm)
    return [
        error(
            v.loc,
            f"request `{enum.name}::{v.name}` would get the Elm command `{v.command}`, "
            "which Hamlet already generates for this worker",
            "rename the variant",
        )
        for v in variants
        if v.is_request and v.command in fixed
    ]


def _reply_clashes(enum: REnum, variants: list[Variant]) -> list[Diagnostic]:
    """A response `Signal` would get the reply method `signal`, which the handlers'
    `reply` object already has: the request's AbortSignal."""
    return [
        error(
            v.loc,
            f"response `{enum.name}::{v.name}` would get the JS reply method `{v.reply}`, "
            f"which the handlers' `reply` object already has: {names.REPLY_RESERVED[v.reply]}",
            "rename the variant (`#[serde(rename = \"...\")]` keeps its wire tag)",
        )
        for v in variants
        if not v.is_request and v.reply in names.REPLY_RESERVED
    ]


def _replace(obj, **changes):
    from dataclasses import replace

    return replace(obj, **changes)


def _clashes(workers: list[Worker]) -> list[Diagnostic]:
    """Two workers whose base names, or file names, are the same."""
    problems = []
    by_key: dict[str, Worker] = {}
    for worker in sorted(workers, key=lambda w: (w.loc.path, w.loc.line)):
        key = worker.js.snake
        first = by_key.get(key)
        if first is None:
            by_key[key] = worker
            continue
        problems.append(
            error(
                worker.loc,
                f"worker `{worker.enum_name}` has the same generated name "
                f"`{worker.js.snake}` as `{first.enum_name}` at {first.loc}",
                "rename one of the enums; generated files and Elm modules are "
                "named after it",
            )
        )
    return problems


def _message_type_clashes(workers: list[Worker], types) -> list[Diagnostic]:
    """A domain type named like a worker's message type (`ImageWorkerRequest`) or its
    envelope (`ImageWorkerResponseEnvelope`): the worker's JSON schema defines both
    under one name; or like its reply object or handlers (`ImageWorkerReply`), which
    its TypeScript declarations define beside the domain types."""
    message_types = {}
    for worker in workers:
        schema = worker.schema
        for name in (schema.requests, schema.responses):
            message_types[name] = (worker, "messages")
        for name in (schema.request_envelopes, schema.response_envelopes):
            message_types[name] = (worker, "envelopes")
        # Its TypeScript declarations export these beside the domain types.
        for name, kind in names.reserved_type_names(worker.js).items():
            message_types[name] = (worker, kind)
    return [
        error(
            t.loc,
            f"type `{t.rust_name}` is named like the {message_types[t.name][1]} of worker "
            f"`{message_types[t.name][0].enum_name}`",
            "rename the type: Hamlet generates that name for the worker's "
            f"{message_types[t.name][1]}",
        )
        for t in types
        if t.name in message_types
    ]
