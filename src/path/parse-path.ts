// RFC 7644 §3.5.2 `PATH = attrPath / valuePath [subAttr]`. The attribute path and whatever
// follows the `]` are path structure (`invalidPath`); the text between `[` and `]` is a filter
// (`invalidFilter`), as §3.5.2 distinguishes the two scimTypes.

import type { AttrPath, Filter, PatchPathAst } from "./ast.js";
import { FilterParser, checkText, guardStack } from "./parse-filter.js";
import type { FilterOptions } from "./limits.js";

const CH_DOT = 46;
const CH_COLON = 58;
const CH_LBRACKET = 91;

/**
 * Parses a PATCH operation `path` (RFC 7644 §3.5.2): `attr`, `attr.sub`, `urn:…:attr[.sub]`,
 * `attr[filter]`, `attr[filter].sub`.
 *
 * @throws ScimError 400 `invalidPath` for a malformed path, `invalidFilter` for a malformed
 * filter between the brackets.
 * @example
 * ```ts
 * parsePath('addresses[type eq "work"].streetAddress');
 * // { attrPath: { name: "addresses", … }, valueFilter: { kind: "compare", … }, subAttr: "streetAddress", … }
 * ```
 */
export function parsePath(text: string, options: FilterOptions = {}): PatchPathAst {
  checkText(text, options, "invalidPath", "Path");
  return guardStack("invalidPath", () => {
    const parser = new FilterParser(text, options);
    const attrPath = parser.parseAttrPath("invalidPath");
    if (parser.peek() !== CH_LBRACKET) {
      expectEnd(parser);
      return { attrPath, start: 0, end: text.length };
    }
    const valueFilter: Filter = parser.parseBracket(attrPath, "invalidPath");
    if (parser.peek() !== CH_DOT) {
      expectEnd(parser);
      return { attrPath, valueFilter, start: 0, end: text.length };
    }
    parser.pos++;
    const subStart = parser.pos;
    const subEnd = parser.scanPathWord();
    for (let i = subStart; i < subEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === CH_DOT) parser.fail("invalidPath", i, "a sub-attribute has no sub-attributes");
      if (c === CH_COLON) parser.fail("invalidPath", i, "the part after ']' is a sub-attribute name, without a schema URI");
    }
    const subAttr = parser.attrName(subStart, subEnd, "invalidPath", "after '].'");
    expectEnd(parser);
    return { attrPath, valueFilter, subAttr, start: 0, end: text.length };
  });
}

function expectEnd(parser: FilterParser): void {
  if (parser.atEnd()) return;
  const c = parser.peek();
  const message =
    c === CH_LBRACKET
      ? "a value filter '[…]' may appear once, after the attribute"
      : "unexpected text after the path (expected '[', '.' after ']', or the end)";
  parser.fail("invalidPath", parser.pos, message);
}

/**
 * Parses a bare attribute path (`[URI ":"] ATTRNAME [subAttr]`), as `sortBy` and the
 * `attributes` / `excludedAttributes` lists use it.
 *
 * @throws ScimError 400 `invalidPath`
 *
 * @example
 * ```ts
 * parseAttrPath("name.givenName"); // { name: "name", sub: "givenName", start: 0, end: 14 }
 * ```
 */
export function parseAttrPath(text: string, options: FilterOptions = {}): AttrPath {
  checkText(text, options, "invalidPath", "Attribute path");
  const parser = new FilterParser(text, options);
  const attrPath = parser.parseAttrPath("invalidPath");
  if (!parser.atEnd()) parser.fail("invalidPath", parser.pos, "unexpected text after the attribute path");
  return attrPath;
}
