/**
 * Mention-level precision and recall of the matcher on the gold set (tests/gold).
 *   npm run eval            per fixture, per case and in total, with every miss listed
 *   npm run --silent eval -- --json
 * Exits 1 when the total falls below the targets, so a regression cannot pass unnoticed.
 */
import { createEngine } from '../src/analysis/engine';
import { loadCompiledDataset } from './lib/compiled-dataset';
import { type CaseResult, goldFiles, loadGoldCase, precision, recall, scoreCase, sum, unknownIds } from './lib/gold';

export const TARGET = { precision: 0.98, recall: 0.95 };

const json = process.argv.includes('--json');
const engine = createEngine(loadCompiledDataset());
const cases = goldFiles().map(loadGoldCase);
const results = cases.map((c) => scoreCase(engine, c));
const total = sum(results);
const byCase = new Map<string, CaseResult[]>();
for (const r of results) for (const c of r.cases) byCase.set(c, [...(byCase.get(c) ?? []), r]);
const unknown = unknownIds(engine, cases);
const pass = precision(total) >= TARGET.precision && recall(total) >= TARGET.recall && unknown.length === 0;

const fmt = (x: number) => x.toFixed(3);
if (json) {
  process.stdout.write(
    `${JSON.stringify({
      fixtures: results.length,
      total: { ...total, precision: precision(total), recall: recall(total) },
      cases: Object.fromEntries(
        [...byCase].map(([name, rs]) => {
          const s = sum(rs);
          return [name, { ...s, precision: precision(s), recall: recall(s) }];
        }),
      ),
      files: results.map((r) => ({ file: r.file, tp: r.tp, fp: r.fp, fn: r.fn })),
      unknownIds: unknown,
      target: TARGET,
      pass,
    })}\n`,
  );
} else {
  console.log(`Gold set: ${results.length} articles, ${total.tp + total.fn} marked mentions\n`);
  console.log(`${'fixture'.padEnd(44)} ${'P'.padStart(6)} ${'R'.padStart(6)}   tp  fp  fn`);
  for (const r of results) {
    console.log(
      `${r.file.padEnd(44)} ${fmt(precision(r)).padStart(6)} ${fmt(recall(r)).padStart(6)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(3)} ${String(r.fn).padStart(3)}`,
    );
    for (const m of r.falsePositives) console.log(`    + wrong  "${m.text}" → ${m.entity} @${m.start}`);
    for (const m of r.falseNegatives) console.log(`    - missed "${m.text}" → ${m.entity} @${m.start}`);
  }
  console.log(`\n${'case'.padEnd(44)} ${'P'.padStart(6)} ${'R'.padStart(6)}   tp  fp  fn`);
  for (const [name, rs] of [...byCase].sort((a, b) => a[0].localeCompare(b[0]))) {
    const s = sum(rs);
    console.log(
      `${`${name} (${rs.length})`.padEnd(44)} ${fmt(precision(s)).padStart(6)} ${fmt(recall(s)).padStart(6)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`,
    );
  }
  if (unknown.length > 0) console.log(`\nGold marks name ids the dataset lacks: ${unknown.join(', ')}`);
  console.log(
    `\nTotal: precision ${fmt(precision(total))} (target ≥ ${TARGET.precision}), recall ${fmt(recall(total))} (target ≥ ${TARGET.recall}): ${pass ? 'pass' : 'FAIL'}`,
  );
}
process.exitCode = pass ? 0 : 1;
