/**
 * Matcher benchmark: our trie against its peers on the same text and the same aliases.
 *   npm run bench [-- --limit N] [--json]
 * Text: article text extracted by Readability from the shared corpus (the gold set when the
 * corpus is absent). Alias sets: the real dataset, then synthetic sets of 1k, 10k and 100k.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../src/analysis/engine';
import { loadArticles } from './lib/bench/corpus-text';
import {
  ahoCorasickPackage,
  alternationRegExp,
  type BenchAlias,
  type BenchInput,
  type BuiltEngine,
  benchAlias,
  benchInput,
  dramatis,
  type EngineSpec,
  floorPass,
  indexOfLoop,
  leftmostLongest,
} from './lib/bench/engines';
import { coldStart, median, memoryBytes, quantile, timed } from './lib/bench/measure';
import { serializeScanner } from './lib/bench/serialized-scanner';
import { syntheticAliases } from './lib/bench/synthetic-aliases';
import { loadCompiledDataset, MATCHER_ASSET } from './lib/compiled-dataset';

const args = process.argv.slice(2);
const json = args.includes('--json');
const limitArg = args.indexOf('--limit');
const limit = limitArg >= 0 ? Number(args[limitArg + 1]) : Number.POSITIVE_INFINITY;
/** Time each engine spends matching per alias set; slow peers see fewer articles in it. */
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 1500);
const log = (line = '') => {
  if (!json) console.log(line);
};

interface Row {
  engine: string;
  aliasSet: string;
  aliases: number;
  mbPerSec: number | null;
  buildMs: number | null;
  coldStartMs: number | null;
  bytes: number | null;
  memoryMb: number | null;
  floorFraction: number | null;
  articlesMatched: number;
  sameMentions: boolean | null;
  error?: string;
}

const { source, articles } = loadArticles(limit);
if (articles.length === 0) throw new Error('bench: no article text to measure');
const inputs = articles.map((a) => benchInput(a.text));
const textBytes = inputs.map((t) => Buffer.byteLength(t.original, 'utf8'));
const totalMb = textBytes.reduce((a, b) => a + b, 0) / 1e6;
log(`Text: ${articles.length} articles from the ${source}, ${totalMb.toFixed(2)} MB (UTF-8, whitespace collapsed)`);

/**
 * MB/s of the best full pass over the articles within the time budget (the usual guard against
 * a pass slowed by garbage collection or the JIT); an engine too slow to finish one pass is
 * rated on the articles it got through.
 */
function throughput(run: (input: BenchInput) => unknown): { mbPerSec: number; articles: number; outputs: unknown[] } {
  for (let i = 0; i < Math.min(5, inputs.length); i++) run(inputs[i] as BenchInput); // warm the JIT
  const outputs: unknown[] = [];
  let best = 0;
  let spent = 0;
  for (let pass = 0; spent < BUDGET_MS; pass++) {
    let bytes = 0;
    let ms = 0;
    let done = 0;
    for (let i = 0; i < inputs.length && spent + ms < BUDGET_MS; i++) {
      const t0 = performance.now();
      const out = run(inputs[i] as BenchInput);
      ms += performance.now() - t0;
      bytes += textBytes[i] as number;
      done = i + 1;
      if (pass === 0) outputs.push(out);
    }
    spent += ms;
    const rate = bytes / 1e6 / (ms / 1000);
    if (done === inputs.length || pass === 0) best = Math.max(best, rate);
  }
  return { mbPerSec: best, articles: outputs.length, outputs };
}

const floor = throughput(floorPass).mbPerSec;
log(`Floor (read every character once): ${floor.toFixed(0)} MB/s\n`);

const workDir = mkdtempSync(join(tmpdir(), 'dramatis-bench-'));
const compiled = loadCompiledDataset();
const realSurfaces = [...new Set(compiled.matcher.surfaces)];
const uniqueAliases = (surfaces: string[]): BenchAlias[] => {
  const seen = new Map<string, BenchAlias>();
  for (const a of surfaces.map(benchAlias)) seen.set(`${a.capital ? 'C' : 'l'}${a.folded}`, a);
  return [...seen.values()];
};
const aliasSets: Array<{ name: string; aliases: BenchAlias[] }> = [
  { name: 'real dataset', aliases: uniqueAliases(realSurfaces) },
  ...[1_000, 10_000, 100_000].map((n) => ({
    name: `synthetic ${n / 1000}k`,
    aliases: uniqueAliases(
      syntheticAliases(
        realSurfaces,
        articles.map((a) => a.text),
        n,
      ),
    ),
  })),
];

const rows: Row[] = [];
for (const set of aliasSets) {
  log(`== ${set.name}: ${set.aliases.length} aliases`);
  let reference: string[][] | null = null;
  for (const spec of [dramatis, alternationRegExp, ahoCorasickPackage, indexOfLoop]) {
    rows.push(measureEngine(spec, set.name, set.aliases, (r) => (reference ??= r)));
    printRow(rows[rows.length - 1] as Row);
  }
  log();
}

