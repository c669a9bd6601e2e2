"""A synthetic Rust crate of about N lines, for timing `hamlet generate` at scale.

    build(Path("bench/.work/crate-10k"), lines=10_000, seed=6)
    -> bench/.work/crate-10k/Cargo.toml
       bench/.work/crate-10k/src/lib.rs, src/<area>/mod.rs, src/<area>/<module>/<file>.rs ...
       bench/.work/crate-10k/manifest.json  (files, lines, workers, the file to touch)

Most of the code is what a real crate is made of and Hamlet must skip: impls, free
functions, traits, macros, tests modules, comments and plenty of plain structs and enums.
About one worker enum per `lines_per_worker` lines is mixed in, each with section
comments, struct/tuple/unit variants and a failure variant, and (unless `domain=False`)
the domain structs and enums its messages carry. The same arguments always give the
same bytes: everything comes from one seeded `random.Random`.
"""

from __future__ import annotations

import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import snippets
from snippets import domain_types, filler, worker_enum

AREAS = ["net", "storage", "render", "jobs", "auth", "search", "billing", "media",
         "sync", "telemetry", "geo", "admin", "cache", "mail", "ledger", "reports"]
MODULES = ["core", "model", "service", "handlers", "util", "client", "codec", "store",
           "pipeline", "config", "state", "io", "index", "policy", "queue", "view"]
FILE_WORDS = ["engine", "types", "session", "batch", "layout", "planner", "registry",
              "builder", "reader", "writer", "scheduler", "metrics", "tokens", "cursor",
              "filters", "limits", "events", "shapes", "buffers", "snapshot"]
# The touched file swaps this field name for another of the same length, so the file
# keeps its size (a cache keyed on size or mtime alone would miss the change).
TOUCH_A, TOUCH_B = "label_a: String", "label_b: String"


@dataclass
class Plan:
    root: Path
    files: list[tuple[str, list[str]]] = field(default_factory=list)  # (relpath, chunks)
    workers: int = 0
    domain_types: int = 0
    touch: str = ""


def build(root: Path, lines: int, seed: int = 6, domain: bool = True,
          lines_per_worker: int = 4000) -> dict:
    """Write the crate under `root` (replacing it) and return its manifest."""
    rng = random.Random(f"{seed}:{lines}:{domain}:{lines_per_worker}")
    snippets.reset()
    workers = max(1, round(lines / lines_per_worker))
    paths = _layout(rng, lines)
    per_file = [[] for _ in paths]
    names = _worker_names(rng, workers)
    # Workers go to random files, never two enums of the same name; the first worker
    # (in file order) carries the field the touch rerun renames.
    slots = sorted(rng.sample(range(len(paths)), min(workers, len(paths)))) if workers else []
    slots += [rng.randrange(len(paths)) for _ in range(workers - len(slots))]
    slots.sort()
    used = 0
    touch = ""
    for index, (slot, name) in enumerate(zip(slots, names)):
        chunks = worker_enum(rng, name, index, domain, touch=TOUCH_A if index == 0 else "")
        if domain:
            types = domain_types(rng, name, index)
            used += len(types)
            chunks = types + chunks
        per_file[slot].extend(chunks)
        if index == 0:
            touch = paths[slot]
    written = sum(chunk.count("\n") for chunks in per_file for chunk in chunks)
    budget = max(0, lines - written - _overhead(paths))
    # Unrelated code fills each file up to its share of the remaining lines.
    shares = _shares(rng, len(paths), budget)
    for chunks, share in zip(per_file, shares):
        n = 0
        while n < share:
            chunk = filler(rng)
            size = chunk.count("\n") + 1
            if n + size // 2 > share:
                break  # closer to the share without it
            chunks.append(chunk)
            n += size
    for chunks in per_file:
        rng.shuffle(chunks)
    return _write(root, paths, per_file, workers, used, touch, lines, seed, domain)


def _layout(rng: random.Random, lines: int) -> list[str]:
    """File paths, nested one to three folders deep, about 400 lines per file."""
    count = max(2, round(lines / 400))
    paths: set[str] = set()
    while len(paths) < count:
        depth = rng.choice((1, 2, 2, 3))
        parts = [rng.choice(AREAS)]
        if depth >= 2:
            parts.append(rng.choice(MODULES))
        if depth >= 3:
            parts.append(rng.choice(MODULES) + "_" + rng.choice(("v1", "v2", "impl", "ext")))
        word = rng.choice(FILE_WORDS)
        suffix = "" if rng.random() < 0.3 else f"_{rng.randrange(1, 40)}"
        paths.add("/".join(parts + [word + suffix + ".rs"]))
    return sorted(paths)


