import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createServices } from '../../entrypoints/background/services';
import { OPTIONAL_SCRIPT_ID } from '../../entrypoints/background/site-access';
import { siteOfPattern, sitePatterns } from '../../src/sites/origins';
import { siteChoicesItem } from '../../src/storage/items';
import { fakeAccessApi } from '../helpers/fake-access';

const on = async () => Object.fromEntries(Object.entries(await siteChoicesItem.getValue()).map(([h, c]) => [h, c.on]));

describe('per-site access for sites off the curated list', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks for one site only: the host and its www form, over http and https', () => {
    expect(sitePatterns('example.org')).toEqual(['*://example.org/*', '*://www.example.org/*']);
    expect(siteOfPattern('*://www.example.org/*')).toBe('example.org');
    expect(siteOfPattern('https://blog.example.org/*')).toBe('blog.example.org');
    expect(siteOfPattern('*://*/*')).toBeNull();
    expect(siteOfPattern('<all_urls>')).toBeNull();
  });

  it('refuses to switch a site on before its permission is granted, and changes nothing', async () => {
    const fake = fakeAccessApi();
    const { access } = createServices({ api: fake.api });
    await expect(access.switchOn('example.org', 3)).rejects.toThrow(/no permission for example\.org/);
    expect(await on()).toEqual({});
    expect(fake.registered.size).toBe(0);
    expect(fake.injected).toEqual([]);
  });

  it('once granted: registers the content script for that site and reads the open tab at once', async () => {
    const fake = fakeAccessApi({
      tabs: { 3: 'https://www.example.org/a', 4: 'https://example.org/b', 5: 'https://other.test/' },
    });
    const { access } = createServices({ api: fake.api });
    fake.grant(sitePatterns('example.org'));
    await access.switchOn('example.org', 3);
    expect(await on()).toEqual({ 'example.org': true });
    expect(fake.registered.get(OPTIONAL_SCRIPT_ID)).toEqual(['*://example.org/*', '*://www.example.org/*']);
    expect([...fake.injected].sort()).toEqual([3, 4]);
  });

  it('switching off unregisters the script and gives the permission back', async () => {
    const fake = fakeAccessApi();
    const { access } = createServices({ api: fake.api });
    fake.grant([...sitePatterns('example.org'), ...sitePatterns('news.test')]);
    await access.switchOn('example.org');
    await access.switchOn('news.test');
    expect(fake.registered.get(OPTIONAL_SCRIPT_ID)).toHaveLength(4);
    await access.switchOff('example.org');
    expect(fake.registered.get(OPTIONAL_SCRIPT_ID)).toEqual(['*://news.test/*', '*://www.news.test/*']);
    expect([...fake.granted]).toEqual(sitePatterns('news.test'));
    expect(await on()).toEqual({ 'example.org': false, 'news.test': true });
    await access.switchOff('news.test');
    expect(fake.registered.has(OPTIONAL_SCRIPT_ID)).toBe(false);
    expect(fake.granted.size).toBe(0);
  });

  it('a curated site needs no permission and is never registered by hand', async () => {
    const fake = fakeAccessApi();
    const { access } = createServices({ api: fake.api });
    await access.switchOff('reuters.com');
    await access.switchOn('reuters.com');
    expect(await on()).toEqual({ 'reuters.com': true });
    expect(fake.registered.size).toBe(0);
    expect(await access.hasAccess('reuters.com')).toBe(true);
    expect(await access.hasAccess('example.org')).toBe(false);
  });

  it('registers again on start-up exactly the granted sites that are on', async () => {
    await siteChoicesItem.setValue({
      'example.org': { on: true, at: 1 },
      'paused.test': { on: false, at: 2 },
      'lost.test': { on: true, at: 3 },
    });
    // lost.test's permission was taken back while the browser was closed.
    const fake = fakeAccessApi({ granted: [...sitePatterns('example.org'), ...sitePatterns('paused.test')] });
    const { access } = createServices({ api: fake.api });
    expect(await access.sync()).toEqual(sitePatterns('example.org'));
    expect(fake.registered.get(OPTIONAL_SCRIPT_ID)).toEqual(sitePatterns('example.org'));
    // Running again, even several at once, leaves one registration and no error.
    await Promise.all([access.sync(), access.sync(), access.sync()]);
    expect(fake.registered.get(OPTIONAL_SCRIPT_ID)).toEqual(sitePatterns('example.org'));
  });

  it('follows permissions granted or revoked in the browser’s own controls', async () => {
    const fake = fakeAccessApi({ tabs: { 9: 'http://example.org/story' } });
    const { access } = createServices({ api: fake.api });
    fake.grant(sitePatterns('example.org'));
    await access.onGranted(sitePatterns('example.org'));
    expect(await on()).toEqual({ 'example.org': true });
    expect(fake.registered.get(OPTIONAL_SCRIPT_ID)).toEqual(sitePatterns('example.org'));
    expect(fake.injected).toEqual([9]);

    fake.granted.clear();
    await access.onRevoked(sitePatterns('example.org'));
    expect(await on()).toEqual({ 'example.org': false });
    expect(fake.registered.has(OPTIONAL_SCRIPT_ID)).toBe(false);
  });

  it('forgetting a site drops the choice and, off the list, the permission', async () => {
    const fake = fakeAccessApi();
    const { access } = createServices({ api: fake.api });
    fake.grant(sitePatterns('example.org'));
    await access.switchOn('example.org');
    await access.switchOff('reuters.com');
    await access.forget('example.org');
    await access.forget('reuters.com');
    expect(await on()).toEqual({});
    expect(fake.granted.size).toBe(0);
    expect(fake.registered.size).toBe(0);
  });
});
