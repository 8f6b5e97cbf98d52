import { browser } from 'wxt/browser';
import { send } from '../../src/messaging/client';
import type { TabState } from '../../src/messaging/protocol';
import { renderProfile } from './render-profile';
import { renderState } from './render-state';

/** The tab the popup describes: the active one, or ?tab=ID when opened as a page (tests, a11y tools). */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const view = document.getElementById('view') as HTMLElement;
const toggle = document.getElementById('site-toggle') as HTMLInputElement;
const toggleLabel = document.getElementById('site-label') as HTMLElement;

async function refresh(tabId: number): Promise<TabState> {
  const state = await send({ type: 'tab-state', tabId });
  toggle.disabled = !state.host;
  toggle.checked = state.siteEnabled;
  toggleLabel.textContent = state.host ? `${state.siteEnabled ? 'On' : 'Off'} for ${state.host}` : 'Not a web page';
  view.replaceChildren(
    renderState(document, state, async (id) => {
      const profile = await send({ type: 'profile', id });
      view.replaceChildren(renderProfile(document, profile, state.published ?? null, () => void refresh(tabId)));
    }),
  );
  return state;
}

async function main() {
  const tabId = await targetTabId();
  if (tabId === undefined) {
    view.textContent = 'No tab to describe.';
    return;
  }
  let state = await refresh(tabId);
  toggle.addEventListener('change', async () => {
    toggle.disabled = true;
    try {
      await send({ type: 'set-site', host: state.host, enabled: toggle.checked });
    } finally {
      // The content script reacts to the stored choice; give it a moment, then show the result.
      setTimeout(async () => {
        state = await refresh(tabId);
      }, 400);
    }
  });
}

main().catch((err: unknown) => {
  view.textContent = `Something went wrong: ${err instanceof Error ? err.message : String(err)}`;
});
