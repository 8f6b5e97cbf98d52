import { browser } from 'wxt/browser';
import { siteKey } from '../../src/sites/host';
import { NEWS_SITE_MATCHES } from '../../src/sites/news-sites';
import { isSiteEnabled } from '../../src/sites/site-enabled';
import { settingsItem, siteChoicesItem } from '../../src/storage/items';
import { readSettings, readSiteChoices } from '../../src/storage/read';
import { repairSettings } from '../../src/storage/settings';
import './highlights.css';
import { send } from '../../src/messaging/client';
import { type ContentRequest, parseContentRequest } from '../../src/messaging/protocol';
import { frameMayHoldTheArticle } from './frame-gate';
import { createPageSession } from './page-session';

export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  // Frames too, but a frame is read only when it holds the page's article (see frame-gate.ts).
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    const inFrame = window.top !== window;
    if (inFrame && !(await frameMayHoldTheArticle(window))) return;
    const host = siteKey(location.hostname);
    let [settings, choices] = await Promise.all([readSettings(), readSiteChoices()]);
    const shouldRun = () => !settings.paused && isSiteEnabled(host, choices);
    const session = createPageSession(window, ctx, () => settings);

    // Only the page speaks for the tab; a frame that stops simply stops.
    const reportIdle = async () => {
      if (inFrame) return;
      await send({ type: 'page-status', url: location.href, status: settings.paused ? 'paused' : 'disabled' }).catch(
        () => undefined,
      );
    };
    // Switching the site off or pausing removes everything at once; on again brings it back.
    // Display settings (style, types, hover or click) apply to the marks already on the page.
    const reconcile = () => {
      if (!shouldRun()) {
        session.stop();
        void reportIdle();
      } else if (!session.running) session.start();
      else session.applySettings();
    };
    const unwatchChoices = siteChoicesItem.watch((next) => {
      choices = (next ?? {}) as typeof choices;
      reconcile();
    });
    const unwatchSettings = settingsItem.watch((next) => {
      settings = repairSettings(next).value;
      reconcile();
    });

    // Requests from our own extension: the popup's mention counts, and the keyboard shortcut
    // the background passes on. Anything else, or anything malformed, is ignored.
    const answer = (request: ContentRequest) =>
      request.type === 'reveal-mention' ? session.reveal(request.member) : session.step(request.direction);
    const onMessage = (message: unknown, sender: { id?: string; url?: string }, reply: (r: unknown) => void) => {
      if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) return false;
      const parsed = parseContentRequest(message);
      if (!parsed.ok) return false;
      reply(session.running ? answer(parsed.request) : { index: -1, total: 0 });
      return false;
    };
    browser.runtime.onMessage.addListener(onMessage);

    ctx.onInvalidated(() => {
      unwatchChoices();
      unwatchSettings();
      browser.runtime.onMessage.removeListener(onMessage);
    });

    if (shouldRun()) session.start();
    else await reportIdle();
  },
});
