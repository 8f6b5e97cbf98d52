import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve('.output/chrome-mv3');

/** The news host the test pages are served under; Chromium resolves it to 127.0.0.1. */
export const NEWS_HOST = 'www.reuters.com';

export function e2eSkipReason(): string | null {
  if (process.env.DRAMATIS_SKIP_E2E === '1') return 'DRAMATIS_SKIP_E2E=1';
  return null;
}

/** Fails with instructions when there is no browser, unless the run asked to skip. */
export function requireChromium(extensionDir = EXTENSION_DIR, needsExtension = true): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}. Install one (Debian/Ubuntu: sudo apt-get install chromium), set CHROMIUM_PATH, or set DRAMATIS_SKIP_E2E=1 to skip the browser tests.`,
    );
  }
  if (needsExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
}

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close: () => Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** The unpacked extension to load; the build in .output by default. */
  extensionDir?: string;
  /** More host-resolver rules after the news host's, e.g. `MAP * ~NOTFOUND` to keep a run offline. */
  hostRules?: string[];
}

/** Flags every launch shares: the news host mapped here, and nothing that calls home. */
function commonArgs(hostRules: string[] = []): string[] {
  return [
    `--host-resolver-rules=${[`MAP ${NEWS_HOST} 127.0.0.1`, ...hostRules].join(', ')}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
}

/** The same headless Chromium without any extension: pages as they are without Dramatis. */
export async function launchPlain(options: Pick<LaunchOptions, 'hostRules'> = {}): Promise<Browser> {
  requireChromium(EXTENSION_DIR, false);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: commonArgs(options.hostRules) });
}

/** Headless Chromium with the built extension loaded and the news host mapped to this machine. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<Launched> {
  const extensionDir = resolve(options.extensionDir ?? EXTENSION_DIR);
  requireChromium(extensionDir);
  const profile = mkdtempSync(join(tmpdir(), 'dramatis-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...commonArgs(options.hostRules),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
