import type { EntityFile, Statement } from '../dataset/schema';
import type { Topic } from '../dataset/topics';
import { compareDates } from '../dataset/validate';

function daysBetween(a: string, b: string): number {
  const pad = (d: string) => (d.length === 4 ? `${d}-07-01` : d.length === 7 ? `${d}-15` : d);
  return Math.abs(Date.parse(pad(a)) - Date.parse(pad(b))) / 86_400_000;
}

/**
 * The statements worth showing next to an article: said before the article's date, on its
 * topics first, then closest in time to it. Without a date, the newest on its topics.
 */
export function relevantStatements(
  entity: EntityFile,
  topics: readonly Topic[],
  date: string | null,
  limit = 3,
): Statement[] {
  const all = entity.statements ?? [];
  const prior = date ? all.filter((s) => compareDates(s.date, date) <= 0) : all;
  const reference = date ?? new Date().toISOString().slice(0, 10);
  return [...prior]
    .map((s) => ({
      s,
      onTopic: s.topics.filter((t) => topics.includes(t)).length,
      distance: daysBetween(s.date, reference),
    }))
    .sort((a, b) => b.onTopic - a.onTopic || a.distance - b.distance)
    .slice(0, limit)
    .map((x) => x.s);
}
