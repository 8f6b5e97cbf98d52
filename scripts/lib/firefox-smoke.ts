import { type ChildProcess, spawn } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { NEWS_HOST } from './browser';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
/** A host off the curated list, also pointed at this machine. */
export const OTHER_HOST = 'blog.localtest';
export const SMOKE_PAGE = '/smoke/firefox.html';

export interface PageReport {
  userAgent: string;
  highlights: Record<string, string[]>;
  /** From the page's first script to the report. */
  ms: number;
  /** Names of our marks on the page's timeline, when the page reports them. */
  marks?: string[];
}

export interface RunningFirefox {
  /** Port of the local site, served for both hosts. */
  port: number;
  /** The first report a sample page posts back (see tests/e2e/site/smoke/report.js). */
  report: Promise<PageReport>;
  log: () => string;
  stop(): Promise<void>;
}

const SITE = resolve('tests/e2e/site');

function serveSite(onReport: (r: PageReport) => void): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'POST' && path === '/__report') {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        res.writeHead(204).end();
        const data = JSON.parse(body) as {
          highlights: Record<string, string[]>;
          ua: string;
          ms: number;
          marks?: string[];
        };
        onReport({ highlights: data.highlights, userAgent: data.ua, ms: data.ms, marks: data.marks });
      });
      return;
    }
    const file = normalize(join(SITE, decodeURIComponent(path)));
    try {
      if (!file.startsWith(SITE) || !statSync(file).isFile()) throw new Error('no file');
    } catch {
      res.writeHead(404).end();
      return;
    }
    const type =
      extname(file) === '.html'
        ? 'text/html; charset=utf-8'
        : extname(file) === '.js'
          ? 'text/javascript'
          : 'text/plain';
    res.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(res);
  });
}

/**
 * Serves the sample site on 127.0.0.1, points the news host (and OTHER_HOST) at it inside
 * Firefox, and runs the built add-on with `web-ext run` in headless Firefox, opening `startPath`.
 * With `marionettePort`, Firefox also listens for a driver (scripts/lib/marionette.ts).
 */
export async function startFirefox(
  options: {
    startHost?: string;
    startPath?: string;
    marionettePort?: number;
    prefs?: Record<string, string>;
    /** Pass Firefox's output, extension console messages included, into the log. */
    verbose?: boolean;
  } = {},
): Promise<RunningFirefox> {
  let onReport: (r: PageReport) => void = () => undefined;
  const report = new Promise<PageReport>((r) => {
    onReport = r;
  });
  const server = serveSite((r) => onReport(r));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;

  const prefs: Record<string, string> = {
    // The sample hosts resolve to this machine, as in the Chromium tests.
    'network.dns.localDomains': `${NEWS_HOST},${OTHER_HOST},www.${OTHER_HOST}`,
    'network.dns.disableIPv6': 'true',
    'browser.shell.checkDefaultBrowser': 'false',
    'datareporting.policy.dataSubmissionEnabled': 'false',
    ...(options.marionettePort ? { 'marionette.port': String(options.marionettePort) } : {}),
    ...(options.verbose ? { 'devtools.console.stdout.chrome': 'true', 'devtools.console.stdout.content': 'true' } : {}),
    ...options.prefs,
  };
  const args = [
    'run',
    '--target=firefox-desktop',
    `--firefox=${FIREFOX}`,
    `--source-dir=${FIREFOX_EXTENSION_DIR}`,
    `--start-url=http://${options.startHost ?? NEWS_HOST}:${port}${options.startPath ?? SMOKE_PAGE}`,
    '--no-input',
    '--no-reload',
    ...(options.verbose ? ['--verbose'] : []),
    ...Object.entries(prefs).map(([k, v]) => `--pref=${k}=${v}`),
    ...(options.marionettePort ? ['--arg=-marionette', '--arg=-remote-allow-system-access'] : []),
  ];
  const child: ChildProcess = spawn(resolve('node_modules/.bin/web-ext'), args, {
    env: { ...process.env, MOZ_HEADLESS: '1' },
    // Its own process group, so web-ext and the Firefox it starts are stopped together.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => {
    log += d;
  });
  child.stderr?.on('data', (d) => {
    log += d;
  });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  return {
    port,
    report,
    log: () => log,
    async stop() {
      if (child.pid && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {}
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      }
      await new Promise((r) => server.close(r));
    },
  };
}

/** Resolves with `promise`, or fails after `ms` with the Firefox log for context. */
export function within<T>(promise: Promise<T>, ms: number, firefox: RunningFirefox, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms\n${firefox.log()}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const paintedCount = (highlights: Record<string, string[]>) =>
  Object.entries(highlights)
    .filter(([name]) => name.startsWith('dramatis-'))
    .reduce((n, [, words]) => n + words.length, 0);
