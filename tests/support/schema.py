"""A worker's generated JSON Schema as validators, resolved as the browser tests do
(the document registered under its own `$id`): which messages it accepts where."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from hamlet.emit.schema import emit_schema
from hamlet.model import Project

# The groups by the suffix of their name: "Request.port" is everything on the outgoing
# port, "Response.tracked" a [tracker, response] on the tracked port.
KINDS = ("Request", "Response", "RequestEnvelope", "ResponseEnvelope", "Request.port", "Response.tracked")


class Wire:
    def __init__(self, worker, project: Project | None = None) -> None:
        project = Project((worker,)) if project is None else project
        self.document = json.loads(emit_schema(project, worker).content)
        Draft202012Validator.check_schema(self.document)
        self.uri = self.document["$id"]
        self.registry = Registry().with_resource(self.uri, DRAFT202012.create_resource(self.document))
        self.base = worker.base
        self.validators = {kind: self._validator(f"{self.base}{kind}") for kind in KINDS}

    def _validator(self, name: str) -> Draft202012Validator:
        return Draft202012Validator({"$ref": f"{self.uri}#/$defs/{name}"}, registry=self.registry)

    def valid(self, kind: str, message) -> bool:
        """`message` against a group: "Request", "Response", "RequestEnvelope"..."""
        return self.validators[kind].is_valid(message)

    def valid_def(self, name: str, instance) -> bool:
        """`instance` against `$defs/<name>` (a domain type)."""
        return self._validator(name).is_valid(instance)

    def root_valid(self, message) -> bool:
        return Draft202012Validator(self.document, registry=self.registry).is_valid(message)

    def check(self, log: dict, off_contract: tuple[str, ...] = ()) -> None:
        """Every message of a node harness log is on the contract where it crossed,
        except requests whose type is in `off_contract`."""
        for message in log["toElm"]:
            kind = "Response.tracked" if isinstance(message, list) else "Response"
            assert self.valid(kind, message), (kind, message)
        for message in log["fromWorker"]:
            assert self.valid("ResponseEnvelope", message), message
        for message in log["toWorker"]:
            expected = isinstance(message, list) or message["type"] not in off_contract
            assert self.valid("RequestEnvelope", message) == expected, message
