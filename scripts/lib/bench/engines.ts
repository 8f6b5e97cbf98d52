/**
 * The matchers compared by `npm run bench`. Every engine answers the same question on the same
 * articles: where does an alias occur, starting and ending on word boundaries, ignoring case and
 * accents, except that a capitalized alias needs a capitalized word (the extension's rule).
 * Peers get the text already folded for them; ours reads the text as it is.
 */
import AhoCorasick from 'ahocorasick';
import { isLowercase, startsUncapitalized } from '../../../src/matcher/letter-case';
import { classOf, foldedOf, SKIP, SPACE, WORD } from '../../../src/matcher/text-class';
import { loadScanner, serializeScanner } from './serialized-scanner';

export interface Hit {
  start: number;
  end: number;
}

/** One article as each engine receives it; all three strings have the same length. */
export interface BenchInput {
  /** Invisible characters dropped and whitespace runs collapsed; case and accents kept. Ours reads this. */
  original: string;
  /** Every unit folded (small letters, no accents), prepared for the peers at no cost to them. */
  folded: string;
  /** Whether each word-starting letter is a small one, for the peers' capitalization check. */
  lowerAt: Uint8Array;
}

export interface BenchAlias {
  surface: string;
  folded: string;
  /** A capitalized alias only matches a word that starts with a capital, as in the extension. */
  capital: boolean;
}

export interface BuiltEngine {
  /** Every match the engine reports for one text (raw; see leftmostLongest for comparison). */
  run(input: BenchInput): Hit[];
  /** What the engine would ship to start from: our serialized tries, or the peers' alias list. */
  bytes: number;
  /** Keeps the structure reachable while memory is measured. */
  keep: unknown;
}

export interface EngineSpec {
  name: string;
  build(aliases: BenchAlias[]): BuiltEngine;
}

const WORD_CODE = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) WORD_CODE[c] = classOf(c) === WORD ? 1 : 0;

/** The text as the extension sees it, normalized the way every engine can read it alike. */
export function benchInput(raw: string): BenchInput {
  let original = '';
  let lastSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    const k = classOf(code);
    if (k === SKIP) continue;
    if (k === SPACE) {
      if (!lastSpace) original += ' ';
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    original += raw[i];
  }
  let folded = '';
  const lowerAt = new Uint8Array(original.length);
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    const f = String.fromCharCode(code === 0x20 ? 0x20 : foldedOf(code));
    folded += f;
    const wordStart = WORD_CODE[code] === 1 && (i === 0 || WORD_CODE[original.charCodeAt(i - 1)] === 0);
    lowerAt[i] = wordStart && isLowercase(code) ? 1 : 0;
  }
  return { original, folded, lowerAt };
}

export function benchAlias(surface: string): BenchAlias {
  const original = benchInput(surface).original.trim();
  return { surface: original, folded: benchInput(original).folded, capital: !startsUncapitalized(original) };
}

/** The boundary test every peer needs and ours does inside its walk. */
function onBoundaries(text: string, start: number, end: number): boolean {
  if (start > 0 && WORD_CODE[text.charCodeAt(start - 1)] === 1) return false;
  const lastIsWord = WORD_CODE[text.charCodeAt(end - 1)] === 1;
  return !(lastIsWord && end < text.length && WORD_CODE[text.charCodeAt(end)] === 1);
}

