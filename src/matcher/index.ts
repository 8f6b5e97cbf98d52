import type { MatcherData } from './data';
import { FirstWords } from './first-words';
import { type Mention, resolve } from './resolve';
import { Scanner } from './scan';
import { Trie } from './trie';

export type { MatcherData } from './data';
export { PatternKind } from './data';
export type { Mention } from './resolve';

export interface Matcher {
  /** Mentions in text order, never overlapping; offsets index `text`. */
  match(text: string): Mention[];
}

/** Loads the build-time automaton; the returned matcher is pure and reusable. */
export function createMatcher(data: MatcherData): Matcher {
  const scanner = new Scanner(
    Trie.deserialize(data.trie),
    Trie.deserialize(data.lowerTrie),
    data.lowerSurfaces,
    FirstWords.deserialize(data.firstWords),
  );
  return {
    match(text: string): Mention[] {
      if (typeof text !== 'string' || text.length === 0) return [];
      return resolve(text, scanner.scan(text), data);
    },
  };
}
