import { applyAcronyms } from './acronyms';
import { caseFits } from './case-shape';
import { TITLES } from './context-rules';
import { namedForAnotherCountry } from './countries';
import { type CompiledGuard, type MatcherData, PatternKind } from './data';
import { ArticleEvidence } from './evidence';
import type { Hits } from './scan';
import {
  addsAccents,
  afterIndefiniteArticle,
  insideTicker,
  looksGerman,
  partOfLongerName,
  possessiveOwner,
} from './shapes';
import { monthAmbiguousAtSentenceStart, surnameFitsContext, surnameOfSomeoneElse } from './surname-rules';
import { foldString } from './text-class';
import type { Trie } from './trie';

export interface Mention {
  start: number;
  end: number;
  entity: number;
  kind: PatternKind;
}

interface Option {
  entity: number;
  kind: PatternKind;
  guard: number;
}

interface Candidate {
  start: number;
  end: number;
  options: Option[];
  /** The text has a space inside ("Supreme Court"): only one-word names get the longer-name test. */
  multiWord: boolean;
}

/**
 * Turns raw trie hits into mentions: checks capitalization, demands evidence for guarded
 * names, links surnames only to people the article has already named, and keeps the longest
 * mention where two overlap.
 */
export function resolve(text: string, hits: Hits, data: MatcherData): Mention[] {
  const candidates = collect(text, hits, data);
  if (candidates.length === 0) return [];
  const evidence = new ArticleEvidence(text, data);

  // 1. Entities named by a form that is theirs alone establish themselves.
  const establishedAt = new Map<number, number>();
  const accepted: Mention[] = [];
  const pendingShared: Candidate[] = [];
  for (const c of candidates) {
    const strong = c.options.filter((o) => o.kind <= PatternKind.Former);
    const entities = new Set(strong.map((o) => o.entity));
    if (entities.size === 1) {
      const option = strong[0] as Option;
      accepted.push({ start: c.start, end: c.end, entity: option.entity, kind: option.kind });
      if (!establishedAt.has(option.entity)) establishedAt.set(option.entity, c.start);
    } else if (entities.size > 1) {
      pendingShared.push(c);
    }
  }

  // 2. A form shared by several entities goes to the one the article establishes otherwise.
  for (const c of pendingShared) {
    const strong = c.options.filter((o) => o.kind <= PatternKind.Former && establishedAt.has(o.entity));
    const entities = new Set(strong.map((o) => o.entity));
    if (entities.size === 1) {
      const option = strong[0] as Option;
      accepted.push({ start: c.start, end: c.end, entity: option.entity, kind: option.kind });
    }
  }

  // 3. Guarded names need evidence; 4. surnames need the person named earlier, and alone.
  const surnameOwners = new Map<string, Set<number>>();
  for (const c of candidates) {
    for (const o of c.options) {
      if (o.kind !== PatternKind.Surname || !establishedAt.has(o.entity)) continue;
      const key = text.slice(c.start, c.end).toLowerCase();
      const owners = surnameOwners.get(key) ?? new Set<number>();
      owners.add(o.entity);
      surnameOwners.set(key, owners);
    }
  }
  // A surname also carried by someone outside the dataset ("Hunter Biden") is ambiguous alone.
  const covered = coverage(accepted);
  for (const c of candidates) {
    if (!c.options.some((o) => o.kind === PatternKind.Surname && establishedAt.has(o.entity))) continue;
    if (covered(c.start, c.end)) continue;
    if (surnameOfSomeoneElse(text, c.start)) {
      const key = text.slice(c.start, c.end).toLowerCase();
      surnameOwners.set(key, new Set([...(surnameOwners.get(key) ?? []), -1]));
    }
  }
  const rejectedGuarded: Candidate[] = [];
  for (const c of candidates) {
    const guarded = c.options.filter(
      (o) => o.kind === PatternKind.Guarded && guardSatisfied(o, c, evidence, data, establishedAt),
    );
    if (guarded.length === 0 && c.options.some((o) => o.kind === PatternKind.Guarded)) rejectedGuarded.push(c);
    const guardedEntities = new Set(guarded.map((o) => o.entity));
    if (guardedEntities.size === 1) {
      const option = guarded[0] as Option;
      accepted.push({ start: c.start, end: c.end, entity: option.entity, kind: option.kind });
      continue;
    }
    const surnames = c.options.filter((o) => {
      if (o.kind !== PatternKind.Surname) return false;
      const at = establishedAt.get(o.entity);
      return at !== undefined && at < c.start;
    });
    if (surnames.length !== 1) continue;
    const owners = surnameOwners.get(text.slice(c.start, c.end).toLowerCase());
    if (owners && owners.size > 1) continue;
    if (!surnameFitsContext(text, c.start, c.end) || monthAmbiguousAtSentenceStart(text, c.start, c.end)) continue;
    const option = surnames[0] as Option;
    accepted.push({ start: c.start, end: c.end, entity: option.entity, kind: option.kind });
  }

  // A guarded name accepted on its own evidence establishes its entity for the article's other
  // uses of it, as a full name would: "Apple declined to comment" makes "Apple users" Apple's.
  const guardEstablished = new Map(establishedAt);
  for (const m of accepted)
    if (m.kind === PatternKind.Guarded && !guardEstablished.has(m.entity)) guardEstablished.set(m.entity, m.start);
  if (guardEstablished.size > establishedAt.size) {
    for (let i = rejectedGuarded.length - 1; i >= 0; i--) {
      const c = rejectedGuarded[i] as Candidate;
      const guarded = c.options.filter(
        (o) =>
          o.kind === PatternKind.Guarded &&
          !establishedAt.has(o.entity) &&
          guardEstablished.has(o.entity) &&
          guardSatisfied(o, c, evidence, data, guardEstablished),
      );
      if (new Set(guarded.map((o) => o.entity)).size !== 1) continue;
      const option = guarded[0] as Option;
      accepted.push({ start: c.start, end: c.end, entity: option.entity, kind: option.kind });
      rejectedGuarded.splice(i, 1);
    }
  }

  // 5. A guarded company listed next to a company already found: "Apple and Google", "WhatsApp ou Signal".
  // Repeated while it finds some: "Amazon, Apple and Meta" is read from Meta back to Amazon. A
  // few rounds are enough for any real list, and keep a hostile page linear.
  let pending = rejectedGuarded;
  for (let found = true, round = 0; found && pending.length > 0 && round < 6; round++) {
    found = false;
    const companies = accepted.filter((m) => data.types[m.entity] === 'c').sort((a, b) => a.start - b.start);
    const still: Candidate[] = [];
    for (const c of pending) {
      const options = c.options.filter(
        (o) =>
          o.kind === PatternKind.Guarded &&
          data.types[o.entity] === 'c' &&
          !evidence.vetoed(data.guards[o.guard] as CompiledGuard, c.start, c.end) &&
          !afterIndefiniteArticle(text, c.start) &&
          (c.multiWord || !partOfLongerName(text, c.start, TITLES, evidence.german())),
      );
      if (new Set(options.map((o) => o.entity)).size !== 1 || !listedWithCompany(text, c, companies)) {
        still.push(c);
        continue;
      }
      const option = options[0] as Option;
      accepted.push({ start: c.start, end: c.end, entity: option.entity, kind: option.kind });
      found = true;
    }
    pending = still;
  }

  // 6. "Nigeria's Data Protection Commission": a body of another country that shares the name.
  const ours = accepted.filter(
    (m) => data.types[m.entity] !== 'a' || !namedForAnotherCountry(text, m.start, data.countries[m.entity] ?? ''),
  );
  // 7. An acronym the article defines ("the Fair Trade Commission (FTC)") names what it defines.
  return withoutOverlaps(applyAcronyms(text, ours, data), text.length);
}

