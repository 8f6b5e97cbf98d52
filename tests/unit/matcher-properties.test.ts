import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realEngine } from '../helpers/dataset';

const engine = realEngine();
const match = (text: string) => engine.matcher.match(text);

// Text that looks like news prose around real names, so the properties are exercised on hits,
// not only on text the automaton rejects at the first letter.
const NAME_BITS = [
  'Rod Rosenstein',
  'Rosenstein',
  'Theresa May',
  'May',
  'Apple',
  'apple',
  'Amazon',
  'Meta',
  'metadata',
  'X',
  'Facebook (FB.O)',
  'Věra Jourová',
  'Vera Jourova',
  'Mrs May',
  'Warren Buffett',
  'Elizabeth Warren',
  'Sen. Warren',
  'Bundeskartellamts',
  'von der Leyen',
  'eSafety',
  '(NASDAQ: META)',
  'Über',
];
const FILLER = [' ', ', ', '. ', ' said ', ' and ', '\u00a0', '\u00ad', '’s ', "'s ", '\n\n', ' in ', ' the '];
const prose = fc
  .array(fc.oneof(fc.constantFrom(...NAME_BITS), fc.constantFrom(...FILLER), fc.string({ maxLength: 6 })), {
    maxLength: 60,
  })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(prose, fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 300 }));

describe('matcher properties', () => {
  it("every mention's offsets slice the text inside bounds, in order, never overlapping", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let lastEnd = 0;
        for (const m of match(text)) {
          expect(m.start).toBeGreaterThanOrEqual(lastEnd);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(m.start, m.end).trim()).not.toBe('');
          lastEnd = m.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(match(text)).toEqual(match(text));
      }),
      { numRuns: 500 },
    );
  });

  it('never starts or ends a mention inside a word', () => {
    const word = /[\p{L}\p{N}]/u;
    fc.assert(
      fc.property(prose, (text) => {
        for (const m of match(text)) {
          expect(word.test(text[m.start - 1] ?? ' ')).toBe(false);
          // The end may be followed by a genitive "s" in German text only; prose here is English.
          expect(word.test(text[m.end] ?? ' ')).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('returns for the empty string, random Unicode and lone surrogates', () => {
    expect(match('')).toEqual([]);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        expect(Array.isArray(match(text))).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(() => match('\ud800\udc00\ud800 \u200b\u00ad'.repeat(500))).not.toThrow();
  });

  it('runs in linear time: 5 MB of text, and 10× the text costs about 10× the time', () => {
    const paragraph =
      'U.S. Deputy Attorney General Rod Rosenstein met Home Secretary Amber Rudd in London on Thursday. ' +
      'Rosenstein said Facebook (FB.O) and Apple must help; in May, the metadata rules changed. ';
    const small = paragraph.repeat(5_000); // ~0.9 MB
    const big = paragraph.repeat(28_000); // ~5 MB
    expect(big.length).toBeGreaterThan(5_000_000);
    match(small);
    const t0 = performance.now();
    match(small);
    const smallMs = performance.now() - t0;
    const t1 = performance.now();
    const mentions = match(big);
    const bigMs = performance.now() - t1;
    expect(mentions.length).toBeGreaterThanOrEqual(28_000 * 4);
    // 5.6× the text; allow generous noise on a shared machine, but not quadratic growth (31×).
    expect(bigMs / smallMs).toBeLessThan(12);
    expect(bigMs).toBeLessThan(5_000);
  });
});
