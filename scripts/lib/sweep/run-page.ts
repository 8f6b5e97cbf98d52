import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { MARK, WORKER_MEASURE } from '../../../src/page/timeline';
import type { ExtensionWatch } from './extension-watch';
import { markJsLoader, type PageReading, readPage, runMarkJs, serializePageDom } from './in-page';
import { longTasksIn, startTrace, type TraceEvent } from './long-tasks';

/** Our in-page UI host; the one element of ours allowed in the page's DOM. */
const UI_TAG = 'dramatis-ui';
const DONE_TIMEOUT_MS = 20_000;
const VIEWPORT = { width: 1200, height: 900 };
const LOAD_TIMEOUT_MS = 30_000;
/** Content-script states that end a page's reading. */
const FINAL = new Set(['article', 'not-article', 'failed', 'too-large', 'disabled', 'paused']);

export interface PageResult {
  name: string;
  bytes: number;
  elements: number;
  /** The content script's final state, or what stopped the sweep from reading one. */
  status: string;
  detail?: string;
  /** Uncaught errors from our scripts while this page was open. */
  errors: string[];
  logged: string[];
  requests: string[];
  /** The page's DOM differs from a fresh copy's, and a second fresh copy agrees with the first. */
  domChanged: boolean;
  /** The page differed only through its own scripts: with scripts off, it was unchanged. */
  unstable: boolean;
  diff?: string;
  /** Mentions the background matched in the article text, and ranges painted in the page. */
  matched: number;
  painted: number;
  /** markjs: mark.js's call and the layout it forces; markjsCall: the call alone. */
  /**
   * total: wall clock from our first mark to the marks painted, waits included; mainThread: the
   * part of it our code kept the page's thread busy (copy, parse, handing the text over, highlight);
   * worker: matching in the background worker; elsewhere: a big page's parse in an extension
   * document (see parse-elsewhere.ts); added: mainThread + worker + elsewhere, all the work we add.
   * readability: Readability's parse wherever it ran, plus what reading it took on the page's
   * thread (for a page parsed elsewhere: the copy's serialization and reading the article back).
   */
  ms: Partial<
    Record<
      | 'snapshot'
      | 'readability'
      | 'send'
      | 'match'
      | 'worker'
      | 'elsewhere'
      | 'highlight'
      | 'total'
      | 'mainThread'
      | 'added'
      | 'markjs'
      | 'markjsCall',
      number
    >
  >;
  markjsMarks?: number;
  /** Long tasks (ms) overlapping our synchronous work, and all long tasks in the page. */
  ourLongTasks: number[];
  longTasks: number;
}

export interface Tabs {
  context: BrowserContext;
  watch: ExtensionWatch;
  /** Where the content script runs (the news host). */
  annotated: Page;
  annotatedCdp: CDPSession;
  /** A browser without the extension: the DOM baseline, and where the peer runs. */
  plain: Browser;
  extensionId: string;
  markJsSource: string;
}

/** Opens the tab the extension reads pages in, watched through its DevTools session. */
export async function openTabs(
  context: BrowserContext,
  plain: Browser,
  watch: ExtensionWatch,
  extensionId: string,
  markJsSource: string,
): Promise<Tabs> {
  const annotated = await context.newPage();
  const annotatedCdp = await watch.attachPage(annotated);
  return { context, watch, annotated, annotatedCdp, plain, extensionId, markJsSource };
}