function collect(text: string, hits: Hits, data: MatcherData): Candidate[] {
  const candidates: Candidate[] = [];
  let german: boolean | undefined;
  for (let h = 0; h < hits.starts.length; h++) {
    const start = hits.starts[h] as number;
    const end = hits.ends[h] as number;
    // "Bundeskartellamts", "Facebooks": the genitive -s is part of a name only in German.
    if (hits.genitive[h] === 1) {
      if (german === undefined) german = looksGerman(text);
      if (!german) continue;
    }
    if (insideTicker(text, start, end)) continue;
    const options: Option[] = [];
    const trie = hits.tries[h] as Trie;
    const state = hits.states[h] as number;
    const to = trie.outFirst[state + 1] as number;
    for (let o = trie.outFirst[state] as number; o < to; o++) {
      const p = trie.outs[o] as number;
      const surface = data.surfaces[p] as string;
      if (!caseFits(text, start, end, surface)) continue;
      const kind = data.patterns[p * 3 + 1] as PatternKind;
      if (kind === PatternKind.Guarded && addsAccents(text, start, end, surface)) continue;
      options.push({
        entity: data.patterns[p * 3] as number,
        kind: data.patterns[p * 3 + 1] as PatternKind,
        guard: data.patterns[p * 3 + 2] as number,
      });
    }
    if (options.length > 0) candidates.push({ start, end, options, multiWord: /\s/.test(text.slice(start, end)) });
  }
  return candidates;
}

