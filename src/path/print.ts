// The canonical text of a filter or path: lower-case operators, one space around them, JSON
// literals, and parentheses exactly where the tree needs them. Parsing the output gives back
// the same tree (positions aside), and printing a parsed canonical text reproduces it, so the
// positions of a re-parse match too.

import { ScimError } from "../errors.js";
import type { AttrPath, CompValue, Filter, LogExp, PatchPathAst } from "./ast.js";

/** `[urn:]name[.sub]` */
export function printAttrPath(attrPath: Pick<AttrPath, "urn" | "name" | "sub">): string {
  const base = attrPath.urn === undefined ? attrPath.name : `${attrPath.urn}:${attrPath.name}`;
  return attrPath.sub === undefined ? base : `${base}.${attrPath.sub}`;
}

function printValue(value: CompValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new ScimError(400, "invalidFilter", `Filter value ${value} is not a finite number`);
    // String(-0) is "0"; JSON allows "-0" and it parses back to -0.
    return Object.is(value, -0) ? "-0" : String(value);
  }
  return String(value);
}

function needsParens(parent: LogExp["kind"], child: Filter): boolean {
  // `and` binds tighter than `or`, and a run of one operator parses as one flat node, so a
  // child must be grouped when it is an `or`, or when it repeats the parent's operator.
  return child.kind === "or" || child.kind === parent;
}

/**
 * Prints a filter in canonical form.
 * @example
 * ```ts
 * printFilter(parseFilter('userName Eq "john"')); // 'userName eq "john"'
 * ```
 */
export function printFilter(filter: Filter): string {
  switch (filter.kind) {
    case "pr":
      return `${printAttrPath(filter.attrPath)} pr`;
    case "compare":
      return `${printAttrPath(filter.attrPath)} ${filter.op} ${printValue(filter.compValue)}`;
    case "not":
      return `not (${printFilter(filter.filter)})`;
    case "valuePath":
      return `${printAttrPath(filter.attrPath)}[${printFilter(filter.valFilter)}]`;
    case "and":
    case "or": {
      if (filter.filters.length === 0) throw new ScimError(400, "invalidFilter", `An '${filter.kind}' filter needs operands`);
      let out = "";
      for (const child of filter.filters) {
        const text = printFilter(child);
        if (out !== "") out += ` ${filter.kind} `;
        out += needsParens(filter.kind, child) ? `(${text})` : text;
      }
      return out;
    }
    default:
      throw new ScimError(400, "invalidFilter", "Not a filter syntax tree");
  }
}

/**
 * Prints a PATCH path in canonical form.
 *
 * @example
 * ```ts
 * printPath(parsePath('emails[type eq "work"].value')); // 'emails[type eq "work"].value'
 * ```
 */
export function printPath(path: PatchPathAst): string {
  let out = printAttrPath(path.attrPath);
  if (path.valueFilter !== undefined) out += `[${printFilter(path.valueFilter)}]`;
  if (path.subAttr !== undefined) out += `.${path.subAttr}`;
  return out;
}
