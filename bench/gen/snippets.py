"""Rust snippets for the synthetic crate: worker enums, their domain types, and filler.

Each function takes the generator's `random.Random` and returns source text (or a list
of chunks); nothing here touches the disk. Identifiers get a running number so that
one file never defines the same name twice.
"""

from __future__ import annotations

import itertools
import random

TOPICS = ["Invoice", "Thumbnail", "Route", "Ledger", "Report", "Tile", "Mesh", "Audio",
          "Chart", "Sheet", "Archive", "Geo", "Catalog", "Payroll", "Inventory", "Survey",
          "Font", "Video", "Subtitle", "Contact", "Calendar", "Shipment", "Forecast",
          "Playlist", "Quote", "Ticket", "Sensor", "Graph", "Diff", "Backup"]
QUALIFIERS = ["Export", "Import", "Index", "Sync", "Render", "Preview", "Search", "Batch",
              "Merge", "Scan", "Check", "Plan", "Digest", "Stream", "Audit", "Compress",
              "Query", "Layout", "Tagging", "Pricing", "Ranking", "Cleanup", "Summary",
              "Snapshot", "Upload", "Transform", "Lookup", "Billing", "Routing", "Match"]
WORDS = ["shard", "token", "frame", "buffer", "cursor", "bucket", "segment", "record",
         "window", "slot", "queue", "batch", "chunk", "node", "edge", "span", "entry",
         "block", "page", "cell", "lease", "quota", "ticket", "route", "sample", "metric"]
_ids = itertools.count(1)


def reset() -> None:
    """Restart the running number, so one crate's text does not depend on the last."""
    global _ids
    _ids = itertools.count(1)


def _camel(word: str) -> str:
    return word[:1].upper() + word[1:]


def _ident(rng: random.Random) -> str:
    return f"{rng.choice(WORDS)}_{rng.choice(WORDS)}"


def _type_name(rng: random.Random) -> str:
    return f"{_camel(rng.choice(WORDS))}{_camel(rng.choice(WORDS))}{next(_ids)}"


# ---- workers -------------------------------------------------------------------------

REQUEST_SECTIONS = ["// Main → Worker", "// main -> worker", "// Main => Worker",
                    "/* main to worker */"]
RESPONSE_SECTIONS = ["// Worker → Main", "// worker -> main", "// Worker => Main",
                     "/* worker to main */"]


def worker_enum(rng: random.Random, name: str, index: int, domain: bool,
                touch: str = "") -> list[str]:
    """One `#[derive(BuildAmpWorker)]` enum; its style (section comments, attributes or
    the naming convention alone) rotates with `index`."""
    t = name
    opts = f"{t}Options" if domain else "HashMap<String, String>"
    stage = f"{t}Stage" if domain else "String"
    summary = f"{t}Summary" if domain else "Vec<(String, f64)>"
    shape = f"Vec<{t}Shape>" if domain else "Vec<Vec<f64>>"
    extra = f"        {touch},\n" if touch else ""
    requests = [
        f"    /// Start a run; `options` come from the settings page.\n"
        f"    Start{t} {{\n        id: u64,\n        source_url: String,\n"
        f"        options: {opts},\n{extra}    }},\n",
        f"    Query{t}(String, u32),\n",
        f"    Cancel{t},\n",
    ]
    if rng.random() < 0.6:
        requests.append(f"    Update{t}Settings {{ limits: HashMap<String, u32>, dry_run: bool }},\n")
    failure_word = rng.choice(["Failed", "Error", "Failure"])
    failure_field = rng.choice(["error", "message", "reason"])
    responses = [
        f"    {t}Progress {{ percent: f32, stage: {stage} }},\n",
        f"    {t}Completed {{\n        summary: {summary},\n        took_ms: u64,\n"
        f"        warnings: Vec<String>,\n        shapes: {shape},\n    }},\n",
        f"    {t}Ready,\n",
        f"    {t}Result(Vec<String>, Option<u32>),\n",
        f"    {t}{failure_word} {{ {failure_field}: String }},\n",
    ]
    style = index % 4
    body = []
    if style in (0, 1):
        k = rng.randrange(len(REQUEST_SECTIONS))
        body.append(f"    {REQUEST_SECTIONS[k]}\n")
        body += requests
        body.append(f"\n    {RESPONSE_SECTIONS[k]}\n")
        body += responses
    elif style == 2:
        body += [f"    #[worker(request)]\n{r}" if i == 0 else r for i, r in enumerate(requests)]
        body += [f"    #[worker(response)]\n{r}" if i == 2 else r for i, r in enumerate(responses)]
    else:
        mixed = requests + responses
        body += mixed
    derive = rng.choice(["BuildAmpWorker, Debug, Clone", "Debug, Clone, hamlet::BuildAmpWorker",
                         "BuildAmpWorker"])
    head = (f"/// Messages between the UI thread and the {t} worker.\n"
            f"#[derive({derive})]\n")
    if rng.random() < 0.3:
        head += "#[allow(dead_code)]\n"
    return [head + f"pub enum {t}WorkerMessage {{\n" + "".join(body) + "}\n"]


