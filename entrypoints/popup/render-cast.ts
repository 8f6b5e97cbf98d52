import type { ArticleAnalysis, CastMember } from '../../src/cast/types';
import { el, formatDate } from '../../src/page/dom';
import { byProminence, CAST_GROUPS } from './cast-order';

export interface CastActions {
  open(id: string): void;
  /** Scroll the page to the member's next mention; `member` indexes the analysis' cast. */
  jump(member: number, button: HTMLButtonElement): void;
}

/** The cast in groups, most prominent first, each with its role on the article's date. */
export function renderCast(
  doc: Document,
  analysis: ArticleAnalysis,
  published: string | null | undefined,
  actions: CastActions,
): HTMLElement {
  const root = el(doc, 'div', { class: 'cast-groups' });
  if (published)
    root.append(el(doc, 'p', { class: 'as-of' }, `Roles as of the article’s date, ${formatDate(published)}.`));
  const indexOf = new Map(analysis.cast.map((m, i) => [m, i]));
  for (const [type, label] of CAST_GROUPS) {
    const members = byProminence(analysis.cast.filter((m) => m.type === type));
    if (members.length === 0) continue;
    const headingId = `group-${type}`;
    const section = el(doc, 'section', { class: 'group', 'data-type': type, 'aria-labelledby': headingId });
    section.append(el(doc, 'h3', { id: headingId }, `${label} (${members.length})`));
    const list = el(doc, 'ul', { class: 'cast' });
    for (const m of members) list.append(castItem(doc, m, indexOf.get(m) as number, actions));
    section.append(list);
    root.append(section);
  }
  return root;
}

function castItem(doc: Document, m: CastMember, index: number, actions: CastActions): HTMLElement {
  const row = el(doc, 'li', { class: 'member-row', 'data-id': m.id });
  const open = el(doc, 'button', { type: 'button', class: 'member' });
  const text = el(doc, 'span', { class: 'member__text' });
  text.append(el(doc, 'span', { class: 'member__name' }, m.name));
  if (m.roleThen) text.append(el(doc, 'span', { class: 'member__role' }, m.roleThen.label));
  open.append(text);
  open.title = `Open the details of ${m.name}`;
  open.addEventListener('click', () => actions.open(m.id));

  const plural = m.mentions === 1 ? '' : 's';
  const jump = el(
    doc,
    'button',
    {
      type: 'button',
      class: 'member__count',
      'aria-label': `${m.mentions} mention${plural} of ${m.name}: show the next one in the page`,
      title: 'Show the next mention in the page',
    },
    String(m.mentions),
  );
  jump.addEventListener('click', () => actions.jump(index, jump));
  row.append(open, jump);
  return row;
}
