import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cacheUntilChanged } from '../../src/storage/cached-read';

describe('cacheUntilChanged', () => {
  it('reads storage once, and again only after the key changed', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ settings: { paused: false } });
    const read = vi.fn(async () => (await fakeBrowser.storage.local.get('settings')).settings);
    const cached = cacheUntilChanged(read, 'local', 'settings');
    expect(await cached()).toEqual({ paused: false });
    expect(await cached()).toEqual({ paused: false });
    expect(read).toHaveBeenCalledTimes(1);

    await fakeBrowser.storage.local.set({ other: 1 }); // another key: still cached
    await cached();
    expect(read).toHaveBeenCalledTimes(1);

    await fakeBrowser.storage.local.set({ settings: { paused: true } });
    expect(await cached()).toEqual({ paused: true });
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed read', async () => {
    fakeBrowser.reset();
    let fail = true;
    const cached = cacheUntilChanged(
      async () => {
        if (fail) throw new Error('storage unavailable');
        return 1;
      },
      'local',
      'settings',
    );
    await expect(cached()).rejects.toThrow('storage unavailable');
    fail = false;
    expect(await cached()).toBe(1);
  });
});