def domain_types(rng: random.Random, name: str, index: int) -> list[str]:
    """The structs and enums one worker's messages carry (and one they do not)."""
    t = name
    camel = '#[serde(rename_all = "camelCase")]\n' if rng.random() < 0.5 else ""
    return [
        f"/// How a {t} run is configured.\n#[derive(Debug, Clone, Serialize, Deserialize)]\n"
        f"pub struct {t}Options {{\n    pub max_items: Option<u32>,\n"
        f"    pub include_hidden: bool,\n    pub tags: Vec<String>,\n"
        f"    pub weights: HashMap<String, f64>,\n    pub shape_hint: Option<{t}Shape>,\n}}\n",
        f"#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]\n"
        f"pub enum {t}Stage {{\n    Queued,\n    Reading,\n    Working,\n    Finishing,\n}}\n",
        f"#[derive(Debug, Clone, Serialize, Deserialize)]\n{camel}"
        f"pub struct {t}Summary {{\n    pub item_count: u32,\n    pub stage: {t}Stage,\n"
        f"    pub rows: Vec<{t}Row>,\n    pub totals: (f64, f64),\n}}\n",
        f"#[derive(Debug, Clone, Serialize, Deserialize)]\n"
        f"pub struct {t}Row {{\n    pub key: String,\n    pub value: f64,\n"
        f"    pub note: Option<String>,\n}}\n",
        f"/// A shape on the {t} canvas.\n#[derive(Debug, Clone, Serialize, Deserialize)]\n"
        f"pub enum {t}Shape {{\n    Point {{ x: f64, y: f64 }},\n"
        f"    Segment {{ from: (f64, f64), to: (f64, f64) }},\n    Label(String),\n    Empty,\n}}\n",
    ]


# ---- filler: the code Hamlet must skip -------------------------------------------------


def _fn_body(rng: random.Random, depth: int = 1) -> str:
    pad = "    " * depth
    a, b = _ident(rng), _ident(rng)
    choices = [
        f"{pad}let mut {a} = Vec::with_capacity({rng.randrange(4, 64)});\n"
        f"{pad}for (i, item) in input.iter().enumerate() {{\n"
        f"{pad}    if i % {rng.randrange(2, 9)} == 0 {{\n"
        f"{pad}        {a}.push(item.clone());\n{pad}    }}\n{pad}}}\n",
        f"{pad}let {b}: u64 = input\n{pad}    .iter()\n{pad}    .filter(|x| !x.is_empty())\n"
        f"{pad}    .map(|x| x.len() as u64)\n{pad}    .sum();\n",
        f"{pad}match input.len() {{\n{pad}    0 => return Err(Error::Empty),\n"
        f"{pad}    1..={rng.randrange(3, 20)} => {{}}\n"
        f"{pad}    n => log::debug!(\"{a}: {{}} items\", n),\n{pad}}}\n",
        f"{pad}// Walk the {a} table once; {b} is rebuilt lazily.\n"
        f"{pad}let lookup: HashMap<&str, usize> = input\n{pad}    .iter()\n"
        f"{pad}    .enumerate()\n{pad}    .map(|(i, s)| (s.as_str(), i))\n{pad}    .collect();\n",
        f"{pad}if let Some(first) = input.first() {{\n"
        f"{pad}    let text = format!(\"{{}}-{{}}\", first, {rng.randrange(100)});\n"
        f"{pad}    debug_assert!(!text.is_empty());\n{pad}}}\n",
        f"{pad}let {a} = {{\n{pad}    let x = {rng.randrange(1, 99)}u32;\n"
        f"{pad}    x.wrapping_mul({rng.randrange(3, 97)}).rotate_left(3)\n{pad}}};\n",
    ]
    return "".join(rng.choice(choices) for _ in range(rng.randrange(2, 5)))


