import {
  AMBIGUOUS,
  type FirstWords,
  FOLLOW_OTHER,
  followLetter,
  hashStep,
  hashWithoutLast,
  mixOf,
  pairBit,
} from './first-words';
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

// Per code unit, for one scanner (see Scanner.fill): the unit's alphabet index in the `all`
// trie (low byte), its class, and whether a name can start there.
const WORD_UNIT = 0x100;
const SPACE_UNIT = 0x200;
const SKIP_UNIT = 0x400;
/** Some alias begins with this letter, in this case. */
const BEGINS = 0x800;
/** The first capital of some alias written with a small first letter. */
const ANCHORS = 0x1000;
/** A small letter (with BEGINS: the start of an alias written small). */
const SMALL = 0x2000;
/** A letter with no alphabet index of its own in `all`: in no alias, or past the dense alphabet. */
const ODD_LETTER = 0x4000;
/** Makes the first-word loop stop and look: invisible characters, odd letters, anchors. */
const RARE_UNIT = 0x8000;
const CANDIDATE = BEGINS | ANCHORS;
/** Bits 16-23 of an anchor's unit: 1 + the index of its list in Scanner.anchorLists. */
const ANCHOR_LIST = 16;
/** Some alias of the anchor's list has it at a word start ("von der Leyen"). */
const ANCHOR_STARTS_WORD = 1 << 24;
/** Some alias of the anchor's list has it inside a word ("xAI"). */
const ANCHOR_IN_WORD = 1 << 25;
/** Not yet filled; has every bit set, so the candidate test lets it through to be filled. */
const UNKNOWN_UNIT = -1;

/** A small-letter alias found from its first capital: "von der Leyen" from the L of Leyen. */
interface Anchored {
  /** The folded text before the anchor, read backwards from it. */
  before: string;
  /** Whether `before` ends with a letter or digit ("xAI"), so the anchor is inside a word; else it starts one ("von der Leyen"). */
  inWord: boolean;
}

/**
 * Finds every alias that starts at a word start and ends at a word end.
 *
 * This is the hot path, one pass over the text. Most characters cost one table lookup: a name
 * can begin only at a rare character, a capital at a word start (a capitalized alias cannot
 * start a word written small, and most words start small), a caseless letter or digit that
 * begins some alias, or the first capital inside an alias written with a small first letter
 * ("eSafety", "von der Leyen"). From a capital, the word is hashed and looked up in the index
 * of aliases' first words (FirstWords), which also tells whether the next word can continue
 * any of them; only then is the trie walked, one table lookup per character. The pass then goes
 * on after that word. A walk is bounded by the longest alias, so the scan is linear in the text
 * whatever the number of aliases.
 */
export class Scanner {
  private readonly units = new Int32Array(65536).fill(UNKNOWN_UNIT);
  /** 1 where the pass must stop and look (CANDIDATE, or not yet filled): the tight loop's one-byte view of `units`. */
  private readonly stops = new Uint8Array(65536).fill(1);
  /** The alphabet index of a plain letter (a word character that is not RARE_UNIT), else 0: the follow checks' view of `units`. */
  private readonly letters = new Uint8Array(65536);
  /** The hash number (see mixOf) of a plain letter's alphabet index, else 0: the hashing loop's view of `units`. */
  private readonly mixes = new Int32Array(65536);
  /** Aliases written small, by the anchor capital they share; an anchor's unit carries the list's number (see ANCHOR_LIST). */
  private readonly anchorLists: Anchored[][];
  /** Folded anchor capital → its list's index in anchorLists. */
  private readonly anchorIndex: Map<number, number>;
  /** Folded first letters of small-letter aliases with no capital at all ("bitcoin"). */
  private readonly smallStarts = new Set<number>();
  private readonly firstWords: FirstWords | null;

