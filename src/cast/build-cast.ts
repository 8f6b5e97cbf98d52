import type { CompiledDataset } from '../dataset/compile';
import type { EntityFile } from '../dataset/schema';
import type { Topic } from '../dataset/topics';
import type { Mention } from '../matcher';
import { currentRole, formatRole, formatSpan, nameOn, roleOn } from './roles';
import { relevantStatements } from './statements';
import type { ArticleAnalysis, CastMember, RoleView } from './types';

const TYPE_ORDER = { person: 0, company: 1, agency: 2 } as const;
/** Positions off the article's topics travel with the cast only as far as the card shows them. */
const MAX_OTHER_STANCES = 2;

/** Turns matcher output into the cast the card and the popup show. */
export function buildAnalysis(
  dataset: CompiledDataset,
  mentions: readonly Mention[],
  topics: Topic[],
  published: string | null,
  /** The article's text: where a person held two roles at once, it tells which one it is about. */
  text?: string,
): ArticleAnalysis {
  const byEntity = new Map<number, { count: number; first: number }>();
  for (const m of mentions) {
    const seen = byEntity.get(m.entity);
    if (seen) seen.count++;
    else byEntity.set(m.entity, { count: 1, first: m.start });
  }
  const order = [...byEntity.entries()].sort(
    ([a, x], [b, y]) =>
      TYPE_ORDER[(dataset.entities[a] as EntityFile).type] - TYPE_ORDER[(dataset.entities[b] as EntityFile).type] ||
      y.count - x.count ||
      x.first - y.first,
  );
  const memberOf = new Map<number, number>();
  const cast = order.map(([index, seen], i) => {
    memberOf.set(index, i);
    return castMember(dataset.entities[index] as EntityFile, seen.count, seen.first, topics, published, text);
  });
  return {
    topics,
    cast,
    mentions: mentions.map((m) => ({ start: m.start, end: m.end, member: memberOf.get(m.entity) as number })),
  };
}

export function castMember(
  entity: EntityFile,
  mentions: number,
  first: number,
  topics: Topic[],
  published: string | null,
  text?: string,
): CastMember {
  const then = roleOn(entity, published, text);
  const now = currentRole(entity);
  const view = (r: NonNullable<typeof then>): RoleView => ({ label: formatRole(r), span: formatSpan(r) });
  const positions = entity.positions ?? [];
  // The article's own topics first, in the order they were detected; the rest are kept apart.
  const stances = topics.flatMap((t) => positions.filter((p) => p.topic === t));
  const otherStances = positions.filter((p) => !topics.includes(p.topic)).slice(0, MAX_OTHER_STANCES);
  return {
    id: entity.id,
    name: nameOn(entity, published),
    canonicalName: entity.name,
    type: entity.type,
    summary: entity.summary,
    mentions,
    first,
    roleThen: then ? view(then) : undefined,
    roleNow: now && now !== then ? view(now) : undefined,
    stances,
    otherStances,
    statements: relevantStatements(entity, topics, published),
  };
}
