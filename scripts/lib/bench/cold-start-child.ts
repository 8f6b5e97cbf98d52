/**
 * Runs in a fresh Node process, as a stopped MV3 worker starts afresh: times parsing the shipped
 * JSON and getting ready for the first article. Prints the milliseconds.
 *   dataset: the generated matcher asset (matcher.json), as the background loads it; entity
 *            data is parsed later, one entity at a time, when the cast needs it
 *   trie:    the serialized tries and first-word index of a synthetic alias set
 */
import { readFileSync } from 'node:fs';
import { createMatcher } from '../../../src/matcher';
import { loadScanner } from './serialized-scanner';

const [file, mode] = process.argv.slice(2) as [string, 'dataset' | 'trie'];
const json = readFileSync(file, 'utf8');
const gc = (globalThis as { gc?: () => void }).gc;
const used = () => {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const before = used();
const t0 = performance.now();
let parsed = JSON.parse(json);
let kept: unknown;
if (mode === 'dataset') {
  const matcher = createMatcher(parsed.matcher);
  matcher.match('Officials met on Thursday.');
  kept = matcher;
} else {
  const scanner = loadScanner(parsed);
  scanner.scan('Officials met on Thursday.');
  kept = scanner;
}
const ms = performance.now() - t0;
// What the ready matcher keeps alive: the parsed asset is dropped first, as the worker can.
parsed = null;
const bytes = used() - before;
process.stdout.write(JSON.stringify({ ms, bytes: kept ? bytes : 0 }));
