// Damaged history files are moved aside, not deleted: the user may want them back. They are
// found again by name when the history is wiped, since they hold the same private record.
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const marker = '.damaged-';

export function asideName(file: string, now: Date): string {
  return `${file}${marker}${now.toISOString().replace(/[:.]/g, '-')}`;
}

/** Every file moved aside from `file` (with their logs). */
export function asideCopies(file: string): string[] {
  const prefix = basename(file) + marker;
  return readdirSync(dirname(file))
    .filter((name) => name.startsWith(prefix))
    .map((name) => join(dirname(file), name));
}
