import { defaultDataDir } from '../../app/index.ts';
import type { PuzzleResult } from '../../engine/index.ts';
import type { Puzzle, PuzzleKind } from '../../puzzles/index.ts';
import { kinds, readPuzzleFile, sourceLabel } from '../../puzzles/index.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { commandEngine, engineChoices, engineHelp, engineOptions } from '../engine-options.ts';

function formatAnswer(puzzle: Puzzle, result: PuzzleResult): string | null {
  if (result.answer === null) return null;
  return (kinds[puzzle.kind] as unknown as PuzzleKind<Puzzle, unknown>).formatAnswer(puzzle, result.answer);
}

export const solveCommand: Command = {
  name: 'solve',
  usage: '<file> [options]',
  summary: 'Solve the puzzles in a file with a model and check each answer',
  help: [...engineHelp, '  --json             one JSON object per puzzle, in the order they finish'],
  options: { ...engineOptions, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError('give exactly one puzzle file.');
    const choices = engineChoices(values);
    const parsed = await readPuzzleFile(positionals[0]!);
    for (const error of parsed.errors) {
      const at = error.source.line !== undefined ? `:${error.source.line}` : '';
      io.err(`${error.source.file}${at}: ${error.message}\n`);
    }
    if (parsed.puzzles.length === 0) {
      io.err(`No puzzles could be read from ${positionals[0]}.\n`);
      return 1;
    }
    const engine = commandEngine(choices, (values['data-dir'] as string | undefined) ?? defaultDataDir(io.env));
    let failed = 0;
    try {
      const model = await engine.solveMany(parsed.puzzles, choices.settings, {
        modelId: choices.modelId,
        onResult(index, result) {
          const puzzle = parsed.puzzles[index]!;
          if (result.status === 'failed') failed++;
          const answer = formatAnswer(puzzle, result);
          if (values.json) {
            const { trace: _trace, tokens: _tokens, answer: _answer, ...rest } = result;
            io.out(JSON.stringify({ source: puzzle.source, kind: puzzle.kind, ...rest, answer }) + '\n');
            return;
          }
          const how = `${result.steps} steps, ${result.elapsedMs.toFixed(0)} ms, ${result.end}`;
          const votes = result.views > 1 ? `, ${result.votes}/${result.views} views agree` : '';
          io.out(`${sourceLabel(puzzle.source)}  ${result.status} (${how}${votes})\n`);
          if (result.error) io.out(`  ${result.error}\n`);
          for (const conflict of result.conflicts.slice(0, 5)) io.out(`  ✗ ${conflict.message}\n`);
          if (answer) io.out(answer.replace(/^/gm, '  ') + '\n');
        },
      });
      if (!values.json && model) io.err(`Model ${model.id} on ${model.provider}.\n`);
    } finally {
      await engine.close();
    }
    return failed > 0 || parsed.errors.length > 0 ? 1 : 0;
  },
};
