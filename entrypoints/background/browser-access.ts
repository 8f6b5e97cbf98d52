import { browser } from 'wxt/browser';

/** The content script's files, as the manifest lists them; registered again for optional sites. */
export interface ScriptFiles {
  js: string[];
  css: string[];
}

/**
 * The browser calls that per-site access needs, in one thin layer so the logic above it runs
 * in unit tests against a fake (the test browser has no `scripting`).
 */
export interface AccessApi {
  grantedOrigins(): Promise<string[]>;
  hasOrigins(origins: string[]): Promise<boolean>;
  removeOrigins(origins: string[]): Promise<void>;
  registeredMatches(id: string): Promise<string[] | null>;
  register(id: string, matches: string[], files: ScriptFiles): Promise<void>;
  unregister(id: string): Promise<void>;
  tabsMatching(patterns: string[]): Promise<number[]>;
  inject(tabId: number, files: ScriptFiles): Promise<void>;
  scriptFiles(): ScriptFiles;
}

export function browserAccessApi(): AccessApi {
  const scripting = browser.scripting;
  return {
    async grantedOrigins() {
      return (await browser.permissions.getAll()).origins ?? [];
    },
    hasOrigins: (origins) => browser.permissions.contains({ origins }),
    async removeOrigins(origins) {
      await browser.permissions.remove({ origins });
    },
    async registeredMatches(id) {
      const [script] = await scripting.getRegisteredContentScripts({ ids: [id] });
      return script ? (script.matches ?? []) : null;
    },
    async register(id, matches, files) {
      await scripting.registerContentScripts([
        // Not persisted by the browser: the worker registers it again on every start, from the
        // permissions actually held, so a stale registration can never outlive its permission.
        {
          id,
          matches,
          js: files.js,
          css: files.css,
          allFrames: true,
          runAt: 'document_idle',
          persistAcrossSessions: false,
        },
      ]);
    },
    async unregister(id) {
      await scripting.unregisterContentScripts({ ids: [id] });
    },
    async tabsMatching(patterns) {
      const tabs = await browser.tabs.query({ url: patterns });
      return tabs.map((t) => t.id).filter((id): id is number => typeof id === 'number');
    },
    async inject(tabId, files) {
      // Every frame, like the manifest's script: each frame decides for itself (frame-gate.ts).
      const target = { tabId, allFrames: true };
      if (files.css.length > 0) await scripting.insertCSS({ target, files: files.css });
      if (files.js.length > 0) await scripting.executeScript({ target, files: files.js as never[] });
    },
    scriptFiles() {
      const [entry] = browser.runtime.getManifest().content_scripts ?? [];
      // Firefox gives the manifest's paths back as full moz-extension:// URLs, but
      // registerContentScripts only takes paths relative to the extension.
      const base = browser.runtime.getURL('/');
      const relative = (paths: string[] = []) => paths.map((p) => (p.startsWith(base) ? p.slice(base.length) : p));
      return { js: relative(entry?.js), css: relative(entry?.css) };
    },
  };
}
