import { browser } from 'wxt/browser';
import type { TabState } from '../../src/messaging/protocol';

/**
 * What is known about each tab. Kept in memory and mirrored to session storage, because an
 * MV3 service worker is stopped when idle and the popup may ask after it restarts.
 */
const KEY_PREFIX = 'tab:';
const memory = new Map<number, TabState>();

export async function getTabState(tabId: number): Promise<TabState | undefined> {
  const cached = memory.get(tabId);
  if (cached) return cached;
  const key = `${KEY_PREFIX}${tabId}`;
  const stored = (await browser.storage.session.get(key))[key] as TabState | undefined;
  if (stored) memory.set(tabId, stored);
  return stored;
}

export async function setTabState(tabId: number, state: TabState): Promise<void> {
  memory.set(tabId, state);
  await browser.storage.session.set({ [`${KEY_PREFIX}${tabId}`]: state });
}

export async function clearTabState(tabId: number): Promise<void> {
  memory.delete(tabId);
  await browser.storage.session.remove(`${KEY_PREFIX}${tabId}`);
}