def _worker_names(rng: random.Random, count: int) -> list[str]:
    from snippets import QUALIFIERS, TOPICS

    names: set[str] = set()
    combos = [(t, q) for t in TOPICS for q in QUALIFIERS]
    rng.shuffle(combos)
    while len(names) < count:
        if combos:
            topic, qualifier = combos.pop()
            names.add(topic + qualifier)
        else:  # more workers than two-word names: add a third word
            names.add(rng.choice(TOPICS) + rng.choice(QUALIFIERS) + rng.choice(TOPICS))
    ordered = sorted(names)  # a set's order changes with PYTHONHASHSEED; sort first
    rng.shuffle(ordered)
    return ordered


def _shares(rng: random.Random, files: int, budget: int) -> list[int]:
    weights = [rng.uniform(0.4, 1.6) for _ in range(files)]
    total = sum(weights)
    return [round(budget * w / total) for w in weights]


def _overhead(paths: list[str]) -> int:
    """Lines outside the chunks: each file's header, `lib.rs` and the `mod.rs` files."""
    folders = {p.rsplit("/", 1)[0] for p in paths}
    return 3 + 4 * len(paths) + len(paths) + 2 * len(folders)


def _write(root: Path, paths, per_file, workers, domain_count, touch, lines, seed, domain):
    if root.exists():
        shutil.rmtree(root)
    src = root / "src"
    mods: dict[str, set[str]] = {"": set()}
    for path in paths:
        parts = path[:-3].split("/")
        for depth in range(len(parts)):
            mods.setdefault("/".join(parts[:depth]), set()).add(parts[depth])
    total = 0
    for path, chunks in zip(paths, per_file):
        target = src / path
        target.parent.mkdir(parents=True, exist_ok=True)
        head = f"//! {path[:-3].replace('/', '::')}: generated by bench/gen (seed {seed}).\n\n"
        text = head + "use std::collections::HashMap;\nuse std::fmt;\n\n" + "\n".join(chunks)
        target.write_text(text, encoding="utf-8", newline="\n")
        total += text.count("\n")
    for folder, children in mods.items():
        if folder and (src / folder).with_suffix(".rs").exists():
            continue  # a file and a folder of the same name: the file wins
        name = "lib.rs" if not folder else f"{folder}/mod.rs"
        body = "".join(f"pub mod {child};\n" for child in sorted(children))
        head = "//! Generated by bench/gen: a crate Hamlet must mostly skip.\n\n" if not folder else ""
        (src / name).write_text(head + body, encoding="utf-8", newline="\n")
        total += (head + body).count("\n")
    (root / "Cargo.toml").write_text(
        '[package]\nname = "bench-crate"\nversion = "0.0.0"\nedition = "2021"\n\n'
        '[dependencies]\nhamlet-derive = { path = "../../../crates/hamlet-derive" }\n'
        'serde = { version = "1", features = ["derive"] }\n',
        encoding="utf-8",
    )
    files = sorted(p.relative_to(root).as_posix() for p in src.rglob("*.rs"))
    manifest = {
        "target_lines": lines,
        "lines": total,
        "files": files,
        "bytes": sum((root / f).stat().st_size for f in files),
        "workers": workers,
        "domain_types": domain_count,
        "domain": domain,
        "seed": seed,
        "touch": {"file": f"src/{touch}", "a": TOUCH_A, "b": TOUCH_B},
    }
    (root / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    return manifest


def toggle(root: Path, manifest: dict) -> None:
    """Rename the touch field (a <-> b): one worker's variant changes, same file size."""
    path = root / manifest["touch"]["file"]
    text = path.read_text(encoding="utf-8")
    a, b = manifest["touch"]["a"], manifest["touch"]["b"]
    new = text.replace(a, b) if a in text else text.replace(b, a)
    path.write_text(new, encoding="utf-8", newline="\n")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--no-domain", action="store_true",
                        help="leave the domain types out (messages use built-in types only)")
    args = parser.parse_args()
    found = build(args.root, args.lines, args.seed, domain=not args.no_domain)
    print(f"{found['lines']} lines in {len(found['files'])} files, {found['workers']} workers")
