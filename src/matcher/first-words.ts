import { decodeUint32, encodeArray } from './base64';
import { classOf, SPACE, WORD } from './text-class';
import type { Trie } from './trie';

/** Alphabet index of a character past the dense alphabet (see Trie). */
const OVERFLOW = 255;
/** Slot fields: the word's hash and the encoded trie state after it (0 = empty slot). */
const STRIDE = 2;
/** The presence filter's size limit: 2^18 bits, 32 KB. */
const PRESENT_MAX_BITS = 1 << 18;
/** The state stored for a hash that two different first words share: the caller walks instead. */
export const AMBIGUOUS = -2;
/** What may follow a word: any character but a space, or a space and then a character that is not a letter. */
export const FOLLOW_OTHER = 1 << 31;

/**
 * The word hash is tabulation hashing: one random number per (position in the word, letter),
 * xored together. Unlike a multiplicative hash, a step does not wait on the step before it, so
 * hashing runs as fast as the letters can be read. Positions past 16 wrap (collisions are
 * confirmed anyway, see FirstWords).
 */
const HASH_POSITIONS = 16;
const HASH_TABLE: Int32Array = (() => {
  const table = new Int32Array(HASH_POSITIONS * 256);
  // xorshift32 with a fixed seed: the build and every load compute the same table.
  let x = 0x9e3779b9;
  for (let k = 0; k < table.length; k++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    table[k] = x;
  }
  return table;
})();

/** What the letter at `position` in a word, by its alphabet index, adds to the word's hash (by xor). */
export function hashOf(position: number, alphabetIndex: number): number {
  return HASH_TABLE[((position & (HASH_POSITIONS - 1)) << 8) | alphabetIndex] as number;
}

/** The follow bit of a letter that starts the next word, by its alphabet index. Several letters share a bit. */
export function followLetter(alphabetIndex: number): number {
  return 1 << (alphabetIndex & 31);
}

/** The hash's bits are random already (tabulation), so its low bits pick the slot. */
function slotOf(h: number, mask: number): number {
  return h & mask;
}

/** The index as the build ships it: the two arrays in base64 (see base64.ts). */
export interface SerializedFirstWords {
  table: string;
  follows: string;
}

/**
 * The first word of every alias, hashed, to the trie state after it.
 *
 * A walk from a word start spends most of its time on the first word: one dependent read of a
 * large table per letter, and a cache miss for most of them once the trie holds thousands of
 * names. Hashing the word costs arithmetic on small, hot tables; one probe of this index then
 * says whether any alias starts with that word. Only states that a whole word can end in are
 * kept: those where an alias ends, or where it goes on with a character that is not a letter or
 * digit (a space, "&", "."). Each slot also says what may follow the word (`follow`: the first
 * letters of the next words, folded into 31 bits), so that most walks stop without touching the
 * trie. Hashes can collide; a hit found through the index is confirmed by walking the word in
 * the trie (hits are rare).
 */
export class FirstWords {
  private readonly mask: number;
  /** Bits of the hash kept: all of them, except in tests that make collisions happen. */
  private readonly kept: number;

  /**
   * One bit per value of the hash's high bits, set for every word in the table: most words of a
   * text start no alias, and this answers them from a table small enough to stay in the
   * processor's nearest cache, where a probe of `table` would wait on a farther one.
   */
  private readonly present: Int32Array;
  private readonly presentShift: number;

  private constructor(
    readonly table: Int32Array,
    /** What may follow each slot's word (read only for words found, so kept apart from the probed table). */
    readonly follows: Int32Array,
    hashBits: number,
  ) {
    this.mask = follows.length - 1;
    this.kept = hashBits >= 32 ? -1 : (1 << hashBits) - 1;
    // About 16 bits per slot (8 per word at most), within 32 KB.
    let bits = 32;
    while (bits < follows.length * 16 && bits < PRESENT_MAX_BITS) bits *= 2;
    this.present = new Int32Array(bits >>> 5);
    this.presentShift = 32 - Math.log2(bits);
    for (let at = 0; at < table.length; at += STRIDE) {
      if (table[at + 1] !== 0) this.mark(table[at] as number);
    }
  }

