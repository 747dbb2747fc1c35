// A history filter as an SQL condition over `solves`, with its parameters bound by name.
import type { SolveFilter } from './types.ts';

export interface Condition {
  sql: string;
  params: Record<string, string | number>;
}

/** A LIKE pattern matching `text` anywhere, with `%`, `_` and the escape itself taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Dates are compared as stored: ISO 8601 in UTC, which orders as text. */
export function isoTime(date: string): string {
  const parsed = new Date(date);
  if (Number.isNaN(parsed.getTime())) throw new RangeError(`Not a date: ${JSON.stringify(date)}`);
  return parsed.toISOString();
}

// A substring cannot be looked up in an index, so the search reads the two small sets it can be
// in: the distinct file names, and the labelled solves (through a partial index). With `scan`, a
// unary + keeps SQLite from looking the matches up through those sets' indexes: it checks each
// solve it reads instead.
function searchSql(scan: boolean): string {
  const plus = scan ? '+' : '';
  return `(${plus}s.source_file_id IN (SELECT id FROM source_files WHERE name LIKE @search ESCAPE '\\')
  OR ${plus}s.id IN (SELECT id FROM solves WHERE label <> '' AND label LIKE @search ESCAPE '\\'))`;
}

/** The condition on `solves s` that a filter sets; `scanSearch` checks the search row by row. */
export function filterCondition(filter: SolveFilter, { scanSearch = false } = {}): Condition {
  const clauses: string[] = [];
  const params: Condition['params'] = {};
  if (filter.kind !== undefined) {
    clauses.push('s.kind = @kind');
    params.kind = filter.kind;
  }
  if (filter.modelId !== undefined) {
    clauses.push('s.model_id = @modelId');
    params.modelId = filter.modelId;
  }
  if (filter.verified !== undefined) {
    clauses.push('s.verified = @verified');
    params.verified = filter.verified ? 1 : 0;
  }
  if (filter.since !== undefined) {
    clauses.push('s.created_at >= @since');
    params.since = isoTime(filter.since);
  }
  if (filter.until !== undefined) {
    clauses.push('s.created_at < @until');
    params.until = isoTime(filter.until);
  }
  if (filter.search) {
    clauses.push(searchSql(scanSearch));
    params.search = containsPattern(filter.search);
  }
  return { sql: clauses.length === 0 ? '1' : clauses.join(' AND '), params };
}
