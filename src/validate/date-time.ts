// RFC 7643 §2.3.5 dateTime: an xsd:dateTime that, as in RFC 3339 §5.6, carries an offset.
// Read character by character: linear, no regular expression over client input (DESIGN §7).
//   YYYY-MM-DD "T" hh:mm:ss [ "." 1*DIGIT ] ( "Z" / ("+" / "-") hh:mm )

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil),
// since Date.UTC maps years 0–99 to 1900–1999.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * The instant `s` names, as `<epoch seconds>.<fraction without trailing zeros>`, so that two
 * spellings of one instant (`…22Z`, `…22.000+00:00`) compare equal; undefined when `s` is
 * not a dateTime with offset.
 */
export function dateTimeKey(s: string): string | undefined {
  const n = s.length;
  if (n < 20) return undefined;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  if (s[4] !== "-" || s[7] !== "-" || s[10] !== "T" || s[13] !== ":" || s[16] !== ":") return undefined;
  // xsd:dateTime has no year 0000 (XML Schema 1.0 §3.2.7) and no leap second.
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  let i = 19;
  let fraction = "";
  if (s[i] === ".") {
    const start = ++i;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      i++;
    }
    if (i === start) return undefined;
    let end = i;
    while (end > start && s[end - 1] === "0") end--;
    fraction = s.slice(start, end);
  }
  let offsetMinutes: number;
  if (s[i] === "Z" && i + 1 === n) {
    offsetMinutes = 0;
  } else if ((s[i] === "+" || s[i] === "-") && i + 6 === n && s[i + 3] === ":") {
    const oh = digits(s, i + 1, 2);
    const om = digits(s, i + 4, 2);
    // xsd:dateTime offsets lie within ±14:00.
    if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 14 * 60) return undefined;
    offsetMinutes = (s[i] === "-" ? -1 : 1) * (oh * 60 + om);
  } else {
    return undefined;
  }
  const seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second - offsetMinutes * 60;
  return fraction === "" ? String(seconds) : `${seconds}.${fraction}`;
}

/** True when `s` is an RFC 7643 §2.3.5 dateTime with an offset, e.g. `2008-01-23T04:56:22Z`. */
export function isDateTime(s: string): boolean {
  return dateTimeKey(s) !== undefined;
}
