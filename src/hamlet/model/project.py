"""The whole model, and the files emitters make of it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from hamlet.diagnostics import Loc
from hamlet.model.domain import TypeDef, TypesNames, def_types, field_types
from hamlet.model.types import NamedT, walk
from hamlet.model.workers import Worker


@dataclass(frozen=True)
class IndexNames:
    """The JavaScript module that sets up every worker: file "workers.js", function
    "setupWorkers" (each worker's options and handle under its `JsNames.key`), and its
    TypeScript declarations, declarations "workers.d.ts"."""

    file: str
    setup: str
    declarations: str = "workers.d.ts"


@dataclass(frozen=True)
class Project:
    """Everything to generate: the workers, ordered by base name, and the domain types
    their messages reach, ordered by Elm name (empty when messages use none), with the
    names of the modules they share."""

    workers: tuple[Worker, ...]
    types: tuple[TypeDef, ...] = ()
    types_names: TypesNames = TypesNames("Workers.Types", "Workers/Types.elm")
    index: IndexNames = IndexNames("workers.js", "setupWorkers")

    @cached_property
    def _by_name(self) -> dict[str, TypeDef]:
        return {t.name: t for t in self.types}

    def type_def(self, name: str) -> TypeDef:
        return self._by_name[name]

    @cached_property
    def _reached(self) -> dict[int, tuple[TypeDef, ...]]:
        # By identity: the project holds its workers, so their ids stay theirs.
        return {id(w): self._reach(w) for w in self.workers}

    def reached_types(self, worker: Worker) -> tuple[TypeDef, ...]:
        """The domain types `worker`'s messages reach, transitively, ordered by name.

        `PlanRoute { route: Vec<Leg> }` with `struct Leg { to: Point }` -> (Leg, Point);
        a type that reaches itself (`struct Node { children: Vec<Node> }`) is listed once.
        """
        known = self._reached.get(id(worker))
        return known if known is not None else self._reach(worker)

    def _reach(self, worker: Worker) -> tuple[TypeDef, ...]:
        return reach(worker, self._by_name, strict=True)


def reach(worker: Worker, by_name: dict[str, TypeDef], strict: bool) -> tuple[TypeDef, ...]:
    """The domain types `worker`'s messages reach through `by_name`, ordered by name. A
    type not in `by_name` is an error in a Project (`strict`), which holds complete sets
    of types only; while resolving, it is one that its own errors left out, and is
    passed over."""
    seen: dict[str, TypeDef] = {}
    todo = [t for v in worker.variants for t in field_types(v.fields)]
    while todo:
        for named in walk(todo.pop()):
            if not isinstance(named, NamedT) or named.name in seen:
                continue
            if named.name not in by_name:
                if strict:
                    raise ValueError(f"domain type {named.name} is missing from the project's types")
                continue
            definition = seen[named.name] = by_name[named.name]
            todo.extend(def_types(definition))
    return tuple(seen[name] for name in sorted(seen))


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
