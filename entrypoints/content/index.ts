import { siteKey } from '../../src/sites/host';
import { NEWS_SITE_MATCHES } from '../../src/sites/news-sites';
import { isSiteEnabled } from '../../src/sites/site-enabled';
import { siteChoicesItem } from '../../src/storage/items';
import './highlights.css';
import { send } from '../../src/messaging/client';
import { type Annotation, annotatePage } from './annotate-page';

export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    // Only the top page: an article inside a frame is a later feature.
    if (window.top !== window) return;
    const host = siteKey(location.hostname);
    let annotation: Annotation | null = null;
    let busy = false;

    const start = () => {
      if (busy) return;
      busy = true;
      void annotatePage(window)
        .then((a) => {
          if (ctx.isInvalid) a?.remove();
          else annotation = a;
        })
        .catch((err: unknown) => {
          void send({ type: 'page-status', url: location.href, status: 'failed', detail: String(err) }).catch(
            () => undefined,
          );
        })
        .finally(() => {
          busy = false;
        });
    };
    const stop = () => {
      annotation?.remove();
      annotation = null;
    };

    // Switching the site off in the popup removes everything at once; on again brings it back.
    const unwatch = siteChoicesItem.watch((choices) => {
      if (isSiteEnabled(host, choices ?? {})) {
        if (!annotation) start();
      } else {
        stop();
        void send({ type: 'page-status', url: location.href, status: 'disabled' }).catch(() => undefined);
      }
    });
    ctx.onInvalidated(() => {
      unwatch();
      stop();
    });

    if (isSiteEnabled(host, await siteChoicesItem.getValue())) start();
    else await send({ type: 'page-status', url: location.href, status: 'disabled' }).catch(() => undefined);
  },
});
