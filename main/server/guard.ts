// Who may talk to the local server. It listens on 127.0.0.1 only, but any web page the
// user visits can still reach loopback: the token stops other local programs and pages,
// the Host check stops DNS rebinding, the Origin check stops cross-site requests.
import { timingSafeEqual } from 'node:crypto';

export type Verdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
  fetchSite: string | undefined;
  authorization: string | undefined;
  cookie: string | undefined;
  /** The `token` query parameter, accepted only to open the page from the printed URL. */
  queryToken: string | null;
}

export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export function tokenCookieName(port: number): string {
  // Cookies ignore ports: two servers on one machine must not overwrite each other's.
  return `trm_token_${port}`;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function presentedToken(facts: RequestFacts, port: number): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(facts.authorization ?? '')?.[1];
  return bearer ?? cookieValue(facts.cookie, tokenCookieName(port)) ?? facts.queryToken;
}

export function checkRequest(facts: RequestFacts, port: number, token: string): Verdict {
  const hosts = allowedOrigins(port).map((origin) => origin.slice('http://'.length));
  if (!facts.host || !hosts.includes(facts.host.toLowerCase())) {
    return { ok: false, status: 403, reason: `Host ${JSON.stringify(facts.host ?? '')} is not this server.` };
  }
  if (facts.origin !== undefined && !allowedOrigins(port).includes(facts.origin)) {
    return { ok: false, status: 403, reason: `Requests from ${facts.origin} are not allowed.` };
  }
  if (facts.fetchSite === 'cross-site') {
    return { ok: false, status: 403, reason: 'Cross-site requests are not allowed.' };
  }
  const presented = presentedToken(facts, port);
  if (presented === null || !sameToken(presented, token)) {
    return { ok: false, status: 401, reason: 'Missing or wrong access token: open the URL that `trm serve` printed.' };
  }
  return { ok: true };
}
