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

/** An FTS5 phrase matching `text` literally: with the trigram tokenizer, a substring in any case. */
export function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The trigram index cannot find anything shorter than three characters. */
const TRIGRAM = 3;

/** Dates are compared as stored: ISO 8601 in UTC, which orders as text. */
export function isoTime(date: string): string {
  const parsed = new Date(date);
  if (Number.isNaN(parsed.getTime())) throw new RangeError(`Not a date: ${JSON.stringify(date)}`);
  return parsed.toISOString();
}

export function filterCondition(filter: SolveFilter): Condition {
  const clauses: string[] = [];
  const params: Condition['params'] = {};
  if (filter.kind !== undefined) {
    clauses.push('kind = @kind');
    params.kind = filter.kind;
  }
  if (filter.modelId !== undefined) {
    clauses.push('model_id = @modelId');
    params.modelId = filter.modelId;
  }
  if (filter.verified !== undefined) {
    clauses.push('verified = @verified');
    params.verified = filter.verified ? 1 : 0;
  }
  if (filter.since !== undefined) {
    clauses.push('created_at >= @since');
    params.since = isoTime(filter.since);
  }
  if (filter.until !== undefined) {
    clauses.push('created_at < @until');
    params.until = isoTime(filter.until);
  }
  if (filter.search && [...filter.search].length >= TRIGRAM) {
    clauses.push('id IN (SELECT rowid FROM solve_search WHERE solve_search MATCH @search)');
    params.search = phrase(filter.search);
  } else if (filter.search) {
    clauses.push("(label LIKE @search ESCAPE '\\' OR source_file LIKE @search ESCAPE '\\')");
    params.search = containsPattern(filter.search);
  }
  return { sql: clauses.length === 0 ? '1' : clauses.join(' AND '), params };
}
