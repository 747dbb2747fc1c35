// ARC-AGI task JSON: one task `{train, test}`, or the combined challenges file
// `{taskId: task}` with its solutions file `{taskId: [output, ...]}`. Every problem is
// reported with its JSON path, and one bad grid costs only the puzzles that need it.
import { emptyEntries, type Entries, fileError, plural } from './entries.ts';
import { jsonErrorOffset } from './json-error.ts';
import { MAX_ARC_SIZE } from './arc-tokens.ts';
import type { ArcGrid, ArcPuzzle, PuzzleFileError, PuzzleSource } from './types.ts';

export { MAX_ARC_SIZE };

type Json = unknown;
const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isTask = (value: Json): value is Record<string, Json> => isObject(value) && ('train' in value || 'test' in value);

/** Why `value` is not an ARC grid (with the path of the first bad part), or null. */
function gridProblem(value: Json, path: string): string | null {
  if (!Array.isArray(value) || value.length === 0) return `${path}: not a grid (expected a non-empty list of rows)`;
  if (value.length > MAX_ARC_SIZE) return `${path}: ${value.length} rows, at most ${MAX_ARC_SIZE}`;
  const width = Array.isArray(value[0]) ? value[0].length : -1;
  for (const [r, row] of value.entries()) {
    if (!Array.isArray(row)) return `${path}[${r}]: not a row (expected a list of colours)`;
    if (row.length !== width) return `${path}[${r}]: ragged row of ${plural(row.length, 'cell')}, row 0 has ${width}`;
    if (width === 0 || width > MAX_ARC_SIZE) return `${path}[${r}]: ${width} columns, expected 1 to ${MAX_ARC_SIZE}`;
    for (const [c, colour] of row.entries()) {
      if (!Number.isInteger(colour) || (colour as number) < 0 || (colour as number) > 9) {
        return `${path}[${r}][${c}]: colour ${JSON.stringify(colour)} is outside 0-9`;
      }
    }
  }
  return null;
}

/** The 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** JSON.parse, with a syntax error turned into a file error at its line. */
export function parseJson(text: string, file: string): { value: Json } | PuzzleFileError {
  try {
    return { value: JSON.parse(text) as Json };
  } catch (error) {
    const reason = (error as Error).message
      .replace(/ in JSON at position.*| is not valid JSON$/s, '')
      .replace(/, "[^]*$/, '');
    const offset = jsonErrorOffset(text);
    if (offset < 0) return fileError({ file }, `malformed JSON: ${reason}`);
    const at = lineAndColumn(text, offset);
    return fileError({ file, line: at.line }, `malformed JSON at line ${at.line}, column ${at.column}: ${reason}`);
  }
}

/** Expected outputs by task id; a single task's solutions file (a bare list) is keyed ''. */
export type ArcSolutions = ReadonlyMap<string, readonly Json[]>;

export function readArcSolutions(text: string, file: string): ArcSolutions | PuzzleFileError {
  const parsed = parseJson(text, file);
  if ('message' in parsed) return parsed;
  if (Array.isArray(parsed.value)) return new Map([['', parsed.value]]);
  if (isObject(parsed.value) && Object.values(parsed.value).every(Array.isArray)) {
    return new Map(Object.entries(parsed.value as Record<string, Json[]>));
  }
  return fileError(
    { file },
    'not an ARC solutions file: expected a list of output grids, or task ids mapped to such lists',
  );
}

function readTask(
  task: Record<string, Json>,
  taskId: string,
  prefix: string,
  file: string,
  outputs: readonly Json[] | undefined,
  entries: Entries<ArcPuzzle>,
): void {
  const at = (jsonPath: string): PuzzleSource => ({ file, index: entries.count, jsonPath: prefix + jsonPath });
  const fail = (jsonPath: string, message: string): void => {
    entries.errors.push(fileError(at(jsonPath), message));
  };
  const tests = task.test;
  if (!Array.isArray(tests) || tests.length === 0) {
    fail('test', `${prefix}test: expected a non-empty list of {input} pairs`);
    entries.count++;
    return;
  }
  const train: { input: ArcGrid; output: ArcGrid }[] = [];
  let trainProblem = Array.isArray(task.train) ? null : `${prefix}train: expected a list of {input, output} pairs`;
  for (const [i, pair] of (Array.isArray(task.train) ? task.train : []).entries()) {
    const path = `${prefix}train[${i}]`;
    trainProblem ??= isObject(pair)
      ? (gridProblem(pair.input, `${path}.input`) ?? gridProblem(pair.output, `${path}.output`))
      : `${path}: expected {input, output}`;
    if (trainProblem === null)
      train.push({ input: (pair as { input: ArcGrid }).input, output: (pair as { output: ArcGrid }).output });
  }
  for (const [i, pair] of tests.entries()) {
    const path = `test[${i}]`;
    const output = isObject(pair) && 'output' in pair ? pair.output : outputs?.[i];
    const problem =
      trainProblem ??
      (isObject(pair) ? gridProblem(pair.input, `${prefix}${path}.input`) : `${prefix}${path}: expected {input}`) ??
      (output === undefined ? null : gridProblem(output, `${prefix}${path}.output`));
    if (problem !== null) fail(path, problem);
    else {
      const input = (pair as { input: ArcGrid }).input;
      const test = output === undefined ? { input } : { input, output: output as ArcGrid };
      entries.puzzles.push({ kind: 'arc', source: at(path), taskId, train, test });
    }
    entries.count++;
  }
}

/** A task's id when the file holds just one: the file name without folders and extension. */
const taskIdOf = (file: string): string => file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');

export function readArcJson(text: string, file: string, solutions?: ArcSolutions): Entries<ArcPuzzle> {
  const entries = emptyEntries<ArcPuzzle>();
  const parsed = parseJson(text, file);
  if ('message' in parsed) {
    entries.errors.push(parsed);
    return entries;
  }
  const json = parsed.value;
  if (isTask(json)) {
    readTask(json, taskIdOf(file), '', file, solutions?.get('') ?? solutions?.get(taskIdOf(file)), entries);
  } else if (isObject(json) && Object.keys(json).length > 0 && Object.values(json).every(isTask)) {
    for (const [taskId, task] of Object.entries(json))
      readTask(task as Record<string, Json>, taskId, `${taskId}.`, file, solutions?.get(taskId), entries);
  } else if (isObject(json) && Object.keys(json).length > 0 && Object.values(json).every(Array.isArray)) {
    entries.errors.push(fileError({ file }, 'this is an ARC solutions file: open the challenges file it belongs to'));
  } else {
    entries.errors.push(
      fileError({ file }, 'not an ARC task: expected {"train": [...], "test": [...]} or task ids mapped to such tasks'),
    );
  }
  return entries;
}
