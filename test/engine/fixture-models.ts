// A models folder holding the tiny exported TRM that training/export.py made for the
// parity test: a real ONNX step graph, small enough for tests.
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const parityDir = fileURLToPath(new URL('../fixtures/parity/', import.meta.url));

export interface ParityFixture {
  model: string;
  stateShape: [number, number];
  vocab: number;
  seqLen: number;
  tokens: number[][];
  steps: { logits: number[][][]; q_halt: number[] }[];
}

export async function readParityFixture(): Promise<ParityFixture> {
  return JSON.parse(await readFile(join(parityDir, 'tiny-sudoku.parity.json'), 'utf8')) as ParityFixture;
}

/** A fresh models folder with the tiny model under `id`; `mutate` may damage the copy. */
export async function tinyModelsDir(id = 'tiny-sudoku', mutate?: (bytes: Buffer) => Buffer): Promise<string> {
  const fixture = await readParityFixture();
  const dir = await mkdtemp(join(tmpdir(), 'trm-engine-'));
  const file = `${id}.onnx`;
  await copyFile(join(parityDir, fixture.model), join(dir, file));
  const bytes = await readFile(join(dir, file));
  const entry = {
    id,
    kind: 'sudoku',
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    parameters: 1,
    architecture: { variant: 'mlp', hidden: fixture.stateShape[1], heads: null, layers: 2, T: 1, n: 1, prefix: 16 },
    vocab: fixture.vocab,
    seqLen: fixture.seqLen,
    stateShape: fixture.stateShape,
    maxSteps: 16,
    opset: 17,
    inputs: ['tokens', 'y', 'z', 'reset'],
    outputs: ['y_next', 'z_next', 'logits', 'q_halt'],
  };
  if (mutate) await writeFile(join(dir, file), mutate(bytes));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ version: 1, models: [entry] }));
  return dir;
}
