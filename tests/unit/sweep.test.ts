import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSweepArgs } from '../../scripts/lib/sweep/args';
import { listCorpus, readPageBytes, samplePages } from '../../scripts/lib/sweep/corpus';
import { formatSummary, summarize } from '../../scripts/lib/sweep/report';
import { compareDoms, type PageResult } from '../../scripts/lib/sweep/run-page';
import { quantile, spread } from '../../scripts/lib/sweep/stats';

const dir = mkdtempSync(join(tmpdir(), 'dramatis-sweep-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the sweep’s command line', () => {
  it('reads its options and refuses bad ones with the usage line', () => {
    const args = parseSweepArgs(['--limit', '40', '--json', '--extension', 'build/x', '--match', 'nytimes']);
    expect(args.limit).toBe(40);
    expect(args.json).toBe(true);
    expect(args.extension.endsWith('build/x')).toBe(true);
    expect(args.match).toBe('nytimes');
    expect(parseSweepArgs([]).limit).toBe(Number.POSITIVE_INFINITY);
    expect(() => parseSweepArgs(['--limit', '0'])).toThrow(/positive whole number/);
    expect(() => parseSweepArgs(['--limit'])).toThrow(/needs a value/);
    expect(() => parseSweepArgs(['--limit', '--json'])).toThrow(/needs a value/);
    expect(() => parseSweepArgs(['--fast'])).toThrow(/unknown argument "--fast"\nusage:/);
  });
});

describe('the corpus', () => {
  it('lists pages in a stable order, gzipped or not, without Readability’s expected output', () => {
    const root = join(dir, 'corpus');
    mkdirSync(join(root, 'b', 'case'), { recursive: true });
    mkdirSync(join(root, 'a'), { recursive: true });
    writeFileSync(join(root, 'b', 'case', 'source.html.gz'), gzipSync('<p>source</p>'));
    writeFileSync(join(root, 'b', 'case', 'expected.html.gz'), gzipSync('<p>expected</p>'));
    writeFileSync(join(root, 'a', 'Zeta page.html'), '<p>plain</p>');
    writeFileSync(join(root, 'a', 'notes.json'), '{}');
    const pages = listCorpus(root);
    expect(pages.map((p) => p.name)).toEqual(['a/Zeta page.html', 'b/case/source.html.gz']);
    expect(readPageBytes(pages[1]?.path as string).toString()).toBe('<p>source</p>');
    expect(readPageBytes(pages[0]?.path as string).toString()).toBe('<p>plain</p>');
    expect(listCorpus(join(dir, 'missing'))).toEqual([]);
  });

  it('samples evenly and deterministically', () => {
    const all = Array.from({ length: 100 }, (_, i) => i);
    expect(samplePages(all, 4)).toEqual([0, 25, 50, 75]);
    expect(samplePages(all, 4)).toEqual(samplePages(all, 4));
    expect(samplePages(all, 500)).toHaveLength(100);
    expect(new Set(samplePages(all, 33)).size).toBe(33);
  });
});

describe('statistics', () => {
  it('takes nearest-rank quantiles', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(quantile(xs, 0.5)).toBe(10);
    expect(quantile(xs, 0.95)).toBe(19);
    expect(quantile([], 0.5)).toBe(0);
    expect(spread([3, 1, 2])).toEqual({ p50: 2, p95: 3, max: 3 });
  });
});

describe('judging DOM changes', () => {
  it('blames us only for differences two fresh copies do not share', () => {
    expect(compareDoms('<p>#a', '<p>#a', '<p>#a')).toEqual({ changed: false, unstable: false });
    const ours = compareDoms('<p>#a', '<p>#a', '<p>\n<mark>#a');
    expect(ours.changed).toBe(true);
    expect(ours.diff).toContain('mark');
    // The page writes a random number: the same with digits masked is no change of ours…
    expect(compareDoms('<img src="x?r=123">', '<img src="x?r=987">', '<img src="x?r=555">')).toEqual({
      changed: false,
      unstable: false,
    });
    // …but an element of ours next to it still is.
    expect(compareDoms('<img src="x?r=1">', '<img src="x?r=2">', '<img src="x?r=3"><mark>').changed).toBe(true);
    // A page that differs from itself in more than numbers cannot be judged.
    expect(compareDoms('<p>#red', '<p>#blue', '<p>#green')).toMatchObject({ changed: false, unstable: true });
  });
});

function result(over: Partial<PageResult>): PageResult {
  return {
    name: 'p',
    bytes: 1000,
    elements: 10,
    status: 'article',
    errors: [],
    logged: [],
    requests: [],
    domChanged: false,
    unstable: false,
    matched: 0,
    painted: 0,
    ms: {},
    ourLongTasks: [],
    longTasks: 0,
    ...over,
  };
}

describe('the summary', () => {
  const results = [
    result({
      painted: 3,
      matched: 3,
      ms: { readability: 10, match: 2, highlight: 1, markjs: 8, markjsCall: 6, total: 14, mainThread: 12, added: 13 },
    }),
    result({
      painted: 1,
      matched: 2,
      ms: { readability: 20, match: 3, highlight: 2, markjs: 12, markjsCall: 9, total: 26, mainThread: 22, added: 24 },
    }),
    // The third page waited long for the worker: its marks show late, its own thread was not busy.
    result({ ms: { readability: 30, match: 4, highlight: 0.5, total: 50, mainThread: 33, added: 36 } }),
    result({ status: 'not-article' }),
    result({ status: 'failed', errors: ['content script: boom'], requests: ['worker: https://x.test/'] }),
    result({ domChanged: true, bytes: 10_000, ourLongTasks: [70] }),
  ];
  const s = summarize(results);

  it('prints the JSON in exactly the agreed shape', () => {
    expect(Object.keys(s.json)).toEqual(['pages', 'errors', 'domChanged', 'requests', 'mentions', 'ms']);
    expect(Object.keys(s.json.ms)).toEqual(['readability', 'match', 'highlight', 'markjs']);
    expect(s.json).toMatchObject({ pages: 6, errors: 2, domChanged: 1, requests: 1, mentions: 4 });
    expect(Object.keys(s.json.ms.highlight)).toEqual(['p50', 'p95', 'max']);
  });

  it('compares highlighting with mark.js on the pages where both marked something', () => {
    expect(s.paired).toBe(2);
    expect(s.json.ms.highlight).toEqual({ p50: 1, p95: 2, max: 2 });
    expect(s.json.ms.markjs).toEqual({ p50: 8, p95: 12, max: 12 });
    expect(s.targets[0]?.pass).toBe(true);
    // Our added work passes (36 < 1.5 × 30); the wall clock until the marks show does not (50).
    expect(s.targets[1]?.pass).toBe(true);
    expect(s.targets[2]?.pass).toBe(false);
    // Six pages: the p95 size is the largest page's, so its long task of ours fails the target.
    expect(s.longTaskPages).toBe(1);
    expect(s.longTaskPagesUpToP95Size).toBe(1);
    expect(s.targets[3]?.pass).toBe(false);
    const text = formatSummary(s, 12);
    expect(text).toContain('Swept 6 pages in 12 s');
    expect(text).toMatch(/PASS {2}highlighting ≥ 5× faster than mark\.js/);
  });

  it('fails a target it cannot show, rather than passing it', () => {
    const none = summarize([result({ status: 'not-article' })]);
    expect(none.targets[0]?.pass).toBe(false);
    expect(none.targets[1]?.pass).toBe(false);
    expect(none.targets[2]?.pass).toBe(false);
  });
});
