"""Settle the domain types once all are known: type cycles, wrapped records, constructor
names that cannot clash, and parameter names for the shared `Workers.Types` module.

    struct Tree { children: Forest }   type Forest = Vec<Tree>;
    -> both in cycle 0 (decoders go through Decode.lazy), and Tree `wrapped`
       (`type Tree = Tree { children : Forest }`: an Elm record alias cannot reach itself)

    enum Icon { Circle, Square }   enum Shape { Circle { r: f64 }, Dot }
    -> constructors IconCircle, IconSquare, ShapeCircle, ShapeDot
"""

from __future__ import annotations

from dataclasses import replace

from hamlet.diagnostics import Diagnostic, error
from hamlet.model import AliasDef, Shape, StructDef, TypeDef, TypesNames
from hamlet.resolve import names


def settle(
    defs: dict[str, TypeDef],
    edges: dict[str, set[str]],
    flattens: list,
    diagnostics: list[Diagnostic],
) -> tuple[list[TypeDef], TypesNames]:
    """`defs` by Rust name, `edges` the references between them -> the final defs and
    the names of the module that holds them."""
    graph = {name: sorted(n for n in edges.get(name, ()) if n in defs) for name in defs}
    _check_alias_cycles(defs, graph, diagnostics)
    cycles = _cycle_numbers(graph, graph)
    record_like = {n for n, d in defs.items() if _is_record_like(d)}
    wrapped = {
        n for n, number in _cycle_numbers(graph, record_like).items()
        if number is not None and isinstance(defs[n], StructDef)
    }
    out = {}
    for name, d in defs.items():
        changes: dict = {"cycle": cycles[name]}
        if name in wrapped:
            changes["wrapped"] = True
        out[name] = replace(d, **changes)
    for rust, rf, owner in flattens:
        if rust in wrapped:
            diagnostics.append(error(
                rf.loc, f"{owner}: cannot flatten `{rust}`, which contains itself",
                "Elm wraps a record that reaches itself in a constructor, so its keys "
                "cannot sit in another object: make it a named field"))
    _check_codec_names(out, diagnostics)
    out = names.constructor_names(out, diagnostics)
    return names.types_module(list(out.values()))


def _check_alias_cycles(defs: dict[str, TypeDef], graph, diagnostics: list[Diagnostic]) -> None:
    """`type C = C;`, `type A = Vec<B>; type B = Option<A>;`: Rust rejects an alias that
    reaches itself through aliases alone (E0391), and Elm an alias that contains itself."""
    aliases = {n for n, d in defs.items() if isinstance(d, AliasDef)}
    numbers = _cycle_numbers(graph, aliases)
    cycles: dict[int, list[str]] = {}
    for name, number in numbers.items():
        if number is not None:
            cycles.setdefault(number, []).append(name)
    for names_ in cycles.values():
        first = min(names_, key=lambda n: (defs[n].loc.path, defs[n].loc.line, defs[n].loc.col))
        others = [n for n in sorted(names_) if n != first]
        through = f" through {', '.join(f'`{n}`' for n in others)}" if others else ""
        diagnostics.append(error(
            defs[first].loc, f"type alias `{first}` refers to itself{through}",
            f"Rust rejects a recursive type alias (E0391): make `{first}` a struct, for "
            f"example `pub struct {first}(...);`, which may contain itself"))


def _is_record_like(d: TypeDef) -> bool:
    """Types Elm prints as aliases, which a cycle must not pass through alone."""
    return isinstance(d, AliasDef) or (isinstance(d, StructDef) and d.shape is Shape.STRUCT)


def _cycle_numbers(graph: dict[str, list[str]], nodes) -> dict[str, int | None]:
    """Tarjan's strongly connected components over `nodes`; a component with a cycle
    gets a number (in order of its smallest name), every other node None."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(start: str) -> None:
        # Iterative, so a long chain of types cannot hit Python's recursion limit.
        work = [(start, 0)]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, at = work[-1]
            nexts = [n for n in graph[node] if n in nodes]
            if at < len(nexts):
                work[-1] = (node, at + 1)
                nxt = nexts[at]
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                components.append(component)

    for name in sorted(graph):
        if name in nodes and name not in index:
            visit(name)
    cyclic = [
        sorted(c) for c in components
        if len(c) > 1 or c[0] in graph[c[0]]
    ]
    numbers: dict[str, int | None] = {name: None for name in graph}
    for number, component in enumerate(sorted(cyclic)):
        for name in component:
            numbers[name] = number
    return numbers


def _check_codec_names(defs: dict[str, TypeDef], diagnostics: list[Diagnostic]) -> None:
    """`URLParts` and `UrlParts` would both decode with `urlPartsDecoder`."""
    seen: dict[str, TypeDef] = {}
    for d in sorted(defs.values(), key=lambda d: (d.loc.path, d.loc.line, d.rust_name)):
        for name in (d.encoder, d.decoder, d.name):
            first = seen.get(name)
            if first is not None and first is not d:
                diagnostics.append(error(
                    d.loc, f"types `{first.rust_name}` and `{d.rust_name}` would both "
                    f"generate the Elm name `{name}` (the other at {first.loc})",
                    "rename one of them"))
                break
            seen[name] = d
