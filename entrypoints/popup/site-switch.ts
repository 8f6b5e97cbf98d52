import { browser } from 'wxt/browser';
import { send } from '../../src/messaging/client';
import type { TabState } from '../../src/messaging/protocol';
import { sitePatterns } from '../../src/sites/origins';

/**
 * Switches Dramatis on or off for the tab's site. Off the curated list, "on" first asks the
 * browser for that site's permission alone; the request must be the first thing the click
 * does, or the browser refuses it for want of a user gesture. Returns a sentence to show when
 * nothing changed.
 */
export async function switchSite(state: TabState, on: boolean, tabId: number): Promise<string | null> {
  if (on && !state.curated && !state.access) {
    const granted = await browser.permissions.request({ origins: sitePatterns(state.host) });
    if (!granted) return `Dramatis stays off for ${state.host}: the browser did not grant access.`;
  }
  await send({ type: 'set-site', host: state.host, enabled: on, tabId });
  return null;
}
