import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstWords } from '../../src/matcher/first-words';
import { startsUncapitalized } from '../../src/matcher/letter-case';
import { type Hits, Scanner } from '../../src/matcher/scan';
import { foldString } from '../../src/matcher/text-class';
import { buildTrie, Trie } from '../../src/matcher/trie';
import { realEngine } from '../helpers/dataset';

// The first-word index is a shortcut: the scan must find exactly what a letter-by-letter walk of
// the trie finds. Aliases and texts are drawn from a few letters, so that words share prefixes,
// end in a genitive "s", carry accents, soft hyphens and anchors, and hashes collide when asked to.
const LETTERS = ['a', 'b', 's', 'A', 'B', 'S', 'É', 'é', 'ß', '7'];
const SEPARATORS = [' ', '  ', '-', '&', '.', "'", '’', '\u00a0'];
const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 5 }).map((w) => w.join(''));
const alias = fc
  .tuple(word, fc.array(fc.tuple(fc.constantFrom(...SEPARATORS), word), { maxLength: 2 }))
  .map(([head, rest]) => head + rest.map(([sep, w]) => sep + w).join(''));
const aliases = fc.uniqueArray(alias, { minLength: 1, maxLength: 40 });
const NOISE = [' ', ', ', '. ', '\u00ad', '\u200b', 's', "'s ", '\n', 'x', 'Q'];

/** A scanner with the first-word index (hashes cut to `hashBits`), or without it: null. */
function scannerFor(surfaces: string[], hashBits: number | null): Scanner {
  const folded = surfaces.map(foldString);
  const lower = surfaces.map((s, i) => (startsUncapitalized(s) ? (folded[i] as string) : ''));
  const all = Trie.deserialize(buildTrie(folded));
  const index = hashBits === null ? null : FirstWords.build(all, hashBits);
  return new Scanner(all, Trie.deserialize(buildTrie(lower)), surfaces.filter(startsUncapitalized), index);
}

const rows = (hits: Hits) => hits.starts.map((s, i) => `${s}:${hits.ends[i]}:${hits.states[i]}:${hits.genitive[i]}`);

describe('scan with the first-word index', () => {
  it('finds exactly what the letter-by-letter walk finds', () => {
    fc.assert(
      fc.property(
        aliases.chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc
              .array(fc.oneof(fc.constantFrom(...list), fc.constantFrom(...NOISE), word), { maxLength: 40 })
              .map((parts) => parts.join('')),
            fc.constantFrom(32, 3, 1),
          ),
        ),
        ([list, text, hashBits]) => {
          const reference = rows(scannerFor(list, null).scan(text));
          expect(rows(scannerFor(list, hashBits).scan(text))).toEqual(reference);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('walks on when the next word is one letter, ends in a genitive "s", or goes on with a sign', () => {
    // The index's pair bits (first two letters of the next word) must let these through.
    const cases: Array<[string[], string]> = [
      [['Acme X', 'Swiss Re'], 'Die Acme Xs Pläne. Acme X. Acme X'],
      [['Acme A&B Group', 'Acme Ab'], 'Acme A&B Group and Acme Ab, Acme A-B.'],
      [['Rio Tinto', 'Rio T'], 'Rio Tintos Gewinn und Rio Ts Plan, Rio T.'],
    ];
    for (const [list, text] of cases) {
      const reference = rows(scannerFor(list, null).scan(text));
      expect(reference.length).toBeGreaterThan(0);
      expect(rows(scannerFor(list, 32).scan(text))).toEqual(reference);
    }
  });

  it('finds exactly what the walk finds with the real dataset and its shipped index, on news-like text', () => {
    const data = realEngine().dataset.matcher;
    const make = (index: FirstWords | null) =>
      new Scanner(Trie.deserialize(data.trie), Trie.deserialize(data.lowerTrie), data.lowerSurfaces, index);
    const indexed = make(FirstWords.deserialize(data.firstWords));
    const walked = make(null);
    const text =
      'Věra Jourová met eSafety officials. Die Bundeskartellamts-Chefin sprach über Facebooks Pläne; ' +
      'Ursula von der Leyen, Margrethe Vestager and the U.S. Federal Trade Commission (FTC) replied. ' +
      'AT&T and Alphabet Inc. filed with the SEC. Face\u00adbook’s and Google’s lawyers, Sen. Elizabeth Warren.';
    expect(rows(indexed.scan(text)).length).toBeGreaterThan(8);
    expect(rows(indexed.scan(text))).toEqual(rows(walked.scan(text)));
  });
});

describe('small-letter aliases, found from their first capital', () => {
  it('are found inside and after other words, through spaces and invisible characters', () => {
    const data = realEngine().dataset.matcher;
    const scanner = new Scanner(
      Trie.deserialize(data.trie),
      Trie.deserialize(data.lowerTrie),
      data.lowerSurfaces,
      FirstWords.deserialize(data.firstWords),
    );
    const found = (text: string) => {
      const hits = scanner.scan(text);
      return hits.starts.map((s, i) => text.slice(s, hits.ends[i]));
    };
    expect(found('Ursula von der Leyen said')).toContain('von der Leyen');
    expect(found('(von der Leyen)')).toContain('von der Leyen');
    expect(found('von der  Leyen, von der\u00a0Leyen')).toEqual(['von der  Leyen', 'von der\u00a0Leyen']);
    expect(found('the eSafety Commissioner and e\u00adSafety')).toEqual(
      expect.arrayContaining(['eSafety Commissioner', 'eSafety', 'e\u00adSafety']),
    );
    expect(found("Musk's xAI, the USA, NASA, OpenAI")).toContain('xAI');
    // The same capitals elsewhere start nothing small.
    expect(found('Leyen, Safety and AI at NASA').filter((t) => /^[a-z]/.test(t))).toEqual([]);
  });
});

describe('the shipped first-word index', () => {
  it('loads back as it was built, and a malformed one is refused with a clear error', () => {
    const data = realEngine().dataset.matcher;
    const loaded = FirstWords.deserialize(data.firstWords);
    expect(loaded.serialize()).toEqual(data.firstWords);
    expect(FirstWords.build(Trie.deserialize(data.trie)).serialize()).toEqual(data.firstWords);
    const { table, follows, pairs } = data.firstWords;
    for (const malformed of [
      { table, follows: 'AAAA', pairs },
      { table, follows, pairs: 'AAAA' },
      { table, follows } as unknown as typeof data.firstWords,
    ]) {
      expect(() => FirstWords.deserialize(malformed)).toThrow(/first-word index is malformed/);
    }
  });
});
