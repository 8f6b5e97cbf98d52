import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/annotate.ts', ...args], { encoding: 'utf8' });

describe('annotate command', () => {
  it('prints exactly one JSON object with offsets into the article text', () => {
    const out = execFileSync(
      'npx',
      ['tsx', 'scripts/annotate.ts', 'tests/e2e/site/world/us-uk-encryption.html', '--json'],
      {
        encoding: 'utf8',
      },
    );
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual(['title', 'published', 'topics', 'entities']);
    expect(result.published).toBe('2017-10-12');
    expect(result.topics).toContain('encryption');
    const rosenstein = result.entities.find((e: { id: string }) => e.id === 'rod-rosenstein');
    expect(rosenstein.type).toBe('person');
    expect(rosenstein.role.label).toMatch(/Deputy Attorney General/);
    expect(rosenstein.role.span).toMatch(/2017/);
    expect(result.entities.find((e: { id: string }) => e.id === 'meta').role).toBeNull();
    expect(rosenstein.mentions.map((m: { text: string }) => m.text)).toEqual([
      'Rod Rosenstein',
      'Rosenstein',
      'Rosenstein',
      'Rosenstein',
      'Rosenstein',
      'Rosenstein',
    ]);
    for (const e of result.entities) {
      for (const m of e.mentions) {
        expect(m.end - m.start).toBe(m.text.length);
        expect(typeof m.start).toBe('number');
      }
    }
  });

  it('fails with a one-line error on a missing file, a non-HTML file and a page with no article', () => {
    const dir = mkdtempSync(join(tmpdir(), 'annotate-'));
    const notHtml = join(dir, 'data.bin');
    writeFileSync(notHtml, '\u0000\u0001 binary stuff');
    const empty = join(dir, 'empty.html');
    writeFileSync(empty, '<html><body><nav><a href="/">Home</a></nav></body></html>');
    for (const file of [join(dir, 'missing.html'), notHtml, empty]) {
      const r = run(file, '--json');
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^annotate: /);
    }
  });
});
