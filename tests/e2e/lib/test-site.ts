import { resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type Launched, launchWithExtension, NEWS_HOST } from '../../../scripts/lib/browser';
import { serveFolder } from '../../../scripts/lib/static-server';

export interface TestSite {
  /** Chromium with the built extension; set once the describe block's tests start. */
  readonly browser: Launched;
  /** The address of a test-site page, served under the curated news host. */
  url(path: string): string;
  /** Every request the site has received so far, as host + path. */
  readonly requests: readonly string[];
}

/**
 * For one describe block: serves `tests/e2e/site` under the news host and launches Chromium
 * with the built extension before its tests, and closes both after them.
 */
export function useTestSite(): TestSite {
  let browser: Launched | undefined;
  let server: Awaited<ReturnType<typeof serveFolder>> | undefined;
  beforeAll(async () => {
    server = await serveFolder(resolve('tests/e2e/site'));
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the test site is not up yet: use it inside a test or hook');
      return browser;
    },
    get requests() {
      if (!server) throw new Error('the test site is not up yet: use it inside a test or hook');
      return server.requests;
    },
    url: (path) => {
      if (!server) throw new Error('the test site is not up yet: use it inside a test or hook');
      return `http://${NEWS_HOST}:${server.port}${path}`;
    },
  };
}
