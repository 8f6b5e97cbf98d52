import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle, SOURCE_INDEX_ATTR } from '../../src/article/extract';
import { snapshotDocument } from '../../src/page/snapshot';

const PAGE = `<!doctype html><html lang="en"><head>
<title>Regulator fines platform</title>
<meta property="article:published_time" content="2024-05-02T09:00:00Z">
<style>body { color: red }</style><link rel="stylesheet" href="/site.css">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-05-02"}</script>
</head><body><nav><a href="/">Home</a></nav>
<article><h1>Regulator fines platform</h1><style>.x{}</style>
<p>The <em>regulator</em> said on Thursday that the fine followed a two-year inquiry into how the
platform handled the data of its youngest users, and that it expected the company to comply.</p>
<p>A spokesperson for the company said it would appeal the decision, which it called unfair to
its users and out of step with guidance the regulator itself had published last year.</p></article>
</body></html>`;

const doc = () => parseHTML(PAGE).document as unknown as Document;

describe('snapshotDocument', () => {
  it('copies the body with every element tied to its live twin, and leaves the page alone', () => {
    const page = doc();
    const before = page.documentElement.outerHTML;
    const { copy, live } = snapshotDocument(page);
    expect(page.documentElement.outerHTML).toBe(before);
    const tagged = Array.from(copy.querySelectorAll(`[${SOURCE_INDEX_ATTR}]`));
    expect(tagged.length).toBeGreaterThan(5);
    for (const el of tagged) {
      const twin = live[Number(el.getAttribute(SOURCE_INDEX_ATTR))] as Element;
      expect(twin.localName).toBe(el.localName);
      // The copy has no style sheets, so text matches wherever the live element holds none.
      if (!twin.querySelector('style')) expect(twin.textContent).toBe(el.textContent);
    }
  });

  it('leaves style sheets out but keeps what says what the page is', () => {
    const { copy } = snapshotDocument(doc());
    expect(copy.querySelectorAll('style, link[rel="stylesheet"]').length).toBe(0);
    expect(copy.title).toBe('Regulator fines platform');
    expect(copy.querySelector('meta[property="article:published_time"]')).not.toBeNull();
    expect(copy.querySelector('script[type="application/ld+json"]')).not.toBeNull();
    expect(copy.documentElement.getAttribute('lang')).toBe('en');
  });

  it('gives Readability a copy it reads like the page itself', () => {
    const outcome = extractArticle(snapshotDocument(doc()).copy, { force: true });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.article.published).toBe('2024-05-02');
    expect(outcome.article.text).toContain('youngest users');
    expect(outcome.article.text).not.toContain('Home');
  });
});
