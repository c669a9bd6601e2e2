"""The floor: read the crate's files and parse each with tree-sitter, nothing else.

    python bench/gen/floor.py CRATE      (CRATE/manifest.json lists the .rs files)

This is the least any tree-sitter-based tool must do with the same input: start
Python, import tree-sitter, read every file and build its syntax tree. `hamlet
generate` does all of that plus finding the files, reading the syntax, resolving,
emitting and writing; its time over this one is Hamlet's own cost.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import tree_sitter_rust
from tree_sitter import Language, Parser


def main(root: Path) -> int:
    files = json.loads((root / "manifest.json").read_text())["files"]
    parser = Parser(Language(tree_sitter_rust.language()))
    nodes = 0
    for name in files:
        with open(root / name, "rb") as handle:
            tree = parser.parse(handle.read())
        nodes += tree.root_node.child_count  # touch the tree, so it is really built
    return 0 if nodes else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
