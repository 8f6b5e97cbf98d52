import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../entrypoints/background/handlers';
import { MAX_ARTICLE_CHARS, parseRequest } from '../../src/messaging/protocol';
import { realEngine } from '../helpers/dataset';

const EXTENSION_ID = 'test-extension';

// Messages a compromised page, a confused extension or a bug could send. Valid requests are
// mutated one field at a time, so most fuzz messages are close to real ones, not just noise.
const VALID = [
  { type: 'analyze', url: 'https://www.reuters.com/a', title: 'T', text: 'Rod Rosenstein spoke.', published: null },
  { type: 'page-status', url: 'https://www.reuters.com/a', status: 'not-article' },
  { type: 'tab-state', tabId: 3 },
  { type: 'profile', id: 'rod-rosenstein' },
  { type: 'set-site', host: 'example.org', enabled: true },
];
const hostileValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(null, undefined, NaN, -1, 1e308, '', '<img src=x onerror=alert(1)>', 'javascript:alert(1)'),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constant({ __proto__: { polluted: true } }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}')),
);
const mutated = fc
  .tuple(fc.constantFrom(...VALID), fc.string({ maxLength: 12 }), hostileValue, fc.boolean())
  .map(([valid, key, value, replaceExisting]) => {
    const fields = Object.keys(valid);
    const target = replaceExisting ? (fields[key.length % fields.length] as string) : key || 'extra';
    return { ...valid, [target]: value };
  });
const malformed = fc.oneof(mutated, fc.anything({ maxDepth: 4 }), fc.array(fc.anything(), { maxLength: 4 }));

describe('messages to the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    (fakeBrowser.runtime as { id: string }).id = EXTENSION_ID;
  });

  it('answers 10,000 malformed messages with an error each, and none crashes it', async () => {
    const handle = createHandlers(realEngine);
    const senders = [
      { id: 'another-extension', tab: { id: 1 } as never, url: 'https://evil.example/' },
      { id: EXTENSION_ID, url: 'https://evil.example/' },
      { id: EXTENSION_ID, tab: { id: 2 } as never, url: 'https://www.reuters.com/a' },
    ];
    const samples = fc.sample(malformed, { numRuns: 10_000, seed: 20261127 });
    let refused = 0;
    let handled = 0;
    for (const [i, message] of samples.entries()) {
      const parsed = parseRequest(message);
      if (!parsed.ok) {
        expect(typeof parsed.error).toBe('string');
        expect(parsed.error.length).toBeGreaterThan(0);
        refused++;
        continue;
      }
      // A mutation that still fits the schema is a valid message: it gets a reply, never a throw.
      const reply = await handle(parsed.request, senders[i % senders.length] as never);
      expect(typeof reply.ok).toBe('boolean');
      handled++;
    }
    expect(refused + handled).toBe(10_000);
    expect(refused).toBeGreaterThan(9_000);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('refuses valid messages from senders that may not send them', async () => {
    const handle = createHandlers(realEngine);
    const foreign = { id: 'another-extension', tab: { id: 1 } as never, url: 'https://www.reuters.com/a' };
    for (const message of VALID) {
      const parsed = parseRequest(message);
      if (!parsed.ok) throw new Error(parsed.error);
      const reply = await handle(parsed.request, foreign as never);
      expect(reply.ok).toBe(false);
    }
  });

  it('refuses article text over the cap before any work is done', () => {
    const parsed = parseRequest({ ...VALID[0], text: 'x'.repeat(MAX_ARTICLE_CHARS + 1) });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(String(MAX_ARTICLE_CHARS));
  });
});
