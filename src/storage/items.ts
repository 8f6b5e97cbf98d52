import { storage } from '#imports';
import type { EntityFile } from '../dataset/schema';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { migrateSiteChoicesV1, type SiteChoices } from './site-choices';

/**
 * Every storage key Dramatis uses, declared once with its default, version and migrations.
 * Settings are local (they survive restarts); per-tab results are session-only (tab-states.ts).
 * Read settings through read.ts, which repairs what an older or damaged store left behind.
 */

export type { SiteChoice, SiteChoices } from './site-choices';

/**
 * Per-site choices, by site key. v1 (0.1.0) stored `{ [site]: boolean }`; v2 also keeps when
 * each choice was made, so the options page can list them and an imported file can be merged
 * by "newest choice wins".
 */
export const siteChoicesItem = storage.defineItem<SiteChoices>('local:siteChoices', {
  fallback: {},
  version: 2,
  migrations: { 2: migrateSiteChoicesV1 },
});

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** A dataset the person imported in the options page, merged over the bundled one. */
export interface PersonalDataset {
  fileName: string;
  /** ms since 1970 */
  importedAt: number;
  entities: EntityFile[];
}

export const personalDatasetItem = storage.defineItem<PersonalDataset | null>('local:personalDataset', {
  fallback: null,
  version: 1,
});
