import type { EventName, Events } from '../../preload/api.ts';

export type EventListener = <E extends EventName>(name: E, payload: Events[E]) => void;

/** Fan-out of core events to every connected door (Electron window, SSE clients, CLI). */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: Events[E]): void {
    for (const listener of this.#listeners) listener(name, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
