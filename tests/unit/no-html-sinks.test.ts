import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src', 'entrypoints'];
/** Every way a string becomes markup or code in a page. Our code builds DOM nodes and sets text. */
const SINKS = [
  /\.innerHTML\b/,
  /\.outerHTML\b/,
  /\.insertAdjacentHTML\b/,
  /\bdocument\.write(?:ln)?\b/,
  /\bcreateContextualFragment\b/,
  /\.srcdoc\b/,
  /\bnew Function\b/,
  /\beval\(/,
  /\bsetTimeout\(\s*['"`]/,
  /\bparseFromString\(/,
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'generated' || name === 'entities') continue;
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|js|html)$/.test(name)) out.push(path);
  }
  return out;
}

describe('rendering untrusted strings', () => {
  it('has no HTML or code sinks anywhere in the extension source', () => {
    const files = ROOTS.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          for (const sink of SINKS) if (sink.test(code)) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
