import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Content scripts may not touch `storage.session` in Chromium: the call rejects with "Access to
 * storage is not allowed from this context". WXT's `storage.defineItem` reads an item's metadata
 * as soon as it is defined, so a module that merely *defines* a session item breaks every page
 * the content script imports it into. This walks the content script's relative imports and
 * fails if any of them does.
 */
const ENTRY = 'entrypoints/content/index.ts';

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function importGraph(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    // Type-only imports vanish from the bundle, so they cannot run anything.
    for (const match of source.matchAll(/^\s*(?:import|export)(?!\s+type\b)[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
      const next = resolveImport(file, match[1] as string);
      if (next) queue.push(next);
    }
  }
  return [...seen];
}

describe('what the content script imports', () => {
  it('defines no session-storage item anywhere in its import graph', () => {
    const files = importGraph(ENTRY);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) => /['"`]session:/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
