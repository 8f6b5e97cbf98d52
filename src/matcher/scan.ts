import { isLowercase } from './letter-case';
import { classOf, foldedOf, foldString, SKIP, SPACE, WORD } from './text-class';
import { STEP_SKIP, STEP_SPACE, STEP_UNKNOWN, STEP_WORD, type Trie } from './trie';

/** Raw hits of the trie: parallel arrays, so a long article allocates a few arrays, not objects. */
export interface Hits {
  starts: number[];
  ends: number[];
  /** The final state of each hit, in the trie it was found with. */
  states: number[];
  tries: Trie[];
  /** 1 where the hit is followed by a genitive "s" ("Facebooks"): kept only for German text. */
  genitive: number[];
}

// Per code unit, for one scanner (see Scanner.fill); 0 = not a candidate.
/** Some alias begins with this letter, in this case. */
const BEGINS = 1;
/** The first capital of some alias written with a small first letter. */
const ANCHORS = 2;
/** A small letter (with BEGINS: the start of an alias written small). */
const SMALL = 4;
// Candidate positions carry a flag in their top bit: texts are far shorter than 2^30.
const MID_WORD = 0x40000000;
const POSITION = MID_WORD - 1;
const UNKNOWN_BITS = 255;

let scratch = new Int32Array(4096);

/** A small-letter alias found from its first capital: "von der Leyen" from the L of Leyen. */
interface Anchored {
  /** The folded text before the anchor, read backwards from it. */
  before: string;
}

/**
 * Finds every alias that starts at a word start and ends at a word end.
 *
 * This is the hot path, in two passes. The first reads the text once and keeps the rare
 * characters where a name can begin: capitals (a capitalized alias cannot start a word written
 * small, and most words start small), caseless letters and digits that begin some alias, and
 * the first capital inside an alias written with a small first letter ("eSafety", "von der
 * Leyen"). Its only branch is on that rare case, so it is nearly always predicted. The second
 * pass walks the trie from each kept word start, one table lookup per character. A walk is
 * bounded by the longest alias, so the scan is linear in the text whatever the number of aliases.
 */
export class Scanner {
  private readonly bits = new Uint8Array(65536).fill(UNKNOWN_BITS);
  /** Folded anchor capital → aliases written small that it anchors. */
  private readonly anchors = new Map<number, Anchored[]>();
  /** Folded first letters of small-letter aliases with no capital at all ("bitcoin"). */
  private readonly smallStarts = new Set<number>();

  /**
   * @param all every alias
   * @param lower the aliases whose first letter is not a capital (see MatcherData.lowerTrie)
   * @param lowerSurfaces those aliases as written
   */
  constructor(
    readonly all: Trie,
    readonly lower: Trie,
    lowerSurfaces: readonly string[],
  ) {
    for (const surface of lowerSurfaces) {
      const folded = foldString(surface);
      let anchorAt = -1;
      for (let k = 0, f = 0; k < surface.length; k++) {
        const ch = surface[k] as string;
        const cls = classOf(ch.charCodeAt(0));
        if (cls === SKIP) continue;
        if (cls === WORD && ch !== ch.toLowerCase()) {
          anchorAt = f;
          break;
        }
        if (cls !== SPACE || folded[f] === ' ') f++;
      }
      const first = folded.charCodeAt(0);
      if (anchorAt < 0) {
        if (isLowercase(first)) this.smallStarts.add(first);
        continue;
      }
      const anchor = folded.charCodeAt(anchorAt);
      const list = this.anchors.get(anchor) ?? [];
      list.push({ before: folded.slice(0, anchorAt) });
      this.anchors.set(anchor, list);
    }
  }

  scan(text: string): Hits {
    const hits: Hits = { starts: [], ends: [], states: [], tries: [], genitive: [] };
    const count = this.candidates(text);
    const at = scratch;
    let ordered = true;
    const bits = this.bits;
    for (let s = 0; s < count; s++) {
      const packed = at[s] as number;
      const i = packed & POSITION;
      const code = text.charCodeAt(i);
      const x = bits[code] as number;
      if ((x & BEGINS) !== 0 && (packed & MID_WORD) === 0) {
        const trie = (x & SMALL) !== 0 ? this.lower : this.all;
        // The root always has a dense row at offset 0.
        const v = trie.stepOf(code);
        const a = v & 0xff;
        const first = a !== 0xff ? (trie.dense[a] as number) : trie.next(0, v, code);
        if (first >= 0) walk(trie, text, i, first, hits);
      }
      if ((x & ANCHORS) !== 0) {
        for (const a of this.anchors.get(foldedOf(code)) ?? []) {
          const start = matchBackward(text, i, a.before);
          if (start < 0 || wordBefore(text, start) || !isLowercase(text.charCodeAt(start))) continue;
          const first = this.lower.next(0, this.lower.stepOf(text.charCodeAt(start)), text.charCodeAt(start));
          if (first < 0) continue;
          const before = hits.starts.length;
          walk(this.lower, text, start, first, hits);
          if (hits.starts.length > before) ordered = false;
        }
      }
    }
    if (!ordered) sortHits(hits);
    return hits;
  }

