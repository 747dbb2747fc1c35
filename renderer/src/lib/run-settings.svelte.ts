// How the model runs: halting policy, step limit, rethinking and voting. Remembered per browser, shared
// by Solve and History's re-run, so a choice made once holds everywhere.
import type { HaltingPolicy } from '../../../preload/api.ts';
import { defaultSolveOptions } from '../../../preload/defaults.ts';

export interface RunSettings {
  policy: HaltingPolicy;
  maxSteps: number;
  /** Extra augmented copies that vote on the answer; 0 runs the puzzle alone. */
  augmentations: number;
  /** Rounds that start again with the model's surest cells kept as given; 0 never rethinks. */
  rethinks: number;
}

const storageKey = 'trm.run-settings';
export const defaultRunSettings: RunSettings = { ...defaultSolveOptions };

const clamp = (value: unknown, min: number, max: number, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) ? Math.min(max, Math.max(min, value)) : fallback;

/** Whatever was stored, made valid: a damaged entry falls back to the defaults. */
export function readRunSettings(raw: string | null): RunSettings {
  let value: Partial<Record<keyof RunSettings, unknown>> = {};
  try {
    value = (raw ? JSON.parse(raw) : {}) as typeof value;
  } catch {
    // A hand-edited or truncated entry: start again from the defaults.
  }
  const policy = value.policy;
  return {
    policy: policy === 'halt' || policy === 'fixed' || policy === 'verified' ? policy : defaultRunSettings.policy,
    maxSteps: clamp(value.maxSteps, 1, 64, defaultRunSettings.maxSteps),
    augmentations: clamp(value.augmentations, 0, 16, defaultRunSettings.augmentations),
    rethinks: clamp(value.rethinks, 0, 16, defaultRunSettings.rethinks),
  };
}

export const runSettings = $state<RunSettings>(readRunSettings(localStorage.getItem(storageKey)));

export function saveRunSettings(): void {
  localStorage.setItem(storageKey, JSON.stringify(runSettings));
}

/** How many times the model rethought (the round of the last step), for the verdict; nothing when it did not. */
export function rethinksNote(steps: readonly { round: number }[]): string {
  const rounds = steps.at(-1)?.round ?? 0;
  if (rounds === 0) return '';
  return ` It rethought ${rounds === 1 ? 'once' : `${rounds} times`}, each time keeping the cells it was surest of as given.`;
}

/** How the voting went, for the verdict; nothing when the puzzle ran alone. */
export function votesNote(votes: { agreed: number; views: number }): string {
  if (votes.views <= 1) return '';
  return ` ${votes.agreed} of ${votes.views} views (the puzzle and ${votes.views - 1} transformed copies) gave this answer.`;
}

export const policyNames: Record<HaltingPolicy, string> = {
  halt: 'Stop when the model is confident',
  fixed: 'Always run every step',
  verified: 'Stop once the answer checks out',
};
