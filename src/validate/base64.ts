// RFC 7643 §2.3.6 binary: base64 per RFC 4648 §4 (standard alphabet, padded). Checked by a
// single pass over the characters, no regular expression over client input (DESIGN §7).

function isAlphabet(c: number): boolean {
  return (
    (c >= 65 && c <= 90) || // A-Z
    (c >= 97 && c <= 122) || // a-z
    (c >= 48 && c <= 57) || // 0-9
    c === 43 || // +
    c === 47 // /
  );
}

/** True when `s` is padded base64 in the RFC 4648 §4 alphabet (the empty string included). */
export function isBase64(s: string): boolean {
  const n = s.length;
  if (n % 4 !== 0) return false;
  let end = n;
  if (n > 0 && s.charCodeAt(n - 1) === 61) end--;
  if (end < n && end > 0 && s.charCodeAt(end - 1) === 61) end--;
  for (let i = 0; i < end; i++) {
    if (!isAlphabet(s.charCodeAt(i))) return false;
  }
  return true;
}
