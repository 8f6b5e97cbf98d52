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
  /** Edge range of each state: edges of state s are first[s] .. first[s+1]-1, sorted by char. */
  first: string;
  chars: string;
  targets: string;
  /** Pattern ids ending at each state: outs[outFirst[s]] .. outs[outFirst[s+1]-1]. */
  outFirst: string;
  outs: string;
}

/** Dense rows cost states × alphabet entries; past this many entries, deeper states stay sparse. */
const DENSE_ENTRIES = 1 << 20;
/** Alphabet index of a character no alias contains: every dense row holds -1 there. */
const ABSENT = 0;
/** Alphabet index of a rare character past the dense alphabet: looked up in the sparse rows. */
const OVERFLOW = 255;

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
  readonly targets: Uint32Array;
  readonly outFirst: Uint32Array;
  readonly outs: Uint32Array;
  /**
   * Folded code unit → small alphabet index. With it the shallow states, where walks spend
   * most of their steps and fan out widest, are rows of a dense table: one lookup per step
   * instead of a binary search.
   */
  readonly alpha: Uint8Array;
  readonly alphabetSize: number;
  /** States are numbered breadth-first, so states below this bound are the shallowest ones. */
  readonly denseStates: number;
  /**
   * Transitions of the shallow states, as encoded states: `state << 1 | 1 if an alias ends there`,
   * or -1. The walk learns the next state and whether to record a hit from one load.
   */
  readonly dense: Int32Array;
  /**
   * Deeper states mostly have one edge: [char, encoded target] side by side, so following a
   * chain costs one memory access per character. char -1 means several edges (binary search).
   */
  readonly single: Int32Array;
  /** Raw code unit → step code (see STEP_*), filled lazily like the class tables. */
  readonly step: Uint16Array;

  constructor(first: Uint32Array, chars: Uint16Array, targets: Uint32Array, outFirst: Uint32Array, outs: Uint32Array) {
    this.first = first;
    this.chars = chars;
    this.targets = targets;
    this.outFirst = outFirst;
    this.outs = outs;
    const states = first.length - 1;

    // Most frequent characters first, so an overflow (over 254 distinct characters) hits rare ones.
    const counts = new Map<number, number>();
    for (let e = 0; e < chars.length; e++) counts.set(chars[e] as number, (counts.get(chars[e] as number) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    this.alpha = new Uint8Array(65536);
    const inAlphabet = Math.min(ranked.length, OVERFLOW - 1);
    for (let r = 0; r < ranked.length; r++)
      this.alpha[(ranked[r] as [number, number])[0]] = r < inAlphabet ? r + 1 : OVERFLOW;
    const size = inAlphabet + 1;
    this.alphabetSize = size;
    this.denseStates = Math.max(1, Math.min(states, Math.floor(DENSE_ENTRIES / size)));
    this.dense = new Int32Array(this.denseStates * size).fill(-1);
    this.single = new Int32Array(2 * states).fill(-1);
    this.step = new Uint16Array(65536).fill(STEP_UNKNOWN);
    const alpha = this.alpha;
    const dense = this.dense;
    const single = this.single;
    for (let s = 0; s < states; s++) {
      const from = first[s] as number;
      const to = first[s + 1] as number;
      if (s < this.denseStates) {
        const row = s * size;
        for (let e = from; e < to; e++) {
          const a = alpha[chars[e] as number] as number;
          if (a !== OVERFLOW) dense[row + a] = this.encoded(targets[e] as number);
        }
      } else if (to - from === 1) {
        single[2 * s] = chars[from] as number;
        single[2 * s + 1] = this.encoded(targets[from] as number);
      }
    }
  }

  static deserialize(data: SerializedTrie): Trie {
    return new Trie(
      decodeUint32(data.first),
      decodeUint16(data.chars),
      decodeUint32(data.targets),
      decodeUint32(data.outFirst),
      decodeUint32(data.outs),
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
    if (state < this.denseStates) {
      if (a !== OVERFLOW) return this.dense[state * this.alphabetSize + a] as number;
    } else {
      const c = this.single[2 * state] as number;
      if (c >= 0) return c === foldedOf(code) ? (this.single[2 * state + 1] as number) : -1;
    }
    const target = this.sparseChild(state, foldedOf(code));
    return target < 0 ? -1 : this.encoded(target);
  }

  /** The raw child state by binary search over the state's sorted edges, or -1. */
  sparseChild(state: number, code: number): number {
    let lo = this.first[state] as number;
    let hi = (this.first[state + 1] as number) - 1;
    const chars = this.chars;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = chars[mid] as number;
      if (c === code) return this.targets[mid] as number;
      if (c < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  hasOutput(state: number): boolean {
    return (this.outFirst[state + 1] as number) > (this.outFirst[state] as number);
  }
}

/** Builds the flat trie from folded patterns; pattern i gets id i, and empty patterns are left out. */
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
  const targets = new Uint32Array(edgeCount);
  const outFirst = new Uint32Array(states + 1);
  const outs = new Uint32Array(outCount);
  let e = 0;
  let o = 0;
  order.forEach((old, s) => {
    first[s] = e;
    outFirst[s] = o;
    for (const [code, target] of [...(edges[old] as Map<number, number>)].sort((a, b) => a[0] - b[0])) {
      chars[e] = code;
      targets[e] = newId[target] as number;
      e++;
    }
    for (const id of outputs[old] as number[]) outs[o++] = id;
  });
  first[states] = e;
  outFirst[states] = o;
  return {
    states,
    first: encodeArray(first),
    chars: encodeArray(chars),
    targets: encodeArray(targets),
    outFirst: encodeArray(outFirst),
    outs: encodeArray(outs),
  };
}
