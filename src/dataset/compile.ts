import { TITLES } from '../matcher/context-rules';
import type { CompiledGuard, MatcherData } from '../matcher/data';
import { PatternKind } from '../matcher/data';
import { FirstWords } from '../matcher/first-words';
import { startsUncapitalized } from '../matcher/letter-case';
import { foldString } from '../matcher/text-class';
import { buildTrie, Trie } from '../matcher/trie';
import type { EntityFile } from './schema';

/** The asset the background worker loads: card data plus the matcher's automaton. */
export interface CompiledDataset {
  /** The newest date any statement or role in the dataset carries. */
  asOf: string;
  entities: EntityFile[];
  matcher: MatcherData;
  /** Entity ids by index, when known without reading the entities (see packed.ts). */
  ids?: string[];
}

interface PatternEntry {
  folded: string;
  surface: string;
  entity: number;
  kind: PatternKind;
  guard: number;
}

/** The surname a person is called by alone: the declared one, or the last word of the name. */
export function surnameOf(entity: EntityFile): string | undefined {
  if (entity.type !== 'person') return undefined;
  if (entity.surname) return entity.surname;
  const words = entity.name.split(/\s+/).filter((w) => !/^(Jr|Sr|II|III|IV)\.?$/i.test(w));
  return words.length > 1 ? words[words.length - 1] : undefined;
}

function startsWithTitle(alias: string): boolean {
  const first = alias.split(/\s+/)[0]?.toLowerCase().replace(/\.$/, '') ?? '';
  return alias.includes(' ') && TITLES.has(first);
}

/** Every form under which an entity can be named, with how strongly it identifies it. */
function patternsOf(entity: EntityFile, index: number, guards: CompiledGuard[]): PatternEntry[] {
  const out: PatternEntry[] = [];
  const surname = surnameOf(entity);
  const foldedSurname = surname ? foldString(surname) : undefined;
  const guardedTexts = new Set((entity.guarded ?? []).map((g) => foldString(g.text)));
  const add = (surface: string, kind: PatternKind, guard = -1) => {
    const folded = foldString(surface);
    if (folded.length === 0) return;
    out.push({ folded, surface: surface.trim(), entity: index, kind, guard });
  };
  for (const g of entity.guarded ?? []) {
    // A person's guarded surname follows the surname rules ("May" after "Theresa May"), which
    // are stricter than any context word could be.
    if (foldString(g.text) === foldedSurname) continue;
    guards.push({
      entity: index,
      context: (g.context ?? []).map(foldString),
      after: (g.after ?? []).map(foldString),
      veto: (g.veto ?? []).map(foldString),
      vetoBefore: (g.vetoBefore ?? []).map(foldString),
      strict: g.strict ?? false,
      near: g.scope === 'near',
      capitalized: g.capitalized ?? false,
    });
    add(g.text, PatternKind.Guarded, guards.length - 1);
  }
  if (!guardedTexts.has(foldString(entity.name))) add(entity.name, PatternKind.Name);
  for (const alias of entity.aliases ?? []) {
    // "Senator Elizabeth Warren": the title is context, not part of the name; the name alone is a pattern.
    if ((entity.type === 'person' && startsWithTitle(alias)) || guardedTexts.has(foldString(alias))) continue;
    add(alias, PatternKind.Alias);
  }
  for (const former of entity.formerNames ?? []) {
    if (!guardedTexts.has(foldString(former.name))) add(former.name, PatternKind.Former);
  }
  // British style after a knight or dame is named in full: "Sir Keir", "Dame Melanie". Linked
  // like a surname, only once the article has named the person.
  if (entity.type === 'person') {
    for (const alias of entity.aliases ?? []) {
      const honour = /^(Sir|Dame) (\p{Lu}[\p{L}'’-]*) \S/u.exec(alias);
      if (honour) add(`${honour[1]} ${honour[2]}`, PatternKind.Surname);
    }
  }
  if (surname && foldedSurname !== foldString(entity.name)) {
    add(surname, PatternKind.Surname);
    // A surname of capitalized parts is written both ways: "Inman Grant" and "Inman-Grant"
    // (not one with particles: "von der Leyen" is never hyphenated).
    const parts = surname.split(/[\s-]+/);
    if (parts.length > 1 && parts.every((p) => /^\p{Lu}/u.test(p))) {
      const variant = /\s/.test(surname) ? parts.join('-') : parts.join(' ');
      if (variant !== surname) add(variant, PatternKind.Surname);
    }
  }
  // One entry per written form: the strongest kind wins when a form is declared twice. Forms
  // that differ only in capitals stay apart ("Senate intelligence committee"), since the
  // capitalization check compares the text with the form as written.
  const best = new Map<string, PatternEntry>();
  for (const p of out) {
    const key = `${p.folded}\u0000${p.surface}`;
    const seen = best.get(key);
    if (!seen || p.kind < seen.kind) best.set(key, p);
  }
  return [...best.values()];
}

export function compileDataset(entities: readonly EntityFile[]): CompiledDataset {
  const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const guards: CompiledGuard[] = [];
  const patterns: PatternEntry[] = sorted.flatMap((e, i) => patternsOf(e, i, guards));
  const tickers: Record<string, number[]> = {};
  sorted.forEach((e, i) => {
    for (const t of e.tickers ?? []) {
      for (const symbol of [t.symbol, t.ric]) {
        if (!symbol) continue;
        const list = tickers[symbol] ?? [];
        if (!list.includes(i)) list.push(i);
        tickers[symbol] = list;
      }
    }
  });
  return {
    asOf: newestDate(sorted),
    entities: sorted,
    matcher: compileMatcher(
      patterns,
      guards,
      tickers,
      sorted.map((e) => e.type[0]).join(''),
      sorted.map((e) => e.country ?? ''),
    ),
  };
}

export function compileMatcher(
  patterns: readonly PatternEntry[],
  guards: CompiledGuard[],
  tickers: Record<string, number[]>,
  types: string,
  countries: string[],
): MatcherData {
  const trie = buildTrie(patterns.map((p) => p.folded));
  return {
    trie,
    firstWords: FirstWords.build(Trie.deserialize(trie)).serialize(),
    lowerTrie: buildTrie(patterns.map((p) => (startsUncapitalized(p.surface) ? p.folded : ''))),
    lowerSurfaces: patterns.filter((p) => startsUncapitalized(p.surface)).map((p) => p.surface),
    patterns: patterns.flatMap((p) => [p.entity, p.kind, p.guard]),
    surfaces: patterns.map((p) => p.surface),
    guards,
    tickers,
    types,
    countries,
  };
}

function newestDate(entities: readonly EntityFile[]): string {
  let newest = '0000';
  for (const e of entities) {
    for (const s of e.statements ?? []) if (s.date > newest) newest = s.date;
    for (const r of e.roles ?? []) {
      if (r.start && r.start > newest) newest = r.start;
      if (r.end && r.end > newest) newest = r.end;
    }
  }
  return newest;
}

export type { PatternEntry };