function guardSatisfied(
  option: Option,
  c: Candidate,
  evidence: ArticleEvidence,
  data: MatcherData,
  establishedAt: Map<number, number>,
): boolean {
  const guard = data.guards[option.guard];
  if (!guard) return false;
  if (evidence.vetoed(guard, c.start, c.end)) return false;
  if (evidence.phraseRightAfter(c.end, guard.after)) return true;
  if (guard.strict) return false;
  // "An Apple spokesman": the company speaking outweighs the indefinite article.
  const voiced = data.types[option.entity] === 'c' && evidence.companyVoiceAfter(c.end);
  if (!voiced && afterIndefiniteArticle(evidence.text, c.start)) return false;
  if (!c.multiWord && partOfLongerName(evidence.text, c.start, TITLES, evidence.german())) return false;
  const owner = possessiveOwner(evidence.text, c.start);
  if (owner !== null && !guard.context.includes(foldString(owner))) return false;
  return (
    voiced ||
    establishedAt.has(option.entity) ||
    (guard.capitalized && evidence.capitalizedMidSentence(c.start, c.end)) ||
    evidence.suffixRightAfter(c.end) ||
    evidence.tickerRightAfter(c.end, option.entity) ||
    evidence.tickersInArticle().has(option.entity) ||
    evidence.contextPresent(guard, c.start, c.end)
  );
}

/** Whether [start, end) overlaps an accepted mention; the mentions are sorted once. */
function coverage(mentions: Mention[]): (start: number, end: number) => boolean {
  const spans = mentions.map((m) => [m.start, m.end] as const).sort((a, b) => a[0] - b[0]);
  return (start, end) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((spans[mid] as readonly [number, number])[0] < end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) {
      const span = spans[i] as readonly [number, number];
      if (span[1] > start) return true;
    }
    return false;
  };
}

const JOINER_BEFORE = /(?:^|[^\p{L}])(?:and|or|nor|und|oder|et|ou|y|e|o|&|,)[ \u00a0]*$/u;
const JOINER_AFTER = /^[ \u00a0]*(?:and|or|nor|und|oder|et|ou|y|e|o|&|,)(?:[^\p{L}]|$)/u;

/** A company mention directly before or after, joined by a list word or a comma. */
function listedWithCompany(text: string, c: Candidate, companies: Mention[]): boolean {
  // `companies` is sorted by start: look only at the neighbours of the candidate.
  let lo = 0;
  let hi = companies.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((companies[mid] as Mention).start < c.start) lo = mid + 1;
    else hi = mid;
  }
  const before = companies[lo - 1];
  if (
    before &&
    before.end <= c.start &&
    c.start - before.end <= 8 &&
    JOINER_AFTER.test(text.slice(before.end, c.start))
  ) {
    return true;
  }
  const after = companies[lo];
  return (
    after !== undefined &&
    after.start >= c.end &&
    after.start - c.end <= 8 &&
    JOINER_BEFORE.test(text.slice(c.end, after.start))
  );
}

/**
 * Longest first, then the stronger kind, then the earlier; a mention never overlaps another.
 * Occupied characters are marked in a bitmap, so this stays linear however many mentions a
 * long page has (inserting into a sorted list would not).
 */
function withoutOverlaps(mentions: Mention[], length: number): Mention[] {
  mentions.sort((a, b) => b.end - b.start - (a.end - a.start) || a.kind - b.kind || a.start - b.start);
  const taken = new Uint8Array(length);
  const kept: Mention[] = [];
  next: for (const m of mentions) {
    for (let i = m.start; i < m.end; i++) if (taken[i] === 1) continue next;
    taken.fill(1, m.start, m.end);
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}
