import type { AccessApi, ScriptFiles } from '../../entrypoints/background/browser-access';

/**
 * An in-memory browser for per-site access: granted origins, registered scripts and injected
 * tabs, with the same rules the real APIs enforce (a duplicate registration id is an error).
 */
export function fakeAccessApi(initial: { granted?: string[]; tabs?: Record<number, string> } = {}) {
  const granted = new Set(initial.granted ?? []);
  const registered = new Map<string, string[]>();
  const injected: number[] = [];
  const tabs = new Map(Object.entries(initial.tabs ?? {}).map(([id, url]) => [Number(id), url]));
  const files: ScriptFiles = { js: ['content-scripts/content.js'], css: ['content-scripts/content.css'] };
  const matches = (pattern: string, url: string) => {
    const m = /^\*:\/\/([^/]+)\/\*$/.exec(pattern);
    return !!m && /^https?:$/.test(new URL(url).protocol) && new URL(url).hostname === m[1];
  };
  const api: AccessApi = {
    grantedOrigins: async () => [...granted],
    hasOrigins: async (origins) => origins.every((o) => granted.has(o)),
    removeOrigins: async (origins) => {
      for (const o of origins) granted.delete(o);
    },
    registeredMatches: async (id) => registered.get(id) ?? null,
    register: async (id, m) => {
      if (registered.has(id)) throw new Error(`Duplicate script ID '${id}'`);
      registered.set(id, [...m]);
    },
    unregister: async (id) => {
      if (!registered.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
    },
    tabsMatching: async (patterns) =>
      [...tabs].filter(([, url]) => patterns.some((p) => matches(p, url))).map(([id]) => id),
    inject: async (tabId) => {
      injected.push(tabId);
    },
    scriptFiles: () => files,
  };
  return {
    api,
    granted,
    registered,
    injected,
    /** What the browser does when the person accepts the permission prompt. */
    grant: (origins: string[]) => {
      for (const o of origins) granted.add(o);
    },
  };
}