/** Sweeps one page: read it with the extension, compare its DOM with a fresh copy, time the peer. */
export async function sweepPage(tabs: Tabs, name: string, bytes: number, url: string) {
  const result: PageResult = {
    name,
    bytes,
    elements: 0,
    status: 'unknown',
    errors: [],
    logged: [],
    requests: [],
    domChanged: false,
    unstable: false,
    matched: 0,
    painted: 0,
    ms: {},
    ourLongTasks: [],
    longTasks: 0,
  };
  await tabs.watch.take(); // whatever came before this page is not this page's
  const { annotated } = tabs;
  const fresh: BrowserContext[] = [];
  // Nothing a page stored in cookies is there for the next (each page has a host of its own,
  // but cookies may be set for the whole site).
  await tabs.context.clearCookies();
  let endTrace: (() => Promise<TraceEvent[]>) | undefined = await startTrace(tabs.annotatedCdp);
  try {
    await annotated.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    const state = await waitForReading(tabs, url);
    result.status = state.status;
    result.detail = state.detail;
    result.matched = state.mentions;
    if (state.workerMs !== undefined) result.ms.worker = state.workerMs;
    if (annotated.url() !== url) {
      result.status = 'navigated';
      result.detail = `the page moved itself to ${annotated.url()}`;
      return finish(tabs, result);
    }
    const reading = (await annotated.evaluate(readPage)) as PageReading;
    result.elements = reading.elements;
    result.painted = reading.painted;
    timings(reading, result);
    const after = (await annotated.evaluate(serializePageDom, UI_TAG)) as string;
    const tasks = longTasksIn(await endTrace());
    endTrace = undefined;
    result.longTasks = tasks.all;
    result.ourLongTasks = tasks.ours;

    // The baseline: the same page at the same address in a browser without the extension, each
    // time in a new profile (nothing stored by an earlier load), read as late in the page's life
    // as the annotated one was.
    let reference: Page | undefined;
    const freshDom = async () => {
      const context = await tabs.plain.newContext({ viewport: VIEWPORT });
      fresh.push(context);
      reference = await context.newPage();
      await reference.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      await waitUntilPageTime(reference, reading.now);
      return (await reference.evaluate(serializePageDom, UI_TAG)) as string;
    };
    const before = await freshDom();
    if (before !== after) {
      const control = await freshDom();
      const verdict = compareDoms(before, control, after);
      // Page scripts that write random values, or behave differently from one browser to the
      // other (consent managers, ad-block detectors, races), look like a change. With scripts
      // off in both browsers only our code can change the page: that comparison decides.
      if (verdict.changed || verdict.unstable) {
        const quiet = await scriptsOffDifference(tabs, url.replace('://p', '://q'));
        result.domChanged = quiet !== null;
        result.unstable = quiet === null;
        result.diff = quiet ?? `the page's own scripts only: ${verdict.diff}`;
      }
    }
    if (reference && reading.painted > 0 && reading.container && reading.terms.length > 0) {
      const loaded = await reference.evaluate(markJsLoader(tabs.markJsSource)).catch(() => false);
      const peer = loaded
        ? await reference.evaluate(runMarkJs, { terms: reading.terms, container: reading.container })
        : null;
      if (peer) {
        result.ms.markjs = peer.withLayoutMs;
        result.ms.markjsCall = peer.callMs;
        result.markjsMarks = peer.marks;
      }
    }
  } catch (err) {
    result.status = 'harness-error';
    result.detail = (err as Error).message.split('\n')[0];
  } finally {
    if (endTrace) await endTrace().catch(() => undefined);
    // The peer's page would go on painting its new elements while the next page is timed.
    for (const context of fresh) await context.close().catch(() => undefined);
  }
  return finish(tabs, result);
}

async function finish(tabs: Tabs, result: PageResult): Promise<PageResult> {
  const activity = await tabs.watch.take();
  // Each distinct error or request once per page: a page read twice (the scripts-off check)
  // must not count the same failure twice.
  const distinct = (into: string[], more: string[]) => {
    for (const item of more) if (!into.includes(item)) into.push(item);
  };
  distinct(result.errors, activity.errors);
  distinct(result.logged, activity.logged);
  distinct(result.requests, activity.requests);
  return result;
}

/** Waits until the content script has told the background what it made of the page. */
async function waitForReading(
  tabs: Tabs,
  url: string,
): Promise<{ status: string; detail?: string; mentions: number; workerMs?: number }> {
  const deadline = Date.now() + DONE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const worker = tabs.context
      .serviceWorkers()
      .find((w) => w.url().startsWith(`chrome-extension://${tabs.extensionId}/`));
    const state = worker
      ? await worker
          .evaluate(
            async ([u, measure]) => {
              const all = await chrome.storage.session.get(null);
              for (const [key, value] of Object.entries(all)) {
                const v = value as {
                  url?: string;
                  status?: string;
                  detail?: string;
                  analysis?: { mentions: unknown[] };
                };
                if (key.startsWith('tab:') && v.url === u) {
                  // The first reading's matching, as the worker measured it (later ones read late content).
                  const worked = performance
                    .getEntriesByName(measure as string)
                    .find((e) => (e as PerformanceMeasure).detail === u);
                  return {
                    status: v.status ?? '',
                    detail: v.detail,
                    mentions: v.analysis?.mentions.length ?? 0,
                    workerMs: worked?.duration,
                  };
                }
              }
              return null;
            },
            [url, WORKER_MEASURE],
          )
          .catch(() => null)
      : null;
    if (state && FINAL.has(state.status)) {
      if (state.status !== 'article') return state;
      // The cast is stored before the page is painted: wait for the painting to finish too.
      const painted = await tabs.annotated
        .evaluate((m) => performance.getEntriesByName(m).length > 0, MARK.highlighted)
        .catch(() => false);
      if (painted) return state;
    }
    await new Promise((r) => setTimeout(r, 40));
  }
  return { status: 'timeout', detail: `no result within ${DONE_TIMEOUT_MS / 1000} s`, mentions: 0 };
}

