// Builds a TrmApi over any transport: Electron IPC in the preload, HTTP + SSE in the
// browser. The transport only moves untyped messages; the types come from the contract.
import type { EventName, Events, RequestName, TrmApi } from './api.ts';
import type { Reply } from './reply.ts';
import { unwrapReply } from './reply.ts';

export interface Transport {
  call(name: RequestName, args: unknown): Promise<Reply<unknown>>;
  /** Starts delivering every event; returns a function that stops it. */
  listen(deliver: (name: string, payload: unknown) => void): () => void;
}

export function createTrmApi(transport: Transport): TrmApi {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  let stopListening: (() => void) | null = null;

  const deliver = (name: string, payload: unknown): void => {
    for (const listener of listeners.get(name) ?? []) listener(payload as never);
  };

  return {
    invoke: async (name, args) => unwrapReply(await transport.call(name, args)) as never,
    on<E extends EventName>(name: E, listener: (payload: Events[E]) => void) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      // Connect lazily: a page that never listens never holds an event stream open.
      stopListening ??= transport.listen(deliver);
      return () => {
        set.delete(listener);
        if ([...listeners.values()].every((s) => s.size === 0)) {
          stopListening?.();
          stopListening = null;
        }
      };
    },
  };
}
