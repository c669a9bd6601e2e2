//! Types that reach themselves: directly (`Vec<Self>`, `Option<Box<..>>`), through an
//! enum, and through one another. Elm decodes them lazily, and a record that reaches
//! itself becomes a one-constructor type.
use serde::{Deserialize, Serialize};

/// `{"name": "root", "children": [..]}`
#[derive(Serialize, Deserialize)]
pub struct Tree {
    pub name: String,
    pub children: Vec<Self>,
}

/// `{"value": 1, "next": {"value": 2, "next": null}}`
#[derive(Serialize, Deserialize)]
pub struct List {
    pub value: i32,
    pub next: Option<Box<List>>,
}

/// `{"Add": [{"Num": 1}, {"Neg": {"Num": 2}}]}`
#[derive(Serialize, Deserialize)]
pub enum Expr {
    Num(f64),
    Neg(Box<Expr>),
    Add(Box<Expr>, Box<Expr>),
    Block(Block),
}

/// `Expr` and `Block` reach each other.
#[derive(Serialize, Deserialize)]
pub struct Block {
    pub statements: Vec<Expr>,
}

#[derive(BuildAmpWorker)]
pub enum TreeWorkerMessage {
    // Main → Worker
    Walk { tree: Tree, list: List, expr: Expr },
    // Worker → Main
    Walked { tree: Tree },
    WalkFailed { error: String },
}
