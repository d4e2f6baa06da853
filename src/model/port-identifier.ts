/** Port's longest identifier, in Unicode code points. */
export const MAX_IDENTIFIER_LENGTH = 1000;

/** Port's identifier pattern, as its API validates it: letters of any script, digits and @_.+:\/='- , not `.` or `..`. */
const PORT_IDENTIFIER_PATTERN = new RegExp(String.raw`^(?!\.{1,2}$)[\p{L}0-9@_.+:\\/='-]+$`, 'u');

/**
 * True when Port accepts `id` as an entity identifier: it matches
 * `^(?!\.{1,2}$)[\p{L}0-9@_.+:\\/='-]+$` (unicode) and has at most 1000 code points. Spaces, `.`, `..`
 * and the empty string are refused.
 */
export function isValidPortIdentifier(id: string): boolean {
  // Length is counted in code points, as Port's JSON-schema validation counts it, not in UTF-16 units.
  if (id.length > MAX_IDENTIFIER_LENGTH * 2) return false;
  if (id.length > MAX_IDENTIFIER_LENGTH && [...id].length > MAX_IDENTIFIER_LENGTH) return false;
  return PORT_IDENTIFIER_PATTERN.test(id);
}
