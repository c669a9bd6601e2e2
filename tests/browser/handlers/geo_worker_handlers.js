// Test handlers for GeoWorker: they take domain values apart and send back what a Rust
// worker using serde would, so that the tests can compare exact responses: a missing
// `#[serde(default)]` key comes back as its zero value, and a `None` option (absent or
// null) comes back absent (`skip_serializing_if = "Option::is_none"`).
// A shape of an unknown kind makes a handler throw, as serde would fail to decode it.

function unknownKind(shape) {
  return new Error(`unknown shape kind ${JSON.stringify(shape?.kind)}`);
}

// Polyline points scale about the first point; groups scale each member.
function scaleShape(shape, factor) {
  switch (shape?.kind) {
    case "circle":
      return { kind: "circle", center: shape.center, radius: shape.radius * factor };
    case "poly_line": {
      const [origin] = shape.points;
      const points = shape.points.map(({ latDeg, lonDeg }) => ({
        latDeg: origin.latDeg + (latDeg - origin.latDeg) * factor,
        lonDeg: origin.lonDeg + (lonDeg - origin.lonDeg) * factor,
      }));
      return { kind: "poly_line", points };
    }
    case "group": {
      const group = { kind: "group" };
      if (shape.groupName != null) group.groupName = shape.groupName;
      group.members = shape.members.map((member) => scaleShape(member, factor));
      return group;
    }
    case "empty":
      return { kind: "empty" };
    default:
      throw unknownKind(shape);
  }
}

// Drawable shapes: circles and polylines, however deep in groups.
function countShapes(shape) {
  switch (shape?.kind) {
    case "circle":
    case "poly_line":
      return 1;
    case "group":
      return shape.members.reduce((sum, member) => sum + countShapes(member), 0);
    case "empty":
      return 0;
    default:
      throw unknownKind(shape);
  }
}

function summarise(shape) {
  switch (shape?.kind) {
    case "circle":
      return `circle r=${shape.radius}`;
    case "poly_line":
      return `line of ${shape.points.length}`;
    case "group":
      return `${shape.groupName ?? "group"}(${shape.members.map(summarise).join(", ")})`;
    case "empty":
      return "empty";
    default:
      throw unknownKind(shape);
  }
}

function kinds(shape) {
  const nested = shape.kind === "group" ? shape.members.flatMap(kinds) : [];
  return [shape.kind, ...nested];
}

export async function handleMeasureFeature(request, reply) {
  const { feature, scale_factor } = request;
  if (typeof scale_factor !== "number") {
    throw new Error(`no scale_factor in the request, only ${Object.keys(request).join(", ")}`);
  }
  const { featureId, strokeColor, strokeWidth, shape, label, tags } = feature;
  const scaled = { featureId, strokeColor, strokeWidth: strokeWidth ?? 0, shape: scaleShape(shape, scale_factor) };
  if (label != null) scaled.label = label;
  scaled.tags = tags ?? [];
  reply.measured({ feature_id: featureId, shape_count: countShapes(shape), scaled });
}

export async function handleDescribe({ shape }, reply) {
  reply.described({ summary: summarise(shape), shape_kinds: kinds(shape) });
}
