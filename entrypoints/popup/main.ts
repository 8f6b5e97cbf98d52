import { browser } from 'wxt/browser';
import { send } from '../../src/messaging/client';
import type { TabState } from '../../src/messaging/protocol';
import { el } from '../../src/page/dom';
import { castToMarkdown } from './cast-markdown';
import { revealMention } from './jump';
import { renderProfile } from './render-profile';
import { renderState } from './render-state';
import { switchSite } from './site-switch';

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
const pause = document.getElementById('pause') as HTMLButtonElement;
const notice = document.getElementById('notice') as HTMLElement;

const say = (text: string, isError = false) => {
  notice.textContent = text;
  notice.classList.toggle('notice--error', isError);
};
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** How long the popup keeps asking while the page is still being read. */
const POLL_MS = 500;
const POLL_LIMIT = 40;

async function main() {
  const found = await targetTabId();
  if (found === undefined) {
    view.textContent = 'No tab to describe.';
    return;
  }
  const tabId: number = found;
  let state: TabState;
  let polls = 0;
  let pollTimer = 0;

  const showHeader = () => {
    toggle.disabled = !state.host;
    toggle.checked = state.siteEnabled && (state.curated !== false || state.access === true);
    toggleLabel.textContent = state.host ? `${toggle.checked ? 'On' : 'Off'} for ${state.host}` : 'Not a web page';
    pause.setAttribute('aria-pressed', String(state.paused === true));
    pause.textContent = state.paused ? 'Resume' : 'Pause';
    pause.title = state.paused ? 'Read pages again' : 'Stop reading pages on every site';
  };

  const showCast = () => {
    view.replaceChildren(
      renderState(document, state, {
        open: (id) => void openProfile(id),
        jump: (member) => {
          void revealMention(tabId, member, state.frameId).then((text) => say(text));
        },
        copy: (button) => void copyCast(button),
        resume: () => void setPaused(false),
      }),
    );
  };

  async function refresh(): Promise<void> {
    window.clearTimeout(pollTimer);
    state = await send({ type: 'tab-state', tabId });
    showHeader();
    // Keep the reader's place: a refresh does not close an open profile.
    if (!view.querySelector('.profile')) showCast();
    if (state.status === 'loading' && polls++ < POLL_LIMIT)
      pollTimer = window.setTimeout(() => void refresh(), POLL_MS);
  }

  async function openProfile(id: string) {
    try {
      const profile = await send({ type: 'profile', id });
      const back = () => {
        showCast();
        (view.querySelector(`[data-id="${CSS.escape(id)}"] .member`) as HTMLElement | null)?.focus();
      };
      view.replaceChildren(
        renderProfile(
          document,
          profile,
          state.published ?? null,
          state.analysis?.topics ?? [],
          back,
          state.analysis?.cast.find((m) => m.id === id)?.roleThen,
        ),
      );
      (view.querySelector('#profile-name') as HTMLElement | null)?.focus();
    } catch (err) {
      say(errorText(err), true);
    }
  }

  async function copyCast(button: HTMLButtonElement) {
    const markdown = castToMarkdown(state);
    try {
      await navigator.clipboard.writeText(markdown);
      say(`Copied the cast of ${state.analysis?.cast.length ?? 0} as Markdown.`);
    } catch {
      // No clipboard access (a browser setting): show the text ready to copy by hand.
      const area = el(document, 'textarea', { class: 'markdown', 'aria-label': 'The cast as Markdown', rows: '8' });
      area.value = markdown;
      button.after(area);
      area.focus();
      area.select();
      say('Your browser blocked the clipboard: the Markdown is selected below, press Ctrl+C (⌘C) to copy it.');
    }
  }

  async function setPaused(paused: boolean) {
    pause.disabled = true;
    try {
      await send({ type: 'update-settings', patch: { paused } });
      say(paused ? 'Paused: Dramatis reads no page until you resume it.' : 'Resumed.');
      polls = 0;
      await refresh();
    } catch (err) {
      say(errorText(err), true);
    } finally {
      pause.disabled = false;
    }
  }

  await refresh();

  pause.addEventListener('click', () => void setPaused(!state.paused));
  document.getElementById('open-options')?.addEventListener('click', () => void browser.runtime.openOptionsPage());
  document.addEventListener('keydown', (event) => {
    const back = view.querySelector<HTMLButtonElement>('.profile .back');
    if (event.key === 'Escape' && back) {
      event.preventDefault();
      back.click();
    }
  });
  toggle.addEventListener('change', async () => {
    const on = toggle.checked;
    toggle.disabled = true;
    try {
      const problem = await switchSite(state, on, tabId);
      if (problem) say(problem, true);
      else say(on ? `Dramatis is on for ${state.host}.` : `Dramatis is off for ${state.host}.`);
    } catch (err) {
      say(errorText(err), true);
    } finally {
      // The page reacts to the stored choice; give it a moment, then show the result.
      window.setTimeout(() => {
        polls = 0;
        void refresh();
      }, 400);
    }
  });
}

main().catch((err: unknown) => {
  view.textContent = `Something went wrong: ${errorText(err)}`;
});
