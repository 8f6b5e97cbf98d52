import { MONTH_WORDS, SENTENCE_OPENERS, TEMPORAL_WORDS, TITLES } from './context-rules';

const WORD_BEFORE = /([\p{L}\p{N}.'’-]+)([ \u00a0]+)$/u;
const OPENS_SENTENCE = /(^|[.!?:;"“”‘'(\n\r\t—–-]\s*)$/u;

/**
 * Whether a bare surname at [start, end) can be the person the article already named.
 * It cannot when it is part of someone else's name ("Warren Buffett", "Billy Graham") or,
 * for month-like surnames, when it reads as a date ("in May", "May 5").
 */
export function surnameFitsContext(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 24);
  // A capitalized word right after: the surname is a first name, or part of a longer name.
  if (/^[ \u00a0]+\p{Lu}/u.test(after) && !/^[ \u00a0]+(?:I|A)\b(?!\.)/u.test(after)) return false;

  const before = text.slice(Math.max(0, start - 40), start);
  const word = WORD_BEFORE.exec(before);
  const surname = text.slice(start, end).toLowerCase();
  if (MONTH_WORDS.has(surname)) {
    if (/^[ \u00a0]*\d/.test(after)) return false;
    if (word && TEMPORAL_WORDS.has((word[1] as string).toLowerCase().replace(/\.$/, ''))) return false;
  }
  if (!word) return true;
  const previous = word[1] as string;
  if (!/^\p{Lu}/u.test(previous)) return true;
  const bare = previous.toLowerCase().replace(/\.$/, '');
  if (TITLES.has(bare)) return true;
  // "… head of MI5. Rosenstein said": a full stop that is not a title's ends the sentence.
  if (/[.!?]$/.test(previous)) return true;
  const opensSentence = OPENS_SENTENCE.test(before.slice(0, before.length - (word[0] as string).length));
  return opensSentence && SENTENCE_OPENERS.has(bare);
}
