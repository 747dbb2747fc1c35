// `trm check <file>`: what a puzzle file holds, each puzzle's status and the reference
// solution, or the precise errors. No model is involved: this is the ground truth.
import type { ParsedFile, Puzzle, PuzzleFileError, PuzzleKindId, PuzzleSource } from '../../puzzles/index.ts';
import { DEFAULT_MAX_BYTES, kindOf, readPuzzleFile, sourceLabel } from '../../puzzles/index.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';

interface CheckLine {
  source: PuzzleSource;
  kind: PuzzleKindId | null;
  ok: boolean;
  /** Reference solutions found (capped at 2); for ARC, expected outputs known (0 or 1). */
  solutions?: number;
  /** One reference solution in the kind's text form. */
  solution?: string;
  error?: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function checkPuzzle(puzzle: Puzzle): CheckLine {
  const kind = kindOf(puzzle);
  const report = kind.solve(puzzle);
  const line = { source: puzzle.source, kind: puzzle.kind };
  if (report === null) {
    const expected = kind.expectedAnswer(puzzle);
    return {
      ...line,
      ok: true,
      solutions: expected === undefined ? 0 : 1,
      ...(expected === undefined ? {} : { solution: kind.formatAnswer(puzzle, expected) }),
    };
  }
  const solution = report.answer === null ? {} : { solution: kind.formatAnswer(puzzle, report.answer) };
  if (report.solutions === 0)
    return {
      ...line,
      ok: false,
      solutions: 0,
      error: puzzle.kind === 'maze' ? 'G cannot be reached from S' : 'no solution',
    };
  // Several shortest routes are all right for a maze; a proper Sudoku has exactly one solution.
  if (report.solutions > 1 && puzzle.kind === 'sudoku')
    return { ...line, ok: false, solutions: report.solutions, error: 'more than one solution', ...solution };
  return { ...line, ok: true, solutions: report.solutions, ...solution };
}

const errorLine = (error: PuzzleFileError, kind: PuzzleKindId | null): CheckLine => ({
  source: error.source,
  kind,
  ok: false,
  error: error.message,
});

/** Puzzles and errors in file order; errors about the whole file first. */
function checkFile(parsed: ParsedFile): CheckLine[] {
  const lines = [...parsed.puzzles.map(checkPuzzle), ...parsed.errors.map((e) => errorLine(e, parsed.kind))];
  return lines.sort((a, b) => (a.source.index ?? -1) - (b.source.index ?? -1));
}

function textLine(line: CheckLine): string {
  const status = line.ok ? 'ok' : 'error';
  const counted =
    line.solutions === undefined
      ? ''
      : `, ${plural(line.solutions, line.kind === 'arc' ? 'expected output' : 'solution')}`;
  const text = `${sourceLabel(line.source)}  ${status}${counted}${line.error ? `: ${line.error}` : ''}\n`;
  return line.solution === undefined ? text : text + line.solution.replace(/^/gm, '    ') + '\n';
}

function parseMaxBytes(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_BYTES;
  const megabytes = Number(value);
  if (!(megabytes > 0)) throw new UsageError(`--max-mb must be a positive number, got '${String(value)}'.`);
  return Math.floor(megabytes * 1024 * 1024);
}

export const checkCommand: Command = {
  name: 'check',
  usage: '<file> [--json] [--max-mb <n>]',
  summary: 'Read a puzzle file and check every puzzle against the reference solvers',
  help: [
    '  --json          one JSON object per line for each puzzle or error:',
    '                  {source, kind, ok, solutions | error, solution?}',
    `  --max-mb <n>    refuse files larger than this (default ${DEFAULT_MAX_BYTES / 1024 / 1024})`,
    '',
    'Exit code 1 when the file has any error, an unsolvable puzzle, or a Sudoku with several solutions.',
  ],
  options: { json: { type: 'boolean' }, 'max-mb': { type: 'string' } },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError('give exactly one puzzle file.');
    const parsed = await readPuzzleFile(positionals[0] as string, { maxBytes: parseMaxBytes(values['max-mb']) });
    const lines = checkFile(parsed);
    if (values.json) {
      for (const line of lines) io.out(JSON.stringify(line) + '\n');
    } else {
      const failed = lines.filter((line) => !line.ok).length;
      io.out(
        `${parsed.file}: ${parsed.kind ?? 'unknown kind'}, ${plural(parsed.puzzles.length, 'puzzle')} read, ${plural(failed, 'problem')}\n`,
      );
      for (const line of lines) io.out(textLine(line));
    }
    return lines.every((line) => line.ok) && lines.length > 0 ? 0 : 1;
  },
};
