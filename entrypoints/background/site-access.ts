import { needsOwnPermission, siteOfPattern, sitePatterns } from '../../src/sites/origins';
import type { SiteChoices } from '../../src/storage/items';
import type { AccessApi } from './browser-access';

/** The id of our one registered content script, covering every site switched on by hand. */
export const OPTIONAL_SCRIPT_ID = 'dramatis-optional-sites';

type UpdateChoices = (change: (c: SiteChoices) => SiteChoices) => Promise<SiteChoices>;

/**
 * Sites off the curated list: Dramatis reads them only after the person switched them on in the
 * popup, which asks the browser for that site's permission alone. With the permission held, the
 * content script is registered for the site and injected into its open tabs at once; switching
 * off unregisters it and gives the permission back.
 */
export function createSiteAccess(api: AccessApi, readChoices: () => Promise<SiteChoices>, update: UpdateChoices) {
  /** Optional sites Dramatis holds a permission for, with the patterns granted for each. */
  async function grantedSites(): Promise<Map<string, string[]>> {
    const sites = new Map<string, string[]>();
    for (const pattern of await api.grantedOrigins()) {
      const site = siteOfPattern(pattern);
      if (!site || !needsOwnPermission(site)) continue;
      sites.set(site, [...(sites.get(site) ?? []), pattern]);
    }
    return sites;
  }

  let syncing: Promise<unknown> = Promise.resolve();
  /** One sync at a time: two at once could both find no registration and both register it. */
  function sync(): Promise<string[]> {
    const next = syncing.then(syncNow);
    syncing = next.catch(() => undefined);
    return next;
  }

  /** Makes the registration match exactly the granted sites that are switched on. */
  async function syncNow(): Promise<string[]> {
    const [granted, choices] = await Promise.all([grantedSites(), readChoices()]);
    const matches = [...granted]
      .filter(([site]) => choices[site]?.on === true)
      .flatMap(([, patterns]) => patterns)
      .sort();
    const current = await api.registeredMatches(OPTIONAL_SCRIPT_ID);
    if (current && sameList([...current].sort(), matches)) return matches;
    if (current) await api.unregister(OPTIONAL_SCRIPT_ID);
    if (matches.length > 0) await api.register(OPTIONAL_SCRIPT_ID, matches, api.scriptFiles());
    return matches;
  }

  async function injectInto(tabIds: number[]): Promise<void> {
    const files = api.scriptFiles();
    // A tab that closed or navigated away meanwhile is not an error worth reporting.
    await Promise.all(tabIds.map((id) => api.inject(id, files).catch(() => undefined)));
  }

  const choose = (host: string, on: boolean) => update((choices) => ({ ...choices, [host]: { on, at: Date.now() } }));

  return {
    sync,
    grantedSites,

    /** Whether Dramatis may read pages on `host` (curated sites always). */
    async hasAccess(host: string): Promise<boolean> {
      return !needsOwnPermission(host) || api.hasOrigins(sitePatterns(host));
    },

    async switchOn(host: string, tabId?: number): Promise<void> {
      if (!needsOwnPermission(host)) {
        await choose(host, true);
        return;
      }
      if (!(await api.hasOrigins(sitePatterns(host))))
        throw new Error(`Dramatis has no permission for ${host} yet: allow it when the browser asks.`);
      await choose(host, true);
      await sync();
      const tabs = new Set(await api.tabsMatching(sitePatterns(host)));
      if (tabId !== undefined) tabs.add(tabId);
      await injectInto([...tabs]);
    },

    async switchOff(host: string): Promise<void> {
      await choose(host, false);
      if (!needsOwnPermission(host)) return;
      await sync();
      await api.removeOrigins(sitePatterns(host)).catch(() => undefined);
    },

    /** Forgets the choice: a curated site is on again, any other is off with no permission kept. */
    async forget(host: string): Promise<void> {
      await update((choices) => {
        const { [host]: _gone, ...rest } = choices;
        return rest;
      });
      if (!needsOwnPermission(host)) return;
      await sync();
      await api.removeOrigins(sitePatterns(host)).catch(() => undefined);
    },

    /**
     * The browser granted origins, from our popup or from its own site-access controls (where a
     * Firefox popup may already have closed): the sites are on, registered and read at once.
     */
    async onGranted(origins: string[]): Promise<void> {
      const sites = [...new Set(origins.map(siteOfPattern))].filter(
        (s): s is string => s !== null && needsOwnPermission(s),
      );
      if (sites.length === 0) return;
      await update((choices) => {
        const next = { ...choices };
        for (const site of sites) if (next[site]?.on !== true) next[site] = { on: true, at: Date.now() };
        return next;
      });
      await sync();
      await injectInto(await api.tabsMatching(sites.flatMap(sitePatterns)));
    },

    /** The browser took a permission back: those sites are off. */
    async onRevoked(origins: string[]): Promise<void> {
      const sites = [...new Set(origins.map(siteOfPattern))].filter(
        (s): s is string => s !== null && needsOwnPermission(s),
      );
      if (sites.length === 0) return;
      await update((choices) => {
        const next = { ...choices };
        for (const site of sites) if (next[site]?.on !== false) next[site] = { on: false, at: Date.now() };
        return next;
      });
      await sync();
    },
  };
}

export type SiteAccess = ReturnType<typeof createSiteAccess>;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
