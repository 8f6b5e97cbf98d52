import { detectTopics } from '../article/topics';
import { buildAnalysis } from '../cast/build-cast';
import type { ArticleAnalysis } from '../cast/types';
import type { CompiledDataset } from '../dataset/compile';
import type { EntityFile } from '../dataset/schema';
import { createMatcher, type Matcher } from '../matcher';

/** The dataset and its matcher, loaded once; what the background worker and the CLI share. */
export interface Engine {
  dataset: CompiledDataset;
  matcher: Matcher;
  entity(id: string): EntityFile | undefined;
  analyze(text: string, published: string | null): ArticleAnalysis;
}

export function createEngine(dataset: CompiledDataset): Engine {
  const matcher = createMatcher(dataset.matcher);
  // Index by id without touching the entities: a packed dataset parses each one on demand.
  const ids = dataset.ids ?? dataset.entities.map((e) => e.id);
  const byId = new Map(ids.map((id, i) => [id, i]));
  return {
    dataset,
    matcher,
    entity: (id) => {
      const i = byId.get(id);
      return i === undefined ? undefined : dataset.entities[i];
    },
    analyze(text, published) {
      const mentions = matcher.match(text);
      return buildAnalysis(dataset, mentions, detectTopics(text), published, text);
    },
  };
}
