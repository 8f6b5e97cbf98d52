import type { BrowserContext, CDPSession, Page, Request, Worker } from 'playwright-core';

/** What the extension's own contexts did since the last take(). */
export interface ExtensionActivity {
  /** Network requests (http, https, ws, wss) made by the worker, our pages or our content script. */
  requests: string[];
  /** Uncaught errors and unhandled rejections in the worker or the content script. */
  errors: string[];
  /** console.error calls from the worker or the content script (reported, not counted as errors). */
  logged: string[];
}

const NETWORK_SCHEME = /^(https?|wss?|ftp):/i;

/**
 * Watches every context of one extension: its service worker (through Playwright's worker
 * network events and error listeners), its pages, and its content script in each attached
 * page (through the page's DevTools session: requests whose initiating stack runs in the
 * extension's code, and exceptions thrown in the extension's isolated world).
 */
export function watchExtension(context: BrowserContext, extensionId: string) {
  const origin = `chrome-extension://${extensionId}`;
  let activity: ExtensionActivity = { requests: [], errors: [], logged: [] };
  const ours = (url: string | undefined) => typeof url === 'string' && url.startsWith(origin);

  context.on('request', (req: Request) => {
    if (!NETWORK_SCHEME.test(req.url())) return;
    const worker = req.serviceWorker();
    if (worker) {
      if (ours(worker.url())) activity.requests.push(`worker: ${req.url()}`);
      return;
    }
    let frameUrl: string | undefined;
    try {
      frameUrl = req.frame().url();
    } catch {
      frameUrl = undefined;
    }
    if (ours(frameUrl)) activity.requests.push(`extension page: ${req.url()}`);
  });

  const watched = new WeakSet<Worker>();
  const watchWorker = async (worker: Worker) => {
    if (!ours(worker.url()) || watched.has(worker)) return;
    watched.add(worker);
    worker.on('console', (msg) => {
      if (msg.type() === 'error') activity.logged.push(`worker: ${msg.text()}`);
    });
    // Uncaught errors in the worker are collected there and read back by takeWorkerErrors().
    await worker
      .evaluate(() => {
        const g = globalThis as unknown as { __sweepErrors?: string[] };
        if (g.__sweepErrors) return;
        g.__sweepErrors = [];
        self.addEventListener('error', (e) => g.__sweepErrors?.push(`${(e as ErrorEvent).message}`));
        self.addEventListener('unhandledrejection', (e) =>
          g.__sweepErrors?.push(`unhandled rejection: ${String((e as PromiseRejectionEvent).reason)}`),
        );
      })
      .catch(() => undefined);
  };
  for (const w of context.serviceWorkers()) void watchWorker(w);
  context.on('serviceworker', (w) => void watchWorker(w));

  return {
    /** Starts watching the content script in `page`; returns the page's DevTools session. */
    async attachPage(page: Page): Promise<CDPSession> {
      const cdp = await context.newCDPSession(page);
      const ourWorlds = new Set<number>();
      cdp.on('Runtime.executionContextCreated', (e) => {
        if (ours(e.context.origin) && e.context.auxData?.type === 'isolated') ourWorlds.add(e.context.id);
      });
      // Context ids are reused once a document goes away: forget them with it.
      cdp.on('Runtime.executionContextDestroyed', (e) => ourWorlds.delete(e.executionContextId));
      cdp.on('Runtime.executionContextsCleared', () => ourWorlds.clear());
      cdp.on('Runtime.exceptionThrown', (e) => {
        const d = e.exceptionDetails;
        const frames = d.stackTrace?.callFrames ?? [];
        const fromUs =
          (d.executionContextId !== undefined && ourWorlds.has(d.executionContextId)) ||
          ours(d.url) ||
          frames.some((f) => ours(f.url));
        if (fromUs) activity.errors.push(`content script: ${d.exception?.description ?? d.text}`.slice(0, 500));
      });
      cdp.on('Runtime.consoleAPICalled', (e) => {
        if (e.type === 'error' && ourWorlds.has(e.executionContextId))
          activity.logged.push(
            `content script: ${e.args.map((a) => a.value ?? a.description ?? '').join(' ')}`.slice(0, 500),
          );
      });
      cdp.on('Network.requestWillBeSent', (e) => {
        if (!NETWORK_SCHEME.test(e.request.url)) return;
        const stackUrls: string[] = [];
        for (let s = e.initiator.stack; s; s = s.parent) for (const f of s.callFrames) stackUrls.push(f.url);
        if (ours(e.initiator.url) || stackUrls.some(ours)) activity.requests.push(`content script: ${e.request.url}`);
      });
      await cdp.send('Runtime.enable');
      await cdp.send('Network.enable');
      return cdp;
    },

    /** Everything recorded since the last call, the worker's own error list included. */
    async take(): Promise<ExtensionActivity> {
      for (const w of context.serviceWorkers()) {
        if (!ours(w.url())) continue;
        const errors = await w
          .evaluate(() => {
            const g = globalThis as unknown as { __sweepErrors?: string[] };
            const out = g.__sweepErrors ?? [];
            g.__sweepErrors = [];
            return out;
          })
          .catch(() => [] as string[]);
        for (const e of errors) activity.errors.push(`worker: ${e}`);
      }
      const out = activity;
      activity = { requests: [], errors: [], logged: [] };
      return out;
    },
  };
}

export type ExtensionWatch = ReturnType<typeof watchExtension>;
