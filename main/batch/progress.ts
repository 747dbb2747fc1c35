// How far a run has got and how fast it goes, as the UI and the CLI show it.

export type RunStatus = 'running' | 'done' | 'cancelled' | 'failed';

export interface ProgressSnapshot {
  done: number;
  total: number;
  solved: number;
  /** Measured over this session only: a resumed run is not slowed by the time it lay idle. */
  puzzlesPerSecond: number;
  /** Null until there is a rate to go by. */
  etaSeconds: number | null;
  /** Solved among done, 0..1; null before the first result. */
  accuracy: number | null;
  status: RunStatus;
  /** Why the run failed; it can be resumed. */
  error?: string;
}

export class ProgressMeter {
  readonly #total: number;
  readonly #doneBefore: number;
  readonly #now: () => number;
  readonly #started: number;
  #done: number;
  #solved: number;

  /** `done` and `solved` count what earlier sessions of the run already finished. */
  constructor(total: number, done: number, solved: number, now: () => number = () => performance.now()) {
    this.#total = total;
    this.#doneBefore = done;
    this.#done = done;
    this.#solved = solved;
    this.#now = now;
    this.#started = now();
  }

  record(solved: boolean): void {
    this.#done++;
    if (solved) this.#solved++;
  }

  snapshot(status: RunStatus, error?: string): ProgressSnapshot {
    const seconds = (this.#now() - this.#started) / 1000;
    const fresh = this.#done - this.#doneBefore;
    const rate = seconds > 0 ? fresh / seconds : 0;
    return {
      done: this.#done,
      total: this.#total,
      solved: this.#solved,
      puzzlesPerSecond: rate,
      etaSeconds: rate > 0 ? (this.#total - this.#done) / rate : null,
      accuracy: this.#done > 0 ? this.#solved / this.#done : null,
      status,
      ...(error === undefined ? {} : { error }),
    };
  }
}
