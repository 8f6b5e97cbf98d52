/**
 * Our matcher for a bench alias set, serialized as the build writes it for the real dataset, and
 * loaded back as the background worker loads it. Kept apart from the engines so that the
 * cold-start child imports nothing else.
 */
import { FirstWords, type SerializedFirstWords } from '../../../src/matcher/first-words';
import { Scanner } from '../../../src/matcher/scan';
import { buildTrie, type SerializedTrie, Trie } from '../../../src/matcher/trie';

export interface BenchAliasForm {
  folded: string;
  surface: string;
  capital: boolean;
}

/** What our matcher ships for an alias set, as the build writes it for the real dataset. */
export interface SerializedScanner {
  all: SerializedTrie;
  lower: SerializedTrie;
  lowerSurfaces: string[];
  firstWords: SerializedFirstWords;
}

export function serializeScanner(aliases: BenchAliasForm[]): SerializedScanner {
  const all = buildTrie(aliases.map((a) => a.folded));
  return {
    all,
    lower: buildTrie(aliases.map((a) => (a.capital ? '' : a.folded))),
    lowerSurfaces: aliases.filter((a) => !a.capital).map((a) => a.surface),
    firstWords: FirstWords.build(Trie.deserialize(all)).serialize(),
  };
}

export function loadScanner(data: SerializedScanner): Scanner {
  return new Scanner(
    Trie.deserialize(data.all),
    Trie.deserialize(data.lower),
    data.lowerSurfaces,
    FirstWords.deserialize(data.firstWords),
  );
}