  /**
   * Fills `scratch` with the positions of candidate characters; returns how many.
   * Kept small and separate so the JIT optimizes this loop on its own.
   */
  private candidates(text: string): number {
    const n = text.length;
    if (scratch.length < n + 1) scratch = new Int32Array(Math.max(n + 1, scratch.length * 2));
    const out = scratch;
    const bits = this.bits;
    let count = 0;
    for (let i = 0; i < n; i++) {
      let x = bits[text.charCodeAt(i)] as number;
      if (x === 0) continue;
      if (x === UNKNOWN_BITS) x = this.fill(text.charCodeAt(i));
      // Rare branch: a capital inside a word ("McCarthy", "USA") is kept only as an anchor.
      const mid = wordBefore(text, i);
      if (!mid || (x & ANCHORS) !== 0) out[count++] = mid ? i | MID_WORD : i;
    }
    return count;
  }

  /** Whether a code unit can begin a name (BEGINS), or anchor one written small (ANCHORS). */
  private fill(code: number): number {
    let x = 0;
    if (classOf(code) === WORD) {
      const folded = foldedOf(code);
      if (isLowercase(code)) x = this.smallStarts.has(folded) ? BEGINS | SMALL : 0;
      else x = (this.all.sparseChild(0, folded) >= 0 ? BEGINS : 0) | (this.anchors.has(folded) ? ANCHORS : 0);
    }
    this.bits[code] = x;
    return x;
  }
}

/** Whether a letter or digit stands right before `i` (invisible characters are looked through). */
function wordBefore(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const k = classOf(text.charCodeAt(j));
    if (k === SKIP) continue;
    return k === WORD;
  }
  return false;
}

/** Where the folded `before` ends right at `end` in the text, read backwards; -1 if it does not. */
function matchBackward(text: string, end: number, before: string): number {
  let j = end - 1;
  for (let k = before.length - 1; k >= 0; k--) {
    while (j >= 0 && classOf(text.charCodeAt(j)) === SKIP) j--;
    if (j < 0) return -1;
    const code = text.charCodeAt(j);
    if (before.charCodeAt(k) === 0x20) {
      if (classOf(code) !== SPACE) return -1;
      while (j > 0 && classOf(text.charCodeAt(j - 1)) === SPACE) j--;
    } else if (foldedOf(code) !== before.charCodeAt(k)) {
      return -1;
    }
    if (k > 0) j--;
  }
  return j;
}

/** Puts hits found from an anchor back in text order (they start before the anchor). */
function sortHits(hits: Hits): void {
  const order = hits.starts
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (hits.starts[a] as number) - (hits.starts[b] as number) || (hits.ends[a] as number) - (hits.ends[b] as number),
    );
  const pick = <T>(xs: T[]) => order.map((i) => xs[i] as T);
  hits.starts = pick(hits.starts);
  hits.ends = pick(hits.ends);
  hits.states = pick(hits.states);
  hits.tries = pick(hits.tries);
  hits.genitive = pick(hits.genitive);
}

function walk(trie: Trie, text: string, start: number, firstEncoded: number, hits: Hits): void {
  const n = text.length;
  const step = trie.step;
  const dense = trie.dense;
  const node = trie.node;
  let enc = firstEncoded;
  let j = start + 1;
  let lastSpace = false;
  let lastWasWord = true;
  for (;;) {
    const state = enc >> 1;
    // A hit is recorded once, right after the character that completes it.
    if ((enc & 1) === 1) {
      const genitive = lastWasWord && wordAt(text, j) ? genitiveAt(text, j) : -1;
      if (!lastWasWord || genitive !== -1 || !wordAt(text, j)) {
        hits.starts.push(start);
        hits.ends.push(j);
        hits.states.push(state);
        hits.tries.push(trie);
        hits.genitive.push(genitive === -1 ? 0 : 1);
      }
    }
    let code = 0;
    let v = 0;
    for (;;) {
      if (j >= n) return;
      code = text.charCodeAt(j);
      v = step[code] as number;
      if (v === STEP_UNKNOWN) v = trie.fillStep(code);
      // Invisible characters are looked through; a run of spaces counts as one.
      if (v === STEP_SKIP || ((v & STEP_SPACE) !== 0 && lastSpace)) j++;
      else break;
    }
    const a = v & 0xff;
    if (a === 0) return;
    const tag = node[2 * state] as number;
    if (tag >= 0) {
      // One edge: its alphabet index against the character's.
      enc = tag === a ? (node[2 * state + 1] as number) : -1;
    } else if (tag <= -2 && a !== 0xff) {
      enc = dense[-2 - tag + a] as number;
    } else {
      enc = trie.next(state, v, code);
    }
    if (enc < 0) return;
    lastSpace = (v & STEP_SPACE) !== 0;
    lastWasWord = (v & STEP_WORD) !== 0;
    j++;
  }
}

/** Whether "s" then the end of the word follows at `j`; returns j or -1. */
function genitiveAt(text: string, j: number): number {
  const c = text.charCodeAt(j);
  if (c !== 0x73) return -1;
  return wordAt(text, j + 1) ? -1 : j;
}

/** Whether a word character continues at `j` (invisible characters are looked through). */
function wordAt(text: string, j: number): boolean {
  for (let i = j; i < text.length; i++) {
    const k = classOf(text.charCodeAt(i));
    if (k === SKIP) continue;
    return k === WORD;
  }
  return false;
}
