import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OFFSCREEN_IDLE_MS, type OffscreenApi, offscreenParser } from '../../entrypoints/background/copy-parser';
import type { OffscreenParseRequest } from '../../src/messaging/offscreen';

/** A stand-in for chrome.offscreen that keeps count, and a document that answers or fails. */
function fakeOffscreen() {
  const calls = { created: 0, closed: 0 };
  let isOpen = false;
  const api: OffscreenApi = {
    async createDocument(params) {
      expect(params.reasons).toEqual(['DOM_PARSER']);
      if (isOpen) throw new Error('Only a single offscreen document may be created.');
      await new Promise((r) => setTimeout(r, 5));
      isOpen = true;
      calls.created++;
    },
    async closeDocument() {
      isOpen = false;
      calls.closed++;
    },
  };
  const runtime = { getContexts: async () => (isOpen ? [{}] : []) };
  return { api, runtime, calls, crash: () => (isOpen = false), isOpen: () => isOpen };
}

describe("Chromium's offscreen parser", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('opens one document for parses that arrive together, and closes it once idle', async () => {
    const fake = fakeOffscreen();
    const sent: OffscreenParseRequest[] = [];
    const parse = offscreenParser(fake.api, fake.runtime, async (request) => {
      sent.push(request);
      return `reading of ${request.copy}`;
    });
    const both = Promise.all([parse('a'), parse('b')]);
    await vi.advanceTimersByTimeAsync(10);
    expect(await both).toEqual(['reading of a', 'reading of b']);
    expect(fake.calls.created).toBe(1);
    expect(sent.map((r) => r.target)).toEqual(['dramatis-offscreen-parse', 'dramatis-offscreen-parse']);

    await vi.advanceTimersByTimeAsync(OFFSCREEN_IDLE_MS - 100);
    expect(fake.calls.closed).toBe(0);
    // Work before the time is up starts the wait again.
    expect(await parse('c')).toBe('reading of c');
    await vi.advanceTimersByTimeAsync(OFFSCREEN_IDLE_MS - 100);
    expect(fake.calls.closed).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(fake.calls.closed).toBe(1);
    expect(fake.isOpen()).toBe(false);
  });

  it('uses a document an earlier life of the worker left open', async () => {
    const fake = fakeOffscreen();
    const opened = fake.api.createDocument({ url: 'offscreen.html', reasons: ['DOM_PARSER'], justification: '' });
    await vi.advanceTimersByTimeAsync(10);
    await opened;
    const parse = offscreenParser(fake.api, fake.runtime, async () => 'ok');
    expect(await parse('x')).toBe('ok');
    expect(fake.calls.created).toBe(1);
  });

  it('opens a new document after the old one went away, and refuses an answer that is not a reading', async () => {
    const fake = fakeOffscreen();
    let reachable = true;
    const parse = offscreenParser(fake.api, fake.runtime, async () => {
      if (!reachable) throw new Error('Receiving end does not exist.');
      return 42;
    });
    const first = expect(parse('x')).rejects.toThrow(/could not be parsed/);
    await vi.advanceTimersByTimeAsync(10);
    await first;
    fake.crash();
    reachable = false;
    await expect(parse('y')).rejects.toThrow(/Receiving end/);
    reachable = true;
    const third = expect(parse('z')).rejects.toThrow(/could not be parsed/);
    await vi.advanceTimersByTimeAsync(10);
    await third;
    expect(fake.calls.created).toBe(2);
  });
});