  /** Indexes the first words of a trie's aliases: at build time, or in tests. */
  static build(trie: Trie, hashBits = 32): FirstWords {
    const found: number[] = [];
    // Depth-first over letter and digit edges from the root, carrying each path's hash.
    const stack: number[] = [0, 0, 0];
    while (stack.length > 0) {
      const depth = stack.pop() as number;
      const h = stack.pop() as number;
      const state = stack.pop() as number;
      let follow = 0;
      for (let e = trie.first[state] as number; e < (trie.first[state + 1] as number); e++) {
        const code = trie.chars[e] as number;
        const cls = classOf(code);
        if (cls === WORD) {
          // Words with a letter past the alphabet are left to the walk (the scan does the same).
          const a = trie.alpha[code] as number;
          if (a !== OVERFLOW) stack.push(e + 1, h ^ hashOf(depth, a), depth + 1);
        } else if (cls === SPACE) follow |= followAfterSpace(trie, e + 1);
        else follow |= FOLLOW_OTHER;
      }
      if (state !== 0 && (follow !== 0 || trie.hasOutput(state))) found.push(h, trie.encoded(state), follow);
    }
    let size = 16;
    while (size < (found.length / 3) * 2) size *= 2;
    const index = new FirstWords(new Int32Array(STRIDE * size), new Int32Array(size), hashBits);
    for (let k = 0; k < found.length; k += 3) {
      index.insert(found[k] as number, found[k + 1] as number, found[k + 2] as number);
    }
    return index;
  }

  /** Loads a shipped index; throws on arrays that cannot be one. */
  static deserialize(data: SerializedFirstWords): FirstWords {
    const table = decodeUint32(data.table);
    const follows = decodeUint32(data.follows);
    const size = follows.length;
    if (size < 1 || (size & (size - 1)) !== 0 || table.length !== STRIDE * size) {
      throw new Error('matcher data: the first-word index is malformed');
    }
    return new FirstWords(
      new Int32Array(table.buffer, table.byteOffset, table.length),
      new Int32Array(follows.buffer, follows.byteOffset, follows.length),
      32,
    );
  }

  serialize(): SerializedFirstWords {
    return {
      table: encodeArray(new Uint32Array(this.table.buffer, this.table.byteOffset, this.table.length)),
      follows: encodeArray(new Uint32Array(this.follows.buffer, this.follows.byteOffset, this.follows.length)),
    };
  }

  private mark(h: number): void {
    const bit = h >>> this.presentShift;
    this.present[bit >>> 5] = (this.present[bit >>> 5] as number) | (1 << (bit & 31));
  }

  private insert(hash: number, encoded: number, follow: number): void {
    const h = hash & this.kept;
    const table = this.table;
    for (let slot = slotOf(h, this.mask); ; slot = (slot + 1) & this.mask) {
      const at = STRIDE * slot;
      if (table[at + 1] === 0) {
        table[at] = h;
        table[at + 1] = encoded;
        this.follows[slot] = follow;
        this.mark(h);
        return;
      }
      if (table[at] === h) {
        table[at + 1] = AMBIGUOUS;
        return;
      }
    }
  }

  /** False when no first word has this hash; true when one may (see `present`). */
  mayHave(hash: number): boolean {
    const bit = (hash & this.kept) >>> this.presentShift;
    return ((this.present[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
  }

  /** Where the word with this hash sits in `table` (its hash at [at], state at [at + 1], follow at [at + 2]); -1 if no alias starts with it. */
  find(hash: number): number {
    const h = hash & this.kept;
    const bit = h >>> this.presentShift;
    if (((this.present[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return -1;
    const table = this.table;
    const mask = this.mask;
    for (let slot = slotOf(h, mask); ; slot = (slot + 1) & mask) {
      const at = STRIDE * slot;
      if (table[at + 1] === 0) return -1;
      if (table[at] === h) return at;
    }
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
