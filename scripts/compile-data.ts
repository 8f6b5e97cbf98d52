/** Compiles the entity files and the matcher's automaton into the files the extension loads. */
import { compileFromFiles } from './lib/compiled-dataset';

const started = performance.now();
const { compiled, errors, bytes } = compileFromFiles();
// Valid files are still built so development never stops; `check:data` (in npm test) fails on errors.
for (const e of errors) console.error(`left out: ${e}`);
console.log(
  `compiled ${compiled.entities.length} entities, ${compiled.matcher.surfaces.length} patterns, ${compiled.matcher.trie.states} trie states → src/generated/{matcher.json,entities.txt} (${(bytes / 1024).toFixed(0)} KB) in ${(performance.now() - started).toFixed(0)} ms`,
);
