/**
 * A document's elements and text as one flat list, for sending a page copy between the
 * extension's contexts and building it again there with createElement and createTextNode. No
 * string ever becomes markup, and the copy arrives exactly as it was, even where an HTML parser
 * would have nested it differently. Flat, so that no step of sending or building recurses: a
 * hostile page may nest elements tens of thousands deep.
 *
 * Tokens: OPEN, name, namespace code, attribute count, then each attribute's name and value;
 * the element's children; CLOSE. A string on its own is a text node. Comments and processing
 * instructions are left out: nothing that reads the copy looks at them.
 */
export type NodeList = (string | number)[];

const OPEN = 1;
const CLOSE = 0;
const NAMESPACES = ['http://www.w3.org/1999/xhtml', 'http://www.w3.org/2000/svg', 'http://www.w3.org/1998/Math/MathML'];

/** `root` and everything in it; `keepAttribute` picks the attributes worth sending. */
export function listNodes(root: Element, keepAttribute: (name: string) => boolean = () => true): NodeList {
  const lister = new NodeLister(root, keepAttribute);
  while (!lister.step(Number.POSITIVE_INFINITY));
  return lister.list;
}

/**
 * listNodes a slice at a time, so that the page can run between slices: a copy of 10,000
 * elements takes 10–20 ms to list. The copy must not change until the list is done.
 */
export class NodeLister {
  readonly list: NodeList = [];
  private node: Node | null;
  private done = false;

  constructor(
    private readonly root: Element,
    private readonly keepAttribute: (name: string) => boolean = () => true,
  ) {
    this.open(root);
    this.node = root.firstChild;
  }

  /** Lists up to `maxNodes` more nodes; true once the whole tree is listed. */
  step(maxNodes: number): boolean {
    if (this.done) return true;
    const { root, list: out } = this;
    let node = this.node;
    for (let n = 0; n < maxNodes && node && node !== root; n++) {
      if (node.nodeType === 1) {
        this.open(node as Element);
        if (node.firstChild) {
          node = node.firstChild;
          continue;
        }
        out.push(CLOSE);
      } else if (node.nodeType === 3) out.push((node as Text).data);
      // Next in document order, closing each element left on the way up.
      while (node && node !== root && !node.nextSibling) {
        node = node.parentNode;
        if (node && node !== root) out.push(CLOSE);
      }
      if (node && node !== root) node = node.nextSibling;
    }
    this.node = node;
    if (node && node !== root) return false;
    out.push(CLOSE); // the root's own
    this.done = true;
    return true;
  }

  private open(el: Element): void {
    const out = this.list;
    const ns = NAMESPACES.indexOf(el.namespaceURI ?? '');
    out.push(OPEN, el.localName, Math.max(ns, 0));
    const countAt = out.length;
    out.push(0);
    let count = 0;
    // Indexed: Array.from(attributes) costs five times as much on a page of 10,000 elements.
    const attrs = el.attributes;
    for (let a = 0; a < attrs.length; a++) {
      const attr = attrs[a] as Attr;
      if (!this.keepAttribute(attr.name)) continue;
      out.push(attr.name, attr.value);
      count++;
    }
    out[countAt] = count;
  }
}

/**
 * Builds the listed nodes in `doc` (never a live page's document: a copy's, or one made to be
 * read) and returns the root element. Throws on a list that is not well formed; attributes a
 * DOM refuses (names an HTML parser allows but setAttribute does not) are left out.
 */
export function buildNodes(doc: Document, list: NodeList): Element {
  let root: Element | null = null;
  const open: Element[] = [];
  let i = 0;
  const next = () => {
    if (i >= list.length) throw new Error('The page copy ends early.');
    return list[i++] as string | number;
  };
  while (i < list.length) {
    const token = next();
    if (typeof token === 'string') {
      const parent = open[open.length - 1];
      if (!parent) throw new Error('The page copy has text outside its root.');
      parent.appendChild(doc.createTextNode(token));
    } else if (token === OPEN) {
      const name = next();
      const ns = NAMESPACES[Number(next())] ?? NAMESPACES[0];
      const count = Number(next());
      if (typeof name !== 'string' || !Number.isInteger(count) || count < 0)
        throw new Error('The page copy is malformed.');
      const el = createElement(doc, ns as string, name);
      for (let a = 0; a < count; a++) {
        const attrName = String(next());
        const attrValue = String(next());
        try {
          el.setAttribute(attrName, attrValue);
        } catch {
          // An attribute name the DOM refuses: it carries nothing Readability reads.
        }
      }
      const parent = open[open.length - 1];
      if (parent) parent.appendChild(el);
      else if (root) throw new Error('The page copy has two roots.');
      else root = el;
      open.push(el);
    } else if (token === CLOSE) {
      if (!open.pop()) throw new Error('The page copy closes more than it opens.');
    } else throw new Error('The page copy is malformed.');
  }
  if (!root || open.length > 0) throw new Error('The page copy is incomplete.');
  return root;
}

/** An element name the DOM refuses (an HTML parser is more lenient) becomes a plain span. */
function createElement(doc: Document, ns: string, name: string): Element {
  try {
    return doc.createElementNS(ns, name);
  } catch {
    return doc.createElementNS(NAMESPACES[0] as string, 'span');
  }
}