  /**
   * @param all every alias
   * @param lower the aliases whose first letter is not a capital (see MatcherData.lowerTrie)
   * @param lowerSurfaces those aliases as written
   */
  constructor(
    readonly all: Trie,
    readonly lower: Trie,
    lowerSurfaces: readonly string[],
    firstWords: FirstWords | null,
  ) {
    this.firstWords = firstWords;
    const anchors = new Map<number, Anchored[]>();
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
      const list = anchors.get(anchor) ?? [];
      const before = folded.slice(0, anchorAt);
      list.push({ before, inWord: classOf(before.charCodeAt(before.length - 1)) === WORD });
      anchors.set(anchor, list);
    }
    // A unit has 8 bits for the list's number: far more distinct anchor capitals than any dataset has.
    const kept = [...anchors].slice(0, 255);
    this.anchorLists = kept.map(([, list]) => list);
    this.anchorIndex = new Map(kept.map(([capital], i) => [capital, i]));
  }

  scan(text: string): Hits {
    const hits: Hits = { starts: [], ends: [], states: [], tries: [], genitive: [] };
    const units = this.units;
    const index = this.firstWords;
    const n = text.length;
    const stops = this.stops;
    const mixes = this.mixes;
    for (let i = nextCandidate(text, 0, stops); i < n; i = nextCandidate(text, i + 1, stops)) {
      const start = i;
      let u = units[text.charCodeAt(start)] as number;
      if (u === UNKNOWN_UNIT) {
        u = this.fill(text.charCodeAt(start));
        if ((u & CANDIDATE) === 0) continue;
      }
      // A capital inside a word ("McCarthy", "USA") is only an anchor.
      const before = start > 0 ? (units[text.charCodeAt(start - 1)] as number) : 0;
      const mid = (before & SKIP_UNIT) !== 0 ? wordBefore(text, start) : (before & WORD_UNIT) !== 0;
      if ((u & BEGINS) !== 0 && !mid) {
        if ((u & (SMALL | ODD_LETTER)) !== 0 || index === null) {
          this.walkFrom((u & SMALL) !== 0 ? this.lower : this.all, text, start, hits);
        } else {
          // The first word is hashed here, in the pass's own loop: this runs for every
          // capitalized word, and each of its characters is read once (see FirstWords).
          let h = mixOf(u & 0xff);
          let j = start + 1;
          // The unit of the character that ends the word, at j (0 past the text's end).
          let v = 0;
          // The first anchor inside the word ("xAI" has one at A): the pass must still look at it.
          let stop = -1;
          let plain = true;
          for (;;) {
            let c = 0;
            for (; j < n; j++) {
              c = text.charCodeAt(j);
              const mix = mixes[c] as number;
              if (mix === 0) break;
              h = hashStep(h, mix);
            }
            if (j >= n) {
              v = 0;
              break;
            }
            v = units[c] as number;
            if ((v & RARE_UNIT) === 0) break;
            if (v === UNKNOWN_UNIT) v = this.fill(c);
            // An invisible character or an odd letter: the walk handles those exactly.
            if ((v & (SKIP_UNIT | ODD_LETTER)) !== 0) {
              plain = false;
              break;
            }
            if ((v & WORD_UNIT) === 0) break;
            if ((v & ANCHORS) !== 0 && stop < 0) stop = j;
            h = hashStep(h, mixOf(v & 0xff));
            j++;
          }
          const last = j - 1;
          // "Facebooks": the word less a final "s" may be a whole alias (German genitive; see walk).
          // Only a small "s", as the walk reads it. It was read above, so its unit is filled.
          const genitive =
            last > start && text.charCodeAt(last) === 0x73
              ? hashWithoutLast(h, mixOf((units[0x73] as number) & 0xff))
              : h;
          // Most words start no alias: the presence filter says so without probing the index.
          if (plain && (index.mayHave(h) || index.mayHave(genitive))) {
            plain = this.viaFirstWord(text, start, j, v, h, genitive === h ? 0 : genitive, hits);
          }
          // The pass goes on after the word, or after the character that ended it when that is
          // one it would pass over anyway.
          if (plain) i = stop >= 0 ? stop - 1 : (v & (CANDIDATE | RARE_UNIT)) === 0 && j < n ? j : last;
          else this.walkFrom(this.all, text, start, hits);
        }
      }
      // "S" starts many words but is an anchor only inside "eSafety": most capitals skip this.
      if ((u & (mid ? ANCHOR_IN_WORD : ANCHOR_STARTS_WORD)) !== 0) this.anchored(text, start, u, mid, hits);
    }
    // Hits found from an anchor start before it, so they may come out of order.
    if (!inTextOrder(hits)) sortHits(hits);
    return hits;
  }

  /** Records the hits of `trie` that start at `start`, walking it letter by letter. */
  private walkFrom(trie: Trie, text: string, start: number, hits: Hits): void {
    const code = text.charCodeAt(start);
    const first = trie.next(0, trie.stepOf(code), code);
    if (first >= 0) walk(trie, text, start, start + 1, first, hits);
  }

  /** Small-letter aliases whose first capital is at `i`: read back from it, then walked from their start. */
  private anchored(text: string, i: number, u: number, mid: boolean, hits: Hits): void {
    for (const a of this.anchorLists[((u >>> ANCHOR_LIST) & 0xff) - 1] ?? []) {
      if (a.inWord !== mid) continue;
      const start = matchBackward(text, i, a.before);
      if (start < 0 || wordBefore(text, start) || !isLowercase(text.charCodeAt(start))) continue;
      const code = text.charCodeAt(start);
      const first = this.lower.next(0, this.lower.stepOf(code), code);
      if (first >= 0) walk(this.lower, text, start, start + 1, first, hits);
    }
  }

  /**
   * Records the hits of `all` that start at `start`, a word start, from the hash `h` of its
   * first word, which ends before `j` (whose unit is `v`), and `genitive`, the hash of that word
   * less a final "s" (0 if it has none). The index gives the trie state after the word, and
   * whether the next word can go on with any alias; only then is the trie walked. Returns
   * false, having recorded nothing, when a hash is shared by two first words: the caller walks.
   */
  private viaFirstWord(
    text: string,
    start: number,
    j: number,
    v: number,
    h: number,
    genitive: number,
    hits: Hits,
  ): boolean {
    const index = this.firstWords as FirstWords;
    const last = j - 1;
    const g = genitive === 0 ? -1 : index.find(genitive);
    const genitiveState = g < 0 ? -1 : index.stateAt(g);
    const at = index.find(h);
    const state = at < 0 ? -1 : index.stateAt(at);
    if (genitiveState === AMBIGUOUS || state === AMBIGUOUS) return false;
    if (
      genitiveState >= 0 &&
      (genitiveState & 1) === 1 &&
      stateAlong(this.all, text, start, last - 1) === genitiveState
    ) {
      pushHit(hits, start, last, genitiveState >> 1, this.all, 1);
    }
    if (state < 0) return true;
    const before = hits.starts.length;
    if ((index.followAt(at) & this.followAt(text, j, v)) !== 0 && this.pairMayFollow(index.pairsAt(at), text, j, v)) {
      walk(this.all, text, start, last + 1, state, hits);
    } else if ((state & 1) === 1) {
      pushHit(hits, start, last + 1, state >> 1, this.all, 0);
    }
    // Hashes can collide: a hit stands only if the word really leads to that state.
    if (hits.starts.length > before && stateAlong(this.all, text, start, last) !== state) truncateHits(hits, before);
    return true;
  }

  /** The follow bit (see FirstWords) of the text after a word: `j` is the first character past it, `v` its unit. */
  private followAt(text: string, j: number, v: number): number {
    const n = text.length;
    if (j >= n) return 0;
    if ((v & SKIP_UNIT) === 0 && (v & SPACE_UNIT) === 0) return FOLLOW_OTHER;
    // The usual case: one space, then a plain letter.
    const a = j + 1 < n && (v & SKIP_UNIT) === 0 ? (this.letters[text.charCodeAt(j + 1)] as number) : 0;
    if (a !== 0) return followLetter(a);
    const units = this.units;
    let spaced = false;
    for (; j < n; j++) {
      const code = text.charCodeAt(j);
      let u = units[code] as number;
      if (u === UNKNOWN_UNIT) u = this.fill(code);
      if ((u & SKIP_UNIT) !== 0) continue;
      if ((u & SPACE_UNIT) !== 0) {
        spaced = true;
        continue;
      }
      return spaced && (u & WORD_UNIT) !== 0 ? followLetter(u & 0xff) : FOLLOW_OTHER;
    }
    return 0;
  }

  /**
   * Whether the next word's first two letters may go on with an alias, by the word's pair bits
   * (see pairBit). Only the usual text is read: one space, then two plain letters, or one and a
   * character that ends a word. Anything else answers true, and the walk decides.
   */
  private pairMayFollow(pairs: number, text: string, j: number, v: number): boolean {
    const n = text.length;
    if (pairs === -1 || (v & SPACE_UNIT) === 0 || j + 1 >= n) return true;
    const first = this.letters[text.charCodeAt(j + 1)] as number;
    if (first === 0) return true;
    let second = 0;
    if (j + 2 < n) {
      const code = text.charCodeAt(j + 2);
      second = this.letters[code] as number;
      if (second === 0) {
        let u = this.units[code] as number;
        if (u === UNKNOWN_UNIT) u = this.fill(code);
        // An invisible character, an anchor, an odd letter: left to the walk.
        if ((u & RARE_UNIT) !== 0) return true;
        // A plain letter seen for the first time has just been filled.
        second = this.letters[code] as number;
      }
    }
    return (pairs & pairBit(first, second)) !== 0;
  }

  /** The anchor bits of a folded capital: ANCHORS and its list's number, or 0. */
  private anchorUnit(folded: number): number {
    const index = this.anchorIndex.get(folded);
    if (index === undefined) return 0;
    let sides = 0;
    for (const a of this.anchorLists[index] as Anchored[]) sides |= a.inWord ? ANCHOR_IN_WORD : ANCHOR_STARTS_WORD;
    return ANCHORS | RARE_UNIT | sides | ((index + 1) << ANCHOR_LIST);
  }

  /** Computes and remembers what a code unit means to the scan (see the unit flags above). */
  private fill(code: number): number {
    const cls = classOf(code);
    const folded = foldedOf(code);
    let u = cls === SKIP ? SKIP_UNIT : cls === SPACE ? SPACE_UNIT : cls === WORD ? WORD_UNIT : 0;
    if (cls === SKIP) u |= RARE_UNIT;
    if (cls === WORD) {
      const a = this.all.stepOf(code) & 0xff;
      u |= a === 0 || a === 0xff ? a | ODD_LETTER | RARE_UNIT : a;
      if (isLowercase(code)) u |= this.smallStarts.has(folded) ? BEGINS | SMALL : 0;
      else u |= (this.all.sparseChild(0, folded) >= 0 ? BEGINS : 0) | this.anchorUnit(folded);
    }
    this.units[code] = u;
    this.stops[code] = (u & CANDIDATE) !== 0 ? 1 : 0;
    const plain = (u & (WORD_UNIT | RARE_UNIT)) === WORD_UNIT;
    this.letters[code] = plain ? u & 0xff : 0;
    this.mixes[code] = plain ? mixOf(u & 0xff) : 0;
    return u;
  }
}

