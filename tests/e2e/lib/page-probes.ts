import type { Page } from 'playwright-core';

/** The painted highlights, by name, as the words they cover (read through the page's CSS.highlights). */
export function readHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const [name, highlight] of registry) out[name] = [...highlight].map((r) => r.toString());
    return out;
  });
}

/** Viewport point at the middle of the n-th occurrence of `text` in the element matching `within`. */
export function pointOf(
  page: Page,
  text: string,
  within = 'article',
  occurrence = 0,
): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ({ text, within, occurrence }) => {
      const root = document.querySelector(within);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const data = (n as Text).data;
        for (let at = data.indexOf(text); at >= 0; at = data.indexOf(text, at + 1)) {
          if (seen++ < occurrence) continue;
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + text.length);
          (n.parentElement as Element).scrollIntoView({ block: 'center' });
          const rect = range.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      return null;
    },
    { text, within, occurrence },
  );
}

/** A fingerprint of the page's own DOM (our UI host excluded), to prove we did not change it. */
export function domFingerprint(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === 1) {
        const el = node as Element;
        if (el.tagName.toLowerCase() === 'dramatis-ui') return;
        parts.push(
          `<${el.tagName}${Array.from(el.attributes)
            .map((a) => ` ${a.name}=${a.value}`)
            .join('')}>`,
        );
      } else if (node.nodeType === 3) parts.push((node as Text).data);
      for (const child of Array.from(node.childNodes)) walk(child);
    };
    walk(document.documentElement);
    return parts.join('');
  });
}
