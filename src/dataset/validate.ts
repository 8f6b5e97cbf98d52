import { foldString } from '../matcher/text-class';
import { type EntityFile, parseEntity } from './schema';

export interface ValidationInput {
  /** Where the entity came from, used as the prefix of every error ("person/x.json"). */
  origin: string;
  json: unknown;
  /** The folder and file name it must agree with, when it came from the bundled tree. */
  expectType?: string;
  expectId?: string;
}

export interface ValidationResult {
  entities: EntityFile[];
  errors: string[];
  /** Aliases declared by more than one entity without a guard: listed, not errors. */
  collisions: string[];
}

/**
 * Checks a set of entity files as a whole: each against the schema, then ids, references,
 * dates, duplicate statements and alias collisions across them. Used by `check:data` and by the
 * options page's import, so both report the same precise messages.
 */
export function validateEntities(
  inputs: readonly ValidationInput[],
  known: readonly EntityFile[] = [],
): ValidationResult {
  const errors: string[] = [];
  const entities: EntityFile[] = [];
  const origins = new Map<string, string>();
  for (const input of inputs) {
    const parsed = parseEntity(input.json);
    if (!parsed.ok) {
      for (const e of parsed.errors) errors.push(`${input.origin}: ${e}`);
      continue;
    }
    const entity = parsed.entity;
    if (input.expectId !== undefined && entity.id !== input.expectId) {
      errors.push(`${input.origin}: id: "${entity.id}" must equal the file name "${input.expectId}"`);
    }
    if (input.expectType !== undefined && entity.type !== input.expectType) {
      errors.push(`${input.origin}: type: "${entity.type}" must equal its folder "${input.expectType}"`);
    }
    const other = origins.get(entity.id);
    if (other) errors.push(`${input.origin}: id: "${entity.id}" is also used by ${other}`);
    origins.set(entity.id, input.origin);
    errors.push(...checkEntity(entity).map((e) => `${input.origin}: ${e}`));
    entities.push(entity);
  }

  const ids = new Set([...known.map((e) => e.id), ...entities.map((e) => e.id)]);
  for (const e of entities) {
    const origin = origins.get(e.id);
    if (e.parent && !ids.has(e.parent)) errors.push(`${origin}: parent: unknown entity "${e.parent}"`);
    e.roles?.forEach((r, i) => {
      if (r.orgId && !ids.has(r.orgId)) errors.push(`${origin}: roles.${i}.orgId: unknown entity "${r.orgId}"`);
    });
  }
  return { entities, errors, collisions: aliasCollisions(entities) };
}

function checkEntity(e: EntityFile): string[] {
  const errors: string[] = [];
  e.roles?.forEach((r, i) => {
    if (r.start && r.end && compareDates(r.start, r.end) > 0)
      errors.push(`roles.${i}: start ${r.start} is after end ${r.end}`);
  });
  const quotes = new Set<string>();
  e.statements?.forEach((s, i) => {
    const key = foldString(s.quote).replace(/[^\p{L}\p{N}]+/gu, ' ');
    if (quotes.has(key)) errors.push(`statements.${i}: duplicate quote "${s.quote.slice(0, 40)}…"`);
    quotes.add(key);
  });
  e.formerNames?.forEach((f, i) => {
    if (f.name === e.name) errors.push(`formerNames.${i}: equals the current name`);
  });
  if (e.type !== 'person' && (e.roles?.length ?? 0) > 0) errors.push('roles: only people have roles');
  if (e.type !== 'company' && (e.tickers?.length ?? 0) > 0) errors.push('tickers: only companies have tickers');
  return errors;
}

/** Partial dates compare by their known prefix: "2017" is not after "2017-04-26". */
export function compareDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n) ? -1 : a.slice(0, n) > b.slice(0, n) ? 1 : 0;
}

function aliasCollisions(entities: readonly EntityFile[]): string[] {
  const owners = new Map<string, string[]>();
  for (const e of entities) {
    const guarded = new Set((e.guarded ?? []).map((g) => foldString(g.text)));
    const forms = new Set([e.name, ...(e.aliases ?? []), ...(e.formerNames ?? []).map((f) => f.name)].map(foldString));
    for (const f of forms) {
      if (guarded.has(f)) continue;
      owners.set(f, [...(owners.get(f) ?? []), e.id]);
    }
  }
  return [...owners].filter(([, ids]) => ids.length > 1).map(([form, ids]) => `"${form}": ${ids.join(', ')}`);
}
