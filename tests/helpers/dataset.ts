import { readEntityFiles } from '../../scripts/lib/entity-files';
import { createEngine, type Engine } from '../../src/analysis/engine';
import { compileDataset } from '../../src/dataset/compile';
import { validateEntities } from '../../src/dataset/validate';

let engine: Engine | undefined;

/** The real bundled dataset, compiled in-process exactly as the build does. */
export function realEngine(): Engine {
  if (engine) return engine;
  const files = readEntityFiles().filter((f) => !f.error);
  const { entities } = validateEntities(files.map((f) => ({ origin: f.path, json: f.json })));
  engine = createEngine(compileDataset(entities));
  return engine;
}

/** Mentions as "text→entity-id" pairs, in text order. */
export function linked(text: string, e = realEngine()): string[] {
  return e.matcher.match(text).map((m) => `${text.slice(m.start, m.end)}→${e.dataset.entities[m.entity]?.id}`);
}
