import { cacheUntilChanged } from '../../src/storage/cached-read';
import { settingsItem, siteChoicesItem } from '../../src/storage/items';
import { readSettings, readSiteChoices } from '../../src/storage/read';
import type { Settings } from '../../src/storage/settings';
import type { SiteChoices } from '../../src/storage/site-choices';
import { createUpdater } from '../../src/storage/update-queue';
import { type AccessApi, browserAccessApi } from './browser-access';
import type { CopyParser } from './copy-parser';
import type { DatasetStore } from './dataset-store';
import { createSiteAccess, type SiteAccess } from './site-access';

/** What the message handlers work with; the worker builds the real ones, tests pass fakes. */
export interface Services {
  readSettings(): Promise<Settings>;
  readChoices(): Promise<SiteChoices>;
  /** Serialized changes: each applies to what the previous one wrote (see update-queue.ts). */
  updateSettings(change: (s: Settings) => Settings): Promise<Settings>;
  updateChoices(change: (c: SiteChoices) => SiteChoices): Promise<SiteChoices>;
  access: SiteAccess;
  dataset?: DatasetStore;
  /** Stored values found unreadable and reset since the browser started. */
  repairNotes(): Promise<string[]>;
  /** Parses big pages' copies away from the page; absent where the browser offers no place. */
  parseCopy?: CopyParser;
}

export function createServices(
  options: {
    api?: AccessApi;
    dataset?: DatasetStore;
    repairNotes?: () => Promise<string[]>;
    parseCopy?: CopyParser | null;
    /** Keep settings and site choices in memory between changes (the worker; tests read afresh). */
    cacheReads?: boolean;
  } = {},
): Services {
  const settings = options.cacheReads ? cacheUntilChanged(readSettings, 'local', 'settings') : readSettings;
  const choices = options.cacheReads ? cacheUntilChanged(readSiteChoices, 'local', 'siteChoices') : readSiteChoices;
  const updateChoices = createUpdater(siteChoicesItem, 'your choice for this site', readSiteChoices);
  const updateSettings = createUpdater(settingsItem, 'the settings', readSettings);
  return {
    readSettings: settings,
    readChoices: choices,
    updateSettings,
    updateChoices,
    access: createSiteAccess(options.api ?? browserAccessApi(), readSiteChoices, updateChoices),
    dataset: options.dataset,
    repairNotes: options.repairNotes ?? (async () => []),
    ...(options.parseCopy ? { parseCopy: options.parseCopy } : {}),
  };
}
