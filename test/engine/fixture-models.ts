// Models folders holding the tiny exported TRMs that training/export.py made for the
// parity test (a Sudoku MLP and a maze attention model): real ONNX step graphs, small
// enough for tests.
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const parityDir = fileURLToPath(new URL('../fixtures/parity/', import.meta.url));

export type FixtureKind = 'sudoku' | 'maze';

export interface ParityFixture {
  model: string;
  kind: FixtureKind;
  stateShape: [number, number];
  vocab: number;
  seqLen: number;
  tokens: number[][];
  steps: { logits: number[][][]; q_halt: number[] }[];
}

export async function readParityFixture(kind: FixtureKind = 'sudoku'): Promise<ParityFixture> {
  return JSON.parse(await readFile(join(parityDir, `tiny-${kind}.parity.json`), 'utf8')) as ParityFixture;
}

/** A fresh models folder with the tiny model of `kind` under `id`; `mutate` may damage the copy. */
export async function tinyModelsDir(
  id = 'tiny-sudoku',
  mutate?: (bytes: Buffer) => Buffer,
  kind: FixtureKind = 'sudoku',
): Promise<string> {
  const fixture = await readParityFixture(kind);
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
    architecture:
      kind === 'sudoku'
        ? { variant: 'mlp', hidden: fixture.stateShape[1], heads: null, layers: 2, T: 2, n: 2, prefix: 16 }
        : { variant: 'attention', hidden: fixture.stateShape[1], heads: 2, layers: 2, T: 1, n: 2, prefix: 16 },
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
