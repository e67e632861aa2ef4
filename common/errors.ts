/**
 * One error family for the whole app. `code` is stable and safe to log; `message` is for people
 * and must never contain patient data (the IPC boundary forwards it to the renderer).
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'CONFLICT',
  'STORE_LOCKED',
  'STORE_WRONG_KEY',
  'STORE_NOT_ENCRYPTED',
  'STORE_SCHEMA_TOO_NEW',
  'STORE_CORRUPT',
  'KEY_PROVIDER_UNAVAILABLE',
  'SIGNED_NOTE_IMMUTABLE',
  'AUDIT_CHAIN_BROKEN',
  'CHUNK_TAMPERED',
  'JOB_CANCELLED',
  'AUDIO_UNSUPPORTED',
  'AUDIO_CORRUPT',
  'AUDIO_EMPTY',
  'RECORDING_CONSENT_REQUIRED',
  'AI_CONSENT_REQUIRED',
  'RECORDING_STATE',
  'MICROPHONE_UNAVAILABLE',
  'DISK_FULL',
  'MODEL_NOT_INSTALLED',
  'MODEL_HASH_MISMATCH',
  'MODEL_UNVERIFIED',
  'MODEL_INVALID',
  'MODEL_TOO_LARGE',
  'LANGUAGE_UNSUPPORTED',
  'DOWNLOAD_FAILED',
  'INFERENCE_WORKER_CRASHED',
  'INFERENCE_FAILED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type AppErrorPayload = { code: ErrorCode; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }

  toPayload(): AppErrorPayload {
    return { code: this.code, message: this.message };
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;

/** Anything thrown that is not an AppError becomes INTERNAL with a generic message: its text may hold PHI. */
export const toErrorPayload = (error: unknown): AppErrorPayload =>
  isAppError(error) ? error.toPayload() : { code: 'INTERNAL', message: 'An unexpected error occurred.' };

export const assertNever = (value: never, what = 'value'): never => {
  throw new AppError('INTERNAL', `Unhandled ${what}: ${String(value)}`);
};
