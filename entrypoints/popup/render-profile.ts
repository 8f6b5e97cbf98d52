import { formatRole, formatSpan, nameOn, rolesInOrder } from '../../src/cast/roles';
import type { EntityFile } from '../../src/dataset/schema';
import { TOPIC_LABELS } from '../../src/dataset/topics';
import { el, formatDate, safeLink } from '../../src/page/dom';

/** One entity's whole profile: roles over time, positions by topic, sourced statements. */
export function renderProfile(doc: Document, e: EntityFile, published: string | null, back: () => void): HTMLElement {
  const root = el(doc, 'article', { class: 'profile', 'data-id': e.id });
  const backButton = el(doc, 'button', { type: 'button', class: 'back' }, '← Cast');
  backButton.addEventListener('click', back);
  root.append(backButton, el(doc, 'h2', {}, nameOn(e, published)));
  if (e.summary) root.append(el(doc, 'p', { class: 'summary' }, e.summary));

  const roles = rolesInOrder(e);
  if (roles.length > 0) {
    root.append(el(doc, 'h3', {}, 'Roles'));
    const list = el(doc, 'ol', { class: 'timeline' });
    for (const r of roles.reverse())
      list.append(el(doc, 'li', {}, el(doc, 'span', { class: 'span' }, formatSpan(r)), ` ${formatRole(r)}`));
    root.append(list);
  }
  if (e.positions?.length) {
    root.append(el(doc, 'h3', {}, 'Positions'));
    for (const p of e.positions) {
      const block = el(doc, 'div', { class: 'position' });
      block.append(el(doc, 'h4', {}, TOPIC_LABELS[p.topic]), el(doc, 'p', {}, p.summary));
      const sources = el(doc, 'p', { class: 'sources' }, 'Sources: ');
      p.sources.forEach((s, i) => {
        if (i > 0) sources.append(', ');
        sources.append(safeLink(doc, s.url, s.publisher));
      });
      block.append(sources);
      root.append(block);
    }
  }
  if (e.statements?.length) {
    root.append(el(doc, 'h3', {}, 'Statements'));
    const list = el(doc, 'ul', { class: 'quotes' });
    for (const s of [...e.statements].sort((a, b) => (a.date < b.date ? 1 : -1))) {
      const item = el(doc, 'li', {}, el(doc, 'q', {}, s.quote));
      const cite = el(doc, 'p', { class: 'cite' }, `${formatDate(s.date)} · `);
      cite.append(safeLink(doc, s.url, `${s.publisher}: ${s.title}`));
      item.append(cite);
      list.append(item);
    }
    root.append(list);
  }
  return root;
}
