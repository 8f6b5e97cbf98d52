import { browser } from 'wxt/browser';
import { createEngine, type Engine } from '../../src/analysis/engine';
import { bundledDataset } from '../../src/dataset/bundled';
import { parseRequest } from '../../src/messaging/protocol';
import { createHandlers } from './handlers';
import { clearTabState } from './tab-states';

export default defineBackground(() => {
  // Built on first use: a cold worker answering a popup does not need the matcher.
  let engine: Engine | undefined;
  const getEngine = () => {
    engine ??= createEngine(bundledDataset());
    return engine;
  };
  const handle = createHandlers(getEngine);

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
    const parsed = parseRequest(message);
    if (!parsed.ok) {
      sendResponse({ ok: false, error: parsed.error });
      return false;
    }
    handle(parsed.request, sender).then(sendResponse, (err: unknown) =>
      sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
    return true;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void clearTabState(tabId);
  });
  // A tab that starts loading a new page no longer shows the old page's cast.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void clearTabState(tabId);
  });
});
