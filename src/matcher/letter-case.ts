import { classOf, WORD } from './text-class';

/** 1 = small letter, 0 = not, 255 = not yet known: the scan asks once per candidate. */
const LOWER = new Uint8Array(65536).fill(255);

/** A small letter: one with a capital form. A word starting with one cannot be a capitalized name. */
export function isLowercase(code: number): boolean {
  let x = LOWER[code] as number;
  if (x === 255) {
    const ch = String.fromCharCode(code);
    x = ch !== ch.toUpperCase() ? 1 : 0;
    LOWER[code] = x;
  }
  return x === 1;
}

/** Whether an alias begins with a small letter ("von der Leyen", "eBay") or a caseless one ("3M"). */
export function startsUncapitalized(surface: string): boolean {
  for (const ch of surface) {
    if (classOf(ch.charCodeAt(0)) !== WORD) continue;
    return ch === ch.toLowerCase();
  }
  return true;
}
