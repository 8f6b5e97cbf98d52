import { tagSourceIndex } from '../article/extract';

export interface Snapshot {
  /** A deep copy for Readability to take apart. */
  copy: Document;
  /** Live elements in document order; index i is the element tagged i in the copy. */
  live: Element[];
}

/** Copies the page so that Readability never touches the live document. */
export function snapshotDocument(doc: Document): Snapshot {
  const live = Array.from(doc.getElementsByTagName('*'));
  const copy = doc.cloneNode(true) as Document;
  tagSourceIndex(copy);
  return { copy, live };
}
