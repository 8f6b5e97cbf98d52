/**
 * The sweep: the built extension on every page of the shared corpus, in headless Chromium.
 *   npm run sweep [-- --limit N] [--json] [--extension DIR] [--corpus DIR] [--match TEXT] [--verbose] [--details FILE]
 * For each page: errors from our scripts, whether the page's DOM changed, mentions painted,
 * network requests from the extension, and the content script's timings, with mark.js timed
 * on the same words in a fresh copy of the page. Exits 1 when any error, DOM change or request
 * is found; the speed targets are printed, not enforced.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchPlain, launchWithExtension } from './lib/browser';
import { parseSweepArgs } from './lib/sweep/args';
import { listCorpus, readPageBytes, samplePages } from './lib/sweep/corpus';
import { watchExtension } from './lib/sweep/extension-watch';
import { servePages } from './lib/sweep/page-server';
import { formatSummary, summarize } from './lib/sweep/report';
import { openTabs, type PageResult, sweepPage, type Tabs } from './lib/sweep/run-page';

const argv = process.argv.slice(2);
const detailsAt = argv.indexOf('--details');
const detailsFile = detailsAt >= 0 ? argv.splice(detailsAt, 2)[1] : undefined;
let args: ReturnType<typeof parseSweepArgs>;
try {
  args = parseSweepArgs(argv);
} catch (err) {
  process.stderr.write(`sweep: ${(err as Error).message}\n`);
  process.exit(2);
}
const say = (line: string) => {
  if (!args.json) process.stdout.write(`${line}\n`);
};

const corpus = listCorpus(args.corpus);
if (corpus.length === 0) {
  const message = `sweep: skipped, no corpus pages at ${args.corpus}`;
  if (args.json) process.stderr.write(`${message}\n`);
  else say(message);
  process.exit(0);
}
const pages = samplePages(
  args.match ? corpus.filter((p) => p.name.includes(args.match as string)) : corpus,
  args.limit,
);

// A private copy of the build, so a rebuild during the run cannot change what is measured.
let extensionDir: string;
try {
  if (!statSync(join(args.extension, 'manifest.json')).isFile()) throw new Error('no manifest');
  extensionDir = mkdtempSync(join(tmpdir(), 'dramatis-sweep-ext-'));
  cpSync(args.extension, extensionDir, { recursive: true });
} catch {
  process.stderr.write(`sweep: no built extension at ${args.extension} (run \`npm run build\` first)\n`);
  process.exit(2);
}
const markJsSource = readFileSync(createRequire(import.meta.url).resolve('mark.js/dist/mark.js'), 'utf8');

/** The news site the pages are served under; the content script runs on all its hosts. */
const NEWS_SITE = 'reuters.com';
const bytes = new Map<number, Buffer>();
const server = await servePages((i) => bytes.get(i));
// Every other host name fails at once: the saved pages' links to their sites go nowhere, and
// a request from the extension could not leave the machine even if one were made.
// Each page gets a host of its own under the news site (p1.reuters.com, …), so nothing one
// page stores (cookies aside) is there for the next.
const hostRules = ['MAP *.reuters.com 127.0.0.1', 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'];
const browser = await launchWithExtension({ extensionDir, hostRules });
const plain = await launchPlain({ hostRules });
const watch = watchExtension(browser.context, browser.extensionId);
const open = () => openTabs(browser.context, plain, watch, browser.extensionId, markJsSource);
let tabs: Tabs = await open();

say(`Sweeping ${pages.length} of ${corpus.length} corpus pages with the extension in ${args.extension}`);
const started = Date.now();
const results: PageResult[] = [];
try {
  for (const [i, page] of pages.entries()) {
    const body = readPageBytes(page.path);
    bytes.clear();
    bytes.set(i, body);
    const result = await sweepPage(
      tabs,
      page.name,
      body.length,
      `http://p${i}.${NEWS_SITE}:${server.port}${server.pathOf(i)}`,
    );
    results.push(result);
    if (args.verbose)
      say(
        `${String(i + 1).padStart(5)} ${result.status.padEnd(12)} ${String(result.painted).padStart(4)} marks ` +
          `${result.domChanged ? 'DOM-CHANGED ' : ''}${result.errors.length ? `ERRORS ${result.errors.length} ` : ''}` +
          `${page.name}${result.detail ? ` (${result.detail})` : ''}`,
      );
    else if (!args.json && (i + 1) % 50 === 0)
      process.stderr.write(`  ${i + 1}/${pages.length} pages, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    // A page that crashed or closed its tab takes the tabs with it: open fresh ones.
    if (tabs.annotated.isClosed() || result.status === 'harness-error') {
      await tabs.annotated.close().catch(() => undefined);
      tabs = await open();
    }
    // Pages may open windows of their own; only our tab stays.
    for (const p of browser.context.pages()) if (p !== tabs.annotated) await p.close();
  }
} finally {
  await browser.close();
  await plain.close();
  await server.close();
  rmSync(extensionDir, { recursive: true, force: true });
}

const summary = summarize(results);
if (detailsFile) writeFileSync(detailsFile, `${JSON.stringify({ summary, results }, null, 1)}\n`);
if (args.json) process.stdout.write(`${JSON.stringify(summary.json)}\n`);
else {
  say('');
  say(formatSummary(summary, (Date.now() - started) / 1000));
  const flagged = results.filter((r) => r.errors.length || r.domChanged || r.requests.length || r.status === 'failed');
  for (const r of flagged.slice(0, 20))
    say(`  ! ${r.name}: ${[...r.errors, ...r.requests, r.diff ?? '', r.detail ?? ''].filter(Boolean).join(' | ')}`);
}
const j = summary.json;
process.exit(j.errors > 0 || j.domChanged > 0 || j.requests > 0 ? 1 : 0);
