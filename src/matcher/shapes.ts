import { GERMAN_MARKERS, INDEFINITE_ARTICLES, TICKER_PATTERN } from './context-rules';

/**
 * Whether [start, end) sits inside a ticker in parentheses: "(NASDAQ: META)", "(META.O)". The
 * ticker is evidence for the company named just before it, not a second mention.
 */
export function insideTicker(text: string, start: number, end: number): boolean {
  const slice = text.slice(start, end);
  if (slice !== slice.toUpperCase()) return false;
  const open = text.lastIndexOf('(', start);
  if (open < 0 || start - open > 16) return false;
  const close = text.indexOf(')', end);
  if (close < 0 || close - end > 4) return false;
  const inner = text.slice(open, close + 1);
  // Only an exchange prefix or a market suffix makes it a ticker: "(CNIL)" is an acronym.
  if (!inner.includes(':') && !/\.[A-Z]{1,2}\s*\)$/.test(inner)) return false;
  TICKER_PATTERN.lastIndex = 0;
  const m = TICKER_PATTERN.exec(inner);
  return m !== null && m.index === 0 && m[0].length === inner.length;
}

const WORDS_BEFORE = /(?:^|[^\p{L}\p{N}])([\p{L}]+)[ \u00a0]+(?:([\p{L}]+)[ \u00a0]+)?$/u;

/** "ein wichtiges Signal", "an Apple": an indefinite article, at most one word before the name. */
export function afterIndefiniteArticle(text: string, start: number): boolean {
  const m = WORDS_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  if (!m) return false;
  const near = (m[2] ?? m[1] ?? '').toLowerCase();
  const far = m[2] !== undefined ? (m[1] ?? '').toLowerCase() : '';
  return INDEFINITE_ARTICLES.has(near) || (far !== '' && INDEFINITE_ARTICLES.has(far) && /^\p{Ll}/u.test(m[2] ?? ''));
}

/** A cheap language test: German function words make up a visible share of the words. */
export function looksGerman(text: string): boolean {
  const sample = text.slice(0, 4000).toLowerCase();
  const words = sample.split(/[^\p{L}]+/u).filter(Boolean);
  if (words.length < 30) return false;
  const markers = new Set(GERMAN_MARKERS);
  let hits = 0;
  for (const w of words) if (markers.has(w)) hits++;
  return hits / words.length > 0.06;
}

const NAME_WORD_BEFORE = /(\p{Lu}[\p{L}\p{N}'’-]*)[ \u00a0]+$/u;
const OPENS_SENTENCE_BEFORE = /(?:^|[.!?:;"“”‘(\n\r\t—–•|])[ \u00a0]*$/u;

/**
 * Whether a one-word guarded name is only the end of a longer proper name: "Big Apple", "Times
 * Square", "India’s Supreme Court", "Xbox One X", "Enquete-Kommission". A capitalized word
 * right before it (not opening the sentence, not a title) belongs to the same name. Not applied
 * to German, where every noun is capitalized ("des Messengers Signal").
 * A capitalized word after the name is no such sign: "Apple Sales International" is Apple's.
 */
export function partOfLongerName(text: string, start: number, titles: ReadonlySet<string>, german: boolean): boolean {
  if (start > 1 && /[-‐]/.test(text[start - 1] as string) && /[\p{L}\p{N}]/u.test(text[start - 2] as string))
    return true;
  if (german) return false;
  const before = text.slice(Math.max(0, start - 40), start);
  const prev = NAME_WORD_BEFORE.exec(before);
  if (!prev) return false;
  // "UK's NCSC": an owner, not a first half of the name; possessiveOwner judges it.
  if (/['’]s$/u.test(prev[1] as string)) return false;
  const bare = (prev[1] as string).toLowerCase().replace(/['’]s?$/u, '');
  if (titles.has(bare) || titles.has(bare.split('-')[0] ?? '')) return false;
  return !OPENS_SENTENCE_BEFORE.test(before.slice(0, before.length - prev[0].length));
}

/**
 * Whether the text adds accents the alias does not have: "Über" (German "about") is not
 * "Uber". The reverse is fine: "Vera Jourova" still names "Věra Jourová".
 */
export function addsAccents(text: string, start: number, end: number, alias: string): boolean {
  const written = text.slice(start, end);
  if (/^[\p{ASCII}]*$/u.test(written)) return false;
  const bare = written.normalize('NFD').replace(/\p{M}/gu, '');
  const aliasBare = alias.normalize('NFD').replace(/\p{M}/gu, '');
  return aliasBare === alias && bare !== written.normalize('NFD') && bare.length === alias.length;
}

const OWNER_BEFORE = /(\p{Lu}[\p{L}.-]*)['’]s?[ \u00a0]+$/u;

/**
 * The capitalized owner in "India’s Supreme Court", "Brazil’s Congress": an institution named
 * by a common title belongs to whoever owns it. Returns the owner word, or null.
 */
export function possessiveOwner(text: string, start: number): string | null {
  const m = OWNER_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  return m ? (m[1] as string) : null;
}
