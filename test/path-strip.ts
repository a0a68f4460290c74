// Removes source positions from a syntax tree, to compare trees by structure.
export function stripPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripPositions);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "start" || key === "end") continue;
    out[key] = stripPositions(value);
  }
  return out;
}
