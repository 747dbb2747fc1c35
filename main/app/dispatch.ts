import type { Reply, RequestName, RequestResult, ValidArgs } from '../../preload/api.ts';
import { isRequestName, requests } from '../../preload/api.ts';
import { ApiError } from '../../preload/reply.ts';

/** One async function per request, receiving arguments already validated. */
export type Handlers = {
  [K in RequestName]: (args: ValidArgs<K>) => Promise<RequestResult<K>>;
};

/**
 * The single entry point every door uses: untrusted name and arguments in, a Reply out.
 * Nothing reaches a handler without passing the contract's schema.
 */
export async function dispatch(handlers: Handlers, name: unknown, args: unknown): Promise<Reply<unknown>> {
  if (!isRequestName(name)) {
    return { ok: false, error: { code: 'unknown-request', message: `Unknown request ${JSON.stringify(name)}.` } };
  }
  const parsed = requests[name].args.safeParse(args ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-arguments',
        message: `Invalid arguments for ${name}.`,
        details: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`),
      },
    };
  }
  const handler = handlers[name] as (args: unknown) => Promise<unknown>;
  try {
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof ApiError) {
      return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
    }
    // A bug, not bad input: keep the stack for the log, give the UI a readable line.
    console.error(`Request ${name} failed:`, error);
    return { ok: false, error: { code: 'failed', message: error instanceof Error ? error.message : String(error) } };
  }
}
