import { ApiError } from '../../../preload/reply.ts';

/** One readable paragraph for any failure, with the per-argument details when there are. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return [error.message, ...error.details].join(' ');
  return error instanceof Error ? error.message : String(error);
}
