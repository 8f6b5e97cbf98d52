import type { CastMember } from '../../src/cast/types';

export const CAST_GROUPS = [
  ['person', 'People'],
  ['company', 'Companies'],
  ['agency', 'Agencies'],
] as const;

/** Most mentioned first; between equals, the one the article names first. */
export function byProminence<T extends Pick<CastMember, 'mentions' | 'first'>>(members: readonly T[]): T[] {
  return [...members].sort((a, b) => b.mentions - a.mentions || a.first - b.first);
}
