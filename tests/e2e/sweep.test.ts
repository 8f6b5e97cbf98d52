import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { e2eSkipReason } from '../../scripts/lib/browser';

const skip = e2eSkipReason();
const work = mkdtempSync(join(tmpdir(), 'dramatis-sweep-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A corpus of two pages in the corpus's own form (gzipped HTML). */
function corpus(): string {
  const root = join(work, 'corpus');
  mkdirSync(join(root, 'site'), { recursive: true });
  for (const page of ['world/us-uk-encryption.html', 'section/front.html'])
    writeFileSync(
      join(root, 'site', `${page.replace('/', '-')}.gz`),
      gzipSync(readFileSync(resolve('tests/e2e/site', page))),
    );
  return root;
}

function sweep(...args: string[]) {
  return spawnSync('npx', ['tsx', 'scripts/sweep.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
}

describe('the sweep', () => {
  it('skips, and says so, when there is no corpus', () => {
    const run = sweep('--corpus', join(work, 'nowhere'), '--limit', '3');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^sweep: skipped, no corpus pages at .*nowhere/m);
  });

  it.skipIf(skip !== null)('catches an extension that makes requests, throws, and changes the page', () => {
    const run = sweep('--json', '--corpus', corpus(), '--extension', resolve('tests/e2e/fixtures/noisy-extension'));
    expect(run.status).toBe(1);
    const figures = JSON.parse(run.stdout);
    expect(figures.pages).toBe(2);
    // On each page: a request and an error from its worker, and from its content script.
    expect(figures.requests).toBe(4);
    expect(figures.errors).toBe(4);
    expect(figures.domChanged).toBe(2);
    expect(figures.mentions).toBe(0);
  });
});
