// models/manifest.json: what each shipped model is and how to feed it. Written by
// training/export.py; read here, never trusted: a bad entry is reported, not fatal.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ModelStatus, ModelSummary } from '../../preload/api.ts';
import { puzzleKindIds } from '../puzzles/types.ts';

const accuracyBin = z.object({
  givens: z.string().optional(),
  pathLength: z.string().optional(),
  puzzles: z.number().int(),
  solvedRate: z.number().min(0).max(1),
  exactRate: z.number().min(0).max(1).optional(),
  cellAccuracy: z.number().min(0).max(1).optional(),
  meanSteps: z.number().optional(),
});

export const modelEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" and "-"'),
  kind: z.enum(puzzleKindIds),
  file: z.string().regex(/^[^/\\]+\.onnx$/, 'a file name ending in .onnx, inside models/'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().positive(),
  parameters: z.number().int().positive(),
  architecture: z.object({
    variant: z.enum(['mlp', 'attention', 'conv']),
    hidden: z.number().int().positive(),
    heads: z.number().int().positive().nullable(),
    layers: z.number().int().positive(),
    T: z.number().int().positive(),
    n: z.number().int().positive(),
    prefix: z.number().int().nonnegative(),
  }),
  vocab: z.number().int().positive(),
  seqLen: z.number().int().positive(),
  stateShape: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  maxSteps: z.number().int().positive(),
  opset: z.number().int().positive(),
  /** int8: dynamically quantised MatMuls (training/quantize.py), faster on CPUs with VNNI. */
  precision: z.enum(['fp32', 'int8']).default('fp32'),
  inputs: z.array(z.string()),
  outputs: z.array(z.string()),
  training: z.record(z.string(), z.unknown()).optional(),
  accuracy: z.array(z.object({ set: z.string(), policy: z.string(), bins: z.array(accuracyBin) })).default([]),
  card: z.string().nullable().default(null),
});

export type ModelEntry = z.infer<typeof modelEntrySchema>;

const manifestSchema = z.object({ version: z.literal(1), models: z.array(z.unknown()) });

export interface ManifestEntryProblem {
  index: number;
  reason: string;
}

export interface Manifest {
  dir: string;
  models: ModelEntry[];
  problems: ManifestEntryProblem[];
}

/** Reads a models folder's manifest. A missing manifest is an empty folder, not an error. */
export async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(dir, 'manifest.json'), 'utf8');
  } catch (error) {
    // No folder (or a path through a file, e.g. a data folder that is not a folder): no models there.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { dir, models: [], problems: [] };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { dir, models: [], problems: [{ index: -1, reason: `manifest.json is not valid JSON: ${String(error)}` }] };
  }
  const top = manifestSchema.safeParse(json);
  if (!top.success) {
    return { dir, models: [], problems: [{ index: -1, reason: `manifest.json: ${top.error.issues[0]?.message}` }] };
  }
  const models: ModelEntry[] = [];
  const problems: ManifestEntryProblem[] = [];
  top.data.models.forEach((raw, index) => {
    const entry = modelEntrySchema.safeParse(raw);
    if (entry.success) models.push(entry.data);
    else {
      const issue = entry.error.issues[0];
      problems.push({ index, reason: `models[${index}].${issue?.path.join('.')}: ${issue?.message}` });
    }
  });
  return { dir, models, problems };
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Checks that the file a manifest entry names is there, whole and untampered. */
export async function checkModelFile(dir: string, entry: ModelEntry): Promise<ModelStatus> {
  const path = join(dir, entry.file);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return { state: 'missing', reason: `${entry.file} is not in ${dir}.` };
  }
  if (size !== entry.bytes) {
    return {
      state: 'invalid',
      reason: `${entry.file} has ${size} bytes, the manifest says ${entry.bytes}: truncated or replaced.`,
    };
  }
  const digest = await sha256File(path);
  if (digest !== entry.sha256) {
    return {
      state: 'invalid',
      reason: `${entry.file} does not match its sha256 in the manifest: the file was altered.`,
    };
  }
  return { state: 'ok' };
}

/** A model and the folder it lives in. */
export interface CatalogEntry {
  dir: string;
  entry: ModelEntry;
}

/**
 * Every model of several folders (the app's own first, then the user's). An id seen in an
 * earlier folder shadows a later one, so a user's file can never replace a shipped model.
 */
export async function readCatalog(dirs: readonly string[]): Promise<CatalogEntry[]> {
  const catalog: CatalogEntry[] = [];
  for (const dir of dirs) {
    for (const entry of (await readManifest(dir)).models) {
      if (!catalog.some((known) => known.entry.id === entry.id)) catalog.push({ dir, entry });
    }
  }
  return catalog;
}

export async function listModels(dirs: readonly string[]): Promise<ModelSummary[]> {
  return Promise.all(
    (await readCatalog(dirs)).map(async ({ dir, entry }) => ({
      id: entry.id,
      kind: entry.kind,
      file: entry.file,
      dir,
      bytes: entry.bytes,
      parameters: entry.parameters,
      status: await checkModelFile(dir, entry),
      card: entry.card,
    })),
  );
}
