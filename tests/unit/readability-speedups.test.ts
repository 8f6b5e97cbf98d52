import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { listCorpus, readPageBytes, samplePages } from '../../scripts/lib/sweep/corpus';
import { extractArticle } from '../../src/article/extract';

const GOLD = resolve('tests/gold');
const CORPUS = resolve('../shared/corpus');
/** Corpus pages compared (spread over every source); the whole corpus is checked in the browser by the sweep. */
const CORPUS_SAMPLE = 60;

const parse = (html: string) => parseHTML(html).document as unknown as Document;

/** What a reading yields: everything later steps use. */
function reading(html: string, plainReadability: boolean) {
  const outcome = extractArticle(parse(html), { force: true, plainReadability });
  if (!outcome.ok) return outcome;
  const { title, text, published, lang, siteName, content } = outcome.article;
  return { title, text, published, lang, siteName, html: content.outerHTML };
}

function expectSameReading(html: string) {
  expect(reading(html, false)).toEqual(reading(html, true));
}

describe("Readability's speed-ups change nothing it returns", () => {
  it('on every page of the gold set', () => {
    const files = listCorpus(GOLD);
    expect(files.length).toBeGreaterThanOrEqual(40);
    for (const file of files) expectSameReading(readFileSync(file.path, 'utf8'));
  });

  it('on bylines and hidden elements, the cases the speed-ups skip work on', () => {
    const paragraph = 'The regulator said the rules would apply to every platform with users in the country. '.repeat(
      6,
    );
    const page = `<html><body><article>
      <div class="byline">By Jane Roe</div>
      <span rel="author">${'A very long author box. '.repeat(10)}</span>
      <p itemprop="author">Staff</p>
      <p style="display:none">Hidden by inline style.</p>
      <p hidden>Hidden by attribute.</p>
      <p aria-hidden="true">Hidden from assistive technology.</p>
      <p style="color: red">${paragraph}</p><p>${paragraph}</p>
    </article></body></html>`;
    expectSameReading(page);
  });

  it.skipIf(listCorpus(CORPUS).length === 0)(
    `on ${CORPUS_SAMPLE} corpus pages (skipped without ../shared/corpus)`,
    () => {
      for (const page of samplePages(listCorpus(CORPUS), CORPUS_SAMPLE))
        expectSameReading(readPageBytes(page.path).toString('utf8'));
    },
    120_000,
  );
});
