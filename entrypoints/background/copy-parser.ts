import { browser } from 'wxt/browser';
import { parseListedCopy } from '../../src/article/parse-elsewhere';
import { OFFSCREEN_PARSE, type OffscreenParseRequest } from '../../src/messaging/offscreen';

/** Parses a page's prepared copy (JSON) away from the page; answers with its reading (JSON). */
export type CopyParser = (copy: string) => Promise<string>;

/** The offscreen document is closed once it has had nothing to parse for this long. */
export const OFFSCREEN_IDLE_MS = 30_000;
const OFFSCREEN_PATH = 'offscreen.html';

export interface OffscreenApi {
  createDocument(params: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}
export interface ContextsApi {
  getContexts?(filter: { contextTypes: string[] }): Promise<unknown[]>;
}

/**
 * Firefox's background is a page, with a DOM of its own: the copy is parsed right there.
 * Chromium's is a service worker without one: the copy goes to an offscreen document, opened
 * when first needed and closed after a while without work. Null when neither is available.
 */
export function createCopyParser(): CopyParser | null {
  if (typeof document === 'object' && document?.implementation) return async (copy) => parseListedCopy(copy);
  const chromeApi = (globalThis as { chrome?: { offscreen?: OffscreenApi; runtime?: ContextsApi } }).chrome;
  const offscreen = chromeApi?.offscreen;
  if (!offscreen) return null;
  return offscreenParser(offscreen, chromeApi?.runtime ?? {});
}

/** Chromium's way; `send` reaches the offscreen document (runtime messaging, or a test's fake). */
export function offscreenParser(
  offscreen: OffscreenApi,
  runtime: ContextsApi,
  send: (request: OffscreenParseRequest) => Promise<unknown> = (request) => browser.runtime.sendMessage(request),
): CopyParser {
  let opening: Promise<void> | null = null;
  let open = false;
  let pending = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const ensureOpen = async () => {
    if (open) return;
    // A document left open by an earlier life of this worker is still there: use it.
    const existing = (await runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] })) ?? [];
    if (existing.length > 0) {
      open = true;
      return;
    }
    opening ??= offscreen
      .createDocument({
        url: OFFSCREEN_PATH,
        reasons: ['DOM_PARSER'],
        justification: 'Reads very large news pages with Readability without freezing the page.',
      })
      .then(() => {
        open = true;
      })
      .finally(() => {
        opening = null;
      });
    await opening;
  };

  const closeWhenIdle = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (pending > 0 || !open) return;
      open = false;
      offscreen.closeDocument().catch(() => undefined);
    }, OFFSCREEN_IDLE_MS);
  };

  return async (copy) => {
    pending++;
    clearTimeout(idleTimer);
    try {
      await ensureOpen();
      const request: OffscreenParseRequest = { target: OFFSCREEN_PARSE, copy };
      const reply: unknown = await send(request).catch((err: unknown) => {
        // The document is gone (closed by the browser, or crashed): open a new one next time.
        open = false;
        throw err;
      });
      // Checked where it is read (readParsed, in the page): here it only passes through.
      if (typeof reply !== 'string') throw new Error('The page could not be parsed off its thread.');
      return reply;
    } finally {
      pending--;
      closeWhenIdle();
    }
  };
}
