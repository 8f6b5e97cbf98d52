/**
 * Tiny DOM builders shared by the card, the popup and the options page. Every string goes in
 * as text; there is no path from data to markup.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A link that opens in a new tab, or plain text when the URL is not https. */
export function safeLink(doc: Document, url: string, label: string): HTMLElement {
  if (!/^https:\/\//i.test(url)) return el(doc, 'span', {}, label);
  return el(doc, 'a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, label);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2017-10-04" → "4 Oct 2017"; partial dates stay partial ("Oct 2017", "2017"). */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (d && month) return `${Number(d)} ${month} ${y}`;
  if (month) return `${month} ${y}`;
  return y ?? date;
}
