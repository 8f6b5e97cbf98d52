import { isSiteEnabled } from '../sites/site-enabled';
import { settingsItem, siteChoicesItem } from './items';
import { repairSettings, type Settings } from './settings';
import { repairSiteChoices, type SiteChoices } from './site-choices';

/** The settings as stored, with unreadable fields replaced by their defaults. */
export async function readSettings(): Promise<Settings> {
  return repairSettings(await settingsItem.getValue()).value;
}

/** The per-site choices as stored, without unreadable entries. */
export async function readSiteChoices(): Promise<SiteChoices> {
  return repairSiteChoices(await siteChoicesItem.getValue()).value;
}

/** Whether Dramatis should read pages on `host` now: not paused, and the site is on. */
export async function shouldRun(host: string): Promise<boolean> {
  const [settings, choices] = await Promise.all([readSettings(), readSiteChoices()]);
  return !settings.paused && isSiteEnabled(host, choices);
}
