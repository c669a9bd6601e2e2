// Test handlers for SketchWorker: they read and write marks as serde_json does for an
// enum that derives serde with no attributes (externally tagged): a unit variant is its
// name, any other variant an object whose one key is its name.
// A mark of any other form makes the handler throw, as serde would fail to decode it.

function unknownMark(mark) {
  return new Error(`not a Mark as serde writes it: ${JSON.stringify(mark)}`);
}

function move({ x_px, y_px }, dx, dy) {
  return { x_px: x_px + dx, y_px: y_px + dy };
}

// [variant name, its value]; a unit variant has none.
function variant(mark) {
  if (typeof mark === "string") return [mark, undefined];
  const keys = mark !== null && typeof mark === "object" ? Object.keys(mark) : [];
  if (keys.length !== 1) throw unknownMark(mark);
  return [keys[0], mark[keys[0]]];
}

function shift(mark, dx, dy) {
  const [name, value] = variant(mark);
  switch (name) {
    case "Stroke":
      return {
        Stroke: {
          from_px: move(value.from_px, dx, dy),
          to_px: move(value.to_px, dx, dy),
          line_width: value.line_width ?? null,
        },
      };
    case "Dab":
      return { Dab: move(value, dx, dy) };
    case "Curve":
      return { Curve: value.map((pixel) => move(pixel, dx, dy)) };
    case "Layer":
      return { Layer: { marks: value.marks.map((inner) => shift(inner, dx, dy)) } };
    case "Erase":
      if (value !== undefined) throw unknownMark(mark);
      return "Erase";
    case "Blank":
      return { Blank: [] };
    default:
      throw unknownMark(mark);
  }
}

function drawn(mark) {
  const [name, value] = variant(mark);
  if (name === "Layer") return value.marks.reduce((sum, inner) => sum + drawn(inner), 0);
  return ["Stroke", "Dab", "Curve"].includes(name) ? 1 : 0;
}

export async function handleShift({ mark, dx, dy, ink }, reply) {
  reply.shifted({ mark: shift(mark, dx, dy), drawn: drawn(mark), ink });
}
