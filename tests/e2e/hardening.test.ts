import { resolve } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSkipReason, type Launched, launchWithExtension, NEWS_HOST } from '../../scripts/lib/browser';
import { serveFolder } from '../../scripts/lib/static-server';
import type { TabState } from '../../src/messaging/protocol';

const skip = e2eSkipReason();

/** The tab's state once the content script has reported on it (not "loading"). */
async function settledState(browser: Launched, url: string, timeoutMs = 45_000): Promise<TabState> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = await browser.worker
      .evaluate(async (u) => {
        const all = await chrome.storage.session.get(null);
        const states = Object.entries(all)
          .filter(([key, value]) => key.startsWith('tab:') && (value as { url?: string }).url === u)
          .map(([, value]) => value);
        return states.at(-1) ?? null;
      }, url)
      .catch(() => null);
    if (state && (state as TabState).status !== 'loading') return state as TabState;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no settled state for ${url}`);
}

const castIds = (state: TabState) => (state.analysis?.cast ?? []).map((m) => m.id);

describe.skipIf(skip !== null)('hostile and extreme pages', () => {
  let browser: Launched;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let base: string;
  const ourErrors: string[] = [];
  const outsideRequests: string[] = [];

  const watch = (page: Page) => {
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' && m.location().url.startsWith('chrome-extension://')) ourErrors.push(m.text());
    });
  };

  beforeAll(async () => {
    server = await serveFolder(resolve('tests/e2e/site'));
    base = `http://${NEWS_HOST}:${server.port}/hostile`;
    browser = await launchWithExtension();
    // Every request made from any context of this browser: only the test server may be reached.
    browser.context.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(`http://${NEWS_HOST}:${server.port}/`) && !/^(chrome-extension|data|about|blob):/.test(url)) {
        outsideRequests.push(url);
      }
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(name: string): Promise<{ page: Page; state: TabState; ms: number }> {
    const page = await browser.context.newPage();
    watch(page);
    const url = `${base}/${name}`;
    const t0 = Date.now();
    await page.goto(url);
    const state = await settledState(browser, url);
    return { page, state, ms: Date.now() - t0 };
  }

  it('annotates a page that breaks Array, JSON, Node and CSS in its own world', async () => {
    const { state } = await open('overrides.html');
    expect(state.status).toBe('article');
    expect(castIds(state)).toEqual(expect.arrayContaining(['melanie-dawes', 'ofcom', 'meredith-whittaker']));
  });

  it('annotates under a strict Content-Security-Policy', async () => {
    const { page, state } = await open('strict-csp.html');
    expect(state.status).toBe('article');
    const painted = await page.evaluate(() =>
      [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].reduce(
        (n, set) => n + set.size,
        0,
      ),
    );
    expect(painted).toBeGreaterThan(5);
  });

  it('leaves a closed shadow root alone', async () => {
    const { state } = await open('closed-shadow.html');
    expect(state.status).toBe('article');
    expect(castIds(state)).not.toContain('mark-zuckerberg');
    expect(castIds(state)).not.toContain('tim-cook');
  });

  it('reads a page of 100,000 text nodes in bounded time', async () => {
    const { state, ms } = await open('many-nodes.html');
    expect(['article', 'too-large']).toContain(state.status);
    expect(ms).toBeLessThan(30_000);
  });

  it('gives up on a 10 MB article and says why in the popup', async () => {
    const { page, state, ms } = await open('ten-megabytes.html');
    expect(state.status).toBe('too-large');
    expect(ms).toBeLessThan(30_000);
    const tabId = await browser.worker.evaluate(async (u) => {
      const all = await chrome.storage.session.get(null);
      const key = Object.keys(all).find((k) => k.startsWith('tab:') && (all[k] as { url?: string }).url === u);
      return key ? Number(key.slice(4)) : -1;
    }, page.url());
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await expect
      .poll(() => popup.locator('body').textContent(), { timeout: 10_000 })
      .toMatch(/larger than Dramatis reads/);
    await popup.close();
  });

  it('survives an article 5,000 elements deep', async () => {
    const { state, ms } = await open('deep-nesting.html');
    expect(['article', 'failed', 'too-large']).toContain(state.status);
    expect(ms).toBeLessThan(30_000);
  });

  it('reads the top page and not its frames', async () => {
    const { state } = await open('frames.html');
    expect(state.status).toBe('article');
    expect(castIds(state)).not.toContain('tim-cook');
  });

  it('annotates the next page after the service worker is stopped', async () => {
    await open('strict-csp.html');
    // A mark in the running worker's global scope: a restarted worker will not have it.
    await browser.worker.evaluate(() => {
      (globalThis as { beforeStop?: boolean }).beforeStop = true;
    });
    const extensionPage = await browser.context.newPage();
    await extensionPage.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const cdp = await browser.context.newCDPSession(extensionPage);
    const stopped = new Promise<void>((r) => browser.worker.once('close', () => r()));
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await Promise.race([stopped, new Promise((r) => setTimeout(r, 5_000))]);
    await extensionPage.close();
    // The next page wakes a fresh worker, which loads the dataset on its cold path.
    const page = await browser.context.newPage();
    watch(page);
    const url = `${base}/overrides.html?after-stop`;
    await page.goto(url);
    const worker = browser.context.serviceWorkers().at(-1) ?? (await browser.context.waitForEvent('serviceworker'));
    browser.worker = worker;
    const state = await settledState(browser, url);
    expect(state.status).toBe('article');
    expect(castIds(state)).toEqual(expect.arrayContaining(['melanie-dawes', 'ofcom']));
    expect(await worker.evaluate(() => (globalThis as { beforeStop?: boolean }).beforeStop ?? false)).toBe(false);
  });

  it('logged no error from our scripts and made no request outside the test server', () => {
    expect(ourErrors).toEqual([]);
    expect(outsideRequests).toEqual([]);
  });
});
