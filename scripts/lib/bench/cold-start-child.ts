/**
 * Runs in a fresh Node process, as a stopped MV3 worker starts afresh: times parsing the shipped
 * JSON and getting ready for the first article. Prints the milliseconds.
 *   dataset: the generated matcher asset (matcher.json), as the background loads it; entity
 *            data is parsed later, one entity at a time, when the cast needs it
 *   trie:    the two bare serialized tries of a synthetic alias set
 */
import { readFileSync } from 'node:fs';
import { createMatcher } from '../../../src/matcher';
import { Scanner } from '../../../src/matcher/scan';
import { Trie } from '../../../src/matcher/trie';

const [file, mode] = process.argv.slice(2) as [string, 'dataset' | 'trie'];
const json = readFileSync(file, 'utf8');
const t0 = performance.now();
const parsed = JSON.parse(json);
if (mode === 'dataset') createMatcher(parsed.matcher).match('Officials met on Thursday.');
else
  new Scanner(Trie.deserialize(parsed.all), Trie.deserialize(parsed.lower), parsed.lowerSurfaces).scan(
    'Officials met on Thursday.',
  );
process.stdout.write(String(performance.now() - t0));
