import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface CorpusPage {
  /** Path inside the corpus folder, the page's stable name in reports. */
  name: string;
  path: string;
}

/**
 * Every page of the corpus in a stable order: each `*.html.gz` (or plain `.html`) file, except
 * Readability's `expected.html.gz`, which is its extractor's output rather than a page.
 */
export function listCorpus(root: string): CorpusPage[] {
  if (!existsSync(root)) return [];
  const out: CorpusPage[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (/\.html?(\.gz)?$/i.test(entry.name) && !/^expected\.html/i.test(entry.name))
        out.push({ name: relative(root, path), path });
    }
  }
  // Code-point order, so the order never depends on the machine's locale.
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * `limit` pages spread evenly over the whole list (every k-th), so a small run still sees every
 * source of the corpus; the same limit always gives the same pages.
 */
export function samplePages<T>(pages: readonly T[], limit: number): T[] {
  if (limit >= pages.length) return [...pages];
  const out: T[] = [];
  for (let i = 0; i < limit; i++) out.push(pages[Math.floor((i * pages.length) / limit)] as T);
  return out;
}

/** The page's bytes as served: gunzipped, never re-encoded (the browser reads its charset). */
export function readPageBytes(path: string): Buffer {
  const bytes = readFileSync(path);
  return path.toLowerCase().endsWith('.gz') ? gunzipSync(bytes) : bytes;
}
