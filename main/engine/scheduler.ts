// Continuous batching over one step model: every active puzzle occupies a row of one
// batch; after each supervision step the rows that stopped leave and queued puzzles take
// their places, so throughput never waits for the slowest puzzle in a batch.
import type { StepInputs, StepOutputs } from './step-model.ts';

export type HaltingPolicy = 'halt' | 'fixed' | 'verified';

/** What one row looks like after a step, in token space. */
export interface RowStep {
  step: number;
  tokens: Uint8Array;
  /** Softmax probability of each chosen token. */
  confidence: Float32Array;
  /** Positions whose token changed in this step. */
  changed: number[];
  haltLogit: number;
}

export type RowEnd = 'halted' | 'verified' | 'max-steps' | 'cancelled' | 'failed';

export interface RowResult {
  end: RowEnd;
  /** The last step taken (0 when cancelled before the first). */
  last: RowStep | null;
  /** Halting probability after every step, for voting and the UI's plot. */
  haltTrace: number[];
  error?: string;
}

export interface RowRequest {
  tokens: Uint8Array;
  policy: HaltingPolicy;
  maxSteps: number;
  /** Interactive rows jump the queue ahead of batch work. */
  urgent: boolean;
  /** Whether an answer is right, for the 'verified' policy; asked only when needed. */
  verifies(tokens: Uint8Array): boolean;
  onStep?(step: RowStep): void;
  signal?: AbortSignal;
}

export interface ModelShape {
  seqLen: number;
  vocab: number;
  /** S * D floats of carried state per row, for y and for z. */
  stateSize: number;
}

interface Row {
  request: RowRequest;
  resolve(result: RowResult): void;
  step: number;
  previous: Uint8Array | null;
  haltTrace: number[];
  last: RowStep | null;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Argmax token and its softmax probability at each position of one row's logits. */
export function decodeLogits(logits: Float32Array, offset: number, seqLen: number, vocab: number) {
  const tokens = new Uint8Array(seqLen);
  const confidence = new Float32Array(seqLen);
  let finite = true;
  for (let i = 0; i < seqLen; i++) {
    const base = offset + i * vocab;
    let best = 0;
    let max = -Infinity;
    for (let v = 0; v < vocab; v++) {
      const value = logits[base + v]!;
      if (value > max) {
        max = value;
        best = v;
      }
    }
    if (!Number.isFinite(max)) finite = false;
    let sum = 0;
    for (let v = 0; v < vocab; v++) sum += Math.exp(logits[base + v]! - max);
    tokens[i] = best;
    confidence[i] = 1 / sum;
  }
  return { tokens, confidence, finite };
}

export function changedPositions(previous: Uint8Array | null, next: Uint8Array): number[] {
  const changed: number[] = [];
  for (let i = 0; i < next.length; i++) if (previous === null || previous[i] !== next[i]) changed.push(i);
  return changed;
}

export function shouldStop(
  policy: HaltingPolicy,
  step: number,
  maxSteps: number,
  haltLogit: number,
  verified: () => boolean,
): RowEnd | null {
  if (policy === 'halt' && haltLogit > 0) return 'halted';
  if (policy === 'verified' && verified()) return 'verified';
  return step >= maxSteps ? 'max-steps' : null;
}

export class Scheduler {
  readonly #run: (inputs: StepInputs) => Promise<StepOutputs>;
  readonly #shape: ModelShape;
  readonly #maxBatch: number;
  readonly #queue: Row[] = [];
  /** Active rows, packed at the front of the batch buffers. */
  readonly #active: Row[] = [];
  readonly #tokens: BigInt64Array;
  readonly #y: Float32Array;
  readonly #z: Float32Array;
  readonly #reset: Uint8Array;
  #looping = false;

  constructor(run: (inputs: StepInputs) => Promise<StepOutputs>, shape: ModelShape, maxBatch: number) {
    this.#run = run;
    this.#shape = shape;
    this.#maxBatch = maxBatch;
    this.#tokens = new BigInt64Array(maxBatch * shape.seqLen);
    this.#y = new Float32Array(maxBatch * shape.stateSize);
    this.#z = new Float32Array(maxBatch * shape.stateSize);
    this.#reset = new Uint8Array(maxBatch);
  }

  get pending(): number {
    return this.#queue.length + this.#active.length;
  }

