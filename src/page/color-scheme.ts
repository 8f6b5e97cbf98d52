/** Reads `rgb()`/`rgba()` as computed styles give it; null for transparent or other notations. */
export function parseRgb(color: string): [number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(color.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  if (alpha < 0.5) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Perceived lightness on 0–255; below about 110 text needs to be light to be read. */
export function isDarkColor([r, g, b]: [number, number, number]): boolean {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
}

/**
 * Whether the page is dark where `at` sits, so the card can match it: the first painted
 * background from `at` up to the root decides; failing that, a root that declares only a dark
 * `color-scheme`; failing that, the system's preference.
 */
export function isDarkAt(win: Window, at: Element | null): boolean {
  const doc = win.document;
  for (let el: Element | null = at ?? doc.body; el; el = el.parentElement) {
    const rgb = parseRgb(win.getComputedStyle(el).backgroundColor);
    if (rgb) return isDarkColor(rgb);
  }
  const scheme = win.getComputedStyle(doc.documentElement).getPropertyValue('color-scheme').trim();
  if (scheme === 'dark' || scheme === 'only dark') return true;
  if (scheme === 'light' || scheme === 'only light') return false;
  return win.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}
