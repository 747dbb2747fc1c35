import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../main/app/paths.ts';

describe('defaultDataDir', () => {
  it('prefers TRM_DATA_DIR', () => {
    expect(defaultDataDir({ TRM_DATA_DIR: '/data/trm' }, 'linux', '/home/ann')).toBe('/data/trm');
  });

  it('follows each platform’s convention for per-user data', () => {
    expect(defaultDataDir({}, 'linux', '/home/ann')).toBe('/home/ann/.local/share/trm');
    expect(defaultDataDir({ XDG_DATA_HOME: '/xdg' }, 'linux', '/home/ann')).toBe('/xdg/trm');
    expect(defaultDataDir({}, 'darwin', '/Users/ann')).toBe('/Users/ann/Library/Application Support/trm');
  });
});
