/**
 * Every IndexedDB failure becomes a `StorageError` whose message a person understands, because the popup and the
 * review page show it as is. Nothing here is swallowed: callers get the error and decide what to tell the user.
 */

export const STORAGE_ERROR_KINDS = ['quota', 'blocked', 'closed', 'version', 'unavailable', 'not-found', 'unknown'] as const;
export type StorageErrorKind = (typeof STORAGE_ERROR_KINDS)[number];

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly kind: StorageErrorKind;

  constructor(kind: StorageErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}

/** The DOMException names IndexedDB uses (https://w3c.github.io/IndexedDB/#exceptions). */
function errorName(error: unknown): string | undefined {
  if (error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException)) return error.name;
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string') return error.name;
  return undefined;
}

/**
 * Maps a raw failure to a StorageError. `action` completes the sentence "Consent Gate could not …", e.g.
 * "save the review".
 */
export function toStorageError(error: unknown, action: string): StorageError {
  if (error instanceof StorageError) return error;
  const name = errorName(error);
  switch (name) {
    case 'QuotaExceededError':
      return new StorageError(
        'quota',
        `Consent Gate could not ${action}: the disk is full or the browser's storage space for extensions is used up. Free some disk space, then try again. Nothing already saved was lost.`,
        { cause: error },
      );
    case 'InvalidStateError':
    case 'TransactionInactiveError':
      return new StorageError(
        'closed',
        `Consent Gate could not ${action}: the browser closed its local database. Try again; if it keeps failing, restart the browser.`,
        { cause: error },
      );
    case 'VersionError':
      return new StorageError(
        'version',
        `Consent Gate could not ${action}: its local database was written by a newer version of the extension. Update Consent Gate, then try again.`,
        { cause: error },
      );
    case 'SecurityError':
    case 'UnknownError':
      return new StorageError(
        'unavailable',
        `Consent Gate could not ${action}: the browser does not allow its local database right now (private window, a disk error, or storage turned off). Check the browser's site-data settings, then try again.`,
        { cause: error },
      );
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return new StorageError('unknown', `Consent Gate could not ${action}: ${detail || 'an unknown storage error'}.`, { cause: error });
    }
  }
}
