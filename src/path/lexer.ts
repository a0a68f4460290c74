// Character-level scanning shared by the filter and path parsers. It works on char codes and
// moves strictly forward, so every scan is linear in the input and allocates only the tokens
// it returns. There is no token stream: the recursive-descent parser asks for the token kind it
// expects next, which is what lets `eq"x"` and `1title` get precise diagnostics.

import { ScimError, type ScimType } from "../errors.js";

const CH_TAB = 9;
const CH_LF = 10;
const CH_CR = 13;
const CH_SPACE = 32;
const CH_QUOTE = 34;
const CH_DOLLAR = 36;
const CH_MINUS = 45;
const CH_DOT = 46;
const CH_ZERO = 48;
const CH_NINE = 57;
const CH_COLON = 58;
const CH_BACKSLASH = 92;
const CH_UNDERSCORE = 95;

/** RFC 7644 `ALPHA` */
export function isAlpha(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

export function isDigit(c: number): boolean {
  return c >= CH_ZERO && c <= CH_NINE;
}

/** RFC 7644 `nameChar`, plus `$` (RFC 7643 §2.1 allows it after the first character; `$ref`). */
export function isNameChar(c: number): boolean {
  return isAlpha(c) || isDigit(c) || c === CH_MINUS || c === CH_UNDERSCORE || c === CH_DOLLAR;
}

/** Characters of an attribute path as one word: names, `.` between them, `:` in the URN. */
export function isPathChar(c: number): boolean {
  return isNameChar(c) || c === CH_COLON || c === CH_DOT;
}

export function isWhitespace(c: number): boolean {
  return c === CH_SPACE || c === CH_TAB || c === CH_LF || c === CH_CR;
}

const SNIPPET = 24;
const QUOTED_TEXT = 60;

function oneLine(s: string): string {
  // Escapes control characters so the detail stays on one line; quotes stay readable.
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029) {
      out += `${s.slice(from, i)}\\u${c.toString(16).padStart(4, "0")}`;
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** The text at `offset` as an error quotes it: `'bjensen")'` or `end of input`. */
export function snippetAt(text: string, offset: number): string {
  if (offset >= text.length) return "end of input";
  const part = text.slice(offset, offset + SNIPPET);
  return `'${oneLine(part)}${offset + SNIPPET < text.length ? "…" : ""}'`;
}

/**
 * Builds the error for a problem at `offset` of `text`. The detail quotes the text (shortened)
 * and what stands at the offset, e.g.
 * `Invalid filter 'userName bjensen': at offset 9: expected an operator after 'userName', found 'bjensen'`.
 */
export function syntaxError(scimType: ScimType, text: string, offset: number, message: string, found = true): ScimError {
  const what = scimType === "invalidPath" ? "Invalid path" : "Invalid filter";
  const quoted = text.length > QUOTED_TEXT ? `${text.slice(0, QUOTED_TEXT)}…` : text;
  const tail = found ? `, found ${snippetAt(text, offset)}` : "";
  return new ScimError(400, scimType, `${what} '${oneLine(quoted)}': at offset ${offset}: ${message}${tail}`);
}

/** A forward-only cursor over filter or path text. */
export class Scanner {
  pos = 0;
  readonly length: number;

  constructor(
    readonly text: string,
    readonly strict: boolean,
  ) {
    this.length = text.length;
  }

  /** Char code at the cursor, NaN at the end. */
  peek(): number {
    return this.text.charCodeAt(this.pos);
  }

  atEnd(): boolean {
    return this.pos >= this.length;
  }

  /** Skips whitespace; returns whether there was any. */
  skipWs(): boolean {
    const start = this.pos;
    const text = this.text;
    let p = start;
    while (p < this.length && isWhitespace(text.charCodeAt(p))) p++;
    this.pos = p;
    return p > start;
  }

  fail(scimType: ScimType, offset: number, message: string, found = true): never {
    throw syntaxError(scimType, this.text, offset, message, found);
  }

  /** Reads a run of path characters (possibly empty) and returns its end offset. */
  scanPathWord(): number {
    const text = this.text;
    let p = this.pos;
    while (p < this.length && isPathChar(text.charCodeAt(p))) p++;
    this.pos = p;
    return p;
  }

  /** Reads a run of name characters (an operator or keyword) and returns its end offset. */
  scanNameWord(): number {
    const text = this.text;
    let p = this.pos;
    while (p < this.length && isNameChar(text.charCodeAt(p))) p++;
    this.pos = p;
    return p;
  }

  /**
   * True when the word at the cursor is `keyword` (given lower-case) followed by a character
   * that cannot continue a name. Does not move the cursor.
   */
  lookingAtKeyword(keyword: string): boolean {
    const text = this.text;
    const p = this.pos;
    const n = keyword.length;
    if (p + n > this.length) return false;
    for (let i = 0; i < n; i++) {
      // ASCII letters only, so `| 32` lower-cases without allocating.
      if ((text.charCodeAt(p + i) | 32) !== keyword.charCodeAt(i)) return false;
    }
    return !(p + n < this.length && isPathChar(text.charCodeAt(p + n)));
  }

  /** Reads a JSON string literal starting at the opening quote (RFC 8259 §7). */
  scanString(scimType: ScimType): string {
    const text = this.text;
    const open = this.pos;
    let p = open + 1;
    let segment = p;
    let out = "";
    for (;;) {
      if (p >= this.length) this.fail(scimType, open, "unterminated string literal", false);
      const c = text.charCodeAt(p);
      if (c === CH_QUOTE) break;
      if (c === CH_BACKSLASH) {
        out += text.slice(segment, p);
        const e = text.charCodeAt(p + 1);
        switch (e) {
          case CH_QUOTE:
            out += '"';
            break;
          case CH_BACKSLASH:
            out += "\\";
            break;
          case 47: // "/"
            out += "/";
            break;
          case 98: // b
            out += "\b";
            break;
          case 102: // f
            out += "\f";
            break;
          case 110: // n
            out += "\n";
            break;
          case 114: // r
            out += "\r";
            break;
          case 116: // t
            out += "\t";
            break;
          case 117: {
            // u: exactly four hex digits
            let code = 0;
            for (let i = 2; i < 6; i++) {
              const h = hexValue(text.charCodeAt(p + i));
              if (h < 0) this.fail(scimType, p, "a \\u escape needs four hexadecimal digits");
              code = code * 16 + h;
            }
            out += String.fromCharCode(code);
            p += 4;
            break;
          }
          default:
            this.fail(scimType, p, "invalid escape in string literal (JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
        p += 2;
        segment = p;
        continue;
      }
      if (c < 0x20 && this.strict) this.fail(scimType, p, "control character in string literal (escape it)");
      p++;
    }
    this.pos = p + 1;
    return segment === open + 1 ? text.slice(segment, p) : out + text.slice(segment, p);
  }

  /** Reads a JSON number (RFC 8259 §6) starting at `-` or a digit. */
  scanNumber(scimType: ScimType): number {
    const text = this.text;
    const start = this.pos;
    let p = start;
    if (text.charCodeAt(p) === CH_MINUS) p++;
    const intStart = p;
    if (!isDigit(text.charCodeAt(p))) this.fail(scimType, p, "expected a digit in number");
    if (text.charCodeAt(p) === CH_ZERO) {
      p++;
      if (isDigit(text.charCodeAt(p))) this.fail(scimType, intStart, "a JSON number has no leading zeros");
    } else {
      while (isDigit(text.charCodeAt(p))) p++;
    }
    if (text.charCodeAt(p) === CH_DOT) {
      p++;
      if (!isDigit(text.charCodeAt(p))) this.fail(scimType, p, "expected a digit after the decimal point");
      while (isDigit(text.charCodeAt(p))) p++;
    }
    const e = text.charCodeAt(p);
    if (e === 101 || e === 69) {
      p++;
      const sign = text.charCodeAt(p);
      if (sign === 43 || sign === CH_MINUS) p++;
      if (!isDigit(text.charCodeAt(p))) this.fail(scimType, p, "expected a digit in the exponent");
      while (isDigit(text.charCodeAt(p))) p++;
    }
    this.pos = p;
    const value = Number(text.slice(start, p));
    if (!Number.isFinite(value)) this.fail(scimType, start, "number out of range");
    return value;
  }
}

function hexValue(c: number): number {
  if (c >= CH_ZERO && c <= CH_NINE) return c - CH_ZERO;
  const l = c | 32;
  if (l >= 97 && l <= 102) return l - 87;
  return -1;
}
