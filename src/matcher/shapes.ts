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
