import { classOf, SKIP, SPACE } from './text-class';

/**
 * Whether the text's capitalization fits the alias as the dataset writes it.
 * A capital letter in the alias must be capital in the text ("apple" the fruit is not "Apple",
 * "fbi" is not "FBI"); a small letter may be capital only at the very start ("Von der Leyen"
 * opening a sentence) or when the whole match is in capitals (headlines, "META").
 */
export function caseFits(text: string, start: number, end: number, alias: string): boolean {
  const slice = text.slice(start, end);
  const allCaps = slice === slice.toUpperCase() && slice !== slice.toLowerCase();
  let a = 0;
  let first = true;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const k = classOf(code);
    if (k === SKIP) continue;
    if (k === SPACE) {
      while (a < alias.length && classOf(alias.charCodeAt(a)) === SPACE) a++;
      continue;
    }
    while (a < alias.length && classOf(alias.charCodeAt(a)) === SKIP) a++;
    if (a >= alias.length) return true;
    const aliasChar = alias[a] as string;
    const textChar = text[i] as string;
    a++;
    const aliasUpper = aliasChar !== aliasChar.toLowerCase();
    const aliasLower = aliasChar !== aliasChar.toUpperCase();
    const textUpper = textChar !== textChar.toLowerCase();
    const textLower = textChar !== textChar.toUpperCase();
    if (aliasUpper && textLower) return false;
    if (aliasLower && textUpper && !allCaps && !first) return false;
    first = false;
  }
  return true;
}
