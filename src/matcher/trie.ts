import { decodeUint16, decodeUint32, encodeArray } from './base64';
import { classOf, foldedOf, SKIP, SPACE, WORD } from './text-class';

/**
 * A trie over folded alias text, stored as flat arrays (compressed sparse rows) so that it can be
 * built once at build time, shipped as base64 and loaded in a few milliseconds.
 *
 * Walks start only at word starts (a name never begins inside a word), so failure links are
 * not needed: each walk is bounded by the longest alias, which keeps the scan linear in the text
 * and independent of how many aliases there are.
 */
export interface SerializedTrie {
  states: number;
  /**
   * Edge range of each state: edges of state s are first[s] .. first[s+1]-1, sorted by char.
   * States are numbered breadth-first in edge order, so edge e always leads to state e + 1 and
   * no target array is stored.
   */
  first: string;
  chars: string;
  /** Pattern ids ending at each state: outs[outFirst[s]] .. outs[outFirst[s+1]-1]. */
  outFirst: string;
  outs: string;
  /** The characters of all edges, most frequent first: the dense rows' alphabet. */
  alphabet: string;
}

/** Dense rows cost rows × alphabet entries; past this many entries, states stay sparse. */
const DENSE_ENTRIES = 1 << 21;
/** Alphabet index of a character no alias contains: every dense row holds -1 there. */
const ABSENT = 0;
/** Alphabet index of a rare character past the dense alphabet: looked up in the sparse rows. */
const OVERFLOW = 255;
/** node[] tag of a state with no edge, or branching past the row budget: search its edges. */
const NO_EDGE = -1;

/**
 * What one code unit means to a walk, in one lookup: the low byte is its alphabet index, and
 * flags say whether it is a letter/digit or whitespace. Invisible characters are STEP_SKIP.
 */
export const STEP_WORD = 0x100;
export const STEP_SPACE = 0x200;
export const STEP_SKIP = 0xfffe;
export const STEP_UNKNOWN = 0xffff;

export class Trie {
  readonly first: Uint32Array;
  readonly chars: Uint16Array;
  readonly outFirst: Uint32Array;
  readonly outs: Uint32Array;
  /** Folded code unit → small alphabet index (see `alphabet` in SerializedTrie). */
  readonly alpha: Uint8Array;
  readonly alphabetSize: number;
  /**
   * Two entries per state, read together by every step of a walk:
   *   one edge (most states past the first letters): [alphabet index of its char, encoded target];
   *   a branching state with a dense row: [-2 - row offset in `dense`, 0];
   *   no edge, or a branching state past the row budget: [-1, 0] (see NO_EDGE / SEARCH).
   */
  readonly node: Int32Array;
  /** Rows of branching states: transitions as encoded states, `state << 1 | 1 if an alias ends there`, or -1. */
  readonly dense: Int32Array;
  /** Raw code unit → step code (see STEP_*), filled lazily like the class tables. */
  readonly step: Uint16Array;

  constructor(first: Uint32Array, chars: Uint16Array, outFirst: Uint32Array, outs: Uint32Array, alphabet: string) {
    this.first = first;
    this.chars = chars;
    this.outFirst = outFirst;
    this.outs = outs;
    const states = first.length - 1;
    this.alpha = new Uint8Array(65536);
    const inAlphabet = Math.min(alphabet.length, OVERFLOW - 1);
    for (let r = 0; r < alphabet.length; r++) this.alpha[alphabet.charCodeAt(r)] = r < inAlphabet ? r + 1 : OVERFLOW;
    const width = inAlphabet + 1;
    this.alphabetSize = width;
    this.node = new Int32Array(2 * states);
    this.step = new Uint16Array(65536).fill(STEP_UNKNOWN);
    // Rows go to the root and to branching states, shallow ones first, within the budget.
    let rows = 0;
    const maxRows = Math.max(1, Math.floor(DENSE_ENTRIES / width));
    for (let s = 0; s < states && rows < maxRows; s++) {
      if (s === 0 || (first[s + 1] as number) - (first[s] as number) > 1) this.node[2 * s] = -2 - rows++ * width;
    }
    this.dense = new Int32Array(rows * width).fill(-1);
    const alpha = this.alpha;
    const node = this.node;
    for (let s = 0; s < states; s++) {
      const from = first[s] as number;
      const to = first[s + 1] as number;
      const tag = node[2 * s] as number;
      if (tag <= -2) {
        const row = -2 - tag;
        for (let e = from; e < to; e++) {
          const a = alpha[chars[e] as number] as number;
          if (a !== OVERFLOW) this.dense[row + a] = this.encoded(e + 1);
        }
      } else if (to - from === 1 && (alpha[chars[from] as number] as number) !== OVERFLOW) {
        // Compared with the step code's alphabet index: no folding lookup on the way.
        node[2 * s] = alpha[chars[from] as number] as number;
        node[2 * s + 1] = this.encoded(from + 1);
      } else {
        node[2 * s] = NO_EDGE;
      }
    }
  }

