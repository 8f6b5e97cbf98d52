import { storage } from '#imports';

/**
 * Every storage key Dramatis uses, declared once with its default and version.
 * Settings are local (they survive restarts); per-tab results are session-only.
 */

/** Per-site choice, by site key (see sites/host.ts): true = on, false = off. Absent = default. */
export type SiteChoices = Record<string, boolean>;

export const siteChoicesItem = storage.defineItem<SiteChoices>('local:siteChoices', {
  fallback: {},
  version: 1,
});
