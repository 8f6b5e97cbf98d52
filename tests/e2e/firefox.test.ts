import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { e2eSkipReason, NEWS_HOST } from '../../scripts/lib/browser';
import {
  FIREFOX,
  FIREFOX_EXTENSION_DIR,
  OTHER_HOST,
  paintedCount,
  type RunningFirefox,
  SMOKE_PAGE,
  startFirefox,
  within,
} from '../../scripts/lib/firefox-smoke';
import { Marionette } from '../../scripts/lib/marionette';

const ADDON_ID = 'dramatis@dramatis.app';
const skip =
  e2eSkipReason() ??
  (existsSync(FIREFOX) ? null : `no Firefox at ${FIREFOX} (Debian: apt-get install firefox-esr)`) ??
  (existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json')) ? null : 'no Firefox build: run `npm run build`');
if (skip) console.warn(`Skipping the Firefox tests: ${skip}`);

/** Runs privileged code in Firefox itself, standing in for what a person does in its UI. */
const inBrowser = (m: Marionette, body: string) =>
  m.run<unknown>(
    `const done = arguments[arguments.length - 1];
     (async () => {
       const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
       const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
       const policy = WebExtensionPolicy.getByID('${ADDON_ID}');
       const site = { permissions: [], origins: ['*://${OTHER_HOST}/*', '*://www.${OTHER_HOST}/*'] };
       ${body}
     })().then(done, (e) => done('error: ' + e));`,
    [],
    'chrome',
  );

const highlightNames = (m: Marionette) =>
  m.run<string[]>(
    `arguments[arguments.length - 1]([...CSS.highlights.keys()].filter((k) => k.startsWith('dramatis-')));`,
  );

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(skip !== null)('Dramatis in Firefox ESR (web-ext run, headless)', () => {
  let firefox: RunningFirefox | undefined;
  let driver: Marionette | undefined;
  afterEach(async () => {
    driver?.close();
    await firefox?.stop();
    firefox = driver = undefined;
  });

  it('annotates an article on a curated news site', async () => {
    firefox = await startFirefox();
    const report = await within(firefox.report, 60_000, firefox, 'the sample page');
    expect(report.userAgent).toMatch(/Firefox\/\d+/);
    expect(report.highlights['dramatis-person']).toEqual(
      expect.arrayContaining(['Amber Rudd', 'Rod Rosenstein', 'Rosenstein', 'Rudd']),
    );
    expect(report.highlights['dramatis-agency']).toEqual(['U.S. Department of Justice', 'MI5', 'GCHQ']);
    expect(paintedCount(report.highlights)).toBe(12);
  });

  it("parses a page of thousands of elements in the background page, off the page's thread", async () => {
    firefox = await startFirefox({ startPath: '/smoke/firefox-big.html' });
    const report = await within(firefox.report, 60_000, firefox, 'the big sample page');
    expect(report.marks).toEqual(expect.arrayContaining(['dramatis:handed-off', 'dramatis:parsed-elsewhere']));
    expect(report.highlights['dramatis-person']).toEqual(
      expect.arrayContaining(['Teresa Ribera', 'Ribera', 'Margrethe Vestager']),
    );
    expect(report.highlights['dramatis-company']).toEqual(expect.arrayContaining(['Apple', 'Meta Platforms']));
  });

  it('on a site off the list: reads nothing until allowed, then at once; registered again after a restart; off again when revoked', async () => {
    const port = 28_000 + Math.floor(Math.random() * 2_000);
    firefox = await startFirefox({ startHost: OTHER_HOST, marionettePort: port });
    driver = await Marionette.connect(port, 40_000);
    const m = driver;
    const page = `http://${OTHER_HOST}:${firefox.port}${SMOKE_PAGE}`;
    await m.navigate(page);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await highlightNames(m)).toEqual([]);

    // What the browser does when the person allows this one site.
    expect(await inBrowser(m, 'await ExtensionPermissions.add(policy.id, site, policy.extension); return "ok";')).toBe(
      'ok',
    );
    // Injected into the open tab at once…
    expect(
      await eventually(
        () => highlightNames(m),
        (n) => n.length > 0,
      ),
    ).toEqual(['dramatis-person', 'dramatis-company', 'dramatis-agency']);
    // …and registered for the site's next pages.
    await m.navigate(page);
    expect(
      await eventually(
        () => highlightNames(m),
        (n) => n.length > 0,
      ),
    ).toContain('dramatis-person');

    // The add-on restarts (as on a browser start): the registration is made again from the permission.
    expect(
      await inBrowser(
        m,
        `const addon = await AddonManager.getAddonByID('${ADDON_ID}'); await addon.reload(); return "ok";`,
      ),
    ).toBe('ok');
    await new Promise((r) => setTimeout(r, 1_500));
    await m.navigate(page);
    expect(
      await eventually(
        () => highlightNames(m),
        (n) => n.length > 0,
      ),
    ).toContain('dramatis-person');

    // The person takes the permission back: the marks go at once, and the site stays off.
    expect(
      await inBrowser(m, 'await ExtensionPermissions.remove(policy.id, site, policy.extension); return "ok";'),
    ).toBe('ok');
    expect(
      await eventually(
        () => highlightNames(m),
        (n) => n.length === 0,
      ),
    ).toEqual([]);
    await m.navigate(page);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await highlightNames(m)).toEqual([]);

    // A curated site is unaffected throughout.
    await m.navigate(`http://${NEWS_HOST}:${firefox.port}${SMOKE_PAGE}`);
    expect(
      await eventually(
        () => highlightNames(m),
        (n) => n.length > 0,
      ),
    ).toContain('dramatis-person');
  });
});
