import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../entrypoints/background/handlers';
import { createServices } from '../../entrypoints/background/services';
import { parseRequest } from '../../src/messaging/protocol';
import { sitePatterns } from '../../src/sites/origins';
import { isSiteEnabled } from '../../src/sites/site-enabled';
import { siteChoicesItem } from '../../src/storage/items';
import { realEngine } from '../helpers/dataset';
import { fakeAccessApi } from '../helpers/fake-access';

const EXTENSION_ID = 'test-extension';
const contentSender = { id: EXTENSION_ID, tab: { id: 7 } as never, url: 'https://www.reuters.com/world/x' };
const popupSender = () => ({ id: EXTENSION_ID, url: fakeBrowser.runtime.getURL('/popup.html') });

describe('background message handling', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    (fakeBrowser.runtime as { id: string }).id = EXTENSION_ID;
  });

  it('refuses malformed and oversized messages with a clear error', () => {
    for (const bad of [
      null,
      42,
      'analyze',
      {},
      { type: 'nope' },
      { type: 'analyze', text: 5 },
      { type: 'tab-state', tabId: -1 },
    ]) {
      const parsed = parseRequest(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/^invalid message/);
    }
    const huge = parseRequest({
      type: 'analyze',
      url: 'https://x.test/',
      title: '',
      text: 'a'.repeat(2_000_001),
      published: null,
    });
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.error).toContain('2000000');
  });

  it('analyzes an article from the content script and remembers it for the popup', async () => {
    const handle = createHandlers(realEngine);
    const text = 'Deputy Attorney General Rod Rosenstein met Home Secretary Amber Rudd. Rosenstein then left.';
    const request = parseRequest({
      type: 'analyze',
      url: contentSender.url,
      title: 'T',
      text,
      published: '2017-10-12',
    });
    if (!request.ok) throw new Error(request.error);
    const reply = await handle(request.request, contentSender);
    expect(reply.ok).toBe(true);
    if (!reply.ok || !('cast' in (reply.value as object))) throw new Error('no analysis');
    const analysis = reply.value as { cast: { id: string; mentions: number; roleThen?: { label: string } }[] };
    expect(analysis.cast.map((m) => [m.id, m.mentions])).toEqual([
      ['rod-rosenstein', 2],
      ['amber-rudd', 1],
    ]);
    expect(analysis.cast[0]?.roleThen?.label).toContain('Deputy Attorney General');

    const state = await handle({ type: 'tab-state', tabId: 7 }, popupSender());
    expect(state.ok && (state.value as { status: string }).status).toBe('article');
  });

  it('lets a frame read only when the page around it holds no article, and keeps what the page said', async () => {
    const handle = createHandlers(realEngine);
    const frame = { ...contentSender, frameId: 3, url: 'https://www.reuters.com/reader/story' };
    const page = { ...contentSender, frameId: 0 };

    // The page itself never asks; a frame asking about a page that was an article is told no.
    expect(await handle({ type: 'frame-may-read' }, page)).toEqual({ ok: true, value: false });
    await handle(
      { type: 'analyze', url: contentSender.url, title: 'T', text: 'Ofcom published its codes.', published: null },
      page,
    );
    expect(await handle({ type: 'frame-may-read' }, frame)).toEqual({ ok: true, value: false });

    // A page that holds no article lets a frame read; the frame's article becomes the tab's.
    await handle({ type: 'page-status', url: contentSender.url, status: 'not-article' }, page);
    expect(await handle({ type: 'frame-may-read' }, frame)).toEqual({ ok: true, value: true });
    const text = 'Melanie Dawes, chief executive of Ofcom, set out the codes.';
    await handle({ type: 'analyze', url: frame.url, title: 'T', text, published: null }, frame);
    const state = await handle({ type: 'tab-state', tabId: 7 }, popupSender());
    expect(state.ok && (state.value as { frameId?: number; status: string })).toMatchObject({
      status: 'article',
      frameId: 3,
    });
    // One article per page: a second frame is told no, and a frame's own "not an article"
    // does not replace what is known.
    expect(await handle({ type: 'frame-may-read' }, { ...frame, frameId: 4 })).toEqual({ ok: true, value: false });
    await handle({ type: 'page-status', url: frame.url, status: 'not-article' }, { ...frame, frameId: 4 });
    const after = await handle({ type: 'tab-state', tabId: 7 }, popupSender());
    expect(after.ok && (after.value as { status: string }).status).toBe('article');
  });

  it('accepts page messages only from a tab, and UI messages only from our pages', async () => {
    const handle = createHandlers(realEngine);
    const fromPage = await handle({ type: 'set-site', host: 'reuters.com', enabled: false }, contentSender);
    expect(fromPage).toEqual({ ok: false, error: 'message "set-site" is not accepted from this sender' });
    const foreign = await handle({ type: 'tab-state', tabId: 1 }, { id: 'someone-else', url: 'https://evil.test/' });
    expect(foreign.ok).toBe(false);
  });

  it('persists site choices, and concurrent switches keep every change', async () => {
    // example.org is off the curated list: its permission was granted when the person switched it on.
    const access = fakeAccessApi({ granted: sitePatterns('example.org') });
    const handle = createHandlers(realEngine, createServices({ api: access.api }));
    await Promise.all([
      handle({ type: 'set-site', host: 'reuters.com', enabled: false }, popupSender()),
      handle({ type: 'set-site', host: 'example.org', enabled: true }, popupSender()),
      handle({ type: 'set-site', host: 'bbc.co.uk', enabled: false }, popupSender()),
    ]);
    const choices = await siteChoicesItem.getValue();
    expect(Object.fromEntries(Object.entries(choices).map(([host, c]) => [host, c.on]))).toEqual({
      'reuters.com': false,
      'example.org': true,
      'bbc.co.uk': false,
    });
    expect(isSiteEnabled('reuters.com', choices)).toBe(false);
    expect(isSiteEnabled('example.org', choices)).toBe(true);
    expect(isSiteEnabled('theguardian.com', choices)).toBe(true);
    expect(isSiteEnabled('unknown.example', choices)).toBe(false);
    const refused = await handle(
      { type: 'analyze', url: 'https://www.reuters.com/a', title: '', text: 'Rod Rosenstein', published: null },
      contentSender,
    );
    expect(refused).toEqual({ ok: false, error: 'Dramatis is switched off for reuters.com' });
  });

  it('answers an unknown profile with an error, not a crash', async () => {
    const handle = createHandlers(realEngine);
    expect(await handle({ type: 'profile', id: 'nobody' }, popupSender())).toEqual({
      ok: false,
      error: 'unknown entity "nobody"',
    });
    const found = await handle({ type: 'profile', id: 'amber-rudd' }, popupSender());
    expect(found.ok && (found.value as { name: string }).name).toBe('Amber Rudd');
  });
});
