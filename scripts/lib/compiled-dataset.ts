import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type CompiledDataset, compileDataset } from '../../src/dataset/compile';
import { type MatcherAsset, packDataset, unpackDataset } from '../../src/dataset/packed';
import { validateEntities } from '../../src/dataset/validate';
import { readEntityFiles } from './entity-files';

const OUT_DIR = new URL('../../src/generated/', import.meta.url);
export const MATCHER_ASSET = new URL('matcher.json', OUT_DIR);
export const ENTITIES_TEXT = new URL('entities.txt', OUT_DIR);

/** Compiles the entity files into the two generated files; invalid files are left out and reported. */
export function compileFromFiles(): { compiled: CompiledDataset; errors: string[]; bytes: number } {
  const files = readEntityFiles();
  const { entities, errors } = validateEntities(
    files.filter((f) => !f.error).map((f) => ({ origin: f.path, json: f.json })),
  );
  const compiled = compileDataset(entities);
  const { asset, entitiesText } = packDataset(compiled);
  const assetText = JSON.stringify(asset);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(MATCHER_ASSET, assetText);
  writeFileSync(ENTITIES_TEXT, entitiesText);
  return {
    compiled,
    errors: [...files.filter((f) => f.error).map((f) => `${f.path}: ${f.error}`), ...errors],
    bytes: assetText.length + entitiesText.length,
  };
}

/** The generated dataset, built on demand when missing so every script works from a fresh clone. */
export function loadCompiledDataset(): CompiledDataset {
  if (!existsSync(MATCHER_ASSET) || !existsSync(ENTITIES_TEXT)) return compileFromFiles().compiled;
  return unpackDataset(
    JSON.parse(readFileSync(MATCHER_ASSET, 'utf8')) as MatcherAsset,
    readFileSync(ENTITIES_TEXT, 'utf8'),
  );
}
