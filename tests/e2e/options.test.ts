import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { e2eSkipReason } from '../../scripts/lib/browser';
import { axeViolations, highlightedWords, highlightNames, serious, tabIdOf } from './lib/extension-pages';
import { pointOf } from './lib/page-probes';
import { useTestSite } from './lib/test-site';

const skip = e2eSkipReason();
const SHOTS = resolve('docs/screenshots');
const FIXTURES = resolve('tests/fixtures/personal');

describe.skipIf(skip !== null)('the options page in Chromium', () => {
  const site = useTestSite();
  const url = (path: string) => site.url(path);
  const ARTICLE = '/world/us-uk-encryption.html';

  // Every test starts from a fresh store: defaults, no site choices, no personal dataset.
  beforeEach(async () => {
    await site.browser.worker.evaluate(() => chrome.storage.local.clear());
  });

  async function openArticle(path = ARTICLE): Promise<Page> {
    const page = await site.browser.context.newPage();
    await page.goto(url(path));
    await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('dramatis-')), null, {
      timeout: 15_000,
    });
    return page;
  }

  async function openOptions(): Promise<Page> {
    const options = await site.browser.context.newPage();
    await options.goto(`chrome-extension://${site.browser.extensionId}/options.html`);
    await options.locator('#display-heading').waitFor();
    return options;
  }

  const saved = (options: Page) => options.locator('#saved').textContent();

  it('applies highlight style, entity types and click-to-open to the open page at once', async () => {
    const page = await openArticle();
    expect(await highlightNames(page)).toEqual(['dramatis-person', 'dramatis-company', 'dramatis-agency']);
    const options = await openOptions();

    await options.getByLabel('A tinted background').check();
    await expect.poll(() => saved(options)).toBe('Saved: highlight style.');
    await expect
      .poll(() => highlightNames(page))
      .toEqual(['dramatis-person-bg', 'dramatis-company-bg', 'dramatis-agency-bg']);

    await options.getByLabel('Companies').uncheck();
    await expect.poll(() => highlightNames(page)).toEqual(['dramatis-person-bg', 'dramatis-agency-bg']);
    expect(await highlightedWords(page, 'dramatis-person-bg')).toContain('Amber Rudd');

    await options.getByLabel('Nothing (cards still open on the names)').check();
    await expect.poll(() => highlightNames(page)).toEqual([]);
    // Unpainted names still open their card on hover.
    await page.bringToFront();
    await hover(page, 'Amber Rudd');
    await page.locator('dramatis-ui .card').waitFor({ state: 'visible', timeout: 5_000 });
    await page.keyboard.press('Escape');

    await options.getByLabel('An underline').check();
    await options.getByLabel('Only when I click the name').check();
    await expect.poll(() => saved(options)).toBe('Saved: how cards open.');
    await page.bringToFront();
    await page.mouse.move(5, 5);
    await hover(page, 'Amber Rudd');
    await page.waitForTimeout(900);
    expect(await page.locator('dramatis-ui .card').isVisible()).toBe(false);
    const point = await pointOf(page, 'Amber Rudd');
    if (!point) throw new Error('no Amber Rudd');
    await page.mouse.click(point.x, point.y);
    await page.locator('dramatis-ui .card').waitFor({ state: 'visible', timeout: 5_000 });
    expect(await page.locator('dramatis-ui .card__name').textContent()).toBe('Amber Rudd');

    // A new page reads the stored settings too.
    const again = await openArticle();
    expect(await highlightNames(again)).toEqual(['dramatis-person', 'dramatis-agency']);
    for (const p of [options, page, again]) await p.close();
  });

  it('imports a personal dataset: precise errors for a bad file, merged when valid, removable', async () => {
    const page = await site.browser.context.newPage();
    const regulator = url('/world/regulator-consultation.html');
    await page.goto(regulator);
    await expect.poll(() => tabIdOf(site.browser.worker, regulator)).toBeGreaterThan(0);
    expect(await highlightedWords(page, 'dramatis-person')).not.toContain('Priya Example');

    const options = await openOptions();
    await options.locator('#dataset-file').setInputFiles(join(FIXTURES, 'invalid.json'));
    const errors = options.locator('#dataset-errors li');
    await errors.first().waitFor();
    const lines = await errors.allTextContents();
    expect(lines).toEqual(
      expect.arrayContaining([
        'invalid.json › entity 1 (priya-example): statements.0.url: must be an https:// URL',
        'invalid.json › entity 2 (Bad Id): id: must be kebab-case (a-z, 0-9, hyphens)',
        'invalid.json › entity 2 (Bad Id): type: must be person, company or agency',
      ]),
    );
    expect(await options.locator('#problem').textContent()).toBe('invalid.json was not imported; nothing was changed.');
    expect(await options.locator('#dataset-status').textContent()).toContain('No dataset of your own');
    expect(await site.browser.worker.evaluate(() => chrome.storage.local.get('personalDataset'))).toEqual({});

    await options.locator('#dataset-file').setInputFiles(join(FIXTURES, 'valid.json'));
    await expect.poll(() => saved(options)).toMatch(/^Imported valid\.json: 1 entities \(1 added/);
    expect(await options.locator('#dataset-status').textContent()).toContain('valid.json: 1 entity, 1 added');
    await page.reload();
    await expect.poll(() => highlightedWords(page, 'dramatis-person')).toContain('Priya Example');

    await options.locator('#remove-dataset').click();
    await expect.poll(() => saved(options)).toMatch(/^Removed your dataset/);
    await page.reload();
    await page.waitForTimeout(1_000);
    expect(await highlightedWords(page, 'dramatis-person')).not.toContain('Priya Example');
    await options.close();
    await page.close();
  });

  it('exports the settings to a file and reads them back; a bad file changes nothing', async () => {
    const options = await openOptions();
    await options.getByLabel('A tinted background').check();
    await options.getByLabel('Agencies').uncheck();
    await expect.poll(() => saved(options)).toBe('Saved: agencies.');
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.locator('#export-settings').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^dramatis-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const file = join(tmpdir(), `dramatis-settings-${process.pid}.json`);
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported).toMatchObject({
      format: 'dramatis-settings',
      version: 1,
      settings: { highlightStyle: 'background', highlightTypes: { person: true, company: true, agency: false } },
    });

    await options.getByLabel('An underline').check();
    await options.getByLabel('Agencies').check();
    await expect.poll(() => saved(options)).toBe('Saved: agencies.');

    const bad = join(tmpdir(), `dramatis-bad-settings-${process.pid}.json`);
    writeFileSync(bad, JSON.stringify({ ...exported, settings: { ...exported.settings, highlightStyle: 'glitter' } }));
    await options.locator('#settings-file').setInputFiles(bad);
    await options.locator('#settings-errors li').first().waitFor();
    expect(await options.locator('#settings-errors li').allTextContents()).toEqual([
      expect.stringMatching(
        /^dramatis-bad-settings-\d+\.json: settings\.highlightStyle: must be one of: underline, background, none$/,
      ),
    ]);
    expect(await options.getByLabel('An underline').isChecked()).toBe(true);

    await options.locator('#settings-file').setInputFiles(file);
    await expect.poll(() => saved(options)).toMatch(/your settings are restored/);
    expect(await options.getByLabel('A tinted background').isChecked()).toBe(true);
    expect(await options.getByLabel('Agencies').isChecked()).toBe(false);
    await options.close();
  });

  it('lists the sites switched by hand and removes one', async () => {
    const page = await openArticle();
    await site.browser.worker.evaluate(() =>
      chrome.storage.local.set({ siteChoices: { 'reuters.com': { on: false, at: Date.UTC(2026, 0, 5) } } }),
    );
    await expect.poll(() => highlightNames(page)).toEqual([]);
    const options = await openOptions();
    const row = options.locator('tr[data-host="reuters.com"]');
    expect(await row.locator('.site-state').textContent()).toBe('Off by you');
    expect(await row.textContent()).toContain('5 Jan 2026');
    await row.getByRole('button', { name: 'Remove reuters.com from the list' }).click();
    await row.waitFor({ state: 'detached' });
    expect(await saved(options)).toBe('Removed reuters.com; it follows its default again.');
    // Back to its default (on), and the open page is marked again.
    await expect.poll(async () => (await highlightNames(page)).length, { timeout: 5_000 }).toBeGreaterThan(0);
    await options.close();
    await page.close();
  });

  it('reports a full storage quota instead of swallowing it, and keeps the stored value', async () => {
    const options = await openOptions();
    // Fill the extension's storage to just under its quota.
    await site.browser.worker.evaluate(async () => {
      const quota = (chrome.storage.local as unknown as { QUOTA_BYTES: number }).QUOTA_BYTES;
      const used = await chrome.storage.local.getBytesInUse(null);
      await chrome.storage.local.set({ filler: 'x'.repeat(quota - used - 64) });
    });
    await options.getByLabel('Only when I click the name').check();
    await expect.poll(() => options.locator('#problem').textContent()).toMatch(/^Browser storage for Dramatis is full/);
    // The page shows what is really stored again.
    await expect.poll(() => options.getByLabel('When I rest the pointer on the name').isChecked()).toBe(true);

    await options.locator('#dataset-file').setInputFiles(join(FIXTURES, 'valid.json'));
    await expect
      .poll(() => options.locator('#problem').textContent())
      .toMatch(/dataset "valid\.json" could not be saved/);
    await site.browser.worker.evaluate(() => chrome.storage.local.remove('filler'));
    await options.close();
  });

  it('reads damaged settings back, keeping every field that is still readable', async () => {
    await site.browser.worker.evaluate(() =>
      chrome.storage.local.set({
        settings: { openCards: 'click', highlightStyle: 42, highlightTypes: { person: 'yes', company: false } },
      }),
    );
    const options = await openOptions();
    expect(await options.getByLabel('Only when I click the name').isChecked()).toBe(true);
    expect(await options.getByLabel('An underline').isChecked()).toBe(true);
    expect(await options.getByLabel('People').isChecked()).toBe(true);
    expect(await options.getByLabel('Companies').isChecked()).toBe(false);
    expect(await options.getByLabel('Agencies').isChecked()).toBe(true);
    await options.close();
  });

  it('is keyboard-operable, passes axe, and is photographed', async () => {
    await site.browser.worker.evaluate(() =>
      chrome.storage.local.set({ siteChoices: { 'example.org': { on: false, at: Date.UTC(2026, 10, 2) } } }),
    );
    const options = await openOptions();
    // Tab reaches the first control; arrow keys move within a radio group and save.
    await options.keyboard.press('Tab');
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('paused');
    await options.keyboard.press('Tab');
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('open-cards-hover');
    await options.keyboard.press('ArrowDown');
    await expect.poll(() => saved(options)).toBe('Saved: how cards open.');
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('open-cards-click');
    const outline = await options.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe('solid');
    const ids: string[] = [];
    for (let i = 0; i < 16; i++) {
      await options.keyboard.press('Tab');
      ids.push(await options.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || ''));
    }
    expect(ids).toEqual(
      expect.arrayContaining(['highlight-style-underline', 'type-person', 'dataset-file', 'export-settings']),
    );

    mkdirSync(SHOTS, { recursive: true });
    await options.setViewportSize({ width: 900, height: 900 });
    await options.screenshot({ path: `${SHOTS}/options.png`, fullPage: true });
    const violations = await axeViolations(options);
    expect(serious(violations), JSON.stringify(violations, null, 1)).toEqual([]);
    await options.close();
  });
});

async function hover(page: Page, text: string): Promise<void> {
  const point = await pointOf(page, text);
  if (!point) throw new Error(`"${text}" is not on the page`);
  await page.mouse.move(point.x, point.y);
}