  static deserialize(data: SerializedTrie): Trie {
    return new Trie(
      decodeUint32(data.first),
      decodeUint16(data.chars),
      decodeUint32(data.outFirst),
      decodeUint32(data.outs),
      data.alphabet,
    );
  }

  /** `state << 1`, plus 1 when some alias ends at the state. */
  encoded(state: number): number {
    return (state << 1) | ((this.outFirst[state + 1] as number) > (this.outFirst[state] as number) ? 1 : 0);
  }

  stepOf(code: number): number {
    const v = this.step[code] as number;
    return v === STEP_UNKNOWN ? this.fillStep(code) : v;
  }

  /** Computes and remembers the step code of a code unit seen for the first time. */
  fillStep(code: number): number {
    const k = classOf(code);
    const value =
      k === SKIP
        ? STEP_SKIP
        : (this.alpha[foldedOf(code)] as number) | (k === WORD ? STEP_WORD : 0) | (k === SPACE ? STEP_SPACE : 0);
    this.step[code] = value;
    return value;
  }

  /** The encoded child of `state` by a character's step code (`code` is the raw unit), or -1. */
  next(state: number, stepCode: number, code: number): number {
    const a = stepCode & 0xff;
    if (a === ABSENT) return -1;
    const tag = this.node[2 * state] as number;
    if (tag <= -2 && a !== OVERFLOW) return this.dense[-2 - tag + a] as number;
    if (tag >= 0) return tag === a ? (this.node[2 * state + 1] as number) : -1;
    const target = this.sparseChild(state, foldedOf(code));
    return target < 0 ? -1 : this.encoded(target);
  }

  /** The child state by binary search over the state's sorted edges, or -1. */
  sparseChild(state: number, code: number): number {
    let lo = this.first[state] as number;
    let hi = (this.first[state + 1] as number) - 1;
    const chars = this.chars;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = chars[mid] as number;
      if (c === code) return mid + 1;
      if (c < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  hasOutput(state: number): boolean {
    return (this.outFirst[state + 1] as number) > (this.outFirst[state] as number);
  }
}

export function buildTrie(patterns: readonly string[]): SerializedTrie {
  // Build with per-state maps first, then flatten breadth-first.
  const edges: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  patterns.forEach((pattern, id) => {
    if (pattern.length === 0) return;
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      const map = edges[state] as Map<number, number>;
      let next = map.get(code);
      if (next === undefined) {
        next = edges.length;
        map.set(code, next);
        edges.push(new Map());
        outputs.push([]);
      }
      state = next;
    }
    (outputs[state] as number[]).push(id);
  });

  const states = edges.length;
  const order: number[] = [0];
  const newId = new Int32Array(states).fill(-1);
  newId[0] = 0;
  for (let head = 0; head < order.length; head++) {
    const old = order[head] as number;
    for (const [, target] of [...(edges[old] as Map<number, number>)].sort((a, b) => a[0] - b[0])) {
      newId[target] = order.length;
      order.push(target);
    }
  }
  let edgeCount = 0;
  let outCount = 0;
  for (let s = 0; s < states; s++) {
    edgeCount += (edges[s] as Map<number, number>).size;
    outCount += (outputs[s] as number[]).length;
  }
  const first = new Uint32Array(states + 1);
  const chars = new Uint16Array(edgeCount);
  const outFirst = new Uint32Array(states + 1);
  const outs = new Uint32Array(outCount);
  let e = 0;
  let o = 0;
  order.forEach((old, s) => {
    first[s] = e;
    outFirst[s] = o;
    for (const [code, target] of [...(edges[old] as Map<number, number>)].sort((a, b) => a[0] - b[0])) {
      chars[e] = code;
      // Breadth-first numbering in edge order: the loader relies on edge e leading to e + 1.
      if (newId[target] !== e + 1) throw new Error('trie numbering is not breadth-first in edge order');
      e++;
    }
    for (const id of outputs[old] as number[]) outs[o++] = id;
  });
  first[states] = e;
  outFirst[states] = o;
  const counts = new Map<number, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  const alphabet = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([c]) => String.fromCharCode(c))
    .join('');
  return {
    states,
    first: encodeArray(first),
    chars: encodeArray(chars),
    outFirst: encodeArray(outFirst),
    outs: encodeArray(outs),
    alphabet,
  };
}
