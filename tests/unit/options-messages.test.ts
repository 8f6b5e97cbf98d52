import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../entrypoints/background/handlers';
import { createServices } from '../../entrypoints/background/services';
import { parseRequest, type Reply, type Request } from '../../src/messaging/protocol';
import { sitePatterns } from '../../src/sites/origins';
import { settingsItem, siteChoicesItem } from '../../src/storage/items';
import { DEFAULT_SETTINGS } from '../../src/storage/settings';
import { exportSettingsFile, mergeSiteChoices, parseSettingsFile } from '../../src/storage/settings-file';
import { realEngine } from '../helpers/dataset';
import { fakeAccessApi } from '../helpers/fake-access';

const ID = 'test-extension';
const ui = () => ({ id: ID, url: fakeBrowser.runtime.getURL('/options.html') });
const tab = { id: ID, tab: { id: 4 } as never, url: 'https://www.reuters.com/world/a' };

function setup(granted: string[] = []) {
  const fake = fakeAccessApi({ granted });
  const handle = createHandlers(realEngine, createServices({ api: fake.api }));
  const ask = async (input: unknown, sender: object = ui()): Promise<Reply<Request['type']>> => {
    const parsed = parseRequest(input);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    return handle(parsed.request, sender as never);
  };
  return { fake, ask };
}

describe('settings messages', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    (fakeBrowser.runtime as { id: string }).id = ID;
  });

  it('refuses a malformed settings change before it reaches storage', async () => {
    const { ask } = setup();
    for (const patch of [
      { highlightStyle: 'glitter' },
      { paused: 'yes' },
      { highlightTypes: { person: true } },
      { extra: 1 },
    ]) {
      const reply = await ask({ type: 'update-settings', patch });
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error).toMatch(/^invalid message \(patch/);
    }
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });

  it('pausing stops analysis everywhere and the popup is told', async () => {
    const { ask } = setup();
    expect(await ask({ type: 'update-settings', patch: { paused: true } })).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, paused: true },
    });
    const analyze = { type: 'analyze', url: tab.url, title: '', text: 'Amber Rudd spoke.', published: null };
    expect(await ask(analyze, tab)).toEqual({ ok: false, error: 'Dramatis is paused' });
    await ask({ type: 'page-status', url: tab.url, status: 'paused' }, tab);
    const state = await ask({ type: 'tab-state', tabId: 4 });
    expect(state.ok && state.value).toMatchObject({ status: 'paused', paused: true, curated: true, access: true });
    await ask({ type: 'update-settings', patch: { paused: false } });
    const resumed = await ask({ type: 'tab-state', tabId: 4 });
    expect(resumed.ok && resumed.value).toMatchObject({ status: 'loading', paused: false });
  });

  it('lists the sites switched by hand, newest first, with their access', async () => {
    const { ask } = setup(sitePatterns('example.org'));
    await siteChoicesItem.setValue({
      'reuters.com': { on: false, at: 10 },
      'example.org': { on: true, at: 30 },
      'needs.test': { on: true, at: 20 },
    });
    const reply = await ask({ type: 'get-options' });
    if (!reply.ok) throw new Error(reply.error);
    const view = reply.value as { sites: { host: string; on: boolean; access: boolean; curated: boolean }[] };
    expect(view.sites.map((s) => [s.host, s.on, s.access, s.curated])).toEqual([
      ['example.org', true, true, false],
      ['needs.test', true, false, false],
      ['reuters.com', false, true, true],
    ]);
  });

  it('exports and imports settings: all or nothing, newest site choice wins, missing permissions named', async () => {
    const { ask } = setup();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, highlightStyle: 'background' });
    await siteChoicesItem.setValue({ 'reuters.com': { on: false, at: 100 } });
    const exported = await ask({ type: 'export-settings' });
    if (!exported.ok) throw new Error(exported.error);
    const file = JSON.parse((exported.value as { text: string }).text);
    expect(file).toMatchObject({ format: 'dramatis-settings', version: 1, settings: { highlightStyle: 'background' } });

    const bad = JSON.stringify({ ...file, settings: { ...file.settings, openCards: 'wink' } });
    expect(await ask({ type: 'import-settings', fileName: 'mine.json', text: bad })).toEqual({
      ok: true,
      value: {
        applied: false,
        errors: ['mine.json: settings.openCards: must be one of: hover, click'],
        sitesNeedingAccess: [],
      },
    });

    await settingsItem.setValue(DEFAULT_SETTINGS);
    await siteChoicesItem.setValue({ 'reuters.com': { on: true, at: 200 } });
    const incoming = { ...file, sites: { 'reuters.com': { on: false, at: 100 }, 'blog.test': { on: true, at: 50 } } };
    const applied = await ask({ type: 'import-settings', fileName: 'mine.json', text: JSON.stringify(incoming) });
    expect(applied).toEqual({ ok: true, value: { applied: true, errors: [], sitesNeedingAccess: ['blog.test'] } });
    expect((await settingsItem.getValue()).highlightStyle).toBe('background');
    // reuters.com was switched on after the file was made, so that choice stays.
    expect(await siteChoicesItem.getValue()).toEqual({
      'reuters.com': { on: true, at: 200 },
      'blog.test': { on: true, at: 50 },
    });
  });

  it('reports a full quota to the person and keeps what was stored', async () => {
    const { ask } = setup();
    const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    fakeBrowser.storage.local.set = async () => {
      throw new Error('Resource::kQuotaBytes quota exceeded');
    };
    const reply = await ask({ type: 'update-settings', patch: { openCards: 'click' } });
    fakeBrowser.storage.local.set = realSet;
    expect(reply.ok).toBe(false);
    if (!reply.ok)
      expect(reply.error).toMatch(/^Browser storage for Dramatis is full, so the settings could not be saved/);
    expect((await settingsItem.getValue()).openCards).toBe('hover');
  });
});

