import { request as httpRequest } from 'node:http';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchProgress } from '../../preload/api.ts';
import type { App } from '../../main/app/index.ts';
import { createApp } from '../../main/app/index.ts';
import type { RunningServer } from '../../main/server/index.ts';
import { startServer } from '../../main/server/index.ts';
import { tokenCookieName } from '../../main/server/guard.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP call, so that Host and Origin can be set to anything, as an attacker would. */
function call(
  port: number,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('the local server', () => {
  let server: RunningServer;
  let app: App;
  let auth: Record<string, string>;

  beforeAll(async () => {
    const rendererDir = await mkdtemp(join(tmpdir(), 'trm-renderer-'));
    await mkdir(join(rendererDir, 'assets'));
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>TRM</title>');
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    const modelsDir = await mkdtemp(join(tmpdir(), 'trm-models-'));
    app = createApp({ shell: 'browser', dataDir: rendererDir, modelsDir });
    server = await startServer({ app, rendererDir });
    auth = { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${server.token}` };
  });

  afterAll(async () => {
    await server.close();
  });

  it('listens on loopback at a random port and prints a URL carrying the token', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers 401 to any request without the token', async () => {
    const page = await call(server.port, '/', { headers: { Host: `127.0.0.1:${server.port}` } });
    expect(page.status).toBe(401);
    const api = await call(server.port, '/api/request/app.info', {
      method: 'POST',
      headers: { Host: `127.0.0.1:${server.port}` },
    });
    expect(api.status).toBe(401);
  });

  it('answers 403 to a foreign Origin even with the token', async () => {
    const answer = await call(server.port, '/api/request/app.info', {
      method: 'POST',
      headers: { ...auth, Origin: 'https://evil.example' },
    });
    expect(answer.status).toBe(403);
  });

  it('answers 403 to a rebound DNS name', async () => {
    const answer = await call(server.port, '/', { headers: { ...auth, Host: `attacker.example:${server.port}` } });
    expect(answer.status).toBe(403);
  });

  it('trades the token in the URL for an HttpOnly cookie and drops it from the address', async () => {
    const answer = await call(server.port, `/?token=${server.token}`, {
      headers: { Host: `127.0.0.1:${server.port}` },
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/');
    const cookie = String(answer.headers['set-cookie']);
    expect(cookie).toContain(`${tokenCookieName(server.port)}=${server.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');

    const page = await call(server.port, '/', {
      headers: { Host: `127.0.0.1:${server.port}`, Cookie: `${tokenCookieName(server.port)}=${server.token}` },
    });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>TRM</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves the renderer’s files and nothing outside them', async () => {
    expect((await call(server.port, '/assets/app.js', { headers: auth })).status).toBe(200);
    expect((await call(server.port, '/assets/%2e%2e/%2e%2e/etc/passwd', { headers: auth })).status).toBe(404);
    expect((await call(server.port, '/missing.js', { headers: auth })).status).toBe(404);
  });

  it('answers API requests with the contract’s replies', async () => {
    const info = await call(server.port, '/api/request/app.info', { method: 'POST', headers: auth, body: '{}' });
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { name: 'TRM', shell: 'browser', offline: true } });

    const unknown = await call(server.port, '/api/request/no.suchThing', { method: 'POST', headers: auth, body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-request' } });

    const invalid = await call(server.port, '/api/request/history.list', {
      method: 'POST',
      headers: auth,
      body: '{"limit":-1}',
    });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });

    const garbage = await call(server.port, '/api/request/app.info', { method: 'POST', headers: auth, body: '{oops' });
    expect(garbage.status).toBe(400);
  });

  it('streams core events to the browser as Server-Sent Events', async () => {
    const progress: BatchProgress = {
      runId: 'r1',
      done: 1,
      total: 2,
      solved: 1,
      puzzlesPerSecond: 3,
      etaSeconds: 0.3,
      accuracy: 1,
      status: 'running',
    };
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: auth }, (res) => {
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          data += chunk;
          if (data.includes(': connected')) {
            app.events.emit('batch.progress', progress);
          }
          if (data.includes('batch.progress')) {
            req.destroy();
            resolve(data);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    const line = received.split('\n').find((l) => l.startsWith('data: '))!;
    expect(JSON.parse(line.slice('data: '.length))).toEqual({
      name: 'batch.progress',
      payload: progress,
    });
  });
});
