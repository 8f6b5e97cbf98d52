import type { CastMember } from '../cast/types';
import { TOPIC_LABELS } from '../dataset/topics';
import { el, formatDate, safeLink } from './dom';

const TYPE_LABELS = { person: 'Person', company: 'Company', agency: 'Agency' } as const;

/** The hover card's content for one cast member; text only, never markup from the data. */
export function renderCard(doc: Document, member: CastMember, published: string | null): HTMLElement {
  const card = el(doc, 'section', { class: `card card--${member.type}`, role: 'dialog', 'aria-label': member.name });
  const head = el(doc, 'header', { class: 'card__head' });
  head.append(el(doc, 'h2', { class: 'card__name' }, member.name));
  head.append(el(doc, 'span', { class: `card__type card__type--${member.type}` }, TYPE_LABELS[member.type]));
  card.append(head);
  if (member.name !== member.canonicalName)
    card.append(el(doc, 'p', { class: 'card__aka' }, `Now ${member.canonicalName}`));

  if (member.roleThen) {
    const when = published ? `On ${formatDate(published)}` : 'Now';
    const role = el(doc, 'p', { class: 'card__role' });
    role.append(
      el(doc, 'span', { class: 'card__label' }, `${when}: `),
      `${member.roleThen.label} (${member.roleThen.span})`,
    );
    card.append(role);
  }
  if (member.roleNow) {
    const now = el(doc, 'p', { class: 'card__role card__role--now' });
    now.append(el(doc, 'span', { class: 'card__label' }, 'Now: '), `${member.roleNow.label} (${member.roleNow.span})`);
    card.append(now);
  }
  if (!member.roleThen && member.summary) card.append(el(doc, 'p', { class: 'card__summary' }, member.summary));

  for (const stance of member.stances.slice(0, 2)) {
    const block = el(doc, 'div', { class: 'card__stance' });
    block.append(el(doc, 'h3', {}, `On ${TOPIC_LABELS[stance.topic].toLowerCase()}`));
    block.append(el(doc, 'p', {}, stance.summary));
    card.append(block);
  }

  if (member.statements.length > 0) {
    card.append(el(doc, 'h3', { class: 'card__said' }, 'Said before'));
    const list = el(doc, 'ul', { class: 'card__quotes' });
    for (const s of member.statements.slice(0, 3)) {
      const item = el(doc, 'li', { class: 'card__quote' });
      item.append(el(doc, 'q', {}, s.quote));
      const cite = el(doc, 'p', { class: 'card__source' }, `${formatDate(s.date)} · `);
      cite.append(safeLink(doc, s.url, s.publisher));
      item.append(cite);
      list.append(item);
    }
    card.append(list);
  }
  card.append(el(doc, 'p', { class: 'card__foot' }, 'Open the Dramatis toolbar button for the full profile.'));
  return card;
}
