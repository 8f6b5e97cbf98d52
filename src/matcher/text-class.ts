/**
 * Character classes and case/diacritic folding for the matcher, one UTF-16 code unit at a time.
 *
 * Folding maps each code unit to exactly one code unit, so offsets in the folded stream are
 * offsets in the original text: no offset table is needed and mentions slice the original
 * exactly. Characters that would fold to nothing (combining marks, soft hyphens, zero-width
 * characters) are classed SKIP and ignored by the walk instead.
 *
 * Tables are filled lazily: building all 65,536 entries eagerly costs more than a cold start
 * of the whole matcher is allowed to.
 */

export const BOUNDARY = 0;
export const WORD = 1;
export const SKIP = 2;
export const SPACE = 3;
const UNKNOWN = 255;

/** The folded form of every whitespace character. */
export const FOLDED_SPACE = 0x20;

const CLASS = new Uint8Array(65536).fill(UNKNOWN);
const FOLD = new Uint16Array(65536);

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
const WHITESPACE = /\s/u;
const APOSTROPHES = new Set([0x2018, 0x2019, 0x02bc, 0x2032, 0x0060, 0x00b4]);
const HYPHENS = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2212]);
const INVISIBLE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

function fill(code: number): number {
  let cls: number;
  let folded = code;
  if (code >= 0xd800 && code <= 0xdfff) {
    // Half of a surrogate pair: letters outside the BMP are too rare in names to fold.
    cls = BOUNDARY;
  } else if (INVISIBLE.has(code)) {
    cls = SKIP;
  } else {
    const ch = String.fromCharCode(code);
    if (WHITESPACE.test(ch)) {
      cls = SPACE;
      folded = FOLDED_SPACE;
    } else if (MARK.test(ch)) {
      cls = SKIP;
    } else if (LETTER_OR_DIGIT.test(ch)) {
      cls = WORD;
      folded = foldLetter(ch);
    } else {
      cls = BOUNDARY;
      if (APOSTROPHES.has(code)) folded = 0x27;
      else if (HYPHENS.has(code)) folded = 0x2d;
      else {
        const compat = ch.normalize('NFKC');
        folded = compat.length === 1 ? compat.charCodeAt(0) : code;
      }
    }
  }
  CLASS[code] = cls;
  FOLD[code] = folded;
  return cls;
}

function foldLetter(ch: string): number {
  // NFKD splits "é" into "e" + mark and full-width "Ａ" into "A"; keep the base when it is one unit.
  const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
  const lower = (base.length === 1 ? base : ch).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : ch.toLowerCase().charCodeAt(0);
}

export function classOf(code: number): number {
  const cls = CLASS[code] as number;
  return cls === UNKNOWN ? fill(code) : cls;
}

/** The folded code unit; call classOf first (it fills both tables). */
export function foldedOf(code: number): number {
  if (CLASS[code] === UNKNOWN) fill(code);
  return FOLD[code] as number;
}

/** Folds a whole string the way the walk sees it: skips dropped, whitespace runs collapsed. */
export function foldString(text: string): string {
  let out = '';
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cls = classOf(code);
    if (cls === SKIP) continue;
    if (cls === SPACE) {
      if (!lastSpace) out += ' ';
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    out += String.fromCharCode(FOLD[code] as number);
  }
  return out.trimEnd();
}

/** Raw access for the hot loop: the class table (UNKNOWN = 255 means call classOf). */
export const CLASS_TABLE: Uint8Array = CLASS;
export const FOLD_TABLE: Uint16Array = FOLD;
export const UNKNOWN_CLASS = UNKNOWN;
