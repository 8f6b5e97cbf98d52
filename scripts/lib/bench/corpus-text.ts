import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../../src/article/extract';
import { GOLD_DIR, goldFiles } from '../gold';

/** The shared corpus of real news pages sits next to the project; CI has it, a fresh clone may not. */
export const CORPUS_DIR = new URL('../../../../shared/corpus/', import.meta.url);

export interface ArticleSample {
  file: string;
  text: string;
  published: string | null;
  /** Readability's parse alone (the DOM is already built, as it is in a browser). */
  readabilityMs: number;
}

export function corpusAvailable(): boolean {
  return existsSync(CORPUS_DIR);
}

/** Every page of the corpus, gzipped or not, in a stable order. */
export function corpusPages(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.html?(\.gz)?$/.test(entry.name)) out.push(path);
    }
  };
  walk(CORPUS_DIR.pathname);
  return out;
}

export function readPage(path: string): string {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Article texts from the corpus (or the gold set when the corpus is absent), timed through Readability. */
export function loadArticles(limit = Number.POSITIVE_INFINITY): { source: string; articles: ArticleSample[] } {
  const useCorpus = corpusAvailable();
  const files = useCorpus ? corpusPages() : goldFiles().map((f) => new URL(f, GOLD_DIR).pathname);
  const articles: ArticleSample[] = [];
  for (const file of files.slice(0, limit)) {
    const { document } = parseHTML(readPage(file));
    const t0 = performance.now();
    const outcome = extractArticle(document as unknown as Document, { force: true });
    const readabilityMs = performance.now() - t0;
    if (outcome.ok)
      articles.push({ file, text: outcome.article.text, published: outcome.article.published, readabilityMs });
  }
  return { source: useCorpus ? 'shared corpus' : 'gold set (corpus absent)', articles };
}
