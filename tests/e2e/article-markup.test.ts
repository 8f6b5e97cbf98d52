import { describe, expect, it } from 'vitest';
import { e2eSkipReason } from '../../scripts/lib/browser';
import { domFingerprint, paintedWords } from './lib/page-probes';
import { useTestSite } from './lib/test-site';

const skip = e2eSkipReason();

describe.skipIf(skip !== null)('marking only the article, through real-world markup, in Chromium', () => {
  const site = useTestSite();
  const url = (path: string) => site.url(path);

  it('marks names split by <br>, <em>, links and soft hyphens; never editable areas, forms, comments or nav', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(url('/world/encryption-hearing-notes.html'));
    const before = await domFingerprint(page);
    await expect.poll(() => paintedWords(page), { timeout: 15_000 }).not.toEqual([]);

    const ranges = await page.evaluate(() => {
      const out: { text: string; where: string; nodes: number }[] = [];
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      for (const [name, set] of registry) {
        if (!name.startsWith('dramatis-')) continue;
        for (const r of set) {
          const el = (
            r.commonAncestorContainer.nodeType === 1
              ? r.commonAncestorContainer
              : r.commonAncestorContainer.parentElement
          ) as Element;
          const walker = document.createTreeWalker(r.commonAncestorContainer, NodeFilter.SHOW_TEXT);
          let nodes = 0;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) if (r.intersectsNode(n)) nodes++;
          out.push({
            text: r.toString(),
            where: el.closest('article, .comments, nav, form, [contenteditable]')?.localName ?? 'elsewhere',
            nodes: Math.max(nodes, 1),
          });
        }
      }
      return out;
    });
    // Every mark is in the article's own text, outside its editable box and its form.
    for (const r of ranges) expect(r.where).toBe('article');
    const texts = ranges.map((r) => r.text);
    // Across a <br> (the range spans two text nodes).
    expect(ranges.find((r) => r.text.startsWith('Rod') && r.text.endsWith('Rosenstein') && r.nodes === 2)).toBeTruthy();
    // Across an <em>.
    expect(ranges.find((r) => r.text === 'Amber Rudd' && r.nodes === 2)).toBeTruthy();
    // Through a soft hyphen, which stays in the marked text.
    expect(texts).toContain('Andrew Par\u00adker');
    // Inside a link.
    expect(texts.filter((t) => t === 'Rod Rosenstein').length).toBeGreaterThanOrEqual(1);
    expect(texts).toContain('MI5');
    // Not in the comment, the form fields, the contenteditable notes, or the navigation.
    expect(texts).not.toContain('Tim Cook');
    expect(texts).not.toContain('Theresa May');
    const amber = texts.filter((t) => t === 'Amber Rudd').length;
    expect(amber).toBe(1);
    // The page's DOM is untouched.
    expect(await domFingerprint(page)).toBe(before);
    await page.close();
  });
});
