import { decodeUint32, encodeArray } from './base64';
import { classOf, SPACE, WORD } from './text-class';
import type { Trie } from './trie';

/** Alphabet index of a character past the dense alphabet (see Trie). */
const OVERFLOW = 255;
/** The presence filter's size limit: 2^18 bits, 32 KB. */
const PRESENT_MAX_BITS = 1 << 18;
/** The state stored for a hash that two different first words share: the caller walks instead. */
export const AMBIGUOUS = -2;
/** What may follow a word: any character but a space, or a space and then a character that is not a letter. */
export const FOLLOW_OTHER = 1 << 31;

/**
 * The word hash: for each letter, the hash so far rotated by 7 bits, xor one random number per
 * letter (by alphabet index). A step is two operations on one number that the scan reads from
 * its own table along with the letter test, so hashing costs little more than reading the word.
 * The random numbers make every bit depend on every letter, so the low bits can pick a slot and
 * the high bits a filter bit. Words can still collide: see FirstWords.
 */
const LETTER_MIX: Int32Array = (() => {
  const table = new Int32Array(256);
  // xorshift32 with a fixed seed: the build and every load compute the same numbers (never 0).
  let x = 0x9e3779b9;
  for (let k = 0; k < table.length; k++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    table[k] = x;
  }
  return table;
})();

/** The random number of a letter, by its alphabet index (never 0). */
export function mixOf(alphabetIndex: number): number {
  return LETTER_MIX[alphabetIndex & 0xff] as number;
}

/** The hash of a word one letter longer: `h` is the hash so far (0 for none), `mix` the letter's number. */
export function hashStep(h: number, mix: number): number {
  return ((h << 7) | (h >>> 25)) ^ mix;
}

/** The hash of a word less its last letter, from the word's hash and that letter's number. */
export function hashWithoutLast(h: number, mix: number): number {
  const x = h ^ mix;
  return (x >>> 7) | (x << 25);
}

/** The follow bit of a letter that starts the next word, by its alphabet index. Several letters share a bit. */
export function followLetter(alphabetIndex: number): number {
  return 1 << (alphabetIndex & 31);
}

/**
 * The pair bit of the next word's first two letters, by alphabet index (`second` is 0 when the
 * word has one letter, or its second character is not a letter). Several pairs share a bit; 3 is
 * odd, so the 32 second letters after one first letter take 32 different bits.
 */
export function pairBit(first: number, second: number): number {
  return 1 << ((first * 11 + second * 3) & 31);
}

/** The hash's bits are random already (tabulation), so its low bits pick the slot. */
function slotOf(h: number, mask: number): number {
  return h & mask;
}

/**
 * The index as the build ships it, in base64 (see base64.ts): `table` holds two numbers per slot
 * (the word's hash and the encoded trie state after it; 0 = empty slot), `follows` one.
 */
export interface SerializedFirstWords {
  table: string;
  follows: string;
  /** One number per slot: the word's pair bits (see pairBit), -1 for "any". */
  pairs: string;
}

/** In memory, a slot's fields sit together (one cache line): hash, state, follow, pairs. */
const SLOT = 4;

/**
 * The first word of every alias, hashed, to the trie state after it.
 *
 * A walk from a word start spends most of its time on the first word: one dependent read of a
 * large table per letter, and a cache miss for most of them once the trie holds thousands of
 * names. Hashing the word costs arithmetic on small, hot tables; one probe of this index then
 * says whether any alias starts with that word. Only states that a whole word can end in are
 * kept: those where an alias ends, or where it goes on with a character that is not a letter or
 * digit (a space, "&", "."). Each slot also says what may follow the word (its follow bits: the
 * first letters of the next words, folded into 31 bits), so that most walks stop without
 * touching the trie. Hashes can collide; a hit found through the index is confirmed by walking
 * the word in the trie (hits are rare).
 */
