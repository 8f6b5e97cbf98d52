import { CLASS_TABLE, classOf, FOLD_TABLE, FOLDED_SPACE, SKIP, SPACE, UNKNOWN_CLASS, WORD } from './text-class';
import type { Trie } from './trie';

/** Raw hits of the trie: parallel arrays, so a long article allocates a few arrays, not objects. */
export interface Hits {
  starts: number[];
  ends: number[];
  states: number[];
}

/**
 * Finds every alias that starts at a word start and ends at a word end, in one pass.
 * This is the hot path: one table lookup per character, and a short trie walk only where a
 * word begins with a letter that some alias begins with.
 */
export function scan(trie: Trie, text: string): Hits {
  const hits: Hits = { starts: [], ends: [], states: [] };
  const n = text.length;
  const cls = CLASS_TABLE;
  const fold = FOLD_TABLE;
  const root = trie.root;
  let inWord = false;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    let k = cls[code] as number;
    if (k === UNKNOWN_CLASS) k = classOf(code);
    if (k !== WORD) {
      if (k !== SKIP) inWord = false;
      continue;
    }
    if (inWord) continue;
    inWord = true;
    const state = root[fold[code] as number] as number;
    if (state >= 0) walk(trie, text, i, state, hits);
  }
  return hits;
}

function walk(trie: Trie, text: string, start: number, firstState: number, hits: Hits): void {
  const n = text.length;
  const cls = CLASS_TABLE;
  const fold = FOLD_TABLE;
  let state = firstState;
  let j = start + 1;
  let lastSpace = false;
  let lastWasWord = true;
  for (;;) {
    // A hit is recorded once, right after the character that completes it.
    if (trie.hasOutput(state) && (!lastWasWord || !wordAt(text, j))) {
      hits.starts.push(start);
      hits.ends.push(j);
      hits.states.push(state);
    }
    let code = 0;
    let k = SKIP;
    while (j < n) {
      code = text.charCodeAt(j);
      k = cls[code] as number;
      if (k === UNKNOWN_CLASS) k = classOf(code);
      if (k !== SKIP && !(k === SPACE && lastSpace)) break;
      j++;
    }
    if (j >= n) return;
    let folded: number;
    if (k === SPACE) {
      lastSpace = true;
      folded = FOLDED_SPACE;
    } else {
      lastSpace = false;
      folded = fold[code] as number;
    }
    state = trie.child(state, folded);
    if (state < 0) return;
    lastWasWord = k === WORD;
    j++;
  }
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
