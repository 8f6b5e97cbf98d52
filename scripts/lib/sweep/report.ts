import type { PageResult } from './run-page';
import { quantile, type Spread, spread } from './stats';

/** The figures `--json` prints, in exactly this shape. */
export interface SweepJson {
  pages: number;
  errors: number;
  domChanged: number;
  requests: number;
  mentions: number;
  ms: { readability: Spread; match: Spread; highlight: Spread; markjs: Spread };
}

export interface Target {
  label: string;
  pass: boolean;
  detail: string;
}

export interface Summary {
  json: SweepJson;
  byStatus: Record<string, number>;
  uncaught: number;
  failed: number;
  unstable: number;
  matched: number;
  markjsMarks: number;
  /** Pages where both we and mark.js highlighted something. */
  paired: number;
  snapshot: Spread;
  total: Spread;
  mainThread: Spread;
  worker: Spread;
  /** Pages parsed off their thread, and that work (see parse-elsewhere.ts). */
  parsedElsewhere: number;
  elsewhere: Spread;
  added: Spread;
  markjsCall: Spread;
  longTaskPages: number;
  longTaskPagesUpToP95Size: number;
  p95Bytes: number;
  ourLongestTasks: Spread;
  targets: Target[];
}

const value = (x: number | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

export function summarize(results: readonly PageResult[]): Summary {
  const byStatus: Record<string, number> = {};
  for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const read = results.filter((r) => r.status === 'article');
  const paired = read.filter((r) => r.painted > 0 && value(r.ms.markjs) && value(r.ms.highlight));
  const pick = (rs: readonly PageResult[], k: keyof PageResult['ms']) => rs.map((r) => r.ms[k]).filter(value);
  const uncaught = results.reduce((n, r) => n + r.errors.length, 0);
  // A reading the content script gave up on after an exception counts as an error too.
  const failed = results.filter((r) => r.status === 'failed' || r.status === 'timeout').length;

  const readability = spread(pick(read, 'readability'));
  const highlight = spread(pick(paired, 'highlight'));
  const markjs = spread(pick(paired, 'markjs'));
  const markjsCall = spread(pick(paired, 'markjsCall'));
  const total = spread(pick(read, 'total'));
  const mainThread = spread(pick(read, 'mainThread'));
  const worker = spread(pick(read, 'worker'));
  const elsewhereMs = pick(read, 'elsewhere');
  const added = spread(pick(read, 'added'));
  const p95Bytes = quantile(
    results.map((r) => r.bytes),
    0.95,
  );
  const ourWorst = results.map((r) => (r.ourLongTasks.length ? Math.max(...r.ourLongTasks) : 0));
  const over = (r: PageResult) => r.ourLongTasks.some((d) => d > 50);
  const longTaskPages = results.filter(over).length;
  const longTaskPagesUpToP95Size = results.filter((r) => r.bytes <= p95Bytes && over(r)).length;

  const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.POSITIVE_INFINITY);
  const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '∞');
  const targets: Target[] = [
    {
      label: 'highlighting ≥ 5× faster than mark.js at p50 and p95',
      pass: paired.length > 0 && markjs.p50 >= 5 * highlight.p50 && markjs.p95 >= 5 * highlight.p95,
      detail: `p50 ${fmt(ratio(markjs.p50, highlight.p50))}×, p95 ${fmt(ratio(markjs.p95, highlight.p95))}× (${paired.length} pages; against mark.js's call alone: p50 ${fmt(ratio(markjsCall.p50, highlight.p50))}×, p95 ${fmt(ratio(markjsCall.p95, highlight.p95))}×)`,
    },
    {
      label:
        'total added time < 1.5× Readability’s parse at p95 (our work: the page’s thread, the worker, and a big page’s parse elsewhere)',
      pass: read.length > 0 && added.p95 < 1.5 * readability.p95,
      detail: `p95 ${added.p95} ms vs Readability p95 ${readability.p95} ms (${fmt(ratio(added.p95, readability.p95))}×; on the page’s thread alone p95 ${mainThread.p95} ms)`,
    },
    {
      label: 'the same, counting the wait for the worker’s answer (wall clock until the marks show)',
      pass: read.length > 0 && total.p95 < 1.5 * readability.p95,
      detail: `p95 ${total.p95} ms vs Readability p95 ${readability.p95} ms (${fmt(ratio(total.p95, readability.p95))}×)`,
    },
    {
      label: 'no long task > 50 ms caused by our code on pages up to the p95 size',
      pass: longTaskPagesUpToP95Size === 0,
      detail: `${longTaskPagesUpToP95Size} such pages (p95 size ${(p95Bytes / 1024).toFixed(0)} KB); ${longTaskPages} pages of any size`,
    },
  ];

  return {
    json: {
      pages: results.length,
      errors: uncaught + failed,
      domChanged: results.filter((r) => r.domChanged).length,
      requests: results.reduce((n, r) => n + r.requests.length, 0),
      mentions: results.reduce((n, r) => n + r.painted, 0),
      ms: { readability, match: spread(pick(read, 'match')), highlight, markjs },
    },
    byStatus,
    uncaught,
    failed,
    unstable: results.filter((r) => r.unstable).length,
    matched: results.reduce((n, r) => n + r.matched, 0),
    markjsMarks: paired.reduce((n, r) => n + (r.markjsMarks ?? 0), 0),
    paired: paired.length,
    snapshot: spread(pick(read, 'snapshot')),
    markjsCall,
    total,
    mainThread,
    worker,
    parsedElsewhere: elsewhereMs.length,
    elsewhere: spread(elsewhereMs),
    added,
    longTaskPages,
    longTaskPagesUpToP95Size,
    p95Bytes,
    ourLongestTasks: spread(ourWorst),
    targets,
  };
}

