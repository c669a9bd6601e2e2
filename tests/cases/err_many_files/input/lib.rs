//! Problems in four files: one run reports every one of them.
mod geo;
mod image;
mod search;
