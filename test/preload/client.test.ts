import { describe, expect, it } from 'vitest';
import type { RequestName } from '../../preload/api.ts';
import type { Transport } from '../../preload/client.ts';
import { createTrmApi } from '../../preload/client.ts';
import { ApiError } from '../../preload/reply.ts';

function recordingTransport(reply: unknown) {
  const calls: [RequestName, unknown][] = [];
  let deliver: ((name: string, payload: unknown) => void) | null = null;
  let connections = 0;
  const transport: Transport = {
    call: async (name, args) => {
      calls.push([name, args]);
      return reply as never;
    },
    listen: (fn) => {
      connections++;
      deliver = fn;
      return () => {
        connections--;
        deliver = null;
      };
    },
  };
  return {
    transport,
    calls,
    emit: (name: string, payload: unknown) => deliver?.(name, payload),
    connections: () => connections,
  };
}

describe('createTrmApi', () => {
  it('returns the value of a successful reply', async () => {
    const t = recordingTransport({ ok: true, value: { deleted: 2 } });
    const api = createTrmApi(t.transport);
    expect(await api.invoke('history.delete', { ids: ['a', 'b'] })).toEqual({ deleted: 2 });
    expect(t.calls).toEqual([['history.delete', { ids: ['a', 'b'] }]]);
  });

  it('throws an ApiError carrying the code and details of an error reply', async () => {
    const api = createTrmApi(
      recordingTransport({
        ok: false,
        error: { code: 'invalid-arguments', message: 'Bad.', details: ['limit: too small'] },
      }).transport,
    );
    const error = await api.invoke('history.list', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid-arguments', message: 'Bad.', details: ['limit: too small'] });
  });

  it('delivers each event to the listeners of its name only, and disconnects when none remain', () => {
    const t = recordingTransport(null);
    const api = createTrmApi(t.transport);
    const steps: unknown[] = [];
    const progress: unknown[] = [];
    const offSteps = api.on('solve.step', (s) => steps.push(s.step));
    const offProgress = api.on('batch.progress', (p) => progress.push(p.done));
    expect(t.connections()).toBe(1);

    t.emit('solve.step', { step: 3 });
    t.emit('batch.progress', { done: 7 });
    expect(steps).toEqual([3]);
    expect(progress).toEqual([7]);

    offSteps();
    t.emit('solve.step', { step: 4 });
    expect(steps).toEqual([3]);
    expect(t.connections()).toBe(1);
    offProgress();
    expect(t.connections()).toBe(0);
  });
});
