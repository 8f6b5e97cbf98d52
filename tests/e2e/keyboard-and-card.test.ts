import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSkipReason } from '../../scripts/lib/browser';
import { tabIdOf } from './lib/extension-pages';
import { cardState, pointOf, stepMention } from './lib/page-probes';
import { useTestSite } from './lib/test-site';

const skip = e2eSkipReason();

describe.skipIf(skip !== null)('keyboard steps and the card, in Chromium', () => {
  const site = useTestSite();
  const url = (path: string) => site.url(path);
  let lastTab = 0;

  async function open(path: string): Promise<{ page: Page; tabId: number }> {
    const page = await site.browser.context.newPage();
    await page.goto(url(path));
    await page.waitForFunction(
      () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0,
      null,
      { timeout: 15_000 },
    );
    const tabId = await tabIdOf(site.browser.worker, url(path), lastTab);
    lastTab = Math.max(lastTab, tabId);
    await page.bringToFront();
    return { page, tabId };
  }

  it('declares the shortcuts, and the browser assigns their keys', async () => {
    const commands = await site.browser.worker.evaluate(() => chrome.commands.getAll());
    const byName = Object.fromEntries(commands.map((c) => [c.name, c.shortcut]));
    expect(byName['next-mention']).toBe('Alt+Shift+J');
    expect(byName['previous-mention']).toBe('Alt+Shift+K');
  });

  it('steps from mention to mention, opening each card with focus inside; Esc closes it and gives focus back', async () => {
    const { page, tabId } = await open('/world/us-uk-encryption.html');
    await page.focus('nav a');

    const first = await stepMention(site.browser.worker, tabId, 'next');
    expect(first.index).toBe(0);
    expect(first.total).toBeGreaterThan(10);
    await expect.poll(async () => (await cardState(page)).name).toBe('Rod Rosenstein');
    const state = await cardState(page);
    // Focus is in our card (the page sees our host element as the focused one).
    expect(state.focus).toBe('dramatis-ui');
    expect(state.focused).toContain('panel');
    const focusRanges = await page.evaluate(() =>
      [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dramatis-focus') ?? [])].map(
        (r) => r.toString(),
      ),
    );
    expect(focusRanges).toEqual(['Rod Rosenstein']);

    // "Rosenstein, the second most senior official at the U.S. Department of Justice, …"
    expect((await stepMention(site.browser.worker, tabId, 'next')).index).toBe(1);
    await expect.poll(async () => (await cardState(page)).name).toBe('Rod Rosenstein');
    expect((await stepMention(site.browser.worker, tabId, 'next')).index).toBe(2);
    await expect.poll(async () => (await cardState(page)).name).toBe('U.S. Department of Justice');
    expect((await stepMention(site.browser.worker, tabId, 'previous')).index).toBe(1);
    await expect.poll(async () => (await cardState(page)).name).toBe('Rod Rosenstein');
    expect((await stepMention(site.browser.worker, tabId, 'next')).index).toBe(2);

    // Tab reaches the card's links and its button.
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(
      () => (document.querySelector('dramatis-ui')?.shadowRoot?.activeElement as Element | null)?.localName ?? null,
    );
    expect(['a', 'button']).toContain(inside);

    await page.keyboard.press('Escape');
    await expect.poll(async () => (await cardState(page)).name).toBe(null);
    // Focus goes back where it was before the shortcut.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('World');
    const focusAfter = await page.evaluate(() =>
      (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('dramatis-focus'),
    );
    expect(focusAfter).toBe(false);

    // Going backwards from the top wraps round to the last mention.
    await page.evaluate(() => window.scrollTo(0, 0));
    const last = await stepMention(site.browser.worker, tabId, 'previous');
    expect(last.index).toBeGreaterThan(0);
    await page.close();
  });

  it('starts from what is on screen when the reader has scrolled away', async () => {
    const { page, tabId } = await open('/world/us-uk-encryption.html');
    const point = await pointOf(page, 'GCHQ');
    if (!point) throw new Error('GCHQ is not on the page');
    const step = await stepMention(site.browser.worker, tabId, 'next');
    // The first mention at or below the top of the screen, not the first of the article.
    expect(step.index).toBeGreaterThan(3);
    const top = await page.evaluate(() => {
      const focus = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('dramatis-focus');
      return [...(focus ?? [])][0]?.getBoundingClientRect().top ?? -1;
    });
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(900);
    await page.close();
  });

  it('shows the role then and now, stances on the article’s topics, and a few sourced statements', async () => {
    const { page } = await open('/world/us-uk-encryption.html');
    const point = await pointOf(page, 'Andrew Parker');
    if (!point) throw new Error('"Andrew Parker" is not on the page');
    await page.mouse.move(point.x, point.y);
    const card = page.locator('dramatis-ui .card');
    await card.waitFor({ state: 'visible', timeout: 5_000 });
    await expect.poll(() => card.locator('.card__name').textContent()).toBe('Andrew Parker');
    const roles = await card.locator('.card__role').allTextContents();
    expect(roles[0]).toMatch(/^On 12 Oct 2017: Director General, MI5/);
    expect(roles[1]).toMatch(/^Now: Lord Chamberlain/);
    const stances = await card.locator('.card__stance h3').allTextContents();
    expect(stances[0]).toBe('On encryption');
    const quotes = card.locator('.card__quote');
    const count = await quotes.count();
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(3);
    for (let i = 0; i < count; i++) {
      const source = await quotes.nth(i).locator('.card__source').textContent();
      // Each statement is dated, and said before the article.
      const date = /(\d{1,2} \w{3} )?(\w{3} )?(\d{4})/.exec(source ?? '');
      expect(date).not.toBeNull();
      expect(Number(date?.[3])).toBeLessThanOrEqual(2017);
      expect(await quotes.nth(i).locator('a').getAttribute('href')).toMatch(/^https:\/\//);
    }
    await page.close();
  });

  it('opens the full profile in a tab of its own from the card', async () => {
    const { page, tabId } = await open('/world/us-uk-encryption.html');
    await stepMention(site.browser.worker, tabId, 'next');
    await expect.poll(async () => (await cardState(page)).name).toBe('Rod Rosenstein');
    const opened = site.browser.context.waitForEvent('page');
    await page.locator('dramatis-ui .card__profile').click();
    const profile = await opened;
    await profile.waitForLoadState();
    const address = new URL(profile.url());
    expect(address.protocol).toBe('chrome-extension:');
    expect(address.pathname).toBe('/popup.html');
    expect(address.searchParams.get('tab')).toBe(String(tabId));
    expect(address.searchParams.get('entity')).toBe('rod-rosenstein');
    // The popup page describes the article's tab, so the person is there to read about.
    await expect.poll(() => profile.locator('body').textContent(), { timeout: 5_000 }).toContain('Rod Rosenstein');
    await profile.close();
    await page.close();
  });

  it('matches a dark page, and sits above a cookie wall at the highest z-index', async () => {
    const { page, tabId } = await open('/world/encryption-hearing-notes.html');
    await stepMention(site.browser.worker, tabId, 'next');
    await expect.poll(async () => (await cardState(page)).name).not.toBe(null);
    // The wall comes after our card in the page, at the same z-index: only the top layer keeps
    // the card above it.
    await page.evaluate(() => (window as unknown as { showCookieWall(): void }).showCookieWall());
    const placement = await page.evaluate(() => {
      const host = document.querySelector('dramatis-ui') as HTMLElement;
      const panel = host.shadowRoot?.querySelector('.panel') as HTMLElement;
      const rect = panel.getBoundingClientRect();
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + Math.min(20, rect.height / 2));
      return { dark: panel.classList.contains('dark'), topLayer: host.matches(':popover-open'), hit: hit?.localName };
    });
    expect(placement).toEqual({ dark: true, topLayer: true, hit: 'dramatis-ui' });
    await page.close();
  });
});