  submit(request: RowRequest): Promise<RowResult> {
    return new Promise((resolve) => {
      const row: Row = { request, resolve, step: 0, previous: null, haltTrace: [], last: null };
      if (request.urgent) {
        const firstPatient = this.#queue.findIndex((r) => !r.request.urgent);
        this.#queue.splice(firstPatient === -1 ? this.#queue.length : firstPatient, 0, row);
      } else {
        this.#queue.push(row);
      }
      if (!this.#looping) {
        // Start on a microtask, so puzzles submitted in the same tick share the first batch.
        this.#looping = true;
        queueMicrotask(() => void this.#loop());
      }
    });
  }

  async #loop(): Promise<void> {
    try {
      while (this.#fill() > 0) await this.#step();
    } finally {
      this.#looping = false;
    }
  }

  /** Drops cancelled rows, refills free slots from the queue; returns the batch size. */
  #fill(): number {
    for (let i = this.#active.length - 1; i >= 0; i--) {
      if (this.#active[i]!.request.signal?.aborted) this.#finish(i, 'cancelled');
    }
    while (this.#active.length < this.#maxBatch && this.#queue.length > 0) {
      const row = this.#queue.shift()!;
      if (row.request.signal?.aborted) {
        row.resolve({ end: 'cancelled', last: null, haltTrace: [] });
        continue;
      }
      const slot = this.#active.length;
      this.#active.push(row);
      const { seqLen } = this.#shape;
      for (let i = 0; i < seqLen; i++) this.#tokens[slot * seqLen + i] = BigInt(row.request.tokens[i]!);
      this.#reset[slot] = 1;
    }
    return this.#active.length;
  }

  async #step(): Promise<void> {
    const batch = this.#active.length;
    const { seqLen, vocab, stateSize } = this.#shape;
    let out: StepOutputs;
    try {
      out = await this.#run({
        batch,
        tokens: this.#tokens.subarray(0, batch * seqLen),
        y: this.#y.subarray(0, batch * stateSize),
        z: this.#z.subarray(0, batch * stateSize),
        reset: this.#reset.subarray(0, batch),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      for (let i = batch - 1; i >= 0; i--) this.#finish(i, 'failed', `The model failed to run: ${message}`);
      return;
    }
    this.#y.set(out.y.subarray(0, batch * stateSize));
    this.#z.set(out.z.subarray(0, batch * stateSize));
    this.#reset.fill(0, 0, batch);

    // Walk backwards: finishing a row moves the last active row into its slot.
    for (let r = batch - 1; r >= 0; r--) {
      const row = this.#active[r]!;
      const { tokens, confidence, finite } = decodeLogits(out.logits, r * seqLen * vocab, seqLen, vocab);
      const haltLogit = out.qHalt[r]!;
      if (!finite || !Number.isFinite(haltLogit)) {
        this.#finish(r, 'failed', 'The model produced non-finite outputs.');
        continue;
      }
      row.step++;
      const step: RowStep = {
        step: row.step,
        tokens,
        confidence,
        changed: changedPositions(row.previous, tokens),
        haltLogit,
      };
      row.previous = tokens;
      row.last = step;
      row.haltTrace.push(sigmoid(haltLogit));
      row.request.onStep?.(step);
      const end = shouldStop(row.request.policy, row.step, row.request.maxSteps, haltLogit, () =>
        row.request.verifies(tokens),
      );
      if (end) this.#finish(r, end);
    }
  }

  #finish(slot: number, end: RowEnd, error?: string): void {
    const row = this.#active[slot]!;
    const lastSlot = this.#active.length - 1;
    if (slot !== lastSlot) {
      const { seqLen, stateSize } = this.#shape;
      this.#active[slot] = this.#active[lastSlot]!;
      this.#tokens.copyWithin(slot * seqLen, lastSlot * seqLen, (lastSlot + 1) * seqLen);
      this.#y.copyWithin(slot * stateSize, lastSlot * stateSize, (lastSlot + 1) * stateSize);
      this.#z.copyWithin(slot * stateSize, lastSlot * stateSize, (lastSlot + 1) * stateSize);
      this.#reset[slot] = this.#reset[lastSlot]!;
    }
    this.#active.pop();
    row.resolve({ end, last: row.last, haltTrace: row.haltTrace, ...(error ? { error } : {}) });
  }
}
