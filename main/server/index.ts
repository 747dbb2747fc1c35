// Local browser mode: the built renderer and the API over HTTP + Server-Sent Events,
// on 127.0.0.1 only, behind a per-launch token.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../app/index.ts';
import { dispatch } from '../app/index.ts';
import { contentType, rendererCsp, resolveAsset } from '../app/renderer-assets.ts';
import { checkRequest, tokenCookieName } from './guard.ts';

export interface ServerOptions {
  app: App;
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  /** 0 picks a random free port. */
  port?: number;
  /** Fixed only in tests; otherwise a fresh random token per launch. */
  token?: string;
}

export interface RunningServer {
  port: number;
  token: string;
  /** The address to open, with the token, like Jupyter's. */
  url: string;
  close(): Promise<void>;
}

/** Large enough for the largest argument the contract accepts (a history import) sent as JSON. */
const MAX_BODY_BYTES = 300 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;

const securityHeaders = {
  'Content-Security-Policy': rendererCsp,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handleRequestCall(app: App, name: string, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'failed', message: 'Use POST.' } });
  let args: unknown;
  try {
    const body = await readBody(req);
    args = body === '' ? {} : JSON.parse(body);
  } catch (error) {
    const tooLarge = error instanceof BodyTooLarge;
    return sendJson(res, tooLarge ? 413 : 400, {
      ok: false,
      error: {
        code: 'invalid-arguments',
        message: tooLarge ? 'The request is larger than 300 MB.' : 'The request body is not valid JSON.',
      },
    });
  }
  sendJson(res, 200, await dispatch(app.handlers, name, args));
}

function handleEvents(app: App, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = app.events.subscribe((name, payload) => {
    res.write(`data: ${JSON.stringify({ name, payload })}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

async function handleAsset(rendererDir: string, pathname: string, res: ServerResponse): Promise<void> {
  const path = resolveAsset(rendererDir, pathname);
  if (path === null) return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
  try {
    const info = await stat(path);
    if (!info.isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': contentType(path),
      'Content-Length': info.size,
      'Cache-Control': 'no-cache',
    });
    createReadStream(path).pipe(res);
  } catch {
    send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
  }
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const queryToken = url.searchParams.get('token');
    const verdict = checkRequest(
      {
        host: req.headers.host,
        origin: req.headers.origin,
        fetchSite: req.headers['sec-fetch-site'] as string | undefined,
        authorization: req.headers.authorization,
        cookie: req.headers.cookie,
        queryToken,
      },
      port,
      token,
    );
    if (!verdict.ok) return send(res, verdict.status, 'text/plain; charset=utf-8', verdict.reason + '\n');

    if (queryToken !== null) {
      // Trade the token in the address bar for a cookie, then drop it from the URL so it
      // does not linger in history or get copied along with a link.
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...securityHeaders,
        Location: url.pathname + url.search,
        'Set-Cookie': `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      });
      return res.end();
    }

    const route = /^\/api\/request\/([a-z]+\.[a-zA-Z]+)$/.exec(url.pathname);
    if (route?.[1]) return void handleRequestCall(options.app, route[1], req, res);
    if (url.pathname === '/api/events') return handleEvents(options.app, req, res);
    if (url.pathname.startsWith('/api/')) return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
    void handleAsset(options.rendererDir, url.pathname, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
