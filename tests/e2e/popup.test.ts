import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSkipReason, type Launched, launchWithExtension, NEWS_HOST } from '../../scripts/lib/browser';
import { serveFolder } from '../../scripts/lib/static-server';
import { axeViolations, highlightedWords, highlightNames, serious, tabIdOf } from './lib/extension-pages';

const skip = e2eSkipReason();
// A second curated site without a preloaded HTTPS-only rule, so it can be served over http here.
const SECOND_HOST = 'www.apnews.com';
const SHOTS = resolve('docs/screenshots');

describe.skipIf(skip !== null)('the popup in Chromium', () => {
  let browser: Launched;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  const url = (path: string, host = NEWS_HOST) => `http://${host}:${server.port}${path}`;

  beforeAll(async () => {
    server = await serveFolder(resolve('tests/e2e/site'));
    browser = await launchWithExtension({ hostRules: [`MAP ${SECOND_HOST} 127.0.0.1`] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  let lastTab = 0;
  async function openPage(path: string, host = NEWS_HOST): Promise<{ page: Page; tabId: number }> {
    const page = await browser.context.newPage();
    await page.goto(url(path, host));
    const tabId = await tabIdOf(browser.worker, url(path, host), lastTab);
    lastTab = Math.max(lastTab, tabId);
    expect(tabId).toBeGreaterThan(0);
    return { page, tabId };
  }

  async function openPopup(tabId: number): Promise<Page> {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('.state').waitFor();
    return popup;
  }

  const statusOf = (popup: Page) => popup.locator('.state').getAttribute('data-status');

  it('lists the cast by prominence with roles on the article date, and passes axe', async () => {
    const { page, tabId } = await openPage('/world/us-uk-encryption.html');
    const popup = await openPopup(tabId);
    await popup.locator('.cast').first().waitFor();
    expect(await popup.locator('.as-of').textContent()).toContain('12 Oct 2017');

    // Within each group: most mentions first, then the one named first.
    for (const type of ['person', 'company', 'agency']) {
      const counts = (await popup.locator(`[data-type="${type}"] .member__count`).allTextContents()).map(Number);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
    const people = await popup.locator('[data-type="person"] .member__name').allTextContents();
    expect(people.slice(0, 2)).toEqual(['Rod Rosenstein', 'Amber Rudd']);
    const rudd = popup.locator('[data-id="amber-rudd"] .member__role');
    expect(await rudd.textContent()).toContain('Home Secretary');

    mkdirSync(SHOTS, { recursive: true });
    await popup.screenshot({ path: `${SHOTS}/popup-cast.png` });
    const violations = await axeViolations(popup);
    expect(serious(violations), JSON.stringify(violations, null, 1)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('scrolls the page to the next mention and flashes it when a mention count is clicked', async () => {
    const { page, tabId } = await openPage('/world/us-uk-encryption.html');
    const popup = await openPopup(tabId);
    const count = popup.locator('[data-id="rod-rosenstein"] .member__count');
    await count.click();
    await expect.poll(() => highlightedWords(page, 'dramatis-flash')).toEqual(['Rod Rosenstein']);
    expect(await popup.locator('#notice').textContent()).toBe('Showing mention 1 of 6 in the page.');
    const firstTop = await flashTop(page);
    // Keyboard too: the count is a button.
    await count.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.locator('#notice').textContent()).toBe('Showing mention 2 of 6 in the page.');
    await expect.poll(() => highlightedWords(page, 'dramatis-flash')).toEqual(['Rosenstein']);
    expect(await flashTop(page)).not.toBe(firstTop);
    // The flashed mention is in view, and the flash goes away by itself.
    const top = await flashTop(page);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(900);
    await expect.poll(() => highlightedWords(page, 'dramatis-flash'), { timeout: 4_000 }).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('opens details: role timeline, positions by topic, statements filtered by topic; Esc goes back', async () => {
    const { page, tabId } = await openPage('/world/us-uk-encryption.html');
    const popup = await openPopup(tabId);
    await popup.locator('[data-id="amber-rudd"] .member').click();
    const profile = popup.locator('.profile');
    await profile.waitFor();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('profile-name');
    expect(await profile.locator('.timeline__then').textContent()).toMatch(/Home Secretary.*on 12 Oct 2017/);
    expect((await profile.locator('.position h4').allTextContents())[0]).toBe('Encryption');

    const all = await profile.locator('.quotes li').count();
    const filters = profile.locator('.filter');
    expect(await filters.count()).toBeGreaterThan(1);
    const encryption = profile.locator('.filter[data-topic="encryption"]');
    await encryption.click();
    expect(await encryption.getAttribute('aria-pressed')).toBe('true');
    const shown = profile.locator('.quotes li:not([hidden])');
    const shownTopics = await shown.evaluateAll((items) => items.map((i) => i.getAttribute('data-topics') ?? ''));
    expect(shownTopics.length).toBeGreaterThan(0);
    for (const topics of shownTopics) expect(topics.split(' ')).toContain('encryption');
    expect(await profile.locator('.filter-summary').textContent()).toBe(
      `${shownTopics.length} of ${all} statements on encryption`,
    );
    await profile.locator('.filter[data-topic=""]').click();
    expect(await shown.count()).toBe(all);

    await popup.screenshot({ path: `${SHOTS}/popup-profile.png`, fullPage: true });
    const violations = await axeViolations(popup);
    expect(serious(violations), JSON.stringify(violations, null, 1)).toEqual([]);

    await popup.keyboard.press('Escape');
    await popup.locator('.cast').first().waitFor();
    expect(await popup.evaluate(() => document.activeElement?.closest('[data-id]')?.getAttribute('data-id'))).toBe(
      'amber-rudd',
    );
    await popup.close();
    await page.close();
  });

  it('copies the cast as Markdown with roles, quotes and their sources', async () => {
    const { page, tabId } = await openPage('/world/us-uk-encryption.html');
    const popup = await openPopup(tabId);
    // Reading the clipboard back needs a permission this browser cannot grant an extension page,
    // so the test records what the popup hands to the real clipboard call.
    await popup.evaluate(() => {
      const real = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text: string) => {
        (window as unknown as { copied: string }).copied = text;
        return real(text);
      };
    });
    await popup.locator('.copy').click();
    await expect.poll(() => popup.locator('#notice').textContent()).toMatch(/^Copied the cast of \d+ as Markdown/);
    const markdown = await popup.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(markdown).toMatch(/^# Cast: U\.S\. justice official joins Britain/);
    expect(markdown).toContain('## People');
    expect(markdown).toContain('## Companies');
    expect(markdown).toMatch(/- \*\*Amber Rudd\*\* — Home Secretary.*; \d+ mentions?/);
    // Each quote carries its publisher, a linked title and a date.
    expect(markdown).toMatch(/ {2}- “.+” — .+, \[.+\]\(https:\/\/[^)\s]+\), \d{1,2} \w{3} \d{4}/);
    await popup.close();
    await page.close();
  });

  it('tells apart: not an article, nothing found, site off, paused', async () => {
    const front = await openPage('/section/front.html');
    let popup = await openPopup(front.tabId);
    await expect.poll(() => statusOf(popup)).toBe('not-article');
    expect(await popup.locator('.message').textContent()).toContain('does not look like a news article');
    await popup.close();

    const ferry = await openPage('/world/harbour-ferry-timetable.html');
    popup = await openPopup(ferry.tabId);
    await expect.poll(() => statusOf(popup)).toBe('empty');
    expect(await popup.locator('.message').textContent()).toBe(
      'Nobody from the Dramatis dataset is named in this article.',
    );

    // Pause: every page is cleared at once, the popup says so, and resuming brings the marks back.
    const article = await openPage('/world/us-uk-encryption.html');
    await expect.poll(async () => (await highlightNames(article.page)).length).toBeGreaterThan(0);
    await popup.close();
    popup = await openPopup(article.tabId);
    await popup.locator('#pause').click();
    await expect.poll(() => popup.locator('#pause').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => highlightNames(article.page)).toEqual([]);
    await expect.poll(() => statusOf(popup)).toBe('paused');
    await popup.locator('.state .action').click();
    await expect.poll(async () => (await highlightNames(article.page)).length, { timeout: 5_000 }).toBeGreaterThan(0);
    await expect.poll(() => statusOf(popup)).toBe('article');

    // Site off.
    await popup.locator('#site-toggle').uncheck();
    await expect.poll(() => statusOf(popup)).toBe('disabled');
    expect(await popup.locator('.message').textContent()).toContain('switched off for reuters.com');
    await popup.locator('#site-toggle').check();
    await expect.poll(() => statusOf(popup)).toBe('article');
    for (const p of [popup, front.page, ferry.page, article.page]) await p.close();
  });

  it('keeps both changes when two tabs switch sites at the same moment', async () => {
    const a = await openPage('/world/us-uk-encryption.html');
    const b = await openPage('/world/us-uk-encryption.html', SECOND_HOST);
    const [popupA, popupB] = await Promise.all([openPopup(a.tabId), openPopup(b.tabId)]);
    for (const p of [popupA, popupB]) await expect.poll(() => p.locator('#site-toggle').isChecked()).toBe(true);
    await Promise.all([popupA.locator('#site-toggle').uncheck(), popupB.locator('#site-toggle').uncheck()]);
    const stored = async () =>
      browser.worker.evaluate(async () => {
        const { siteChoices } = await chrome.storage.local.get('siteChoices');
        const out: Record<string, boolean> = {};
        for (const [host, c] of Object.entries(siteChoices as Record<string, { on: boolean }>)) out[host] = c.on;
        return out;
      });
    await expect.poll(stored).toMatchObject({ 'reuters.com': false, 'apnews.com': false });
    await expect.poll(() => highlightNames(a.page)).toEqual([]);
    await expect.poll(() => highlightNames(b.page)).toEqual([]);
    // And back on, again at once.
    await Promise.all([popupA.locator('#site-toggle').check(), popupB.locator('#site-toggle').check()]);
    await expect.poll(stored).toMatchObject({ 'reuters.com': true, 'apnews.com': true });
    for (const p of [popupA, popupB, a.page, b.page]) await p.close();
  });

  it('is operable from the keyboard alone, with a visible focus ring', async () => {
    const { page, tabId } = await openPage('/world/us-uk-encryption.html');
    const popup = await openPopup(tabId);
    await popup.locator('.cast').first().waitFor();
    const focused = () =>
      popup.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const row = el.closest('[data-id]')?.getAttribute('data-id');
        return `${el.id || el.className}${row ? `@${row}` : ''}|${getComputedStyle(el).outlineStyle}`;
      });
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      await popup.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order).toEqual([
      'pause|solid',
      'open-options|solid',
      'site-toggle|solid',
      'member@rod-rosenstein|solid',
      'member__count@rod-rosenstein|solid',
    ]);
    // Shift+Tab back to the name, Enter opens its details; Esc returns to the same row.
    await popup.keyboard.press('Shift+Tab');
    await popup.keyboard.press('Enter');
    await popup.locator('.profile').waitFor();
    await popup.keyboard.press('Escape');
    await popup.locator('.cast').first().waitFor();
    expect(await focused()).toBe('member@rod-rosenstein|solid');
    await popup.close();
    await page.close();
  });

  it('shows the entity count on the toolbar badge', async () => {
    const { page, tabId } = await openPage('/world/us-uk-encryption.html');
    const popup = await openPopup(tabId);
    const castSize = await popup.locator('.member-row').count();
    const badge = await browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(badge).toBe(String(castSize));
    await popup.close();
    await page.close();
  });
});

async function flashTop(page: Page): Promise<number> {
  return page.evaluate(() => {
    const flash = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dramatis-flash');
    const range = flash ? [...flash][0] : undefined;
    return range ? range.getBoundingClientRect().top : Number.NaN;
  });
}
