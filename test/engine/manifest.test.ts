import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listModels, readCatalog, readManifest } from '../../main/engine/manifest.ts';

const content = Buffer.from('pretend this is an onnx graph');

function entry(overrides: Record<string, unknown> = {}) {
  return {
    id: 'sudoku-test',
    kind: 'sudoku',
    file: 'sudoku-test.onnx',
    sha256: createHash('sha256').update(content).digest('hex'),
    bytes: content.length,
    parameters: 1000,
    architecture: { variant: 'mlp', hidden: 64, heads: null, layers: 2, T: 2, n: 2, prefix: 16 },
    vocab: 11,
    seqLen: 81,
    stateShape: [97, 64],
    maxSteps: 16,
    opset: 17,
    inputs: ['tokens', 'y', 'z', 'reset'],
    outputs: ['y_next', 'z_next', 'logits', 'q_halt'],
    ...overrides,
  };
}

async function modelsDir(models: unknown[], file: Buffer | null = content): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trm-models-'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ version: 1, models }));
  if (file) await writeFile(join(dir, 'sudoku-test.onnx'), file);
  return dir;
}

describe('listModels', () => {
  it('reports a model whose file matches its manifest entry as ok', async () => {
    const [model] = await listModels([await modelsDir([entry()])]);
    expect(model).toMatchObject({ id: 'sudoku-test', kind: 'sudoku', status: { state: 'ok' } });
  });

  it('reports a missing file', async () => {
    const [model] = await listModels([await modelsDir([entry()], null)]);
    expect(model?.status).toMatchObject({ state: 'missing' });
  });

  it('reports a truncated file', async () => {
    const [model] = await listModels([await modelsDir([entry()], content.subarray(0, 5))]);
    expect(model?.status).toMatchObject({ state: 'invalid', reason: expect.stringMatching(/truncated/) });
  });

  it('reports an altered file of the same size', async () => {
    const altered = Buffer.from(content);
    altered[0] = altered[0]! ^ 1;
    const [model] = await listModels([await modelsDir([entry()], altered)]);
    expect(model?.status).toMatchObject({ state: 'invalid', reason: expect.stringMatching(/sha256/) });
  });

  it('is empty for a folder without a manifest', async () => {
    expect(await listModels([await mkdtemp(join(tmpdir(), 'trm-empty-'))])).toEqual([]);
  });
});

describe('readManifest', () => {
  it('keeps the good entries and explains the bad ones', async () => {
    const dir = await modelsDir([entry(), entry({ id: 'x', file: '../escape.onnx' })]);
    const manifest = await readManifest(dir);
    expect(manifest.models.map((m) => m.id)).toEqual(['sudoku-test']);
    expect(manifest.problems).toEqual([{ index: 1, reason: expect.stringMatching(/^models\[1\]\.file/) }]);
  });

  it('explains a manifest that is not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trm-models-'));
    await writeFile(join(dir, 'manifest.json'), '{ not json');
    const manifest = await readManifest(dir);
    expect(manifest.models).toEqual([]);
    expect(manifest.problems[0]?.reason).toMatch(/not valid JSON/);
  });
});

describe('readCatalog', () => {
  it('joins the app’s models and the user’s, the app’s winning on equal ids', async () => {
    const shipped = await modelsDir([entry()]);
    const user = await modelsDir([entry(), entry({ id: 'my-sudoku', file: 'sudoku-test.onnx' })]);
    const catalog = await readCatalog([shipped, user]);
    expect(catalog.map((c) => [c.entry.id, c.dir])).toEqual([
      ['sudoku-test', shipped],
      ['my-sudoku', user],
    ]);
  });

  it('reads a user folder that has no manifest yet as empty', async () => {
    const shipped = await modelsDir([entry()]);
    expect(await readCatalog([shipped, join(shipped, 'no-such-folder')])).toHaveLength(1);
  });
});

describe('a models folder that cannot exist', () => {
  it('reads as empty when its path runs through a file', async () => {
    const dir = await modelsDir([entry()]);
    expect(await listModels([dir, join(dir, 'manifest.json', 'models')])).toHaveLength(1);
  });
});
