import { type Browser, browser } from 'wxt/browser';

/**
 * The popup page at one entity's profile, for the tab whose article it came from. The popup
 * reads `tab` (whose cast to show) and `entity` (whose profile to open) from its address.
 */
export function profileUrl(tabId: number, entityId: string): string {
  const query = new URLSearchParams({ tab: String(tabId), entity: entityId });
  return browser.runtime.getURL(`/popup.html?${query}`);
}

/**
 * Opens the full profile from a hover card. A tab of its own, right after the article's, works
 * in every browser and needs no permission; `action.openPopup()` would need a focused window
 * and a user gesture that a message from the page no longer carries.
 */
export async function openProfileTab(from: Browser.tabs.Tab, entityId: string): Promise<void> {
  if (from.id === undefined) throw new Error('the card is not in a tab');
  await browser.tabs.create({
    url: profileUrl(from.id, entityId),
    index: from.index + 1,
    openerTabId: from.id,
    active: true,
  });
}
