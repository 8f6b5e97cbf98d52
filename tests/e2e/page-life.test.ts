import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSkipReason } from '../../scripts/lib/browser';
import { domFingerprint, paintedWords, readingsOf, reportedState } from './lib/page-probes';
import { useTestSite } from './lib/test-site';

const skip = e2eSkipReason();

describe.skipIf(skip !== null)('pages that change after loading, in Chromium', () => {
  const site = useTestSite();
  const url = (path: string) => site.url(path);

  async function open(path: string): Promise<Page> {
    const page = await site.browser.context.newPage();
    await page.goto(url(path));
    await expect.poll(() => paintedWords(page), { timeout: 15_000 }).not.toEqual([]);
    return page;
  }

  it('reads a live blog’s new entries, and leaves a ticking counter alone', async () => {
    const page = await open('/live/ai-act-talks.html');
    const first = await paintedWords(page);
    expect(first).toEqual(expect.arrayContaining(['European Parliament', 'Thierry Breton', 'Brando Benifei']));
    expect(first).not.toContain('Margrethe Vestager');
    // Comments, related links and navigation are never marked.
    expect(first).not.toContain('Sam Altman');
    expect(first).not.toContain('Elon Musk');

    // The page's counter changes every second: that is no reason to read the page again.
    await page.waitForTimeout(3_000);
    expect(await readingsOf(page)).toBe(1);

    expect(await page.evaluate(() => (window as unknown as { postUpdate(): boolean }).postUpdate())).toBe(true);
    await expect.poll(() => paintedWords(page), { timeout: 8_000 }).toContain('Margrethe Vestager');
    const after = await paintedWords(page);
    expect(after).toEqual(expect.arrayContaining(['OpenAI', 'Thierry Breton', 'Brando Benifei']));
    expect(after).not.toContain('Sam Altman');
    // One more reading for the new entry, and no more after it: our own work is not news.
    await page.waitForTimeout(3_000);
    expect(await readingsOf(page)).toBe(2);
    await page.close();
  });

  it('marks the next story infinite scroll appends, and keeps the marks of the first', async () => {
    const page = await open('/world/next-story.html');
    expect(await paintedWords(page)).toContain('Thierry Breton');
    expect(await paintedWords(page)).not.toContain('Lina Khan');
    const before = await domFingerprint(page);
    await page.evaluate(() => (window as unknown as { loadNextStory(): void }).loadNextStory());
    await expect.poll(() => paintedWords(page), { timeout: 8_000 }).toContain('Lina Khan');
    const words = await paintedWords(page);
    expect(words).toContain('Thierry Breton');
    expect(words).toContain('Federal Trade Commission');
    // Nothing of ours went into the page: without the story the page itself added, it is as it was.
    expect(await domFingerprint(page, '.story-break, .story-break ~ article')).toBe(before);
    await page.close();
  });

  it('follows single-page navigation: new story read, old marks gone, back again', async () => {
    const start = '/spa/index.html';
    const page = await open(start);
    expect(await paintedWords(page)).toEqual(expect.arrayContaining(['Michelle Donelan', 'Ofcom']));
    // The "read next" link names OpenAI, but it is navigation, not the article.
    expect(await paintedWords(page)).not.toContain('OpenAI');

    await page.locator('a[data-route="ai-hearing"]').click();
    expect(new URL(page.url()).search).toBe('?story=ai-hearing');
    await expect.poll(() => paintedWords(page), { timeout: 8_000 }).toContain('Sam Altman');
    const second = await paintedWords(page);
    expect(second).toEqual(expect.arrayContaining(['OpenAI', 'Richard Blumenthal']));
    expect(second).not.toContain('Michelle Donelan');
    expect(second).not.toContain('Ofcom');
    // The popup's view of the tab follows: the new address and the new story's cast.
    await expect
      .poll(
        async () => (await reportedState(site.browser.worker, url('/spa/index.html?story=ai-hearing')))?.names ?? [],
        { timeout: 5_000 },
      )
      .toContain('Sam Altman');

    await page.goBack();
    await expect.poll(() => paintedWords(page), { timeout: 8_000 }).toContain('Michelle Donelan');
    expect(await paintedWords(page)).not.toContain('Sam Altman');
    await page.close();
  });

  it('stops cleanly when the extension is reloaded: marks and card removed, no more readings', async () => {
    const page = await open('/live/ai-act-talks.html');
    const readings = await readingsOf(page);
    // The content script is left behind in the page; the next change to the page is where it
    // notices and takes everything down.
    await site.browser.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await page.waitForTimeout(1_000);
    await page.evaluate(() => (window as unknown as { postUpdate(): boolean }).postUpdate());
    await expect.poll(() => paintedWords(page), { timeout: 5_000 }).toEqual([]);
    await page.waitForTimeout(2_500);
    expect(await readingsOf(page)).toBe(readings);
    expect(await page.locator('dramatis-ui').count()).toBe(0);
    await page.close();
  });
});