export class FirstWords {
  private readonly mask: number;
  /** Bits of the hash kept: all of them, except in tests that make collisions happen. */
  private readonly kept: number;
  /** SLOT numbers per slot (see SLOT); open addressing with linear probing. */
  private readonly slots: Int32Array;
  /**
   * One bit per value of the hash's high bits, set for every word in the index: most words of a
   * text start no alias, and this answers them from a table small enough to stay in the
   * processor's nearest cache, where a probe of `slots` would wait on a farther one.
   */
  private readonly present: Int32Array;
  private readonly presentShift: number;

  private constructor(size: number, hashBits: number) {
    this.mask = size - 1;
    this.kept = hashBits >= 32 ? -1 : (1 << hashBits) - 1;
    this.slots = new Int32Array(SLOT * size);
    // About 16 bits per slot (8 per word at most), within 32 KB.
    let bits = 32;
    while (bits < size * 16 && bits < PRESENT_MAX_BITS) bits *= 2;
    this.present = new Int32Array(bits >>> 5);
    this.presentShift = 32 - Math.log2(bits);
  }

  /** Indexes the first words of a trie's aliases: at build time, or in tests. */
  static build(trie: Trie, hashBits = 32): FirstWords {
    const found: number[] = [];
    // Depth-first over letter and digit edges from the root, carrying each path's hash.
    const stack: number[] = [0, 0];
    while (stack.length > 0) {
      const h = stack.pop() as number;
      const state = stack.pop() as number;
      let follow = 0;
      let pairs = 0;
      for (let e = trie.first[state] as number; e < (trie.first[state + 1] as number); e++) {
        const code = trie.chars[e] as number;
        const cls = classOf(code);
        if (cls === WORD) {
          // Words with a letter past the alphabet are left to the walk (the scan does the same).
          const a = trie.alpha[code] as number;
          if (a !== OVERFLOW) stack.push(e + 1, hashStep(h, mixOf(a)));
        } else if (cls === SPACE) {
          follow |= followAfterSpace(trie, e + 1);
          pairs |= pairsAfterSpace(trie, e + 1);
        } else follow |= FOLLOW_OTHER;
      }
      if (state !== 0 && (follow !== 0 || trie.hasOutput(state))) found.push(h, trie.encoded(state), follow, pairs);
    }
    let size = 16;
    // At most two thirds full: the presence filter keeps most misses away from the probe, and a
    // smaller table stays in a nearer cache.
    while (size * 2 < (found.length / 4) * 3) size *= 2;
    const index = new FirstWords(size, hashBits);
    for (let k = 0; k < found.length; k += 4) {
      index.insert(found[k] as number, found[k + 1] as number, found[k + 2] as number, found[k + 3] as number);
    }
    return index;
  }

  /** Loads a shipped index; throws on arrays that cannot be one. */
  static deserialize(data: SerializedFirstWords): FirstWords {
    const table = decodeUint32(data.table);
    const follows = decodeUint32(data.follows);
    const pairs = decodeUint32(typeof data.pairs === 'string' ? data.pairs : '');
    const size = follows.length;
    if (size < 1 || (size & (size - 1)) !== 0 || table.length !== 2 * size || pairs.length !== size) {
      throw new Error('matcher data: the first-word index is malformed');
    }
    const index = new FirstWords(size, 32);
    for (let slot = 0; slot < size; slot++) {
      const state = table[2 * slot + 1] as number;
      if (state === 0) continue;
      const h = table[2 * slot] as number;
      index.slots[SLOT * slot] = h;
      index.slots[SLOT * slot + 1] = state;
      index.slots[SLOT * slot + 2] = follows[slot] as number;
      index.slots[SLOT * slot + 3] = pairs[slot] as number;
      index.mark(h);
    }
    return index;
  }

