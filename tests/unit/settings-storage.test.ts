import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isQuotaError, StorageFullError } from '../../src/storage/quota';
import { DEFAULT_SETTINGS, repairSettings } from '../../src/storage/settings';
import { repairSiteChoices } from '../../src/storage/site-choices';
import { createUpdater } from '../../src/storage/update-queue';

/** The storage module as a fresh install of this version loads it, over whatever is stored. */
async function loadItems() {
  vi.resetModules();
  return import('../../src/storage/items');
}

describe('settings written by an earlier version', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads version-1 site choices (bare booleans) after the update, keeping every choice', async () => {
    // Exactly what 0.1.0 left in storage: no version marker, one boolean per site.
    await fakeBrowser.storage.local.set({ siteChoices: { 'reuters.com': false, 'example.org': true } });
    const { siteChoicesItem } = await loadItems();
    expect(await siteChoicesItem.getValue()).toEqual({
      'reuters.com': { on: false, at: 0 },
      'example.org': { on: true, at: 0 },
    });
    // The migration is written back once, with the new version, and is not run again.
    expect(await fakeBrowser.storage.local.get(['siteChoices', 'siteChoices$'])).toEqual({
      siteChoices: { 'reuters.com': { on: false, at: 0 }, 'example.org': { on: true, at: 0 } },
      siteChoices$: { v: 2 },
    });
    const again = await loadItems();
    expect(await again.siteChoicesItem.getValue()).toEqual({
      'reuters.com': { on: false, at: 0 },
      'example.org': { on: true, at: 0 },
    });
  });

  it('also reads version 1 when it carried an explicit version marker', async () => {
    await fakeBrowser.storage.local.set({ siteChoices: { 'bbc.co.uk': false }, siteChoices$: { v: 1 } });
    const { siteChoicesItem } = await loadItems();
    expect(await siteChoicesItem.getValue()).toEqual({ 'bbc.co.uk': { on: false, at: 0 } });
  });

  it('drops only the unreadable entries of a damaged version-1 value', async () => {
    await fakeBrowser.storage.local.set({ siteChoices: { 'reuters.com': false, 'bad.example': 'yes' } });
    const { siteChoicesItem } = await loadItems();
    expect(await siteChoicesItem.getValue()).toEqual({ 'reuters.com': { on: false, at: 0 } });
  });

  it('gives defaults to a fresh install and leaves display settings of a version without them unchanged', async () => {
    const { settingsItem, siteChoicesItem } = await loadItems();
    expect(await siteChoicesItem.getValue()).toEqual({});
    expect(repairSettings(await settingsItem.getValue()).value).toEqual(DEFAULT_SETTINGS);
  });
});

