import type { EntityFile, Role } from '../dataset/schema';
import { compareDates } from '../dataset/validate';

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
 * the one that started last is the most specific. Without a date, the current role.
 */
export function roleOn(entity: EntityFile, date: string | null): Role | undefined {
  if (!date) return currentRole(entity);
  const held = rolesInOrder(entity).filter((r) => heldOn(r, date));
  return held[held.length - 1];
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
