import { describe, expect, it } from 'vitest';
import type { RequestFacts } from '../../main/server/guard.ts';
import { checkRequest, cookieValue, tokenCookieName } from '../../main/server/guard.ts';

const port = 4321;
const token = 'secret-token';
const base: RequestFacts = {
  host: `127.0.0.1:${port}`,
  origin: undefined,
  fetchSite: undefined,
  authorization: `Bearer ${token}`,
  cookie: undefined,
  queryToken: null,
};

describe('checkRequest', () => {
  it('accepts the token as a bearer header, a cookie or the query parameter', () => {
    expect(checkRequest(base, port, token)).toEqual({ ok: true });
    const withCookie = { ...base, authorization: undefined, cookie: `a=1; ${tokenCookieName(port)}=${token}` };
    expect(checkRequest(withCookie, port, token)).toEqual({ ok: true });
    expect(checkRequest({ ...base, authorization: undefined, queryToken: token }, port, token)).toEqual({ ok: true });
  });

  it('answers 401 without the token or with a wrong one', () => {
    expect(checkRequest({ ...base, authorization: undefined }, port, token)).toMatchObject({ ok: false, status: 401 });
    expect(checkRequest({ ...base, authorization: 'Bearer nope' }, port, token)).toMatchObject({ status: 401 });
    const otherServersCookie = { ...base, authorization: undefined, cookie: `${tokenCookieName(9999)}=${token}` };
    expect(checkRequest(otherServersCookie, port, token)).toMatchObject({ status: 401 });
  });

  it('answers 403 to a foreign Host, even with the token (DNS rebinding)', () => {
    expect(checkRequest({ ...base, host: `evil.example:${port}` }, port, token)).toMatchObject({ status: 403 });
    expect(checkRequest({ ...base, host: '127.0.0.1:1' }, port, token)).toMatchObject({ status: 403 });
    expect(checkRequest({ ...base, host: undefined }, port, token)).toMatchObject({ status: 403 });
    expect(checkRequest({ ...base, host: `localhost:${port}` }, port, token)).toEqual({ ok: true });
  });

  it('answers 403 to a foreign Origin or a cross-site fetch (CSRF)', () => {
    expect(checkRequest({ ...base, origin: 'https://evil.example' }, port, token)).toMatchObject({ status: 403 });
    expect(checkRequest({ ...base, origin: 'null' }, port, token)).toMatchObject({ status: 403 });
    expect(checkRequest({ ...base, fetchSite: 'cross-site' }, port, token)).toMatchObject({ status: 403 });
    expect(checkRequest({ ...base, origin: `http://127.0.0.1:${port}` }, port, token)).toEqual({ ok: true });
  });
});

describe('cookieValue', () => {
  it('finds a cookie among others and ignores look-alikes', () => {
    expect(cookieValue('a=1; trm_token_1=x; b=2', 'trm_token_1')).toBe('x');
    expect(cookieValue('xtrm_token_1=y', 'trm_token_1')).toBeNull();
    expect(cookieValue(undefined, 'a')).toBeNull();
  });
});
