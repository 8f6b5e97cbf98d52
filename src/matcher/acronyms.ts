import { type MatcherData, PatternKind } from './data';
import { isWordChar } from './evidence';
import type { Mention } from './resolve';
import { foldString } from './text-class';

/**
 * Acronyms an article defines for itself: "the Fair Trade Commission (FTC)". From there on, in
 * the whole article, the acronym means that body, whatever else the dataset knows by the same
 * letters (here the U.S. Federal Trade Commission).
 */
export interface AcronymDefinition {
  acronym: string;
  /** The defining name, from its first word to its last, right before the parenthesis. */
  start: number;
  end: number;
}

/** "(FTC)", "(AT&T)", and acronyms written as words, as French papers do: "(Cnil)". */
const IN_PARENTHESES = /\(([A-Z][A-Za-z&]{1,7})\)/g;
const WORD = /[\p{L}\p{N}&][\p{L}\p{N}&'’.-]*/gu;
/** Small words a name may contain, whose initials an acronym may use or not. */
const CONNECTORS = new Set('of the for and on & de des du la le et für der die und del los y'.split(' '));
/** Acronyms an article may define that are applied (see applyAcronyms). */
const MAX_DEFINITIONS = 40;
/** Names are short: the words read back from a parenthesis. */
const MAX_WORDS = 10;

/** Every "Name Of The Body (NOTB)" whose words spell the acronym in parentheses after it. */
export function acronymDefinitions(text: string): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  IN_PARENTHESES.lastIndex = 0;
  for (let m = IN_PARENTHESES.exec(text); m !== null; m = IN_PARENTHESES.exec(text)) {
    const acronym = m[1] as string;
    let end = m.index;
    while (end > 0 && /\s/.test(text[end - 1] as string)) end--;
    // "the Information Commissioner's Office's (ICO)": the name ends before the possessive.
    if (/['’]s$/.test(text.slice(Math.max(0, end - 2), end))) end -= 2;
    const words = wordsBefore(text, end);
    const letters = acronym.replace(/&/g, '').toUpperCase();
    const first = spell(words, words.length - 1, letters, letters.length - 1);
    if (first >= 0) out.push({ acronym, start: (words[first] as { at: number }).at, end });
  }
  return out;
}

/** The words that run, separated by spaces only, up to `end`. */
function wordsBefore(text: string, end: number): Array<{ word: string; at: number }> {
  const from = Math.max(0, end - 160);
  const found = [...text.slice(from, end).matchAll(WORD)].map((m) => ({ word: m[0], at: from + (m.index ?? 0) }));
  const words: Array<{ word: string; at: number }> = [];
  let next = end;
  for (let i = found.length - 1; i >= 0 && words.length < MAX_WORDS; i--) {
    const w = found[i] as { word: string; at: number };
    if (!/^\s*$/.test(text.slice(w.at + w.word.length, next))) break;
    words.unshift(w);
    next = w.at;
  }
  return words;
}

/**
 * Matches words[..i] to letters[..k], from the end: a word gives its initial (past an elided
 * article: "l'informatique"), a connector may give it or not. The name must begin with a
 * capital, though words inside it may be small ("Commission nationale de l'informatique et des
 * libertés (CNIL)"). Returns the index of the name's first word, or -1.
 */
function spell(words: Array<{ word: string }>, i: number, letters: string, k: number): number {
  if (k < 0) return /^[\p{Lu}\p{N}]/u.test((words[i + 1] as { word: string }).word) ? i + 1 : -1;
  if (i < 0) return -1;
  const word = (words[i] as { word: string }).word;
  const initial = (word.replace(/^[ldLD]['’]/, '')[0] ?? '').toUpperCase();
  if (CONNECTORS.has(word.toLowerCase())) {
    if (initial === letters[k]) {
      const used = spell(words, i - 1, letters, k - 1);
      if (used >= 0) return used;
    }
    return spell(words, i - 1, letters, k);
  }
  if (initial !== letters[k]) return -1;
  return spell(words, i - 1, letters, k - 1);
}

/** Whether a name, as written, spells the acronym by its words' initials. */
function spells(name: string, acronym: string): boolean {
  const words = [...name.matchAll(WORD)].map((m) => ({ word: m[0] }));
  return words.length > 1 && spell(words, words.length - 1, acronym, acronym.length - 1) === 0;
}

/**
 * Applies the article's own acronyms to its mentions: every use of a defined acronym names the
 * body the defining words name, and nothing the article does not name (the defining words name
 * no entity of the dataset: "the Kenya Data Protection Commissioner (DPC)").
 */
export function applyAcronyms(text: string, mentions: Mention[], data: MatcherData): Mention[] {
  const definitions = acronymDefinitions(text);
  const namesOf = entityNames(data);
  if (definitions.length === 0) return relinkUndefined(text, mentions, new Set());
  let out = mentions;
  const seen = new Set<string>();
  for (const d of definitions) {
    if (seen.has(d.acronym)) continue;
    // Each definition reads the whole text once: a glossary-like page with hundreds of them
    // would make this quadratic, and no article defines more than a few.
    if (seen.size === MAX_DEFINITIONS) break;
    seen.add(d.acronym);
    const owner = out.filter((m) => m.end === d.end && m.start < d.end).sort((a, b) => a.start - b.start)[0];
    const uses = occurrences(text, d.acronym);
    const isUse = (m: Mention) => uses.has(m.start) && m.end - m.start === d.acronym.length;
    if (owner === undefined) {
      // "the U.S. Securities & Exchange Commission (SEC)" is still ours: its words are one of our
      // names, written another way. Other words define another body.
      const defining = sameWords(text.slice(d.start, d.end));
      out = out.filter((m) => !isUse(m) || namesOf(m.entity).some((name) => sameWords(name) === defining));
      continue;
    }
    out = out.filter((m) => !isUse(m) || m.entity === owner.entity);
    const linked = new Set(out.filter(isUse).map((m) => m.start));
    for (const at of uses) {
      if (!linked.has(at))
        out.push({ start: at, end: at + d.acronym.length, entity: owner.entity, kind: PatternKind.Alias });
    }
  }
  return relinkUndefined(text, out, seen);
}

/**
 * An acronym the article never defines, for an entity it never names in full, while it names
 * another body whose name spells the acronym: "Japan's Fair Trade Commission … the FTC said".
 */
function relinkUndefined(text: string, mentions: Mention[], defined: Set<string>): Mention[] {
  const written = (m: Mention) => text.slice(m.start, m.end);
  const isAcronym = (w: string) => /^[A-Z]{2,6}$/.test(w);
  // Each name once, with the entities it names: a long page repeats the same few.
  const names = new Map<string, Set<number>>();
  for (const m of mentions) {
    const w = written(m);
    if (isAcronym(w)) continue;
    const entities = names.get(w) ?? new Set<number>();
    entities.add(m.entity);
    names.set(w, entities);
  }
  const namedInFull = new Set([...names.values()].flatMap((entities) => [...entities]));
  const answers = new Map<string, number>();
  for (const m of mentions) {
    const acronym = written(m);
    if (!isAcronym(acronym) || defined.has(acronym) || namedInFull.has(m.entity)) continue;
    const key = `${m.entity} ${acronym}`;
    let to = answers.get(key);
    if (to === undefined) {
      const spelled = new Set<number>();
      for (const [name, entities] of names) {
        if (!spells(name, acronym)) continue;
        for (const e of entities) if (e !== m.entity) spelled.add(e);
      }
      to = spelled.size === 1 ? ([...spelled][0] as number) : m.entity;
      answers.set(key, to);
    }
    m.entity = to;
  }
  return mentions;
}

/** Each entity's names as the dataset writes them, gathered the first time one is asked for. */
function entityNames(data: MatcherData): (entity: number) => readonly string[] {
  let byEntity: Map<number, string[]> | undefined;
  return (entity) => {
    if (!byEntity) {
      byEntity = new Map();
      for (let p = 0; p < data.surfaces.length; p++) {
        const e = data.patterns[p * 3] as number;
        const list = byEntity.get(e) ?? [];
        list.push(data.surfaces[p] as string);
        byEntity.set(e, list);
      }
    }
    return byEntity.get(entity) ?? [];
  };
}

/** A name reduced to its words: folded, "&" read as "and", punctuation and spacing dropped. */
function sameWords(name: string): string {
  return foldString(name)
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

/** Where the acronym stands as a word of its own, in the same capitals. */
function occurrences(text: string, acronym: string): Set<number> {
  const out = new Set<number>();
  for (let at = text.indexOf(acronym); at >= 0; at = text.indexOf(acronym, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + acronym.length])) out.add(at);
  }
  return out;
}
