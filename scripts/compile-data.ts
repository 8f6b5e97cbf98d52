/** Compiles the entity files and the matcher's automaton into the asset the extension loads. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { compileDataset } from '../src/dataset/compile';
import { validateEntities } from '../src/dataset/validate';
import { readEntityFiles } from './lib/entity-files';

const started = performance.now();
const files = readEntityFiles();
const { entities, errors } = validateEntities(files.filter((f) => !f.error).map((f) => ({ origin: f.path, json: f.json })));
if (errors.length > 0) {
  // Build what is valid so development never stops; `check:data` (in npm test) fails on these.
  for (const e of errors) console.error(`skipped: ${e}`);
}
const compiled = compileDataset(entities);
const out = new URL('../src/generated/', import.meta.url);
mkdirSync(out, { recursive: true });
const text = JSON.stringify(compiled);
writeFileSync(new URL('dataset.json', out), text);
console.log(
  `compiled ${compiled.entities.length} entities, ${compiled.matcher.surfaces.length} patterns, ${compiled.matcher.trie.states} trie states → src/generated/dataset.json (${(text.length / 1024).toFixed(0)} KB) in ${(performance.now() - started).toFixed(0)} ms`,
);
