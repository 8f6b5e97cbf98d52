import { browser } from 'wxt/browser';

/**
 * Keeps the last value read from one storage key until the browser reports that key changed.
 * The background reads the settings and site choices for every article it matches; a storage
 * read costs a round trip to the browser process, now and then several milliseconds, while the
 * page waits for its marks. A failed read is not kept.
 */
export function cacheUntilChanged<T>(read: () => Promise<T>, area: 'local' | 'session', key: string): () => Promise<T> {
  let cached: Promise<T> | undefined;
  browser.storage.onChanged.addListener((changes, changedArea) => {
    // WXT keeps an item's version under `key$`; a migration changes the value too.
    if (changedArea === area && (key in changes || `${key}$` in changes)) cached = undefined;
  });
  return () => {
    if (!cached) {
      const reading = read();
      cached = reading;
      reading.catch(() => {
        if (cached === reading) cached = undefined;
      });
    }
    return cached;
  };
}