FIELD_TYPES = ["u32", "String", "Vec<u8>", "Option<Box<dyn Fn(u32) -> u32>>",
               "HashMap<String, usize>", "&'static str", "std::sync::Arc<Mutex<Vec<u64>>>"]


def _struct_with_impl(rng: random.Random) -> str:
    name = _type_name(rng)
    fields = "".join(f"    {_ident(rng)}_{i}: {rng.choice(FIELD_TYPES)},\n"
                     for i in range(rng.randrange(2, 7)))
    methods = []
    for i in range(rng.randrange(2, 6)):
        methods.append(
            f"    /// {_camel(_ident(rng).replace('_', ' '))} for this {name}.\n"
            f"    pub fn {_ident(rng)}_{i}(&self, input: &[String]) -> Result<usize, Error> {{\n"
            + _fn_body(rng, 2) + "        Ok(input.len())\n    }\n"
        )
    derive = rng.choice(["#[derive(Debug, Default)]\n", "", "#[derive(Clone)]\n"])
    return (f"/// State for the {_ident(rng).replace('_', ' ')} pass.\n{derive}"
            f"pub struct {name}<'a> {{\n{fields}    marker: std::marker::PhantomData<&'a ()>,\n}}\n\n"
            f"impl<'a> {name}<'a> {{\n" + "\n".join(methods) + "}\n")


def _free_fns(rng: random.Random) -> str:
    out = []
    for i in range(rng.randrange(1, 4)):
        generic = rng.random() < 0.3
        sig = (f"pub fn {_ident(rng)}_{next(_ids)}<T: AsRef<str> + Clone>(input: &[T]) -> Result<Vec<T>, Error>\n"
               f"where\n    T: fmt::Debug,\n{{\n") if generic else (
               f"fn {_ident(rng)}_{next(_ids)}(input: &[String]) -> Result<Vec<String>, Error> {{\n")
        out.append(sig + "    let input: Vec<String> = input.iter().map(|s| format!(\"{:?}\", s)).collect();\n"
                   + _fn_body(rng) + "    Ok(Vec::new())\n}\n" if generic else
                   sig + _fn_body(rng) + "    Ok(input.to_vec())\n}\n")
    return "\n".join(out)


def _trait(rng: random.Random) -> str:
    name, target = _type_name(rng), _type_name(rng)
    m = _ident(rng)
    return (f"pub trait {name} {{\n    type Output;\n\n    fn {m}(&self, limit: usize) -> Self::Output;\n\n"
            f"    fn describe(&self) -> String {{\n        String::from(\"{name}\")\n    }}\n}}\n\n"
            f"struct {target}(Vec<u32>);\n\n"
            f"impl {name} for {target} {{\n    type Output = Vec<u32>;\n\n"
            f"    fn {m}(&self, limit: usize) -> Self::Output {{\n"
            f"        self.0.iter().copied().take(limit).collect()\n    }}\n}}\n")


