// Walking a text line by line without splitting it: the readers see (start, end) offsets
// into the one string, which keeps a 100,000-line file at memory speed.

/** Calls `visit` for each line with its bounds (line ending excluded) and 1-based number. */
export function forEachLine(text: string, visit: (start: number, end: number, line: number) => void): void {
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    let next = text.indexOf('\n', start);
    if (next < 0) next = text.length;
    let end = next;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    visit(start, end, line);
    start = next + 1;
    line++;
  }
}

/** The first offset in [start, end) that is not a space or tab. */
export function skipBlanks(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

/** A character as an error message shows it: visible, quoted, with control characters escaped. */
export function showChar(char: string): string {
  return JSON.stringify(char);
}

/** `end` moved back over trailing whitespace. */
export function trimEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && text.charCodeAt(i - 1) <= 32) i--;
  return i;
}