function measureEngine(
  spec: EngineSpec,
  setName: string,
  aliases: BenchAlias[],
  ref: (r: string[][]) => string[][],
): Row {
  const row: Row = {
    engine: spec.name,
    aliasSet: setName,
    aliases: aliases.length,
    mbPerSec: null,
    buildMs: null,
    coldStartMs: null,
    bytes: null,
    memoryMb: null,
    floorFraction: null,
    articlesMatched: 0,
    sameMentions: null,
  };
  try {
    const before = memoryBytes();
    const built = timed(() => spec.build(aliases));
    const engine: BuiltEngine = built.value;
    const after = memoryBytes();
    row.buildMs = built.ms;
    row.bytes = engine.bytes;
    row.memoryMb = before !== null && after !== null ? Math.max(0, after - before) / 1e6 : null;
    if (spec === dramatis) {
      if (setName === 'real dataset') {
        // What a stopped worker loads before its first match: the generated matcher asset.
        const cold = coldStart(fileURLToPath(MATCHER_ASSET), 'dataset');
        row.coldStartMs = cold.ms;
        row.memoryMb = cold.bytes / 1e6;
        row.bytes = statSync(MATCHER_ASSET).size;
      } else {
        const file = join(workDir, `trie-${aliases.length}.json`);
        writeFileSync(file, JSON.stringify(serializeScanner(aliases)));
        const cold = coldStart(file, 'trie');
        row.coldStartMs = cold.ms;
        row.memoryMb = cold.bytes / 1e6;
      }
    } else {
      // The peers have no serialized form: they start by building from the alias list.
      row.coldStartMs = row.buildMs;
    }
    const t = throughput((input) => engine.run(input));
    row.mbPerSec = t.mbPerSec;
    row.floorFraction = t.mbPerSec / floor;
    row.articlesMatched = t.articles;
    const mine = t.outputs.map((o) => leftmostLongest(o as Parameters<typeof leftmostLongest>[0]));
    const reference = ref(mine);
    row.sameMentions = mine.every((m, i) => {
      const r = reference[i];
      return r === undefined || (r.length === m.length && r.every((x, k) => x === m[k]));
    });
    void engine.keep;
  } catch (err) {
    row.error = (err as Error).message.slice(0, 120);
  }
  return row;
}

function printRow(r: Row): void {
  const f = (x: number | null, d = 1) => (x === null ? '—' : x.toFixed(d));
  if (r.error) {
    log(`  ${r.engine.padEnd(20)} failed: ${r.error}`);
    return;
  }
  log(
    `  ${r.engine.padEnd(20)} ${f(r.mbPerSec).padStart(8)} MB/s  ${`${f((r.floorFraction ?? 0) * 100, 0)}% of floor`.padStart(15)}  build ${f(r.buildMs).padStart(8)} ms  cold start ${f(r.coldStartMs, 2).padStart(8)} ms  ${String(r.bytes ?? '—').padStart(10)} B  mem ${f(r.memoryMb).padStart(6)} MB  ${r.articlesMatched} articles  same mentions: ${r.sameMentions === null ? '—' : r.sameMentions ? 'yes' : 'NO'}`,
  );
}

// Whole articles: what Readability costs next to what our matching and cast building cost.
const engine = createEngine(compiled);
for (const a of articles.slice(0, 5)) engine.analyze(a.text, a.published);
const matchMs = articles.map((a) => timed(() => engine.analyze(a.text, a.published)).ms);
const readMs = articles.map((a) => a.readabilityMs);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const readabilityMsPerArticle = mean(readMs);
const matchMsPerArticle = mean(matchMs);

const byEngine = (set: string, name: string) => rows.find((r) => r.aliasSet === set && r.engine === name);
const ours = (set: string) => byEngine(set, dramatis.name)?.mbPerSec ?? 0;
const bestPeer10k = Math.max(
  ...rows.filter((r) => r.aliasSet === 'synthetic 10k' && r.engine !== dramatis.name).map((r) => r.mbPerSec ?? 0),
);
const realCold = byEngine('real dataset', dramatis.name)?.coldStartMs ?? Number.POSITIVE_INFINITY;
const targets = [
  {
    target: 'throughput ≥ 3× best peer at 10k',
    value: ours('synthetic 10k') / bestPeer10k,
    ok: ours('synthetic 10k') >= 3 * bestPeer10k,
    unit: '×',
  },
  {
    target: 'throughput ≥ 1/3 of the floor at 10k',
    value: ours('synthetic 10k') / floor,
    ok: ours('synthetic 10k') >= floor / 3,
    unit: '',
  },
  {
    target: 'throughput change 1k→100k < 2×',
    value: ours('synthetic 1k') / ours('synthetic 100k'),
    ok: ours('synthetic 1k') / ours('synthetic 100k') < 2,
    unit: '×',
  },
  { target: 'cold start ≤ 10 ms (real dataset)', value: realCold, ok: realCold <= 10, unit: ' ms' },
  {
    target: 'match < 1/10 of Readability per article',
    value: matchMsPerArticle / readabilityMsPerArticle,
    ok: matchMsPerArticle * 10 < readabilityMsPerArticle,
    unit: '',
  },
];

if (json) {
  process.stdout.write(
    `${JSON.stringify({
      source,
      articles: articles.length,
      textMb: totalMb,
      floorMbPerSec: floor,
      matcher: rows,
      readabilityMsPerArticle,
      matchMsPerArticle,
      targets,
    })}\n`,
  );
} else {
  log(
    `Per article (${articles.length}): Readability parse mean ${readabilityMsPerArticle.toFixed(2)} ms (p50 ${median(readMs).toFixed(2)}, p95 ${quantile(readMs, 0.95).toFixed(2)});`,
  );
  log(
    `  matching + cast mean ${matchMsPerArticle.toFixed(3)} ms (p50 ${median(matchMs).toFixed(3)}, p95 ${quantile(matchMs, 0.95).toFixed(3)})\n`,
  );
  log('Targets:');
  for (const t of targets) log(`  ${t.ok ? 'met    ' : 'NOT MET'}  ${t.target}: ${t.value.toFixed(3)}${t.unit}`);
}
