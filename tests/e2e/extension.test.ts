import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSkipReason, type Launched, launchWithExtension, NEWS_HOST } from '../../scripts/lib/browser';
import { serveFolder } from '../../scripts/lib/static-server';
import { domFingerprint, pointOf, readHighlights } from './lib/page-probes';

const skip = e2eSkipReason();
if (skip) console.warn(`Skipping the browser tests: ${skip}`);

describe.skipIf(skip !== null)('Dramatis in Chromium', () => {
  let browser: Launched;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let articleUrl: string;

  beforeAll(async () => {
    server = await serveFolder(resolve('tests/e2e/site'));
    articleUrl = `http://${NEWS_HOST}:${server.port}/world/us-uk-encryption.html`;
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openArticle(): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(articleUrl);
    await page.waitForFunction(
      () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0,
      null,
      { timeout: 15_000 },
    );
    return page;
  }

  async function tabIdOf(url: string): Promise<number> {
    // Tab URLs are hidden from the extension (no "tabs" permission); the content script's report has it.
    return browser.worker.evaluate(async (u) => {
      for (let i = 0; i < 50; i++) {
        const all = await chrome.storage.session.get(null);
        for (const [key, value] of Object.entries(all)) {
          if (key.startsWith('tab:') && (value as { url?: string }).url === u) return Number(key.slice(4));
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      return -1;
    }, url);
  }

  it('highlights exactly the article mentions, not nav, sidebar, comments or footer', async () => {
    const page = await openArticle();
    const before = await domFingerprint(page);
    const h = await readHighlights(page);
    expect(h['dramatis-person']).toEqual([
      'Rod Rosenstein',
      'Rosenstein',
      'Amber Rudd',
      'Andrew Parker',
      'Theresa May',
      'Rudd',
      'Rosenstein',
      'Rudd',
      'Rosenstein',
      'Rosenstein',
      'Rudd',
      'Rosenstein',
    ]);
    expect(h['dramatis-company']).toEqual([
      'WhatsApp',
      'Facebook',
      'Facebook',
      'Google',
      'Twitter',
      'Apple',
      'Facebook',
    ]);
    expect(h['dramatis-agency']).toEqual(['U.S. Department of Justice', 'MI5', 'Parliament', 'FBI', 'GCHQ']);
    const all = Object.values(h).flat().join('|');
    for (const outside of ['Tim Cook', 'Margrethe Vestager', 'Mark Zuckerberg', 'Elon Musk', 'Sheryl Sandberg']) {
      expect(all).not.toContain(outside);
    }
    // "in May next year" is the month, not the Prime Minister.
    expect(h['dramatis-person']?.filter((w) => w === 'May')).toEqual([]);
    // The page's own DOM is untouched: highlights are painted, not inserted.
    expect(await domFingerprint(page)).toBe(before);
    await page.close();
  });

  it('shows a card with role on the article date, stance and sourced statements on hover', async () => {
    const page = await openArticle();
    const point = await pointOf(page, 'Amber Rudd');
    if (!point) throw new Error('"Amber Rudd" is not on the page');
    await page.mouse.move(point.x, point.y);
    const card = page.locator('dramatis-ui .card');
    await card.waitFor({ state: 'visible', timeout: 5_000 });
    await expect.poll(() => card.locator('.card__name').textContent()).toBe('Amber Rudd');
    expect(await card.locator('.card__type').textContent()).toBe('Person');
    expect(await card.locator('.card__role').first().textContent()).toContain('Home Secretary');
    expect(await card.locator('.card__role').first().textContent()).toContain('12 Oct 2017');
    expect(await card.locator('.card__stance h3').first().textContent()).toMatch(/encryption/i);
    const quotes = card.locator('.card__quote');
    expect(await quotes.count()).toBeGreaterThan(0);
    expect(await quotes.count()).toBeLessThanOrEqual(3);
    const link = quotes.first().locator('a');
    expect(await link.getAttribute('href')).toMatch(/^https:\/\//);
    // WCAG 1.4.13: Esc dismisses it.
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 2_000 });
    await page.close();
  });

  it('lists the cast in the popup and opens a profile', async () => {
    const page = await openArticle();
    const tabId = await tabIdOf(articleUrl);
    expect(tabId).toBeGreaterThan(0);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('.cast').first().waitFor();
    const people = await popup.locator('[data-type="person"] .member__name').allTextContents();
    expect(people.slice(0, 2)).toEqual(['Rod Rosenstein', 'Amber Rudd']);
    expect(people).toEqual(expect.arrayContaining(['Theresa May', 'Andrew Parker']));
    const companies = await popup.locator('[data-type="company"] .member__name').allTextContents();
    expect(companies[0]).toBe('Facebook');
    expect(companies).toEqual(expect.arrayContaining(['Google', 'Twitter', 'WhatsApp', 'Apple']));
    const agencies = await popup.locator('[data-type="agency"] .member__name').allTextContents();
    expect(agencies).toEqual(
      expect.arrayContaining(['U.S. Department of Justice', 'MI5', 'Government Communications Headquarters']),
    );
    expect(await popup.locator('[data-id="rod-rosenstein"] .member__count').textContent()).toBe('6');
    expect(await popup.locator('.chip').allTextContents()).toContain('Encryption');

    await popup.locator('[data-id="rod-rosenstein"]').click();
    const profile = popup.locator('.profile');
    await profile.waitFor();
    expect(await profile.locator('.timeline li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Deputy Attorney General')]),
    );
    expect(await profile.locator('.position h4').allTextContents()).toContain('Encryption');
    expect(await profile.locator('.quotes li').count()).toBeGreaterThanOrEqual(2);
    await popup.close();
    await page.close();
  });

  it('switches off for the site at once, stays off after a reload, and comes back', async () => {
    const page = await openArticle();
    const tabId = await tabIdOf(articleUrl);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    const toggle = popup.locator('#site-toggle');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect.poll(async () => Object.keys(await readHighlights(page)).length, { timeout: 5_000 }).toBe(0);
    await page.reload();
    await page.waitForTimeout(1_500);
    expect(Object.keys(await readHighlights(page))).toEqual([]);
    await popup.reload();
    await expect.poll(() => popup.locator('.state').getAttribute('data-status')).toBe('disabled');
    await popup.locator('#site-toggle').check();
    await expect
      .poll(async () => (await readHighlights(page))['dramatis-person']?.length ?? 0, { timeout: 5_000 })
      .toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });

  it('leaves pages that are not articles alone', async () => {
    const page = await browser.context.newPage();
    await page.goto(`http://${NEWS_HOST}:${server.port}/section/front.html`);
    const before = await domFingerprint(page);
    const tabId = await tabIdOf(`http://${NEWS_HOST}:${server.port}/section/front.html`);
    const state = await browser.worker.evaluate(async (id) => {
      for (let i = 0; i < 50; i++) {
        const key = `tab:${id}`;
        const stored = (await chrome.storage.session.get(key))[key] as { status: string } | undefined;
        if (stored) return stored.status;
        await new Promise((r) => setTimeout(r, 100));
      }
      return 'none';
    }, tabId);
    expect(state).toBe('not-article');
    expect(Object.keys(await readHighlights(page))).toEqual([]);
    expect(await domFingerprint(page)).toBe(before);
    expect(await page.locator('dramatis-ui').count()).toBe(0);
    await page.close();
  });
});
