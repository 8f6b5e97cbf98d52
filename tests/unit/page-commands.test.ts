import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forwardCommand, MENTION_COMMANDS } from '../../entrypoints/background/commands';
import { createHandlers } from '../../entrypoints/background/handlers';
import { profileUrl } from '../../entrypoints/background/open-profile';
import { clearTabState, setTabState } from '../../entrypoints/background/tab-states';
import { parseContentRequest, parseRequest } from '../../src/messaging/protocol';
import { realEngine } from '../helpers/dataset';

const EXTENSION_ID = 'test-extension';
const tab = { id: 7, index: 2, windowId: 1, active: true } as never;
const contentSender = { id: EXTENSION_ID, tab, url: 'https://www.reuters.com/world/x' };
const popupSender = () => ({ id: EXTENSION_ID, url: fakeBrowser.runtime.getURL('/popup.html') });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('keyboard shortcuts', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    (fakeBrowser.runtime as { id: string }).id = EXTENSION_ID;
  });

  it('passes each shortcut to the tab it was pressed in, as a message the page validates', async () => {
    await clearTabState(12);
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ index: 0, total: 3 } as never);
    expect(await forwardCommand('next-mention', { id: 12 } as never)).toBe(true);
    expect(await forwardCommand('previous-mention', { id: 12 } as never)).toBe(true);
    expect(sent.mock.calls).toEqual([
      [12, { type: 'step-mention', direction: 'next' }, { frameId: 0 }],
      [12, { type: 'step-mention', direction: 'previous' }, { frameId: 0 }],
    ]);
    for (const request of Object.values(MENTION_COMMANDS)) expect(parseContentRequest(request).ok).toBe(true);
  });

  it('uses the active tab when the browser does not name one', async () => {
    const win = await fakeBrowser.windows.create({ focused: true });
    const created = await fakeBrowser.tabs.create({
      url: 'https://www.reuters.com/a',
      active: true,
      windowId: win?.id,
    });
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    expect(await forwardCommand('next-mention')).toBe(true);
    expect(sent).toHaveBeenCalledWith(created.id, { type: 'step-mention', direction: 'next' }, { frameId: 0 });
  });

  it('goes to the frame the article was read in', async () => {
    await setTabState(12, {
      status: 'article',
      url: 'https://www.reuters.com/r',
      host: 'reuters.com',
      siteEnabled: true,
      frameId: 5,
    });
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    expect(await forwardCommand('next-mention', { id: 12 } as never)).toBe(true);
    expect(sent).toHaveBeenCalledWith(12, { type: 'step-mention', direction: 'next' }, { frameId: 5 });
  });

  it('ignores other commands, and tabs where nobody listens', async () => {
    const sent = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockRejectedValue(new Error('Receiving end does not exist.'));
    expect(await forwardCommand('something-else', { id: 3 } as never)).toBe(false);
    expect(sent).not.toHaveBeenCalled();
    expect(await forwardCommand('next-mention', { id: 3 } as never)).toBe(false);
  });

  it('the page refuses malformed requests', () => {
    for (const bad of [
      { type: 'step-mention' },
      { type: 'step-mention', direction: 'sideways' },
      { type: 'step-mention', direction: 'next', extra: 1 },
      { type: 'reveal-mention', member: -1 },
      'step-mention',
      null,
    ])
      expect(parseContentRequest(bad).ok).toBe(false);
  });
});

describe('opening a profile from the card', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    (fakeBrowser.runtime as { id: string }).id = EXTENSION_ID;
  });

  it('opens the popup page at the profile in a tab next to the article', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const handle = createHandlers(realEngine);
    const request = parseRequest({ type: 'open-profile', id: 'rod-rosenstein' });
    if (!request.ok) throw new Error(request.error);
    expect(await handle(request.request, contentSender)).toEqual({ ok: true, value: null });
    expect(create).toHaveBeenCalledWith({
      url: profileUrl(7, 'rod-rosenstein'),
      index: 3,
      openerTabId: 7,
      active: true,
    });
    expect(new URL(profileUrl(7, 'rod-rosenstein')).search).toBe('?tab=7&entity=rod-rosenstein');
  });

  it('refuses an unknown entity, and the request from anywhere but a page', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const handle = createHandlers(realEngine);
    expect(await handle({ type: 'open-profile', id: 'nobody-at-all' }, contentSender)).toEqual({
      ok: false,
      error: 'unknown entity "nobody-at-all"',
    });
    expect((await handle({ type: 'open-profile', id: 'rod-rosenstein' }, popupSender())).ok).toBe(false);
    expect(create).not.toHaveBeenCalled();
    expect(parseRequest({ type: 'open-profile', id: '' }).ok).toBe(false);
    expect(parseRequest({ type: 'open-profile', id: 'x'.repeat(101) }).ok).toBe(false);
  });
});