/** The human-readable report. */
export function formatSummary(s: Summary, seconds: number): string {
  const j = s.json;
  const row = (label: string, x: Spread) =>
    `  ${label.padEnd(22)} ${String(x.p50).padStart(8)} ${String(x.p95).padStart(8)} ${String(x.max).padStart(8)}`;
  const statuses = Object.entries(s.byStatus)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return [
    `Swept ${j.pages} pages in ${seconds.toFixed(0)} s (${statuses}).`,
    `  errors from our scripts  ${j.errors}  (uncaught ${s.uncaught}, readings given up ${s.failed})`,
    `  DOM changed              ${j.domChanged}  (${s.unstable} more differed only through their own scripts: unchanged with scripts off)`,
    `  extension requests       ${j.requests}`,
    `  mentions painted         ${j.mentions}  (of ${s.matched} matched in article text)`,
    '',
    `  ms                          p50      p95      max`,
    row('copy + prepare', s.snapshot),
    row('readability (parse)', j.ms.readability),
    row('match (round trip)', j.ms.match),
    row('highlight', j.ms.highlight),
    row('mark.js + its layout', j.ms.markjs),
    row('mark.js call alone', s.markjsCall),
    row('matching in worker', s.worker),
    row('parsed elsewhere', s.elsewhere),
    row('added: page thread', s.mainThread),
    row('added: + worker etc.', s.added),
    row('until marks (wall)', s.total),
    row('our longest task', s.ourLongestTasks),
    `  (highlight and mark.js over the ${s.paired} pages where both marked something; mark.js made ${s.markjsMarks} marks there)`,
    `  (${s.parsedElsewhere} pages parsed off their thread, in the offscreen document: its work is in "parsed elsewhere" and the added rows, Readability's part of it in "readability")`,
    '',
    'Targets:',
    ...s.targets.map((t) => `  ${t.pass ? 'PASS' : 'FAIL'}  ${t.label}: ${t.detail}`),
  ].join('\n');
}
