import { normalizeDate } from './normalize-date';

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
  'meta[name="date"]',
  'meta[property="og:published_time"]',
];

/**
 * The article's publication date from the page's own metadata, most reliable first:
 * Open Graph / meta tags, JSON-LD datePublished, then the first <time datetime>.
 */
export function publishedDate(doc: Document): string | null {
  for (const selector of META_SELECTORS) {
    const date = normalizeDate(doc.querySelector(selector)?.getAttribute('content'));
    if (date) return date;
  }
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const date = fromJsonLd(script.textContent ?? '');
    if (date) return date;
  }
  const time = doc.querySelector('article time[datetime], time[datetime]');
  return normalizeDate(time?.getAttribute('datetime'));
}

function fromJsonLd(source: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return null;
  }
  const queue: unknown[] = [data];
  // Breadth-first over arrays and @graph, bounded: JSON-LD blocks can be large.
  for (let seen = 0; queue.length > 0 && seen < 200; seen++) {
    const node = queue.shift();
    if (Array.isArray(node)) queue.push(...node);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const date = typeof record.datePublished === 'string' ? normalizeDate(record.datePublished) : null;
      if (date) return date;
      if (record['@graph']) queue.push(record['@graph']);
    }
  }
  return null;
}
