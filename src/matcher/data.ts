import type { SerializedFirstWords } from './first-words';
import type { SerializedTrie } from './trie';

/** How a pattern names its entity; the order is also the priority when two forms tie. */
export enum PatternKind {
  /** The canonical name: "Rod Rosenstein". */
  Name = 0,
  /** A declared alias that is safe anywhere: "Justice Department". */
  Alias = 1,
  /** A former name: "Facebook" for Meta. */
  Former = 2,
  /** A name that is also a common word or another thing: "Apple", "X". Needs evidence. */
  Guarded = 3,
  /** A person's bare surname: links only after the article has named the person in full. */
  Surname = 4,
}

export interface CompiledGuard {
  entity: number;
  /** Folded words whose presence in the article (or near the mention) is evidence. */
  context: string[];
  /** Folded phrases that, directly after the name, are evidence ("(formerly Twitter)"). */
  after: string[];
  /** Folded words that, directly before or after the name, cancel it ("rainforest"). */
  veto: string[];
  /** Folded words that cancel it only right before the name ("the Amazon"). */
  vetoBefore: string[];
  strict: boolean;
  near: boolean;
  /** A capitalized mid-sentence use is evidence (the common word is written small). */
  capitalized: boolean;
}

/** Everything the matcher needs, produced at build time and loaded by the background worker. */
export interface MatcherData {
  trie: SerializedTrie;
  /** The first words of the trie's aliases, indexed at build time (see FirstWords). */
  firstWords: SerializedFirstWords;
  /**
   * The same patterns restricted to those whose first letter is not a capital. A word that
   * starts with a small letter is looked up only here: "Rosenstein" can never be "rosenstein",
   * and most words of a text start small.
   */
  lowerTrie: SerializedTrie;
  /** The patterns of lowerTrie as written ("von der Leyen"): the scanner finds them from their first capital. */
  lowerSurfaces: string[];
  /** Three numbers per pattern: entity index, PatternKind, guard index (or -1). */
  patterns: number[];
  /** The alias as written in the dataset, per pattern, for the capitalization check. */
  surfaces: string[];
  guards: CompiledGuard[];
  /** Upper-case ticker symbols and Reuters codes to entity indices. */
  tickers: Record<string, number[]>;
  /** 'p', 'c' or 'a' per entity. */
  types: string;
  /** The ISO code of each entity's country ('' if none): a body of one country is not another's. */
  countries: string[];
}
