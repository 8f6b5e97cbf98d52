import type { MatcherData } from '../matcher/data';
import type { CompiledDataset } from './compile';
import type { EntityFile } from './schema';

/**
 * The bundled dataset ships as two generated files, so that a cold background worker parses
 * only what the first article needs:
 *   matcher.json — the automaton, the ids and where each entity's JSON sits in entities.txt;
 *   entities.txt — every entity's JSON, one after another, parsed one entity at a time when
 *                  a card, the cast or the popup asks for it.
 */
export interface MatcherAsset {
  asOf: string;
  matcher: MatcherData;
  ids: string[];
  /** entities.txt slice of entity i: offsets[i] .. offsets[i + 1]. */
  offsets: number[];
}

export function packDataset(compiled: CompiledDataset): { asset: MatcherAsset; entitiesText: string } {
  const offsets = [0];
  let entitiesText = '';
  for (const e of compiled.entities) {
    entitiesText += JSON.stringify(e);
    offsets.push(entitiesText.length);
  }
  return {
    asset: { asOf: compiled.asOf, matcher: compiled.matcher, ids: compiled.entities.map((e) => e.id), offsets },
    entitiesText,
  };
}

/**
 * A CompiledDataset whose `entities` array parses each element on first access. Array methods
 * still work (they read elements one by one), so nothing downstream needs to know.
 */
export function unpackDataset(asset: MatcherAsset, entitiesText: string): CompiledDataset {
  const entities: EntityFile[] = new Array(asset.ids.length);
  for (let i = 0; i < asset.ids.length; i++) {
    Object.defineProperty(entities, i, {
      configurable: true,
      enumerable: true,
      get() {
        const value = JSON.parse(entitiesText.slice(asset.offsets[i], asset.offsets[i + 1])) as EntityFile;
        Object.defineProperty(entities, i, { value, writable: false, enumerable: true, configurable: false });
        return value;
      },
    });
  }
  return { asOf: asset.asOf, matcher: asset.matcher, entities, ids: asset.ids };
}
