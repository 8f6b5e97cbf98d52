/**
 * Validates the bundled dataset and prints its coverage.
 *   npm run check:data            readable report, exit 1 on any error
 *   npm run --silent check:data -- --json   one JSON object
 */
import { readFileSync } from 'node:fs';
import { TOPICS } from '../src/dataset/topics';
import { validateEntities } from '../src/dataset/validate';
import { readEntityFiles } from './lib/entity-files';

const json = process.argv.includes('--json');
const files = readEntityFiles();
const result = validateEntities(
  files.map((f) =>
    f.error
      ? { origin: f.path, json: Symbol('unparsable') }
      : { origin: f.path, json: f.json, expectId: f.baseName, expectType: f.folder },
  ),
);
const errors = [
  ...files.filter((f) => f.error).map((f) => `${f.path}: not valid JSON: ${f.error}`),
  ...result.errors.filter((e) => !files.some((f) => f.error && e.startsWith(`${f.path}:`))),
];

const deliberate = new Set<string>(
  (
    JSON.parse(readFileSync(new URL('../src/dataset/deliberate-collisions.json', import.meta.url), 'utf8')) as {
      forms: string[];
    }
  ).forms,
);
for (const c of result.collisions) {
  const form = c.slice(1, c.indexOf('"', 1));
  if (!deliberate.has(form))
    errors.push(`alias collision ${c}: guard it, or list the form in deliberate-collisions.json`);
}

const byType = { person: 0, company: 0, agency: 0 };
const byCountry = new Map<string, number>();
const byTopic = new Map<string, number>(TOPICS.map((t) => [t, 0]));
let statements = 0;
let positions = 0;
let asOf = '';
for (const e of result.entities) {
  byType[e.type]++;
  byCountry.set(e.country ?? '—', (byCountry.get(e.country ?? '—') ?? 0) + 1);
  positions += e.positions?.length ?? 0;
  for (const s of e.statements ?? []) {
    statements++;
    for (const t of s.topics) byTopic.set(t, (byTopic.get(t) ?? 0) + 1);
    if (s.date > asOf) asOf = s.date;
  }
}
asOf = asOf.length === 4 ? `${asOf}-12-31` : asOf.length === 7 ? `${asOf}-01` : asOf;

if (json) {
  process.stdout.write(`${JSON.stringify({ entities: byType, statements, positions, asOf, errors })}\n`);
} else {
  console.log(
    `Dataset: ${result.entities.length} entities (${byType.person} people, ${byType.company} companies, ${byType.agency} agencies)`,
  );
  console.log(`Statements: ${statements}   Positions: ${positions}   As of: ${asOf || 'n/a'}`);
  console.log(
    `By country: ${[...byCountry]
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')}`,
  );
  console.log(`Statements by topic: ${[...byTopic].map(([t, n]) => `${t} ${n}`).join(', ')}`);
  if (result.collisions.length) console.log(`Shared forms: ${result.collisions.join('; ')}`);
  for (const e of errors) console.error(`error: ${e}`);
  console.log(errors.length ? `${errors.length} error(s)` : 'No errors.');
}
process.exitCode = errors.length ? 1 : 0;
