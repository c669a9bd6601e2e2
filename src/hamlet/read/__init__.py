"""Reading the input: the only package that imports tree-sitter.

    files.py        PATHs -> the `.rs` files under them, as (path, bytes), then parsed
    rust/           Rust source -> plain `ParsedFile` data (`hamlet.read.rust.syntax`)
    javascript.py   a handlers file -> the names it exports (for the drift check)

What comes out is plain data; deciding what it means is `hamlet.resolve`'s job.
"""
