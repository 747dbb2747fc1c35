// The solve the UI is following: its steps as they stream in, then the outcome. Lives as
// long as the screen, so the event stream is already open when a solve starts.
import type { SolveOutcome, SolveStep, TrmApi } from '../../../preload/api.ts';

export class SolveRun {
  steps = $state<SolveStep[]>([]);
  outcome = $state<SolveOutcome | null>(null);
  solveId = $state<string | null>(null);
  /** Events that arrived before solve.start answered with the id they belong to. */
  #early: (SolveStep | SolveOutcome)[] = [];
  #stop: (() => void)[];

  constructor(api: TrmApi) {
    this.#stop = [
      api.on('solve.step', (step) => this.#accept(step)),
      api.on('solve.done', (outcome) => this.#accept(outcome)),
    ];
  }

  get running(): boolean {
    return this.solveId !== null && this.outcome === null;
  }

  /** Forgets the last solve; call before solve.start. */
  begin(): void {
    this.steps = [];
    this.outcome = null;
    this.solveId = null;
    this.#early = [];
  }

  started(solveId: string): void {
    this.solveId = solveId;
    const early = this.#early.filter((e) => e.solveId === solveId);
    this.#early = [];
    for (const event of early) this.#accept(event);
  }

  #accept(event: SolveStep | SolveOutcome): void {
    if (this.solveId === null) {
      this.#early.push(event);
      return;
    }
    if (event.solveId !== this.solveId) return;
    if ('status' in event) this.outcome = event;
    else this.steps.push(event);
  }

  dispose(): void {
    for (const stop of this.#stop) stop();
  }
}
