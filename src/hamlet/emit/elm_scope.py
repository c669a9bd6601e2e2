"""Where Elm codecs are printed: the module's local names, the names of its private
helpers, which of those helpers it needs (worked out beforehand, see
`hamlet.emit.elm_needs`), and how to reach domain types. Plus the few pieces of Elm
syntax every printer shares: precedence, indentation.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import NamedTuple

from hamlet.emit.elm_needs import DICT, alias_target, aliases_of, types_needs, worker_needs
from hamlet.model import Project, Type, Worker

# How tightly an expression binds, to know when it needs parentheses.
LOOSE = 0  # operators and lambdas: `f >> g`, `\x -> y`
APP = 1  # function application: `Encode.list Encode.int`
ATOM = 2  # names, literals and anything bracketed

INDENT = "    "


class Expr(NamedTuple):
    text: str
    prec: int

    def arg(self) -> str:
        """As an argument of a function application."""
        return self.text if self.prec == ATOM else f"({self.text})"


@dataclass(frozen=True)
class Scope:
    """Where codecs are printed: the names they may use and how to reach domain types.

    In `Workers.ImageWorker`, `qualifier` is "Workers.Types." (`Workers.Types.encodePoint`);
    in `Workers.Types` it is "" and `lazy` holds the types of the cycle being printed,
    whose decoders must be reached through `Decode.lazy`. `aliases` gives the Elm type
    behind an alias name, for zero values and emptiness. `needs`: the helpers the
    module's codecs call, and "Dict" when it imports `Dict` (`elm_needs`); nothing
    printed here changes it.
    """

    locals: tuple[tuple[str, str], ...]
    helper_names: tuple[tuple[str, str], ...]
    needs: frozenset[str]
    qualifier: str = ""
    lazy: frozenset[str] = frozenset()
    aliases: dict[str, Type] = field(default_factory=dict, compare=False)

    def local(self, role: str) -> str:
        return dict(self.locals)[role]

    def helper(self, role: str) -> str:
        """The name of a private helper ("own_field", "tuple_of", ...)."""
        self.need(role)
        return dict(self.helper_names)[role]

    def need(self, what: str) -> None:
        """Say that the code being printed uses `what` (a helper, or "Dict"), which the
        module must have: `elm_needs` should have found it in the model."""
        if what not in self.needs:
            raise AssertionError(f"bug: the Elm printed uses {what!r}, which elm_needs missed")

    def imports_dict(self) -> bool:
        return DICT in self.needs

    def with_lazy(self, names: frozenset[str]) -> "Scope":
        """The same scope with other decoders reached lazily."""
        return replace(self, lazy=names)

    def alias(self, t: Type) -> Type:
        """The type behind an alias (`Labels` -> `Dict String (List String)`), else `t`."""
        return alias_target(t, self.aliases)


def worker_scope(project: Project, worker: Worker) -> Scope:
    """Codecs in a worker's module: domain types qualified with `Workers.Types.`."""
    elm = worker.elm
    aliases = aliases_of(project)
    return Scope(
        locals=elm.locals,
        helper_names=(("optional_field", elm.optional_field),
                      ("default_field", elm.default_field), *elm.helpers),
        needs=worker_needs(worker, aliases),
        qualifier=project.types_names.module + ".",
        aliases=aliases,
    )


def types_scope(project: Project) -> Scope:
    """Codecs in `Workers.Types` itself: domain types unqualified."""
    names = project.types_names
    return Scope(
        locals=names.locals,
        helper_names=(("optional_field", names.optional_field),
                      ("default_field", names.default_field), *names.helpers),
        needs=types_needs(project),
        aliases=aliases_of(project),
    )
