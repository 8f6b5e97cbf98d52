import { decodeUint16, decodeUint32, encodeArray } from './base64';

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

export class Trie {
  readonly first: Uint32Array;
  readonly chars: Uint16Array;
  readonly targets: Uint32Array;
  readonly outFirst: Uint32Array;
  readonly outs: Uint32Array;
  /** Dense table of the root's edges: most positions fail here, so it must be one lookup. */
  readonly root: Int32Array;

  constructor(first: Uint32Array, chars: Uint16Array, targets: Uint32Array, outFirst: Uint32Array, outs: Uint32Array) {
    this.first = first;
    this.chars = chars;
    this.targets = targets;
    this.outFirst = outFirst;
    this.outs = outs;
    this.root = new Int32Array(65536).fill(-1);
    const end = first[1] as number;
    for (let e = first[0] as number; e < end; e++) this.root[chars[e] as number] = targets[e] as number;
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

  /** The child of `state` by folded code unit, or -1. */
  child(state: number, code: number): number {
    if (state === 0) return this.root[code] as number;
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

/** Builds the flat trie from folded patterns; pattern i gets id i. */
export function buildTrie(patterns: readonly string[]): SerializedTrie {
  // Build with per-state maps first, then flatten breadth-first.
  const edges: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  patterns.forEach((pattern, id) => {
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
