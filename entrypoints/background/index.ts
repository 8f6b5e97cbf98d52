import { browser } from 'wxt/browser';
import { bundledDataset } from '../../src/dataset/bundled';
import { parseRequest } from '../../src/messaging/protocol';
import { personalDatasetItem } from '../../src/storage/items';
import { addRepairNotes, repairNoticeItem, repairStoredValues } from '../../src/storage/repair-stored';
import { forwardCommand } from './commands';
import { createCopyParser } from './copy-parser';
import { createDatasetStore } from './dataset-store';
import { createHandlers } from './handlers';
import { createServices } from './services';
import { clearTabState } from './tab-states';

export default defineBackground(() => {
  // The matcher is built on first use: a cold worker answering a popup does not need it.
  const dataset = createDatasetStore(bundledDataset, personalDatasetItem, (note) => void addRepairNotes([note]));
  const repaired = repairStoredValues().catch((err: unknown) => {
    console.error('Dramatis could not check its stored settings', err);
    return [];
  });
  const services = createServices({
    dataset,
    cacheReads: true,
    parseCopy: createCopyParser(),
    repairNotes: async () => {
      await repaired;
      return repairNoticeItem.getValue();
    },
  });
  const handle = createHandlers(dataset.engine, services);

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

  // Sites switched on by hand: registered again whenever the worker starts (the registration is
  // not persisted), and kept in step with permissions granted or taken back in the browser's UI.
  void repaired.then(() => services.access.sync()).catch((err: unknown) => console.error('Dramatis: sync failed', err));
  browser.permissions.onAdded.addListener((p) => {
    services.access.onGranted(p.origins ?? []).catch((err: unknown) => console.error('Dramatis: grant failed', err));
  });
  browser.permissions.onRemoved.addListener((p) => {
    services.access.onRevoked(p.origins ?? []).catch((err: unknown) => console.error('Dramatis: revoke failed', err));
  });

  // Keyboard shortcuts (manifest `commands`): step through the mentions in the page.
  browser.commands?.onCommand.addListener((command, tab) => {
    void forwardCommand(command, tab);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void clearTabState(tabId);
  });
  // A tab that starts loading a new page no longer shows the old page's cast.
  // A page starting to load is also the moment to get the matcher ready (built once per worker
  // life, ~10 ms): it is then built while the page loads rather than while the page waits for
  // its marks. A worker woken only by the popup still does not build it.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    void clearTabState(tabId);
    Promise.resolve(dataset.engine()).catch(() => undefined);
  });
});
