// The history's own settings (private mode), kept beside the solves they govern; a wipe keeps them.
import type { Database } from 'better-sqlite3';
import type { StoreSettings } from './types.ts';

const defaults: StoreSettings = { privateMode: false };

export function settingsRepo(db: Database) {
  const all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const put = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );

  // Read on every call rather than cached: the CLI may change a setting while the app runs.
  function getSettings(): StoreSettings {
    const stored = Object.fromEntries(all.all().map((row) => [row.key, JSON.parse(row.value) as unknown]));
    return { privateMode: typeof stored.privateMode === 'boolean' ? stored.privateMode : defaults.privateMode };
  }

  return {
    getSettings,
    updateSettings: db.transaction((change: Partial<StoreSettings>): StoreSettings => {
      for (const [key, value] of Object.entries(change)) if (value !== undefined) put.run(key, JSON.stringify(value));
      return getSettings();
    }),
  };
}
