/**
 * Functions the sweep runs inside the page (Playwright serializes them with toString()).
 * They must stay self-contained, and must not declare named inner functions or `const f = () =>`
 * helpers: the script runner wraps those in a helper the page does not have.
 */

/**
 * The page's own DOM as one string: every element with its attributes, every text and comment,
 * open shadow roots included, in document order with explicit closes. Our UI host is left out:
 * it is ours, and nothing else of ours may appear.
 */
export function serializePageDom(ownTag: string): string {
  const parts: string[] = [];
  const stack: (Node | string)[] = [document.documentElement];
  while (stack.length > 0) {
    const item = stack.pop() as Node | string;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    if (item.nodeType === 1) {
      const el = item as Element;
      if (el.localName === ownTag) continue;
      let open = `<${el.localName}`;
      for (const a of Array.from(el.attributes)) open += ` ${a.name}="${a.value}"`;
      parts.push(`${open}>`);
      stack.push(`</${el.localName}>`);
      const kids: Node[] = Array.from(el.childNodes);
      const shadow = (el as HTMLElement).shadowRoot;
      if (shadow) kids.unshift(...Array.from(shadow.childNodes));
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
    } else if (item.nodeType === 3) parts.push(`#${(item as Text).data}`);
    else if (item.nodeType === 8) parts.push(`<!--${(item as Comment).data}-->`);
  }
  return parts.join('\n');
}

export interface PageReading {
  /** Measures whose name starts with "dramatis:", in the order they were taken. */
  measures: { name: string; start: number; duration: number }[];
  marks: { name: string; time: number; detail: unknown }[];
  /** Ranges painted under our highlight names (the flash and focus highlights excluded). */
  painted: number;
  /** The distinct words painted, for the peer to look for. */
  terms: string[];
  /** Child-index path from <html> to the nearest element holding every painted range. */
  container: number[] | null;
  elements: number;
  url: string;
  now: number;
}

/** What our content script left in the page: its performance entries and its highlights. */
export function readPage(): PageReading {
  const measures = performance
    .getEntriesByType('measure')
    .filter((e) => e.name.startsWith('dramatis:'))
    .map((e) => ({ name: e.name, start: e.startTime, duration: e.duration }));
  const marks = performance
    .getEntriesByType('mark')
    .filter((e) => e.name.startsWith('dramatis:'))
    .map((e) => ({ name: e.name, time: e.startTime, detail: (e as PerformanceMark).detail ?? null }));
  const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
  const ranges: Range[] = [];
  if (registry) {
    for (const [name, set] of registry) {
      if (!name.startsWith('dramatis-') || name === 'dramatis-flash' || name === 'dramatis-focus') continue;
      for (const r of set) ranges.push(r);
    }
  }
  const terms = [...new Set(ranges.map((r) => r.toString()).filter((t) => t.trim() !== ''))];
  let container: Node | null = ranges[0]?.commonAncestorContainer ?? null;
  while (container && !ranges.every((r) => (container as Node).contains(r.commonAncestorContainer)))
    container = container.parentNode;
  while (container && container.nodeType !== 1) container = container.parentNode;
  let path: number[] | null = null;
  if (container) {
    path = [];
    let el = container as Element;
    while (el !== document.documentElement && el.parentElement) {
      path.unshift(Array.prototype.indexOf.call(el.parentElement.children, el));
      el = el.parentElement;
    }
  }
  return {
    measures,
    marks,
    painted: ranges.length,
    terms,
    container: path,
    elements: document.getElementsByTagName('*').length,
    url: location.href,
    now: performance.now(),
  };
}

/**
 * The peer: mark.js highlighting the same words inside the same container, in a fresh copy of
 * the page (see markJsLoader). Layout the page still owes is settled first, so it is not
 * counted. Returns the time of mark.js's own call, the time until the layout its new elements
 * force is done too (what the page pays before its next frame), and how many elements it
 * inserted; null when the container or the library is missing.
 */
export function runMarkJs(input: {
  terms: string[];
  container: number[];
}): { callMs: number; withLayoutMs: number; marks: number } | null {
  let el: Element | undefined = document.documentElement;
  for (const i of input.container) el = el?.children[i];
  const MarkCtor = (window as unknown as { Mark?: new (ctx: Element) => { mark(t: string[], o: object): void } }).Mark;
  if (!el || !MarkCtor) return null;
  document.documentElement.getBoundingClientRect();
  const t0 = performance.now();
  new MarkCtor(el).mark(input.terms, {
    separateWordSearch: false,
    acrossElements: true,
    diacritics: false,
    caseSensitive: true,
  });
  const t1 = performance.now();
  document.documentElement.getBoundingClientRect();
  const t2 = performance.now();
  return { callMs: t1 - t0, withLayoutMs: t2 - t0, marks: el.querySelectorAll('mark[data-markjs]').length };
}

/**
 * An expression that loads mark.js into the page as window.Mark. Module loaders the page may
 * define are hidden from its UMD wrapper. Evaluated as a string, so the page's CSP does not apply.
 */
export function markJsLoader(source: string): string {
  return `(function (define, module, exports) {\n${source}\n}).call(window); typeof window.Mark === 'function'`;
}