/** The first reading's phases (later readings, of late content, are not the page's cost). */
function timings(reading: PageReading, result: PageResult): void {
  const first = (name: string) => reading.measures.find((m) => m.name === `dramatis:${name}`)?.duration;
  for (const phase of ['snapshot', 'readability', 'send', 'match', 'highlight'] as const) {
    const d = first(phase);
    if (d !== undefined) result.ms[phase] = d;
  }
  // A page parsed elsewhere: the wait is the page's free time, the parse is counted where it ran.
  const wait = first('parse-wait');
  const there = reading.marks.find((m) => m.name === MARK.parsedElsewhere)?.detail as
    | { parseMs?: number; workMs?: number }
    | undefined;
  let readingOnPage = result.ms.readability;
  if (readingOnPage !== undefined && wait !== undefined) {
    readingOnPage -= wait;
    result.ms.readability = readingOnPage + (there?.parseMs ?? 0);
    result.ms.elsewhere = there?.workMs ?? 0;
  }
  const { snapshot, send, highlight } = result.ms;
  if (snapshot !== undefined && readingOnPage !== undefined && send !== undefined && highlight !== undefined) {
    result.ms.mainThread = snapshot + readingOnPage + send + highlight;
    if (result.ms.worker !== undefined)
      result.ms.added = result.ms.mainThread + result.ms.worker + (result.ms.elsewhere ?? 0);
  }
  const start = reading.marks.find((m) => m.name === MARK.start)?.time;
  const end = reading.marks.find((m) => m.name === MARK.highlighted)?.time;
  if (start !== undefined && end !== undefined) result.ms.total = end - start;
}

/**
 * The same page with scripts switched off, once read by the extension and once in the plain
 * browser: null when the two DOMs are the same, else where they part. Our content script runs
 * whatever the page's setting; the page's own scripts do not.
 */
async function scriptsOffDifference(tabs: Tabs, url: string): Promise<string | null> {
  const annotated = await tabs.context.newPage();
  const cdp = await tabs.context.newCDPSession(annotated);
  const plain = await tabs.plain.newContext({ viewport: VIEWPORT, javaScriptEnabled: false });
  try {
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await annotated.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await waitForReading({ ...tabs, annotated }, url);
    const after = (await annotated.evaluate(serializePageDom, UI_TAG)) as string;
    const reference = await plain.newPage();
    await reference.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    const before = (await reference.evaluate(serializePageDom, UI_TAG)) as string;
    return before === after ? null : firstDifference(before, after);
  } finally {
    await annotated.close().catch(() => undefined);
    await plain.close().catch(() => undefined);
  }
}

async function waitUntilPageTime(page: Page, time: number): Promise<void> {
  const now = (await page.evaluate(() => performance.now())) as number;
  if (now < time) await page.waitForTimeout(Math.min(time - now, DONE_TIMEOUT_MS));
}

/** Digits masked: what is left when a page's scripts write random or timed numbers. */
const masked = (dom: string) => dom.replace(/\d+/g, '0');

/**
 * A first verdict on the annotated page's DOM against two fresh copies. When the fresh copies
 * agree, a difference is `changed`. When they do not (the page's own scripts write
 * cache-busting numbers, sizes, times), the comparison is repeated with digits masked, since
 * our code never writes a digit into the page; fresh copies that still disagree make the page
 * `unstable`. Either verdict is then settled with the page's scripts off (scriptsOffDifference).
 */
export function compareDoms(
  before: string,
  control: string,
  after: string,
): { changed: boolean; unstable: boolean; diff?: string } {
  if (before === after) return { changed: false, unstable: false };
  if (before === control) return { changed: true, unstable: false, diff: firstDifference(before, after) };
  const b = masked(before);
  if (b !== masked(control)) return { changed: false, unstable: true, diff: firstDifference(b, masked(control)) };
  const a = masked(after);
  return a === b
    ? { changed: false, unstable: false }
    : { changed: true, unstable: false, diff: firstDifference(b, a) };
}

/** A short excerpt around the first place two serializations part. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const excerpt = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 80), i + 120));
  return `at ${i}: before ${excerpt(a)} / after ${excerpt(b)}`;
}
