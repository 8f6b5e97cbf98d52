import { browser } from 'wxt/browser';
import { parseListedCopy } from '../../src/article/parse-elsewhere';
import { asOffscreenParse } from '../../src/messaging/offscreen';

// Chromium's offscreen document: parses the copies of pages too big to parse on their own
// thread (see parse-elsewhere.ts). It answers only its own worker, and only its own request.
browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
  const request = asOffscreenParse(message);
  if (!request || sender.id !== browser.runtime.id || sender.tab) return false;
  sendResponse(parseListedCopy(request.copy));
  return false;
});