describe('repairing damaged settings', () => {
  it('keeps every readable field and resets only the others', () => {
    const { value, reset } = repairSettings({
      openCards: 'click',
      highlightStyle: 42,
      highlightTypes: { person: 'yes', company: false },
      paused: true,
      fromTheFuture: 1,
    });
    expect(value).toEqual({
      openCards: 'click',
      highlightStyle: 'underline',
      highlightTypes: { person: true, company: false, agency: true },
      paused: true,
    });
    expect(reset).toEqual(['highlightStyle', 'highlightTypes.person']);
  });

  it.each([
    [null, []],
    [undefined, []],
    ['garbage', ['settings']],
    [[1, 2], ['settings']],
    [{ highlightTypes: 'all' }, ['highlightTypes']],
    [{ paused: 'no' }, ['paused']],
  ])('turns %j into the defaults (reset: %j)', (raw, reset) => {
    const repaired = repairSettings(raw);
    expect(repaired.value).toEqual(DEFAULT_SETTINGS);
    expect(repaired.reset).toEqual(reset);
  });

  it('repairs site choices entry by entry', () => {
    expect(
      repairSiteChoices({
        'reuters.com': { on: false, at: 5 },
        'old.example': true,
        'NOT A HOST': { on: true, at: 1 },
        'neg.example': { on: true, at: -1 },
      }),
    ).toEqual({
      value: { 'reuters.com': { on: false, at: 5 }, 'old.example': { on: true, at: 0 } },
      reset: ['siteChoices.NOT A HOST', 'siteChoices.neg.example'],
    });
    expect(repairSiteChoices(7)).toEqual({ value: {}, reset: ['siteChoices'] });
  });

  it('repairs what is stored when the worker starts, and remembers what it reset', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({
      settings: { openCards: 'click', highlightStyle: 'glitter' },
      siteChoices: { 'reuters.com': { on: false, at: 3 }, 'x y': 1 },
      siteChoices$: { v: 2 },
    });
    vi.resetModules();
    const { repairStoredValues, repairNoticeItem } = await import('../../src/storage/repair-stored');
    expect(await repairStoredValues()).toEqual(['highlightStyle', 'siteChoices.x y']);
    const stored = await fakeBrowser.storage.local.get(['settings', 'siteChoices']);
    expect(stored.settings).toEqual({ ...DEFAULT_SETTINGS, openCards: 'click' });
    expect(stored.siteChoices).toEqual({ 'reuters.com': { on: false, at: 3 } });
    expect(await repairNoticeItem.getValue()).toEqual(['highlightStyle', 'siteChoices.x y']);
    // Nothing left to repair the second time.
    expect(await repairStoredValues()).toEqual([]);
  });
});

describe('serialized updates', () => {
  /** A stored value whose reads and writes take a random while, like real storage under load. */
  function slowItem<T>(initial: T, failOn?: (value: T) => boolean) {
    let stored = initial;
    const pause = () => new Promise((r) => setTimeout(r, Math.random() * 4));
    return {
      async getValue() {
        await pause();
        return structuredClone(stored);
      },
      async setValue(value: T) {
        await pause();
        if (failOn?.(value)) throw new Error('QUOTA_BYTES quota exceeded');
        stored = structuredClone(value);
      },
      peek: () => stored,
    };
  }

  it('never loses a change when many arrive at the same moment', async () => {
    const item = slowItem<Record<string, boolean>>({});
    const update = createUpdater(item, 'your choice');
    const hosts = Array.from({ length: 40 }, (_, i) => `site${i}.example`);
    await Promise.all(hosts.map((h, i) => update((c) => ({ ...c, [h]: i % 2 === 0 }))));
    expect(Object.keys(item.peek()).sort()).toEqual([...hosts].sort());
    // Without the queue, the same interleaving loses changes: the check is not vacuous.
    const raw = slowItem<Record<string, boolean>>({});
    await Promise.all(hosts.map(async (h) => raw.setValue({ ...(await raw.getValue()), [h]: true })));
    expect(Object.keys(raw.peek()).length).toBeLessThan(hosts.length);
  });

  it('reports a full quota as a sentence, keeps the stored value and goes on with later changes', async () => {
    const item = slowItem<Record<string, boolean>>({ 'a.example': true }, (v) => 'huge.example' in v);
    const update = createUpdater(item, 'your choice for this site');
    const results = await Promise.allSettled([
      update((c) => ({ ...c, 'huge.example': true })),
      update((c) => ({ ...c, 'b.example': false })),
    ]);
    expect(results[0].status).toBe('rejected');
    const error = (results[0] as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(StorageFullError);
    expect(error.message).toMatch(
      /^Browser storage for Dramatis is full, so your choice for this site could not be saved/,
    );
    expect(item.peek()).toEqual({ 'a.example': true, 'b.example': false });
  });

  it('recognises the quota errors browsers throw', () => {
    expect(isQuotaError(new Error('Resource::kQuotaBytes quota exceeded'))).toBe(true);
    expect(isQuotaError({ name: 'QuotaExceededError', message: '' })).toBe(true);
    expect(isQuotaError(new Error('QUOTA_BYTES quota exceeded'))).toBe(true);
    expect(isQuotaError(new Error('Extension context invalidated'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });
});
