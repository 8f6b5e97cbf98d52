import { type Browser, browser } from 'wxt/browser';
import type { Engine } from '../../src/analysis/engine';
import type { Reply, Request, RequestOf, Responses, TabState } from '../../src/messaging/protocol';
import { WORKER_MEASURE } from '../../src/page/timeline';
import { hostOf } from '../../src/sites/host';
import { needsOwnPermission } from '../../src/sites/origins';
import { isSiteEnabled } from '../../src/sites/site-enabled';
import { openProfileTab } from './open-profile';
import { createOptionsHandlers } from './options-handlers';
import { createServices, type Services } from './services';
import { getTabState, setTabState } from './tab-states';

type Sender = Browser.runtime.MessageSender;

/** Who may send what: page-side messages come from our content script in a tab, UI ones from our pages. */
function senderAllowed(request: Request, sender: Sender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const fromOurPage = typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
  if (
    request.type === 'analyze' ||
    request.type === 'parse-copy' ||
    request.type === 'page-status' ||
    request.type === 'frame-may-read' ||
    request.type === 'open-profile'
  )
    return sender.tab?.id !== undefined && !fromOurPage;
  return fromOurPage;
}

/** How long a frame waits for the page around it to be read before it gives up. */
const FRAME_WAIT_MS = 10_000;
const FRAME_POLL_MS = 100;
/** States that settle what the page itself holds. */
const PAGE_VERDICTS = new Set<TabState['status']>([
  'article',
  'not-article',
  'failed',
  'too-large',
  'disabled',
  'paused',
]);

export function createHandlers(engine: () => Engine | Promise<Engine>, services: Services = createServices()) {
  const handlers: { [T in Request['type']]: (req: RequestOf<T>, sender: Sender) => Promise<Responses[T]> } = {
    async analyze(req, sender) {
      const tabId = sender.tab?.id as number;
      const frameId = sender.frameId ?? 0;
      // An article read in a frame belongs to the page around it: that page's site is the one
      // the person switches on or off (its address is known here where we may read the page).
      const host = (frameId !== 0 ? hostOf(sender.tab?.url ?? '') : null) ?? hostOf(req.url) ?? '';
      const [settings, choices, ready] = await Promise.all([services.readSettings(), services.readChoices(), engine()]);
      if (settings.paused) throw new Error('Dramatis is paused');
      if (!isSiteEnabled(host, choices)) throw new Error(`Dramatis is switched off for ${host}`);
      const started = performance.now();
      const analysis = ready.analyze(req.text, req.published);
      // On the worker's timeline (DevTools, the sweep): what matching this page cost here.
      performance.measure(WORKER_MEASURE, { start: started, detail: req.url });
      // The page is waiting to paint: answer first. The tab's state is in memory at once (the
      // popup reads it there); its copy in session storage and the badge follow.
      void setTabState(tabId, {
        status: 'article',
        url: req.url,
        host,
        siteEnabled: true,
        title: req.title,
        published: req.published,
        analysis,
        ...(frameId !== 0 ? { frameId } : {}),
      }).catch((err: unknown) => console.error('Dramatis could not keep the tab state', err));
      void setBadge(tabId, analysis.cast.length);
      return analysis;
    },

    async 'parse-copy'(req) {
      if (!services.parseCopy) throw new Error('Pages cannot be parsed off their thread in this browser.');
      return services.parseCopy(req.copy);
    },

    async 'page-status'(req, sender) {
      const tabId = sender.tab?.id as number;
      // What a frame makes of itself never replaces what is known of the page.
      if ((sender.frameId ?? 0) !== 0) return null;
      const host = hostOf(req.url) ?? '';
      await setTabState(tabId, {
        status: req.status,
        url: req.url,
        host,
        siteEnabled: isSiteEnabled(host, await services.readChoices()),
        detail: req.detail,
      });
      await setBadge(tabId, 0);
      return null;
    },

    async 'frame-may-read'(_req, sender) {
      const tabId = sender.tab?.id as number;
      if ((sender.frameId ?? 0) === 0) return false;
      const deadline = Date.now() + FRAME_WAIT_MS;
      for (;;) {
        const known = await getTabState(tabId);
        // Another frame already holds the article: one article per page.
        if (known?.frameId !== undefined) return false;
        if (known && PAGE_VERDICTS.has(known.status)) return known.status === 'not-article';
        // The page has not been read yet (or is not ours to read): wait for it, within reason.
        if (Date.now() >= deadline) return false;
        await new Promise((done) => setTimeout(done, FRAME_POLL_MS));
      }
    },

    async 'tab-state'(req) {
      const [choices, settings] = await Promise.all([services.readChoices(), services.readSettings()]);
      const paused = settings.paused;
      const about = async (host: string) => ({
        paused,
        curated: host !== '' && !needsOwnPermission(host),
        access: host !== '' && (await services.access.hasAccess(host).catch(() => false)),
      });
      // The content script reports each page it reads; the state is cleared when the tab navigates.
      const known = await getTabState(req.tabId);
      if (known) {
        const siteEnabled = known.host !== '' && isSiteEnabled(known.host, choices);
        // A pause or a switch made after the page was read wins over the old report.
        const stale = known.status === 'paused' || known.status === 'disabled';
        const status = paused ? 'paused' : !siteEnabled ? 'disabled' : stale ? 'loading' : known.status;
        return { ...known, status, siteEnabled, ...(await about(known.host)) };
      }
      // Nothing reported: the tab's URL is readable here only through activeTab (the toolbar click).
      const tab = await browser.tabs.get(req.tabId).catch(() => undefined);
      const url = tab?.url ?? '';
      const host = hostOf(url) ?? '';
      if (!host) return { status: 'not-article', url, host, siteEnabled: false, paused };
      const siteEnabled = isSiteEnabled(host, choices);
      const extra = await about(host);
      const status = paused ? 'paused' : siteEnabled && extra.access ? 'loading' : 'disabled';
      return { status, url, host, siteEnabled, ...extra };
    },

    async profile(req) {
      const entity = (await engine()).entity(req.id);
      if (!entity) throw new Error(`unknown entity "${req.id}"`);
      return entity;
    },

    async 'open-profile'(req, sender) {
      if (!(await engine()).entity(req.id)) throw new Error(`unknown entity "${req.id}"`);
      await openProfileTab(sender.tab as Browser.tabs.Tab, req.id);
      return null;
    },

    ...createOptionsHandlers(services, engine),
  };

  return async function handle(request: Request, sender: Sender): Promise<Reply<Request['type']>> {
    if (!senderAllowed(request, sender))
      return { ok: false, error: `message "${request.type}" is not accepted from this sender` };
    try {
      const handler = handlers[request.type] as (req: Request, sender: Sender) => Promise<Responses[Request['type']]>;
      return { ok: true, value: await handler(request, sender) };
    } catch (err) {
      return { ok: false, error: (err as Error).message };
    }
  };
}

async function setBadge(tabId: number, count: number): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action?.setBadgeText({ tabId, text: count > 0 ? String(count) : '' }).catch(() => undefined);
  await action?.setBadgeBackgroundColor({ tabId, color: '#3b4a6b' }).catch(() => undefined);
}
