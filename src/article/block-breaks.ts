/**
 * Pages served without white space between their tags ("…Verordnung.</p><p>Facebook…") give a
 * textContent in which one paragraph's last word runs into the next one's first: a name there
 * is no longer a word of its own, and the matcher cannot see it. A line break is put between a
 * block and the text that touches it, in Readability's copy only (never the page), before its
 * text is read, so that mention offsets still index the copy's own text.
 */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

export function breakBetweenBlocks(root: Element): void {
  const doc = root.ownerDocument;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!BLOCKS.has(el.tagName.toUpperCase())) continue;
    // Comments and empty elements add no text: the text that touches is past them.
    let before = el.previousSibling;
    while (before && lastChar(before) === '') before = before.previousSibling;
    if (before && touches(lastChar(before), firstChar(el))) el.before(doc.createTextNode('\n'));
    let after = el.nextSibling;
    while (after && firstChar(after) === '') after = after.nextSibling;
    if (after && touches(lastChar(el), firstChar(after))) el.after(doc.createTextNode('\n'));
  }
}

/** Two characters that would read as one word run: neither is white space. */
function touches(a: string, b: string): boolean {
  return a !== '' && b !== '' && !/\s/.test(a) && !/\s/.test(b);
}

/** The last character of a node's text, found from its end without reading all of it. */
function lastChar(node: Node): string {
  if (node.nodeType === 3) return (node as Text).data.slice(-1);
  if (node.nodeType !== 1) return '';
  for (let child = node.lastChild; child; child = child.previousSibling) {
    const c = lastChar(child);
    if (c !== '') return c;
  }
  return '';
}

function firstChar(node: Node): string {
  if (node.nodeType === 3) return (node as Text).data.slice(0, 1);
  if (node.nodeType !== 1) return '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    const c = firstChar(child);
    if (c !== '') return c;
  }
  return '';
}
