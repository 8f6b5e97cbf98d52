import type { Frame, Page, Worker } from 'playwright-core';

/** The painted highlights, by name, as the words they cover (read through the page's CSS.highlights). */
export function readHighlights(page: Page | Frame): Promise<Record<string, string[]>> {
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

/**
 * A fingerprint of the page's own DOM (our UI host excluded), to prove we did not change it.
 * `skip` leaves out elements the page itself added meanwhile.
 */
export function domFingerprint(page: Page, skip = ''): Promise<string> {
  return page.evaluate((skip) => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === 1) {
        const el = node as Element;
        if (el.tagName.toLowerCase() === 'dramatis-ui' || (skip && el.matches(skip))) return;
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
  }, skip);
}

/** Every painted mention, whatever its highlight name, as the words it covers, in no particular order. */
export async function paintedWords(page: Page | Frame): Promise<string[]> {
  return Object.entries(await readHighlights(page))
    .filter(([name]) => name !== 'dramatis-flash' && name !== 'dramatis-focus')
    .flatMap(([, words]) => words);
}

/** How many times the content script has read the page (each reading sets this mark once). */
export function readingsOf(page: Page | Frame): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('dramatis:start').length);
}

/** Sends what the background sends when a shortcut is pressed, and returns the content script's answer. */
export function stepMention(
  worker: Worker,
  tabId: number,
  direction: 'next' | 'previous',
): Promise<{ index: number; total: number }> {
  return worker.evaluate(
    ({ tabId, direction }) => chrome.tabs.sendMessage(tabId, { type: 'step-mention', direction }),
    { tabId, direction },
  ) as Promise<{ index: number; total: number }>;
}

/** The open card's name, and where keyboard focus is (our UI host, seen from the page, or another tag). */
export function cardState(page: Page): Promise<{ name: string | null; focus: string | null; focused: string | null }> {
  return page.evaluate(() => {
    const host = document.querySelector('dramatis-ui');
    const panel = host?.shadowRoot?.querySelector('.panel:not([hidden])');
    return {
      name: panel?.querySelector('.card__name')?.textContent ?? null,
      focus: document.activeElement?.localName ?? null,
      focused: (host?.shadowRoot?.activeElement as Element | null)?.className ?? null,
    };
  });
}

/** What the background keeps for the tab showing the page at `url`: its status, the frame its article came from, and its cast's names. */
export function reportedState(
  worker: Worker,
  url: string,
): Promise<{ status: string; frameId?: number; names: string[] } | null> {
  return worker.evaluate(async (u) => {
    const all = await chrome.storage.session.get(null);
    for (const [key, value] of Object.entries(all)) {
      const v = value as { url?: string; status: string; frameId?: number; analysis?: { cast: { name: string }[] } };
      if (key.startsWith('tab:') && v.url === u)
        return { status: v.status, frameId: v.frameId, names: (v.analysis?.cast ?? []).map((c) => c.name) };
    }
    return null;
  }, url);
}
