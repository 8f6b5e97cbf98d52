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
    // "on 2 May", "23 May": a day number before it.
    if (/\d[ \u00a0]*$/.test(before)) return false;
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

const REPORTING_VERB =
  /^[ \u00a0]+(?:said|says|told|tells|added|argued|insisted|wrote|warned|announced|promised|replied|stated|declared|urged|responded|confirmed|admitted|claimed|acknowledged)\b/u;

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/**
 * Whether the surname at [start, end) belongs to someone else: a capitalized word that is
 * not a title, a weekday or a sentence's first word stands right before it ("Hunter Biden",
 * "Nikolai Durov"). Called only for occurrences outside the person's own full-name mentions;
 * one such occurrence makes every bare use of the surname in the article ambiguous.
 */
export function surnameOfSomeoneElse(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const word = WORD_BEFORE.exec(before);
  if (!word) return false;
  const previous = word[1] as string;
  if (!/^\p{Lu}\p{Ll}+$/u.test(previous)) return false;
  const bare = previous.toLowerCase();
  if (TITLES.has(bare) || WEEKDAYS.has(bare) || MONTH_WORDS.has(bare) || TEMPORAL_WORDS.has(bare)) return false;
  // "But Biden said": a sentence's first word is someone else's first name only if it is no opener.
  const opensSentence = OPENS_SENTENCE.test(before.slice(0, before.length - (word[0] as string).length));
  return !opensSentence || !SENTENCE_OPENERS.has(bare);
}

/**
 * Whether a month-like surname ("May") standing first in a sentence should stay unlinked: it
 * does when the article also uses the word as a month ("on 2 May", "May 5"), because then a
 * sentence such as "May will also bring…" is as likely to be about the month.
 */
export function monthAmbiguousAtSentenceStart(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (!MONTH_WORDS.has(word.toLowerCase())) return false;
  const before = text.slice(Math.max(0, start - 40), start);
  if (!OPENS_SENTENCE.test(before)) return false;
  // "May said…": a reporting verb right after makes it the person.
  if (REPORTING_VERB.test(text.slice(end, end + 20))) return false;
  return usedAsDate(text, word);
}

// One answer per text and word: a long page may hold thousands of "May".
let datedText: string | undefined;
const datedWords = new Map<string, boolean>();

function usedAsDate(text: string, word: string): boolean {
  if (text !== datedText) {
    datedText = text;
    datedWords.clear();
  }
  let answer = datedWords.get(word);
  if (answer === undefined) {
    answer = new RegExp(`\\d[ \\u00a0]*${word}\\b|\\b${word}[ \\u00a0]+\\d`, 'u').test(text);
    datedWords.set(word, answer);
  }
  return answer;
}
