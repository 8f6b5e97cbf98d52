import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { switchSite } from '../../entrypoints/popup/site-switch';
import type { TabState } from '../../src/messaging/protocol';

const state = (host: string, curated: boolean, access: boolean): TabState => ({
  status: 'disabled',
  url: `https://${host}/story`,
  host,
  siteEnabled: false,
  curated,
  access,
});

describe('the popup’s site switch', () => {
  let sent: unknown[];
  beforeEach(() => {
    fakeBrowser.reset();
    sent = [];
    fakeBrowser.runtime.onMessage.addListener((message, _sender, reply: (r: unknown) => void) => {
      sent.push(message);
      reply({ ok: true, value: null });
      return true;
    });
  });

  it('asks the browser for that one site before switching it on, and passes the tab to read at once', async () => {
    const request = vi.fn(async () => true);
    fakeBrowser.permissions.request = request;
    expect(await switchSite(state('example.org', false, false), true, 12)).toBeNull();
    expect(request).toHaveBeenCalledWith({ origins: ['*://example.org/*', '*://www.example.org/*'] });
    expect(sent).toEqual([{ type: 'set-site', host: 'example.org', enabled: true, tabId: 12 }]);
  });

  it('changes nothing when the person declines', async () => {
    fakeBrowser.permissions.request = vi.fn(async () => false);
    expect(await switchSite(state('example.org', false, false), true, 12)).toBe(
      'Dramatis stays off for example.org: the browser did not grant access.',
    );
    expect(sent).toEqual([]);
  });

  it('asks nothing for a curated site, or to switch off', async () => {
    const request = vi.fn(async () => true);
    fakeBrowser.permissions.request = request;
    await switchSite(state('reuters.com', true, true), true, 3);
    await switchSite(state('example.org', false, true), false, 3);
    expect(request).not.toHaveBeenCalled();
    expect(sent).toEqual([
      { type: 'set-site', host: 'reuters.com', enabled: true, tabId: 3 },
      { type: 'set-site', host: 'example.org', enabled: false, tabId: 3 },
    ]);
  });
});
