import { browser } from 'wxt/browser';
import type { ContentRequest, ContentResponses } from '../../src/messaging/protocol';

/** Asks the page to scroll to a cast member's next mention and flash it; says where it got to. */
export async function revealMention(tabId: number, member: number, frameId = 0): Promise<string> {
  const request: ContentRequest = { type: 'reveal-mention', member };
  let reply: ContentResponses['reveal-mention'] | undefined;
  try {
    // Only the frame the article was read in answers (the page itself, unless it was in a frame).
    reply = await browser.tabs.sendMessage(tabId, request, { frameId });
  } catch {
    return 'The page did not answer; reload it and try again.';
  }
  if (!reply || reply.total === 0) return 'That mention is no longer marked in the page.';
  return `Showing mention ${reply.index + 1} of ${reply.total} in the page.`;
}