  serialize(): SerializedFirstWords {
    const size = this.mask + 1;
    const table = new Uint32Array(2 * size);
    const follows = new Uint32Array(size);
    const pairs = new Uint32Array(size);
    for (let slot = 0; slot < size; slot++) {
      table[2 * slot] = this.slots[SLOT * slot] as number;
      table[2 * slot + 1] = this.slots[SLOT * slot + 1] as number;
      follows[slot] = this.slots[SLOT * slot + 2] as number;
      pairs[slot] = this.slots[SLOT * slot + 3] as number;
    }
    return { table: encodeArray(table), follows: encodeArray(follows), pairs: encodeArray(pairs) };
  }

  private mark(h: number): void {
    const bit = h >>> this.presentShift;
    this.present[bit >>> 5] = (this.present[bit >>> 5] as number) | (1 << (bit & 31));
  }

  private insert(hash: number, encoded: number, follow: number, pairs: number): void {
    const h = hash & this.kept;
    const slots = this.slots;
    for (let slot = slotOf(h, this.mask); ; slot = (slot + 1) & this.mask) {
      const at = SLOT * slot;
      if (slots[at + 1] === 0) {
        slots[at] = h;
        slots[at + 1] = encoded;
        slots[at + 2] = follow;
        slots[at + 3] = pairs;
        this.mark(h);
        return;
      }
      if (slots[at] === h) {
        slots[at + 1] = AMBIGUOUS;
        return;
      }
    }
  }

  /** False when no first word has this hash; true when one may (see `present`). */
  mayHave(hash: number): boolean {
    const bit = (hash & this.kept) >>> this.presentShift;
    return ((this.present[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
  }

  /** The slot of the word with this hash (see stateAt, followAt), or -1 if no alias starts with it. */
  find(hash: number): number {
    const h = hash & this.kept;
    const slots = this.slots;
    const mask = this.mask;
    for (let slot = slotOf(h, mask); ; slot = (slot + 1) & mask) {
      const at = SLOT * slot;
      if (slots[at + 1] === 0) return -1;
      if (slots[at] === h) return at;
    }
  }

  /** The encoded trie state after the word found at `at`, or AMBIGUOUS. */
  stateAt(at: number): number {
    return this.slots[at + 1] as number;
  }

  /** The follow bits of the word found at `at`: what the next word of an alias may start with. */
  followAt(at: number): number {
    return this.slots[at + 2] as number;
  }

  /** The pair bits of the word found at `at`: the first two letters the next word of an alias may have (see pairBit). */
  pairsAt(at: number): number {
    return this.slots[at + 3] as number;
  }
}

/** The follow bits of the characters an alias may go on with after a space. */
function followAfterSpace(trie: Trie, state: number): number {
  let follow = 0;
  for (let e = trie.first[state] as number; e < (trie.first[state + 1] as number); e++) {
    const code = trie.chars[e] as number;
    follow |= classOf(code) === WORD ? followLetter(trie.alpha[code] as number) : FOLLOW_OTHER;
  }
  return follow;
}

/**
 * The pair bits of the words an alias may go on with after a space: their first letter with
 * their second letter, or with 0 when the word may end there (and with "s", a German genitive,
 * see walk) or go on with a character that is not a letter. -1 (any) when a letter has no
 * alphabet index of its own.
 */
function pairsAfterSpace(trie: Trie, state: number): number {
  let pairs = 0;
  const genitiveS = trie.alpha[0x73] as number;
  for (let e = trie.first[state] as number; e < (trie.first[state + 1] as number); e++) {
    const code = trie.chars[e] as number;
    if (classOf(code) !== WORD) continue;
    const first = trie.alpha[code] as number;
    if (first === OVERFLOW) return -1;
    const next = e + 1;
    if (trie.hasOutput(next)) pairs |= pairBit(first, 0) | pairBit(first, genitiveS);
    for (let f = trie.first[next] as number; f < (trie.first[next + 1] as number); f++) {
      const c = trie.chars[f] as number;
      if (classOf(c) !== WORD) {
        pairs |= pairBit(first, 0);
        continue;
      }
      const second = trie.alpha[c] as number;
      if (second === OVERFLOW) return -1;
      pairs |= pairBit(first, second);
    }
  }
  return pairs;
}
