// One TRM supervision step as an onnxruntime session: tokens and the carried state in,
// the next state, logits and the halting logit out (the contract training/export.py writes).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { ModelEntry } from './manifest.ts';
import { sha256File } from './manifest.ts';
import type { ProviderCandidate } from './providers.ts';

export interface StepInputs {
  batch: number;
  /** batch * seqLen token ids. */
  tokens: BigInt64Array;
  /** batch * S * D each. */
  y: Float32Array;
  z: Float32Array;
  /** 1 where a row starts a new puzzle: the model swaps in its initial state. */
  reset: Uint8Array;
}

export interface StepOutputs {
  y: Float32Array;
  z: Float32Array;
  /** batch * seqLen * vocab. */
  logits: Float32Array;
  /** batch halting logits. */
  qHalt: Float32Array;
}

export interface StepModel {
  entry: ModelEntry;
  provider: ProviderCandidate;
  /** Accelerators that were tried and failed before this provider, with their errors. */
  fallbacks: string[];
  run(inputs: StepInputs): Promise<StepOutputs>;
  release(): Promise<void>;
}

export interface SessionSettings {
  intraOpThreads: number;
  /** Spinning threads burn a core while idle: off for the desktop, on for batch throughput. */
  allowSpinning: boolean;
}

const requiredInputs = ['tokens', 'y', 'z', 'reset'];
const requiredOutputs = ['y_next', 'z_next', 'logits', 'q_halt'];

/** Explains how a session's declared inputs and outputs differ from the contract, if they do. */
export function describeSignatureMismatch(inputs: readonly string[], outputs: readonly string[]): string | null {
  const missingIn = requiredInputs.filter((name) => !inputs.includes(name));
  const missingOut = requiredOutputs.filter((name) => !outputs.includes(name));
  if (missingIn.length === 0 && missingOut.length === 0) return null;
  const parts = [
    missingIn.length ? `inputs ${missingIn.join(', ')} missing (has ${inputs.join(', ')})` : '',
    missingOut.length ? `outputs ${missingOut.join(', ')} missing (has ${outputs.join(', ')})` : '',
  ];
  return `not a TRM step graph: ${parts.filter(Boolean).join('; ')}`;
}

export class ModelLoadError extends Error {
  override name = 'ModelLoadError';
}

async function createSession(bytes: Uint8Array, provider: ProviderCandidate, settings: SessionSettings) {
  return ort.InferenceSession.create(bytes, {
    executionProviders: [provider.name],
    graphOptimizationLevel: 'all',
    intraOpNumThreads: settings.intraOpThreads,
    interOpNumThreads: 1,
    extra: { session: { intra_op: { allow_spinning: settings.allowSpinning ? '1' : '0' } } },
  });
}

function wrap(session: ort.InferenceSession, entry: ModelEntry): (inputs: StepInputs) => Promise<StepOutputs> {
  const [S, D] = entry.stateShape;
  return async ({ batch, tokens, y, z, reset }) => {
    const out = await session.run({
      tokens: new ort.Tensor('int64', tokens, [batch, entry.seqLen]),
      y: new ort.Tensor('float32', y, [batch, S, D]),
      z: new ort.Tensor('float32', z, [batch, S, D]),
      reset: new ort.Tensor('bool', reset, [batch]),
    });
    return {
      y: out.y_next!.data as Float32Array,
      z: out.z_next!.data as Float32Array,
      logits: out.logits!.data as Float32Array,
      qHalt: out.q_halt!.data as Float32Array,
    };
  };
}

/** A row of zeros for every input: the cheapest proof that a provider can really run the graph. */
function probeInputs(entry: ModelEntry): StepInputs {
  const [S, D] = entry.stateShape;
  return {
    batch: 1,
    tokens: new BigInt64Array(entry.seqLen),
    y: new Float32Array(S * D),
    z: new Float32Array(S * D),
    reset: new Uint8Array([1]),
  };
}

/**
 * Loads a manifest entry's model after checking its hash, trying each provider in turn:
 * a provider that fails to create the session or to run one step falls back to the next.
 */
export async function loadStepModel(
  dir: string,
  entry: ModelEntry,
  candidates: readonly ProviderCandidate[],
  settings: SessionSettings,
): Promise<StepModel> {
  const path = join(dir, entry.file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new ModelLoadError(`Model ${entry.id}: ${entry.file} is missing from ${dir}.`);
  }
  if (bytes.length !== entry.bytes || (await sha256File(path)) !== entry.sha256) {
    throw new ModelLoadError(
      `Model ${entry.id}: ${entry.file} does not match its manifest entry (altered or truncated).`,
    );
  }
  const fallbacks: string[] = [];
  for (const provider of candidates) {
    let session: ort.InferenceSession;
    try {
      session = await createSession(bytes, provider, settings);
    } catch (error) {
      fallbacks.push(`${provider.name}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const mismatch = describeSignatureMismatch(session.inputNames, session.outputNames);
    if (mismatch) {
      await session.release();
      throw new ModelLoadError(`Model ${entry.id}: ${mismatch}.`);
    }
    const run = wrap(session, entry);
    try {
      const probe = await run(probeInputs(entry));
      if (probe.logits.length !== entry.seqLen * entry.vocab) {
        await session.release();
        throw new ModelLoadError(
          `Model ${entry.id}: logits have ${probe.logits.length} values per row, the manifest says ${entry.seqLen} x ${entry.vocab}.`,
        );
      }
    } catch (error) {
      if (error instanceof ModelLoadError) throw error;
      await session.release();
      fallbacks.push(`${provider.name}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    return { entry, provider, fallbacks, run, release: () => session.release() };
  }
  throw new ModelLoadError(`Model ${entry.id} could not be loaded: ${fallbacks.join('; ')}`);
}