/** The loop every character goes through: one lookup and one rarely taken branch each. */
function nextCandidate(text: string, from: number, stops: Uint8Array): number {
  const n = text.length;
  for (let i = from; i < n; i++) {
    if (stops[text.charCodeAt(i)] !== 0) return i;
  }
  return n;
}

function pushHit(hits: Hits, start: number, end: number, state: number, trie: Trie, genitive: number): void {
  hits.starts.push(start);
  hits.ends.push(end);
  hits.states.push(state);
  hits.tries.push(trie);
  hits.genitive.push(genitive);
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

function inTextOrder(hits: Hits): boolean {
  const { starts, ends } = hits;
  for (let k = 1; k < starts.length; k++) {
    const d = (starts[k] as number) - (starts[k - 1] as number);
    if (d < 0 || (d === 0 && (ends[k] as number) < (ends[k - 1] as number))) return false;
  }
  return true;
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

/**
 * Walks the trie from `encoded`, the state reached by the text from `start` up to `from`
 * (exclusive), whose last character is a letter or digit; records every alias that ends on a
 * word end (or is followed by a German genitive "s").
 */
function walk(trie: Trie, text: string, start: number, from: number, encoded: number, hits: Hits): void {
  const n = text.length;
  const step = trie.step;
  const dense = trie.dense;
  const node = trie.node;
  let enc = encoded;
  let j = from;
  let lastSpace = false;
  let lastWasWord = true;
  for (;;) {
    const state = enc >> 1;
    // A hit is recorded once, right after the character that completes it.
    if ((enc & 1) === 1) {
      const genitive = lastWasWord && wordAt(text, j) ? genitiveAt(text, j) : -1;
      if (!lastWasWord || genitive !== -1 || !wordAt(text, j)) {
        pushHit(hits, start, j, state, trie, genitive === -1 ? 0 : 1);
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

/** The encoded state reached by the text from `from` to `to` (inclusive), or -1. */
function stateAlong(trie: Trie, text: string, from: number, to: number): number {
  let enc = 0;
  for (let j = from; j <= to; j++) {
    const code = text.charCodeAt(j);
    const v = trie.stepOf(code);
    if (v === STEP_SKIP) continue;
    enc = trie.next(enc >> 1, v, code);
    if (enc < 0) return -1;
  }
  return enc;
}

function truncateHits(hits: Hits, length: number): void {
  hits.starts.length = length;
  hits.ends.length = length;
  hits.states.length = length;
  hits.tries.length = length;
  hits.genitive.length = length;
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
