import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSkipReason } from '../../scripts/lib/browser';
import { domFingerprint, paintedWords, reportedState } from './lib/page-probes';
import { useTestSite } from './lib/test-site';

const skip = e2eSkipReason();

/** The marks a reading parsed elsewhere leaves on the page's timeline, with what was measured there. */
function parsedElsewhere(page: Page): Promise<{ handedOff: number; details: unknown[] }> {
  return page.evaluate(() => ({
    handedOff: performance.getEntriesByName('dramatis:handed-off').length,
    details: performance.getEntriesByName('dramatis:parsed-elsewhere').map((e) => (e as PerformanceMark).detail),
  }));
}

/** Chromium's offscreen documents, as the extension's own service worker sees them. */
function offscreenDocuments(worker: Worker): Promise<number> {
  return worker.evaluate(
    async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as never] })).length,
  );
}

describe.skipIf(skip !== null)('pages parsed off their thread, in Chromium', () => {
  const site = useTestSite();

  it('reads a page of thousands of elements in the offscreen document and marks it like any other', async () => {
    const page = await site.browser.context.newPage();
    const url = site.url('/big/dma-fines-market-data.html');
    await page.goto(url);
    const before = await domFingerprint(page);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(3000);
    await expect.poll(() => paintedWords(page), { timeout: 15_000 }).toContain('Teresa Ribera');
    expect(await paintedWords(page)).toEqual(
      expect.arrayContaining(['European Commission', 'Apple', 'Meta', 'Ribera', 'Margrethe Vestager']),
    );
    const marks = await parsedElsewhere(page);
    expect(marks.handedOff).toBe(1);
    expect(marks.details).toEqual([{ parseMs: expect.any(Number), workMs: expect.any(Number) }]);
    expect((marks.details[0] as { parseMs: number }).parseMs).toBeGreaterThan(0);
    expect(await offscreenDocuments(site.browser.worker)).toBe(1);
    const state = await reportedState(site.browser.worker, url);
    expect(state?.status).toBe('article');
    expect(state?.names).toEqual(
      expect.arrayContaining(['Teresa Ribera', 'Apple', 'Meta Platforms', 'European Commission']),
    );
    // Nothing in the quotes table, and nothing of the page changed.
    expect(
      await page.evaluate(() => CSS.highlights.size > 0 && document.querySelector('aside')?.textContent),
    ).toContain('IDX1');
    expect(await domFingerprint(page)).toBe(before);
    // The copies built in the offscreen document and back in the page load nothing.
    expect(site.requests.filter((r) => r.includes('-chart.png'))).toEqual([]);
    await page.close();
  });

  it('sends a page Readability would parse again and again to the offscreen document after its first attempt', async () => {
    const page = await site.browser.context.newPage();
    const url = site.url('/big/ofcom-codes-sidebar-layout.html');
    await page.goto(url);
    await expect.poll(() => paintedWords(page), { timeout: 15_000 }).toContain('Melanie Dawes');
    expect(await paintedWords(page)).toEqual(expect.arrayContaining(['Ofcom', 'Dawes']));
    const marks = await parsedElsewhere(page);
    expect(marks.handedOff).toBe(1);
    expect(marks.details).toEqual([{ parseMs: expect.any(Number), workMs: expect.any(Number) }]);
    expect((await reportedState(site.browser.worker, url))?.names).toEqual(
      expect.arrayContaining(['Melanie Dawes', 'Ofcom']),
    );
    await page.close();
  });

  it('parses an ordinary article on the page itself', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(site.url('/world/us-uk-encryption.html'));
    await expect.poll(() => paintedWords(page), { timeout: 15_000 }).toContain('Rod Rosenstein');
    expect((await parsedElsewhere(page)).handedOff).toBe(0);
    await page.close();
  });
});
