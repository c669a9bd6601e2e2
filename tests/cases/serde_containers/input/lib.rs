//! Every container in a type that derives serde, nested too: what Elm makes of
//! each and how it is written.
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

#[derive(Serialize, Deserialize)]
pub struct Bag {
    pub maybe: Option<u32>,
    pub maybe_maybe: Option<Option<String>>,
    pub list: Vec<String>,
    pub queue: VecDeque<i64>,
    pub set: HashSet<String>,
    pub sorted: BTreeSet<u16>,
    pub array: [f32; 3],
    pub by_name: HashMap<String, Vec<u8>>,
    pub ordered: BTreeMap<String, Option<bool>>,
    pub pair: (String, u32),
    pub triple: (bool, char, f64),
    pub boxed: Box<str>,
    pub shared: Rc<String>,
    pub atomic: Arc<Vec<String>>,
    pub unit: (),
    pub nested: Vec<Option<HashMap<String, (u8, Vec<String>)>>>,
}

#[derive(BuildAmpWorker)]
pub enum BagWorkerMessage {
    // Main → Worker
    Pack { bag: Bag, extra: Option<Vec<Bag>> },
    // Worker → Main
    Packed { bag: Bag },
    PackFailed { error: String },
}
