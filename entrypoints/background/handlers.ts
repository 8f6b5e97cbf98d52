import { type Browser, browser } from 'wxt/browser';
import type { Engine } from '../../src/analysis/engine';
import type { Reply, Request, RequestOf, Responses } from '../../src/messaging/protocol';
import { hostOf } from '../../src/sites/host';
import { isSiteEnabled } from '../../src/sites/site-enabled';
import { siteChoicesItem } from '../../src/storage/items';
import { getTabState, setTabState } from './tab-states';

type Sender = Browser.runtime.MessageSender;

/** Who may send what: page-side messages come from our content script in a tab, UI ones from our pages. */
function senderAllowed(request: Request, sender: Sender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const fromOurPage = typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
  if (request.type === 'analyze' || request.type === 'page-status') return sender.tab?.id !== undefined && !fromOurPage;
  return fromOurPage;
}

export function createHandlers(engine: () => Engine) {
  const handlers: { [T in Request['type']]: (req: RequestOf<T>, sender: Sender) => Promise<Responses[T]> } = {
    async analyze(req, sender) {
      const tabId = sender.tab?.id as number;
      const host = hostOf(req.url) ?? '';
      const enabled = isSiteEnabled(host, await siteChoicesItem.getValue());
      if (!enabled) throw new Error(`Dramatis is switched off for ${host}`);
      const analysis = engine().analyze(req.text, req.published);
      await setTabState(tabId, {
        status: 'article',
        url: req.url,
        host,
        siteEnabled: true,
        title: req.title,
        published: req.published,
        analysis,
      });
      await setBadge(tabId, analysis.cast.length);
      return analysis;
    },

    async 'page-status'(req, sender) {
      const tabId = sender.tab?.id as number;
      const host = hostOf(req.url) ?? '';
      await setTabState(tabId, {
        status: req.status,
        url: req.url,
        host,
        siteEnabled: isSiteEnabled(host, await siteChoicesItem.getValue()),
        detail: req.detail,
      });
      await setBadge(tabId, 0);
      return null;
    },

    async 'tab-state'(req) {
      const choices = await siteChoicesItem.getValue();
      // The content script reports each page it reads; the state is cleared when the tab navigates.
      const known = await getTabState(req.tabId);
      if (known) return { ...known, siteEnabled: known.host !== '' && isSiteEnabled(known.host, choices) };
      // Nothing reported: the tab's URL is readable here only through activeTab (the toolbar click).
      const tab = await browser.tabs.get(req.tabId).catch(() => undefined);
      const url = tab?.url ?? '';
      const host = hostOf(url) ?? '';
      if (!host) return { status: 'not-article', url, host, siteEnabled: false };
      const siteEnabled = isSiteEnabled(host, choices);
      return { status: siteEnabled ? 'loading' : 'disabled', url, host, siteEnabled };
    },

    async profile(req) {
      const entity = engine().entity(req.id);
      if (!entity) throw new Error(`unknown entity "${req.id}"`);
      return entity;
    },

    async 'set-site'(req) {
      // Read-modify-write inside one call: two tabs switching at once each keep their change.
      await updateChoices((choices) => ({ ...choices, [req.host]: req.enabled }));
      return { host: req.host, enabled: req.enabled };
    },
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

let chain: Promise<unknown> = Promise.resolve();
/** Serializes writes to the site choices so concurrent toggles never overwrite each other. */
function updateChoices(change: (c: Record<string, boolean>) => Record<string, boolean>): Promise<void> {
  const next = chain.then(async () => siteChoicesItem.setValue(change(await siteChoicesItem.getValue())));
  chain = next.catch(() => undefined);
  return next;
}

async function setBadge(tabId: number, count: number): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action?.setBadgeText({ tabId, text: count > 0 ? String(count) : '' }).catch(() => undefined);
  await action?.setBadgeBackgroundColor({ tabId, color: '#3b4a6b' }).catch(() => undefined);
}
