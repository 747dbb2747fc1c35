// A screen's requests to the core: whether one is under way, and the last failure in words.
import { describeError } from './errors.ts';

export class ActionState {
  busy = $state(false);
  error = $state<string | null>(null);

  /** Runs `action`, clearing the last error first; on failure keeps its message and gives null. */
  async run<T>(action: () => Promise<T>): Promise<T | null> {
    this.busy = true;
    this.error = null;
    try {
      return await action();
    } catch (e) {
      this.error = describeError(e);
      return null;
    } finally {
      this.busy = false;
    }
  }
}
