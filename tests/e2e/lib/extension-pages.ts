import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page, Worker } from 'playwright-core';

/**
 * The id of the newest tab showing `url`, from the content script's report to the background
 * (tab URLs are hidden from the extension: it has no "tabs" permission). `after` skips older tabs.
 */
export function tabIdOf(worker: Worker, url: string, after = 0): Promise<number> {
  return worker.evaluate(
    async ({ u, after }) => {
      for (let i = 0; i < 80; i++) {
        const all = await chrome.storage.session.get(null);
        const ids = Object.entries(all)
          .filter(([key, value]) => key.startsWith('tab:') && (value as { url?: string }).url === u)
          .map(([key]) => Number(key.slice(4)))
          .filter((id) => id > after);
        if (ids.length > 0) return Math.max(...ids);
        await new Promise((r) => setTimeout(r, 100));
      }
      return -1;
    },
    { u: url, after },
  );
}

/** The painted mentions, optionally of one highlight name only, as the words they cover. */
export function highlightedWords(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return [...(registry.get(n) ?? [])].map((r) => r.toString());
  }, name);
}

export function highlightNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].filter((k) =>
      k.startsWith('dramatis-'),
    ),
  );
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in an extension page. The page's CSP forbids injected script tags, so the
 * source is evaluated through the debugging protocol, which the CSP does not govern.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

export const serious = (violations: AxeViolation[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
