import { type Browser, browser } from 'wxt/browser';
import type { ContentRequest } from '../../src/messaging/protocol';
import { getTabState } from './tab-states';

/** The keyboard shortcuts declared in the manifest's `commands`, and what each asks the page. */
export const MENTION_COMMANDS: Record<string, ContentRequest> = {
  'next-mention': { type: 'step-mention', direction: 'next' },
  'previous-mention': { type: 'step-mention', direction: 'previous' },
};

/**
 * Passes a shortcut on to the content script of the tab it was pressed in (the active tab when
 * the browser does not say). A tab without our content script (not a news page, or switched
 * off) simply has nobody to answer; that is not an error.
 */
export async function forwardCommand(command: string, tab?: Browser.tabs.Tab): Promise<boolean> {
  const request = MENTION_COMMANDS[command];
  if (!request) return false;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return false;
  try {
    // To the frame the article was read in: the page itself, unless the article was in a frame.
    const frameId = (await getTabState(tabId).catch(() => undefined))?.frameId ?? 0;
    await browser.tabs.sendMessage(tabId, request, { frameId });
    return true;
  } catch {
    return false;
  }
}
