/**
 * Opens Chromium with the built extension on the sample article. With a display, the browser
 * stays open for you to hover names and open the popup; without one, it runs headless, prints
 * the cast it found and writes screenshots to docs/screenshots/.
 *   npm run demo
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension, NEWS_HOST } from './lib/browser';
import { serveFolder } from './lib/static-server';

const headless = !process.env.DISPLAY || process.argv.includes('--headless');
const shots = resolve('docs/screenshots');

const server = await serveFolder(resolve('tests/e2e/site'));
const url = `http://${NEWS_HOST}:${server.port}/world/us-uk-encryption.html`;
const browser = await launchWithExtension({ headless });
const page = await browser.context.newPage();
await page.goto(url);
await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, null, {
  timeout: 15_000,
});

if (!headless) {
  console.log(`Dramatis is loaded. The sample article is open at ${url}.`);
  console.log('Hover a highlighted name, or click the toolbar button. Close the browser to finish.');
  await new Promise<void>((done) => browser.context.on('close', () => done()));
  await server.close();
  process.exit(0);
}

mkdirSync(shots, { recursive: true });
// Hover "Amber Rudd" for the card.
const point = await page.evaluate(() => {
  const walker = document.createTreeWalker(document.querySelector('article') as Node, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf('Amber Rudd');
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + 10);
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }
  return null;
});
if (point) {
  await page.mouse.move(point.x, point.y);
  await page.locator('dramatis-ui .card').waitFor({ state: 'visible', timeout: 5_000 });
  await page.screenshot({ path: `${shots}/hover-card.png` });
}

const tabId = await browser.worker.evaluate(async (u) => {
  const all = await chrome.storage.session.get(null);
  for (const [key, value] of Object.entries(all))
    if ((value as { url?: string }).url === u) return Number(key.slice(4));
  return -1;
}, url);
const popup = await browser.context.newPage();
await popup.setViewportSize({ width: 380, height: 600 });
await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
await popup.locator('.cast').first().waitFor();
await popup.screenshot({ path: `${shots}/popup-cast.png` });

console.log(`Cast of "${await popup.locator('.title').textContent()}":`);
for (const group of await popup.locator('.group').all()) {
  console.log(`  ${await group.locator('h3').textContent()}`);
  for (const item of await group.locator('.member-row').all()) {
    const name = await item.locator('.member__name').textContent();
    const role = (await item.locator('.member__role').count()) ? await item.locator('.member__role').textContent() : '';
    const count = await item.locator('.member__count').textContent();
    console.log(`    ${name} (${count}×)${role ? ` — ${role}` : ''}`);
  }
}
await popup.locator('[data-id="rod-rosenstein"] .member').click();
await popup.locator('.profile').waitFor();
await popup.screenshot({ path: `${shots}/popup-profile.png`, fullPage: true });
console.log(`Screenshots written to ${shots}`);

await browser.close();
await server.close();
