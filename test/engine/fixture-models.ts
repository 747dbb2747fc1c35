// Models folders holding the tiny exported TRMs that training/export.py made for the
// parity test (a Sudoku MLP, a maze attention model and a maze convolution model): real
// ONNX step graphs, small enough for tests.
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelEntry } from '../../main/engine/index.ts';

export const parityDir = fileURLToPath(new URL('../fixtures/parity/', import.meta.url));

/** One fixture per architecture the app runs; `maze` is the attention model. */
export const parityFixtures = ['sudoku', 'maze', 'maze-conv'] as const;
export type FixtureName = (typeof parityFixtures)[number];

export interface ParityFixture {
  model: string;
  kind: 'sudoku' | 'maze';
  architecture: ModelEntry['architecture'];
  stateShape: [number, number];
  vocab: number;
  seqLen: number;
  tokens: number[][];
  steps: { logits: number[][][]; q_halt: number[] }[];
}

export async function readParityFixture(name: FixtureName = 'sudoku'): Promise<ParityFixture> {
  return JSON.parse(await readFile(join(parityDir, `tiny-${name}.parity.json`), 'utf8')) as ParityFixture;
}

/** A fresh models folder with the tiny model `name` under `id`; `mutate` may damage the copy. */
export async function tinyModelsDir(
  id = 'tiny-sudoku',
  mutate?: (bytes: Buffer) => Buffer,
  name: FixtureName = 'sudoku',
): Promise<string> {
  const fixture = await readParityFixture(name);
  const { kind } = fixture;
  const dir = await mkdtemp(join(tmpdir(), 'trm-engine-'));
  const file = `${id}.onnx`;
  await copyFile(join(parityDir, fixture.model), join(dir, file));
  const bytes = await readFile(join(dir, file));
  const entry = {
    id,
    kind,
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    parameters: 1,
    architecture: fixture.architecture,
    vocab: fixture.vocab,
    seqLen: fixture.seqLen,
    stateShape: fixture.stateShape,
    maxSteps: kind === 'sudoku' ? 16 : 4,
    opset: 17,
    inputs: ['tokens', 'y', 'z', 'reset'],
    outputs: ['y_next', 'z_next', 'logits', 'q_halt'],
  };
  if (mutate) await writeFile(join(dir, file), mutate(bytes));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ version: 1, models: [entry] }));
  return dir;
}
