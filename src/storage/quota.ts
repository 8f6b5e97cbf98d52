/**
 * A write refused because the browser's storage for the extension is full. Browsers word this
 * differently ("QUOTA_BYTES quota exceeded", "QuotaExceededError"), so it is recognised once here
 * and turned into a sentence the person can act on.
 */
export class StorageFullError extends Error {
  constructor(what: string, cause: unknown) {
    super(
      `Browser storage for Dramatis is full, so ${what} could not be saved and nothing was changed. Remove your personal dataset in the options page, or free space, and try again.`,
      { cause },
    );
    this.name = 'StorageFullError';
  }
}

export function isQuotaError(err: unknown): boolean {
  if (!err) return false;
  const name = (err as { name?: unknown }).name;
  const message = (err as { message?: unknown }).message;
  return name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message));
}

/** Runs a storage write; a full quota becomes a StorageFullError, anything else passes through. */
export async function guardQuota<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isQuotaError(err)) throw new StorageFullError(what, err);
    throw err;
  }
}