export const dramatis: EngineSpec = {
  name: 'dramatis trie',
  build(aliases) {
    const serialized = serializeScanner(aliases);
    const scanner = loadScanner(serialized);
    return {
      bytes: JSON.stringify(serialized).length,
      keep: scanner,
      run(input) {
        const hits = scanner.scan(input.original);
        const out: Hit[] = [];
        for (let i = 0; i < hits.starts.length; i++) {
          // Genitive hits ("Bidens") count only in German text, after the scan: not the peers' task.
          if (hits.genitive[i] === 0) out.push({ start: hits.starts[i] as number, end: hits.ends[i] as number });
        }
        return out;
      },
    };
  },
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternation(aliases: BenchAlias[], flags: string): RegExp {
  // Longest first, so the alternation takes the longest alias at each position. After it, one
  // check: the match ended on a non-word character ("Inc.") or no word character follows.
  const sorted = [...aliases].sort((a, b) => b.folded.length - a.folded.length);
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${sorted.map((a) => escapeRegExp(a.folded)).join('|')})(?:(?<![\\p{L}\\p{N}])|(?![\\p{L}\\p{N}]))`,
    flags,
  );
}

export const alternationRegExp: EngineSpec = {
  name: 'alternation RegExp',
  build(aliases) {
    const all = alternation(aliases, 'gu');
    // Where the longest match is a capitalized alias on a small word, the longest uncapitalized
    // alias at the same place is the answer (if any): a second, sticky expression finds it.
    const uncapitalized = aliases.filter((a) => !a.capital);
    const lower = uncapitalized.length > 0 ? alternation(uncapitalized, 'uy') : null;
    const fine = new Set(uncapitalized.map((a) => a.folded));
    return {
      bytes: JSON.stringify(aliases.map((a) => a.surface)).length,
      keep: all,
      run(input) {
        const out: Hit[] = [];
        const text = input.folded;
        all.lastIndex = 0;
        for (let m = all.exec(text); m; m = all.exec(text)) {
          let end = m.index + m[0].length;
          if (input.lowerAt[m.index] === 1 && !fine.has(m[0])) {
            let again: RegExpExecArray | null = null;
            if (lower) {
              lower.lastIndex = m.index;
              again = lower.exec(text);
            }
            if (!again) {
              all.lastIndex = m.index + 1;
              continue;
            }
            end = m.index + again[0].length;
          }
          out.push({ start: m.index, end });
          all.lastIndex = end;
        }
        return out;
      },
    };
  },
};

export const ahoCorasickPackage: EngineSpec = {
  name: 'ahocorasick (npm)',
  build(aliases) {
    const ac = new AhoCorasick(aliases.map((a) => a.folded));
    const capital = new Map(aliases.map((a) => [a.folded, a.capital]));
    return {
      bytes: JSON.stringify(aliases.map((a) => a.surface)).length,
      keep: ac,
      run(input) {
        const out: Hit[] = [];
        for (const [endIndex, words] of ac.search(input.folded)) {
          for (const word of words) {
            const start = endIndex - word.length + 1;
            if (capital.get(word) && input.lowerAt[start] === 1) continue;
            if (onBoundaries(input.folded, start, endIndex + 1)) out.push({ start, end: endIndex + 1 });
          }
        }
        return out;
      },
    };
  },
};

export const indexOfLoop: EngineSpec = {
  name: 'per-alias indexOf',
  build(aliases) {
    return {
      bytes: JSON.stringify(aliases.map((a) => a.surface)).length,
      keep: aliases,
      run(input) {
        const out: Hit[] = [];
        const text = input.folded;
        for (const alias of aliases) {
          const word = alias.folded;
          for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            if (alias.capital && input.lowerAt[at] === 1) continue;
            if (onBoundaries(text, at, at + word.length)) out.push({ start: at, end: at + word.length });
          }
        }
        return out;
      },
    };
  },
};

/** Reads each character once and does nothing else: no matcher can be faster. */
export function floorPass(input: BenchInput): number {
  const text = input.original;
  let acc = 0;
  for (let i = 0; i < text.length; i++) acc = (acc + text.charCodeAt(i)) | 0;
  return acc;
}

/** The comparable form of any engine's output: leftmost, then longest, never overlapping. */
export function leftmostLongest(hits: Hit[]): string[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: string[] = [];
  let lastEnd = -1;
  for (const h of sorted) {
    if (h.start < lastEnd) continue;
    out.push(`${h.start}:${h.end}`);
    lastEnd = h.end;
  }
  return out;
}
