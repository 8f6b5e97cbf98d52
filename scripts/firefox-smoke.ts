/**
 * Smoke run in Firefox: loads .output/firefox-mv3 as a temporary add-on through `web-ext run`
 * (headless), opens a sample article served here under a curated news host, and prints the
 * highlights the content script painted, as the page reports them.
 *   npm run build && npm run smoke:firefox
 * Needs Firefox (Debian: apt-get install firefox-esr; or set FIREFOX_PATH).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FIREFOX, FIREFOX_EXTENSION_DIR, paintedCount, startFirefox, within } from './lib/firefox-smoke';

if (!existsSync(FIREFOX)) {
  console.error(`No Firefox at ${FIREFOX}: install firefox-esr or set FIREFOX_PATH.`);
  process.exit(2);
}
if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
  console.error('No Firefox build: run `npm run build` first.');
  process.exit(2);
}
const firefox = await startFirefox();
try {
  const result = await within(firefox.report, 90_000, firefox, 'the sample page');
  const total = paintedCount(result.highlights);
  console.log(`Firefox: ${result.userAgent}`);
  console.log(`Content script painted ${total} mentions, ${result.ms} ms after the page started:`);
  for (const [name, words] of Object.entries(result.highlights)) console.log(`  ${name}: ${words.join(', ')}`);
  if (total === 0) process.exitCode = 1;
} finally {
  await firefox.stop();
}
