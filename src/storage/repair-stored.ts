import { storage } from '#imports';
import { settingsItem, siteChoicesItem } from './items';
import { guardQuota } from './quota';
import { repairSettings } from './settings';
import { repairSiteChoices } from './site-choices';

/**
 * Checks the stored settings once when the worker starts. Unreadable fields are replaced by
 * their defaults and written back, everything still readable is kept, and the reset fields are
 * remembered for the options page to tell the person.
 */
/**
 * Fields the background had to reset because they were unreadable; shown once in the options
 * page. Declared here, not in items.ts: content scripts import items.ts, and defining a
 * session-storage item makes WXT touch session storage, which content scripts may not access.
 */
export const repairNoticeItem = storage.defineItem<string[]>('session:repairNotice', { fallback: [] });

export async function repairStoredValues(): Promise<string[]> {
  const notes: string[] = [];
  const settings = repairSettings(await settingsItem.getValue().catch(() => undefined));
  if (settings.reset.length > 0) {
    await guardQuota('the repaired settings', () => settingsItem.setValue(settings.value));
    notes.push(...settings.reset);
  }
  const choices = repairSiteChoices(await siteChoicesItem.getValue().catch(() => undefined));
  if (choices.reset.length > 0) {
    await guardQuota('the repaired site choices', () => siteChoicesItem.setValue(choices.value));
    notes.push(...choices.reset);
  }
  if (notes.length > 0) await addRepairNotes(notes);
  return notes;
}

export async function addRepairNotes(notes: string[]): Promise<void> {
  const seen = await repairNoticeItem.getValue().catch(() => [] as string[]);
  await repairNoticeItem.setValue([...new Set([...seen, ...notes])]).catch(() => undefined);
}
