import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSkipReason } from '../../scripts/lib/browser';
import { paintedWords, readingsOf, reportedState } from './lib/page-probes';
import { useTestSite } from './lib/test-site';

const skip = e2eSkipReason();

describe.skipIf(skip !== null)('articles inside frames, in Chromium', () => {
  const site = useTestSite();
  const url = (path: string) => site.url(path);

  const frameOf = (page: Page, file: string): Frame => {
    const frame = page.frames().find((f) => f.url().endsWith(`/frames/${file}`));
    if (!frame) throw new Error(`no frame ${file}`);
    return frame;
  };

  it('reads the article a page holds in a frame, and nothing around it', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(url('/frames/reader.html'));
    const story = frameOf(page, 'story.html');
    await expect.poll(() => paintedWords(story), { timeout: 15_000 }).toContain('Melanie Dawes');
    expect(await paintedWords(story)).toEqual(expect.arrayContaining(['Ofcom', 'Dawes', 'Michelle Donelan']));
    // The page itself holds no article, and the small promotion frame is furniture.
    expect(await paintedWords(page)).toEqual([]);
    expect(await readingsOf(frameOf(page, 'promo.html'))).toBe(0);
    expect(await paintedWords(frameOf(page, 'promo.html'))).toEqual([]);
    // The tab's cast is the frame's article, and the background knows which frame holds it.
    const state = await reportedState(site.browser.worker, url('/frames/story.html'));
    expect(state?.status).toBe('article');
    expect(state?.frameId).toBeGreaterThan(0);
    expect(state?.names).toEqual(expect.arrayContaining(['Melanie Dawes', 'Ofcom', 'Michelle Donelan']));
    expect(state?.names).not.toContain('Margrethe Vestager');
    await page.close();
  });

  it('leaves a frame alone when the page around it is the article', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(url('/frames/article-with-frame.html'));
    await expect.poll(() => paintedWords(page), { timeout: 15_000 }).toContain("Information Commissioner's Office");
    // Long enough for the frame to have asked and been told no.
    await page.waitForTimeout(1_500);
    const related = frameOf(page, 'story.html');
    expect(await readingsOf(related)).toBe(0);
    expect(await paintedWords(related)).toEqual([]);
    const state = await reportedState(site.browser.worker, url('/frames/article-with-frame.html'));
    expect(state?.frameId).toBeUndefined();
    expect(state?.names).not.toContain('Melanie Dawes');
    await page.close();
  });
});
