// Browser mode's transport: requests as POST /api/request/<name>, events over one
// Server-Sent Events stream. The access token travels as an HttpOnly cookie.
import type { Transport } from '../../../preload/client.ts';
import type { Reply } from '../../../preload/reply.ts';

export function httpTransport(base = ''): Transport {
  return {
    async call(name, args) {
      let response: Response;
      try {
        response = await fetch(`${base}/api/request/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(args),
        });
      } catch (error) {
        return {
          ok: false,
          error: { code: 'unavailable', message: `The TRM server is not reachable: ${String(error)}` },
        };
      }
      if (response.headers.get('content-type')?.startsWith('application/json')) {
        return (await response.json()) as Reply<unknown>;
      }
      return { ok: false, error: { code: 'failed', message: (await response.text()).trim() || response.statusText } };
    },
    listen(deliver) {
      const source = new EventSource(`${base}/api/events`);
      source.onmessage = (message: MessageEvent<string>) => {
        const { name, payload } = JSON.parse(message.data) as { name: string; payload: unknown };
        deliver(name, payload);
      };
      return () => source.close();
    },
  };
}