describe('the settings file', () => {
  it('round-trips', () => {
    const text = exportSettingsFile(DEFAULT_SETTINGS, { 'a.test': { on: true, at: 1 } }, new Date(0));
    const parsed = parseSettingsFile('x.json', text);
    expect(parsed).toEqual({
      ok: true,
      file: {
        format: 'dramatis-settings',
        version: 1,
        exportedAt: '1970-01-01T00:00:00.000Z',
        settings: DEFAULT_SETTINGS,
        sites: { 'a.test': { on: true, at: 1 } },
      },
    });
  });

  it.each([
    ['not json', 'f.json: is not valid JSON'],
    ['{"format":"other","version":1,"settings":{},"sites":{}}', 'f.json: format: must be "dramatis-settings"'],
    [
      JSON.stringify({ format: 'dramatis-settings', version: 9, settings: DEFAULT_SETTINGS, sites: {} }),
      'f.json: version: is newer than this version of Dramatis',
    ],
    [
      JSON.stringify({
        format: 'dramatis-settings',
        version: 1,
        settings: DEFAULT_SETTINGS,
        sites: { 'x y': { on: true, at: 1 } },
      }),
      'f.json: sites.x y: is not a site name',
    ],
  ])('names what is wrong: %#', (text, message) => {
    const parsed = parseSettingsFile('f.json', text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toContain(message);
  });

  it('merges site choices by their time', () => {
    expect(
      mergeSiteChoices(
        { 'a.test': { on: true, at: 5 }, 'b.test': { on: false, at: 1 } },
        { 'a.test': { on: false, at: 4 }, 'b.test': { on: true, at: 2 }, 'c.test': { on: true, at: 0 } },
      ),
    ).toEqual({ 'a.test': { on: true, at: 5 }, 'b.test': { on: true, at: 2 }, 'c.test': { on: true, at: 0 } });
  });
});