def _macro(rng: random.Random) -> str:
    name = f"{_ident(rng)}_{next(_ids)}"
    return (f"macro_rules! {name} {{\n    ($x:expr) => {{\n        {name}!($x, {rng.randrange(10)})\n    }};\n"
            f"    ($x:expr, $y:expr) => {{{{\n        let v = $x;\n        v.saturating_add($y)\n    }}}};\n}}\n\n"
            f"pub const {name.upper()}: u32 = {name}!({rng.randrange(1000)});\n")


def _plain_enum(rng: random.Random) -> str:
    name = _type_name(rng)
    variants = [f"{_camel(rng.choice(WORDS))}{i}" for i in range(rng.randrange(3, 8))]
    body = "".join(f"    {v},\n" if rng.random() < 0.6 else f"    {v}(u32, String),\n"
                   for v in variants)
    arms = "".join(f"            {name}::{v}{'' if f'    {v},' in body else '(..)'} => \"{v.lower()}\",\n"
                   for v in variants)
    return (f"#[derive(Debug, Clone, PartialEq)]\npub enum {name} {{\n{body}}}\n\n"
            f"impl fmt::Display for {name} {{\n    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{\n"
            f"        let text = match self {{\n{arms}        }};\n        f.write_str(text)\n    }}\n}}\n")


def _plain_struct(rng: random.Random) -> str:
    name = _type_name(rng)
    fields = "".join(f"    pub {_ident(rng)}_{i}: {rng.choice(['u64', 'String', 'Vec<String>', 'Option<f64>', 'bool'])},\n"
                     for i in range(rng.randrange(2, 6)))
    return f"#[derive(Debug, Clone, Default)]\npub struct {name} {{\n{fields}}}\n"


def _tests(rng: random.Random) -> str:
    tests = []
    for i in range(rng.randrange(2, 5)):
        a = _ident(rng)
        tests.append(f"    #[test]\n    fn {a}_{i}() {{\n        let input = vec![String::from(\"{a}\"); {rng.randrange(1, 9)}];\n"
                     f"        assert_eq!(input.len(), input.iter().filter(|s| !s.is_empty()).count());\n    }}\n")
    return "#[cfg(test)]\nmod tests {\n    use super::*;\n\n" + "\n".join(tests) + "}\n"


def _comments(rng: random.Random) -> str:
    lines = [f"// {' '.join(rng.choice(WORDS) for _ in range(rng.randrange(4, 12)))}."
             for _ in range(rng.randrange(2, 8))]
    block = f"/*\n * {_ident(rng)}: kept for the v{rng.randrange(1, 5)} format.\n */\n" if rng.random() < 0.4 else ""
    return "\n".join(lines) + "\n" + block + f"static {_ident(rng).upper()}_{next(_ids)}: [u16; 4] = [{rng.randrange(9)}, 1, 2, 3];\n"


def _conversions(rng: random.Random) -> str:
    a, b = _type_name(rng), _type_name(rng)
    return (f"pub struct {a}(pub u64);\npub struct {b} {{\n    pub raw: u64,\n}}\n\n"
            f"impl From<{a}> for {b} {{\n    fn from(value: {a}) -> Self {{\n        {b} {{ raw: value.0 }}\n    }}\n}}\n\n"
            f"pub async fn {_ident(rng)}_{next(_ids)}(items: Vec<{a}>) -> Vec<{b}> {{\n"
            f"    let handles: Vec<_> = items.into_iter().map(|x| async move {{ {b}::from(x) }}).collect();\n"
            f"    futures::future::join_all(handles).await\n}}\n")


_FILLERS = [(_struct_with_impl, 5), (_free_fns, 5), (_trait, 2), (_macro, 1), (_plain_enum, 2),
            (_plain_struct, 2), (_tests, 2), (_comments, 2), (_conversions, 1)]
_POOL = [f for f, weight in _FILLERS for _ in range(weight)]


def filler(rng: random.Random) -> str:
    """One chunk of unrelated code, 5 to 60 lines."""
    return rng.choice(_POOL)(rng)
