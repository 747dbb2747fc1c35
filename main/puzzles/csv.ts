// A strict CSV reader (RFC 4180 quoting) that reports bad quoting per line and carries
// on. Puzzle fields never span lines, so a quote left open ends at the line's end: one
// bad line cannot swallow the rest of the file.
import { forEachLine, trimEnd } from './text-lines.ts';

export interface CsvVisitor {
  record(fields: string[], line: number): void;
  error(message: string, line: number): void;
}

/** Reads one quoted field starting at the opening quote; returns its value and the offset after the closing quote. */
function quotedField(text: string, open: number, end: number): { value: string; next: number } | null {
  let value = '';
  let from = open + 1;
  for (;;) {
    const close = text.indexOf('"', from);
    if (close < 0 || close >= end) return null;
    value += text.slice(from, close);
    if (text.charCodeAt(close + 1) !== 34 || close + 1 >= end) return { value, next: close + 1 };
    value += '"';
    from = close + 2;
  }
}

/** Splits one line into fields, or says how its quoting is broken. */
function splitLine(text: string, start: number, end: number): string[] | string {
  const fields: string[] = [];
  let i = start;
  for (;;) {
    if (text.charCodeAt(i) === 34 && i < end) {
      const quoted = quotedField(text, i, end);
      if (quoted === null) return `unterminated quoted field starting at column ${i - start + 1}`;
      if (quoted.next < end && text.charCodeAt(quoted.next) !== 44) {
        return `unexpected text after a closing quote at column ${quoted.next - start + 1}`;
      }
      fields.push(quoted.value);
      i = quoted.next;
    } else {
      let comma = text.indexOf(',', i);
      if (comma < 0 || comma > end) comma = end;
      const quote = text.indexOf('"', i);
      if (quote >= 0 && quote < comma) return `quote inside an unquoted field at column ${quote - start + 1}`;
      fields.push(text.slice(i, comma));
      i = comma;
    }
    if (i >= end) return fields;
    i++; // the comma
  }
}

/** Visits every non-blank line as a record. */
export function readCsv(text: string, visitor: CsvVisitor): void {
  // Quotes are rare in puzzle files: lines before the next quote split on commas alone.
  let nextQuote = -1;
  forEachLine(text, (start, end, line) => {
    if (trimEnd(text, start, end) === start) return;
    if (nextQuote !== text.length && nextQuote < start) {
      nextQuote = text.indexOf('"', start);
      if (nextQuote < 0) nextQuote = text.length;
    }
    const fields = nextQuote >= end ? text.slice(start, end).split(',') : splitLine(text, start, end);
    if (typeof fields === 'string') visitor.error(fields, line);
    else visitor.record(fields, line);
  });
}
