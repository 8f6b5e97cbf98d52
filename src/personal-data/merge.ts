import type { EntityFile } from '../dataset/schema';

export interface Merged {
  entities: EntityFile[];
  /** Ids of bundled entities the personal file replaced. */
  replaced: string[];
  /** Ids the personal file added. */
  added: string[];
}

/** The personal entities over the bundled ones: same id replaces, a new id is added. */
export function mergeEntities(bundled: readonly EntityFile[], personal: readonly EntityFile[]): Merged {
  const byId = new Map(bundled.map((e) => [e.id, e]));
  const replaced: string[] = [];
  const added: string[] = [];
  for (const entity of personal) {
    if (byId.has(entity.id)) replaced.push(entity.id);
    else added.push(entity.id);
    byId.set(entity.id, entity);
  }
  return { entities: [...byId.values()], replaced, added };
}
