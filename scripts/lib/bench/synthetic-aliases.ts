/**
 * Synthetic alias sets for the scale test. Names are pairs of capitalized words taken from the
 * benchmark's own article text, so a synthetic "name" starts like words that really occur there
 * and the automaton is walked as deeply as a large real dataset would walk it; the real aliases
 * are kept in every set so real mentions are still found.
 */
export function syntheticAliases(realAliases: string[], texts: string[], count: number, seed = 1): string[] {
  const vocabulary = new Set<string>();
  for (const text of texts) {
    for (const word of text.match(/\p{Lu}[\p{Ll}]{2,14}/gu) ?? []) vocabulary.add(word);
  }
  const words = [...vocabulary].sort();
  const out = new Set(realAliases);
  let state = seed >>> 0;
  const random = () => {
    // xorshift32: deterministic, so every run measures the same sets.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const pick = () => words[Math.floor(random() * words.length)] as string;
  let guard = 0;
  while (out.size < count && guard++ < count * 20) {
    out.add(random() < 0.15 ? `${pick()} ${pick()} ${pick()}` : `${pick()} ${pick()}`);
  }
  return [...out].slice(0, count);
}
