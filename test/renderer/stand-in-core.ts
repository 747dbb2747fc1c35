// The core as the component tests see it: answers chosen per request, every call recorded,
// and events delivered on demand. (The end-to-end suite uses the real core.)
import type { RequestName } from '../../preload/api.ts';
import type { Transport } from '../../preload/client.ts';

export interface StandInCore {
  calls: { name: string; args: unknown }[];
  /** Sends an event, as the core's stream would. */
  deliver(name: string, payload: unknown): void;
  /** Changes what a request answers from now on. */
  answers: Partial<Record<RequestName, (args: unknown) => unknown>>;
}

/**
 * Installs the stand-in as `window.trmIpc`; import the screen afterwards, since the renderer
 * picks its transport when lib/api.ts loads. A request without an answer fails with `refusal`.
 */
export function installStandInCore(answers: StandInCore['answers'], refusal = 'not in this test'): StandInCore {
  let listener: (name: string, payload: unknown) => void = () => {};
  const core: StandInCore = {
    calls: [],
    deliver: (name, payload) => listener(name, payload),
    answers,
  };
  const transport: Transport = {
    async call(name, args) {
      core.calls.push({ name, args });
      const answer = core.answers[name];
      if (!answer) return { ok: false, error: { code: 'unavailable', message: refusal } };
      return { ok: true, value: answer(args) };
    },
    listen(deliver) {
      listener = deliver;
      return () => {};
    },
  };
  window.trmIpc = transport;
  return core;
}
