import type { EntityFile, Role } from '../dataset/schema';
import { compareDates } from '../dataset/validate';
import { foldString } from '../matcher/text-class';

/** Roles in time order, oldest first. */
export function rolesInOrder(entity: EntityFile): Role[] {
  return [...(entity.roles ?? [])].sort((a, b) => compareDates(a.start ?? '0000', b.start ?? '0000'));
}

function heldOn(role: Role, date: string): boolean {
  const started = !role.start || compareDates(role.start, date) <= 0;
  const notEnded =
    !role.end || compareDates(date, role.end) < 0 || (role.end.length < 10 && compareDates(date, role.end) === 0);
  return started && notEnded;
}

/**
 * The role held on `date` (YYYY-MM-DD). Several may overlap (a senator who chairs a committee):
 * the one whose title the article's words point to ("Electronics and Information Technology
 * Minister" for a minister who also held Law and Justice), else the one that started last, the
 * most specific. Without a date, the current role.
 */
export function roleOn(entity: EntityFile, date: string | null, text?: string): Role | undefined {
  if (!date) return currentRole(entity);
  const held = rolesInOrder(entity).filter((r) => heldOn(r, date));
  if (held.length < 2 || !text) return held[held.length - 1];
  const words = wordsOf(text);
  let best = held[held.length - 1] as Role;
  let bestScore = titleWordsIn(best, words);
  for (let i = held.length - 2; i >= 0; i--) {
    const score = titleWordsIn(held[i] as Role, words);
    if (score > bestScore) {
      best = held[i] as Role;
      bestScore = score;
    }
  }
  return best;
}

let lastText: string | undefined;
let lastWords: ReadonlySet<string> = new Set();

/** Titles written short in news copy ("Microsoft CEO Satya Nadella"), by the words of the title in full. */
const SHORT_TITLES: Record<string, readonly string[]> = {
  ceo: ['chief', 'executive', 'officer'],
  cfo: ['chief', 'financial', 'officer'],
  coo: ['chief', 'operating', 'officer'],
  cto: ['chief', 'technology', 'officer'],
};

/** The article's folded words; a cast asks for every member of the same article in turn. */
function wordsOf(text: string): ReadonlySet<string> {
  if (text !== lastText) {
    const words = new Set(foldString(text).split(/[^\p{L}\p{N}]+/u));
    for (const [short, full] of Object.entries(SHORT_TITLES)) if (words.has(short)) for (const w of full) words.add(w);
    lastWords = words;
    lastText = text;
  }
  return lastWords;
}

/** Words that many titles share: they tell no role from another. */
const COMMON_TITLE_WORDS = new Set(
  'minister ministry secretary state department committee member chair chairman chairwoman house senate united states general deputy office commissioner president federal government national affairs european parliament of the and for'.split(
    ' ',
  ),
);

/**
 * How many of the distinctive words of a role's title the article uses. Where the office sits
 * ("U.S. Senator from South Carolina", "Representative for … district") is left out: a state's
 * name says nothing of which of a senator's roles the article is about.
 */
function titleWordsIn(role: Role, words: ReadonlySet<string>): number {
  const title = role.title.replace(/\s+from\s.*$/i, '').replace(/\s+for\s[^,]*district.*$/i, '');
  let score = 0;
  for (const w of new Set(foldString(title).split(/[^\p{L}\p{N}]+/u))) {
    if (w.length >= 4 && !COMMON_TITLE_WORDS.has(w) && words.has(w)) score++;
  }
  return score;
}

export function currentRole(entity: EntityFile, today = new Date().toISOString().slice(0, 10)): Role | undefined {
  const held = rolesInOrder(entity).filter((r) => !r.end || compareDates(today, r.end) < 0);
  return held[held.length - 1];
}

export function formatRole(role: Role): string {
  return role.org && !role.title.includes(role.org) ? `${role.title}, ${role.org}` : role.title;
}

export function formatSpan(role: Role): string {
  const from = role.start?.slice(0, 4) ?? '?';
  const to = role.end ? role.end.slice(0, 4) : 'present';
  return from === to ? from : `${from}–${to}`;
}

/** The name an entity went by on a date: "Facebook" for Meta before its renaming. */
export function nameOn(entity: EntityFile, date: string | null): string {
  if (!date) return entity.name;
  const former = (entity.formerNames ?? [])
    .filter((f) => f.until && compareDates(date, f.until) < 0)
    .sort((a, b) => compareDates(a.until ?? '', b.until ?? ''))[0];
  return former ? former.name : entity.name;
}
