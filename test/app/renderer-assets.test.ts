import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentType, rendererCsp, resolveAsset } from '../../main/app/renderer-assets.ts';

const root = resolve('/srv/renderer');

describe('resolveAsset', () => {
  it('serves the index page for the root path', () => {
    expect(resolveAsset(root, '/')).toBe(join(root, 'index.html'));
  });

  it('maps asset paths inside the renderer folder', () => {
    expect(resolveAsset(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
  });

  it.each([
    ['/../secret.txt'],
    ['/assets/../../etc/passwd'],
    ['/%2e%2e/%2e%2e/etc/passwd'],
    ['/..%2f..%2fetc%2fpasswd'],
    ['/assets/..%5c..%5cwindows'],
    ['/index.html%00.png'],
    ['/%E0%A4%A'],
  ])('rejects %s, which would leave the folder or is malformed', (path) => {
    expect(resolveAsset(root, path)).toBeNull();
  });
});

describe('contentType', () => {
  it('knows the types the renderer build produces', () => {
    expect(contentType('a/index.html')).toMatch(/^text\/html/);
    expect(contentType('x.JS')).toMatch(/^text\/javascript/);
    expect(contentType('x.css')).toMatch(/^text\/css/);
    expect(contentType('x.unknown')).toBe('application/octet-stream');
  });
});

describe('rendererCsp', () => {
  it('allows only the app itself to run scripts and be contacted', () => {
    expect(rendererCsp).toContain("default-src 'self'");
    expect(rendererCsp).toContain("script-src 'self'");
    expect(rendererCsp).toContain("connect-src 'self'");
    expect(rendererCsp).toContain("object-src 'none'");
    expect(rendererCsp).not.toMatch(/script-src[^;]*unsafe/);
    expect(rendererCsp).not.toMatch(/https?:/);
  });
});
