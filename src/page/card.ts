import type { CastMember } from '../cast/types';
import type { Position, Statement } from '../dataset/schema';
import { TOPIC_LABELS, type Topic } from '../dataset/topics';
import { el, formatDate, safeLink } from './dom';

const TYPE_LABELS = { person: 'Person', company: 'Company', agency: 'Agency' } as const;
const MAX_STANCES = 2;
const MAX_STATEMENTS = 3;

export interface CardContext {
  /** The article's date (YYYY-MM-DD), when the page gives one. */
  published: string | null;
  /** The article's detected topics, most prominent first. */
  topics: readonly Topic[];
  /** Opens the member's whole profile; the card shows no button without it. */
  onOpenProfile?: (id: string) => void;
}

/** The hover card's content for one cast member; text only, never markup from the data. */
export function renderCard(doc: Document, member: CastMember, context: CardContext): HTMLElement {
  const card = el(doc, 'section', { class: `card card--${member.type}`, role: 'dialog', 'aria-label': member.name });
  const head = el(doc, 'header', { class: 'card__head' });
  head.append(el(doc, 'h2', { class: 'card__name' }, member.name));
  head.append(el(doc, 'span', { class: `card__type card__type--${member.type}` }, TYPE_LABELS[member.type]));
  card.append(head);
  if (member.name !== member.canonicalName)
    card.append(el(doc, 'p', { class: 'card__aka' }, `Now ${member.canonicalName}`));

  card.append(...roleLines(doc, member, context.published));
  if (!member.roleThen && member.summary) card.append(el(doc, 'p', { class: 'card__summary' }, member.summary));

  for (const { stance, onTopic } of cardStances(member)) {
    const block = el(doc, 'div', { class: `card__stance${onTopic ? '' : ' card__stance--other'}` });
    const label = TOPIC_LABELS[stance.topic].toLowerCase();
    block.append(el(doc, 'h3', {}, onTopic ? `On ${label}` : `Also, on ${label}`));
    block.append(el(doc, 'p', {}, stance.summary));
    card.append(block);
  }

  const statements = cardStatements(member.statements, context.topics);
  if (statements.length > 0) {
    card.append(el(doc, 'h3', { class: 'card__said' }, context.published ? 'Said before this article' : 'Said'));
    const list = el(doc, 'ul', { class: 'card__quotes' });
    for (const s of statements) {
      const item = el(doc, 'li', { class: 'card__quote' });
      item.append(el(doc, 'q', {}, s.quote));
      const cite = el(doc, 'p', { class: 'card__source' }, `${formatDate(s.date)} · `);
      cite.append(safeLink(doc, s.url, s.publisher));
      item.append(cite);
      list.append(item);
    }
    card.append(list);
  }

  const foot = el(doc, 'footer', { class: 'card__foot' });
  const open = context.onOpenProfile;
  if (open) {
    const button = el(doc, 'button', { type: 'button', class: 'card__profile' }, 'Full profile');
    button.addEventListener('click', () => open(member.id));
    foot.append(button);
  }
  foot.append(el(doc, 'span', { class: 'card__hint' }, `${member.mentions}× in this article`));
  card.append(foot);
  return card;
}

/**
 * "On 12 Oct 2017: Home Secretary (2016–2018)" then "Now: …" when the office has changed since;
 * an office still held reads "On 12 Oct 2017, and still: …".
 */
function roleLines(doc: Document, member: CastMember, published: string | null): HTMLElement[] {
  const line = (label: string, text: string, extra = '') => {
    const p = el(doc, 'p', { class: `card__role${extra}` });
    p.append(el(doc, 'span', { class: 'card__label' }, `${label}: `), text);
    return p;
  };
  const out: HTMLElement[] = [];
  const { roleThen, roleNow } = member;
  if (roleThen) {
    const still = !roleNow && roleThen.span.endsWith('present') && published !== null;
    const when = published ? `On ${formatDate(published)}${still ? ', and still' : ''}` : 'Now';
    out.push(line(when, `${roleThen.label} (${roleThen.span})`));
  }
  if (roleNow) out.push(line('Now', `${roleNow.label} (${roleNow.span})`, ' card__role--now'));
  return out;
}

/** Stances on the article's topics first; others only to fill an empty or short list. */
export function cardStances(member: CastMember): { stance: Position; onTopic: boolean }[] {
  const own = member.stances.slice(0, MAX_STANCES).map((stance) => ({ stance, onTopic: true }));
  const room = own.length === 0 ? 1 : MAX_STANCES - own.length;
  const others = (member.otherStances ?? []).slice(0, room).map((stance) => ({ stance, onTopic: false }));
  return [...own, ...others];
}

/**
 * The statements the card quotes. They arrive ranked (on the article's topics first, then
 * closest in time before it); when at least two are on those topics, only those are shown.
 */
export function cardStatements(statements: readonly Statement[], topics: readonly Topic[]): Statement[] {
  const onTopic = statements.filter((s) => s.topics.some((t) => topics.includes(t)));
  return (onTopic.length >= 2 ? onTopic : statements).slice(0, MAX_STATEMENTS);
}
