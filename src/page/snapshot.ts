import { SOURCE_INDEX_ATTR } from '../article/extract';

export interface Snapshot {
  /** A copy for Readability to take apart: the page's metadata and its whole <body>. */
  copy: Document;
  /** Live elements: index i is the element tagged i in the copy (0 is <body>). */
  live: Element[];
}

/**
 * Style sheets are left out of the copy. A <style> that becomes part of a document has its CSS
 * parsed at once, even in a document that is never shown: on pages with large inline styles
 * (often hundreds of KB in <head>) that parse costs more than the rest of the copy. Readability
 * removes them first thing anyway, so its result is the same without them.
 */
const STYLE_SHEETS = 'style, link[rel~="stylesheet" i]';

/**
 * Copies the page so that Readability never touches the live document. The copy keeps the
 * document's address (Readability resolves links against it) and everything in <head> that
 * says what the page is (title, meta, JSON-LD); each element of the copied body carries the
 * index of its live twin.
 */
export function snapshotDocument(doc: Document): Snapshot {
  const body = doc.body;
  if (body?.localName !== 'body') return fullCopy(doc);
  const live = [body, ...Array.from(body.querySelectorAll('*'))];

  // Every node of the copy belongs to the copy's own document, which has no window: an <img>
  // cloned into the live document would start loading even while detached. Imported detached,
  // nothing inside is parsed or loaded before the style sheets are gone.
  const copy = doc.cloneNode(false) as Document; // same URL, mode and content type; no children
  const bodyCopy = copy.importNode(body, true);
  tagInOrder([bodyCopy, ...Array.from(bodyCopy.querySelectorAll('*'))]);
  for (const sheet of Array.from(bodyCopy.querySelectorAll(STYLE_SHEETS))) sheet.remove();

  if (doc.doctype) copy.appendChild(copy.importNode(doc.doctype, false));
  const html = copy.importNode(doc.documentElement, false);
  if (doc.head) {
    const head = copy.importNode(doc.head, false);
    for (const child of Array.from(doc.head.childNodes)) {
      if (child.nodeType === 1 && (child as Element).matches(STYLE_SHEETS)) continue;
      head.appendChild(copy.importNode(child, true));
    }
    html.appendChild(head);
  }
  html.appendChild(bodyCopy);
  copy.appendChild(html);
  return { copy, live };
}

/** A page without a plain <body> (a frameset, or none at all): the whole document, tagged. */
function fullCopy(doc: Document): Snapshot {
  const live = Array.from(doc.getElementsByTagName('*'));
  const copy = doc.cloneNode(true) as Document;
  tagInOrder(Array.from(copy.getElementsByTagName('*')));
  return { copy, live };
}

/** Tags each copied element with its position, the index of its live twin in `live`. */
function tagInOrder(copied: readonly Element[]): void {
  for (const [i, el] of copied.entries()) el.setAttribute(SOURCE_INDEX_ATTR, String(i));
}
