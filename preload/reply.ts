// How a request's outcome travels over any transport: a value, or an explained error.
// Errors are values on the wire; the client turns them back into a thrown ApiError.

export type ApiErrorCode = 'unknown-request' | 'invalid-arguments' | 'not-found' | 'unavailable' | 'failed';

export interface ApiErrorInfo {
  code: ApiErrorCode;
  message: string;
  /** One line per problem, e.g. one per invalid argument. */
  details?: string[];
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ApiErrorInfo };

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly details: string[];

  constructor(info: ApiErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.code = info.code;
    this.details = info.details ?? [];
  }
}

export function unwrapReply<T>(reply: Reply<T>): T {
  if (reply.ok) return reply.value;
  throw new ApiError(reply.error);
}
