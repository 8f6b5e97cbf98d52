import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type CompiledDataset, compileDataset } from '../../src/dataset/compile';
import { validateEntities } from '../../src/dataset/validate';
import { readEntityFiles } from './entity-files';

const OUT_DIR = new URL('../../src/generated/', import.meta.url);
const COMPILED = new URL('dataset.json', OUT_DIR);

/** Compiles the entity files into the asset; invalid files are left out and reported. */
export function compileFromFiles(): { compiled: CompiledDataset; errors: string[]; text: string } {
  const files = readEntityFiles();
  const { entities, errors } = validateEntities(
    files.filter((f) => !f.error).map((f) => ({ origin: f.path, json: f.json })),
  );
  const compiled = compileDataset(entities);
  const text = JSON.stringify(compiled);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(COMPILED, text);
  return { compiled, errors: [...files.filter((f) => f.error).map((f) => `${f.path}: ${f.error}`), ...errors], text };
}

/** The compiled asset, built on demand when missing so every script works from a fresh clone. */
export function loadCompiledDataset(): CompiledDataset {
  if (!existsSync(COMPILED)) return compileFromFiles().compiled;
  return JSON.parse(readFileSync(COMPILED, 'utf8')) as CompiledDataset;
}
