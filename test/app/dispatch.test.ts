import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../main/app/dispatch.ts';
import { dispatch } from '../../main/app/dispatch.ts';
import { ApiError } from '../../preload/reply.ts';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const refuse = () => Promise.reject(new Error('not used in this test'));
  return new Proxy(overrides, { get: (target, name) => target[name as keyof Handlers] ?? refuse }) as Handlers;
}

describe('dispatch', () => {
  it('passes validated arguments, with defaults filled in, to the handler', async () => {
    let received: unknown;
    const handlers = handlersWith({
      'puzzles.parse': async (args) => {
        received = args;
        return { file: args.fileName, kind: null, puzzles: [], errors: [] };
      },
    });
    const reply = await dispatch(handlers, 'puzzles.parse', { text: 'x' });
    expect(reply).toEqual({ ok: true, value: { file: 'pasted text', kind: null, puzzles: [], errors: [] } });
    expect(received).toEqual({ text: 'x', fileName: 'pasted text' });
  });

  it('refuses a request name that is not in the contract', async () => {
    const reply = await dispatch(handlersWith({}), 'fs.readFile', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
  });

  it('refuses inherited object keys as request names', async () => {
    const reply = await dispatch(handlersWith({}), 'constructor', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
  });

  it('lists every invalid argument with its path', async () => {
    const reply = await dispatch(handlersWith({}), 'history.list', { limit: 0, kind: 'chess', extra: 1 });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('invalid-arguments');
    expect(reply.error.details?.join('\n')).toMatch(/limit/);
    expect(reply.error.details?.join('\n')).toMatch(/kind/);
    expect(reply.error.details?.join('\n')).toMatch(/extra/);
  });

  it('turns an ApiError thrown by a handler into an error reply', async () => {
    const handlers = handlersWith({
      'solve.cancel': () => Promise.reject(new ApiError({ code: 'not-found', message: 'No such solve.' })),
    });
    const reply = await dispatch(handlers, 'solve.cancel', { solveId: 'abc' });
    expect(reply).toEqual({ ok: false, error: { code: 'not-found', message: 'No such solve.', details: [] } });
  });

  it('reports a handler bug as a failure instead of crashing the door', async () => {
    const handlers = handlersWith({ 'app.info': () => Promise.reject(new TypeError('boom')) });
    const original = console.error;
    console.error = () => {};
    try {
      expect(await dispatch(handlers, 'app.info', {})).toEqual({
        ok: false,
        error: { code: 'failed', message: 'boom' },
      });
    } finally {
      console.error = original;
    }
  });
});
