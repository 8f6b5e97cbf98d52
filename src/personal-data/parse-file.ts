import type { EntityFile } from '../dataset/schema';
import { validateEntities } from '../dataset/validate';
import { isRecord } from '../storage/settings';

/** Bounds on what the options page accepts, so one file cannot fill the browser's storage. */
export const MAX_DATASET_BYTES = 4_000_000;
export const MAX_DATASET_ENTITIES = 3_000;

export type ParsedDataset = { ok: true; entities: EntityFile[] } | { ok: false; errors: string[] };

/**
 * Reads a personal dataset file in the same schema as the bundled entity files: one entity
 * object, an array of them, or `{ "entities": [...] }`. Every error names the file, the entity
 * (its position and id) and the field, e.g.
 *   my-data.json › entity 2 (jane-example): statements.0.url: must be an https:// URL
 * Nothing is returned unless the whole file is valid.
 */
export function parseDatasetFile(fileName: string, text: string, bundled: readonly EntityFile[]): ParsedDataset {
  const file = fileName.trim() || 'the file';
  if (text.length > MAX_DATASET_BYTES)
    return fail(`${file}: is ${(text.length / 1e6).toFixed(1)} MB; at most ${MAX_DATASET_BYTES / 1e6} MB is accepted`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail(`${file}: is not valid JSON (${(err as Error).message})`);
  }
  const list = Array.isArray(json) ? json : isRecord(json) && Array.isArray(json.entities) ? json.entities : [json];
  if (list.length === 0) return fail(`${file}: holds no entities`);
  if (list.length > MAX_DATASET_ENTITIES)
    return fail(`${file}: holds ${list.length} entities; at most ${MAX_DATASET_ENTITIES} are accepted`);

  const inputs = list.map((entry, i) => ({ origin: `${file} › ${entityLabel(entry, i)}`, json: entry }));
  const { entities, errors } = validateEntities(inputs, bundled);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, entities };
}

function entityLabel(entry: unknown, index: number): string {
  const id = isRecord(entry) && typeof entry.id === 'string' && entry.id.length <= 100 ? entry.id : undefined;
  return id ? `entity ${index + 1} (${id})` : `entity ${index + 1}`;
}

function fail(message: string): ParsedDataset {
  return { ok: false, errors: [message] };
}
