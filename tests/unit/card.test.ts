import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { castMember } from '../../src/cast/build-cast';
import type { CastMember } from '../../src/cast/types';
import type { EntityFile, Statement } from '../../src/dataset/schema';
import { cardStances, cardStatements, renderCard } from '../../src/page/card';
import { isDarkColor, parseRgb } from '../../src/page/color-scheme';

const source = {
  publisher: 'Example News',
  title: 'A headline',
  url: 'https://news.example.com/a',
  date: '2016-01-01',
};
const statement = (date: string, topics: Statement['topics'], quote = `said on ${date}`): Statement => ({
  quote,
  date,
  publisher: 'Example News',
  title: 'A headline',
  url: `https://news.example.com/${date}`,
  topics,
});

/** An entity in the dataset's own shape: a minister who later moved to another office. */
const minister: EntityFile = {
  id: 'jane-example',
  type: 'person',
  name: 'Jane Example',
  summary: 'A minister, then a regulator.',
  country: 'GB',
  roles: [
    { title: 'Home Secretary', org: 'Home Office', country: 'GB', start: '2016-07-13', end: '2018-04-29' },
    { title: 'Chair', org: 'Example Regulator', country: 'GB', start: '2021-03-01' },
  ],
  positions: [
    { topic: 'privacy', summary: 'Has said data rules need simplifying.', sources: [source] },
    { topic: 'encryption', summary: 'Has argued for lawful access to messages.', sources: [source] },
    { topic: 'ai', summary: 'Has called for a light-touch approach.', sources: [source] },
  ],
  statements: [
    statement('2017-03-26', ['encryption'], 'the first on encryption'),
    statement('2017-10-01', ['encryption', 'surveillance'], 'the second on encryption'),
    statement('2017-09-01', ['privacy'], 'one on privacy'),
    statement('2019-01-01', ['encryption'], 'after the article'),
    statement('2015-01-01', ['encryption'], 'an older one on encryption'),
  ],
} as EntityFile;

function render(
  member: CastMember,
  published: string | null,
  topics = ['encryption'] as CastMember['stances'][number]['topic'][],
) {
  const { document } = parseHTML('<html><body></body></html>');
  const opened: string[] = [];
  const card = renderCard(document as unknown as Document, member, {
    published,
    topics,
    onOpenProfile: (id) => opened.push(id),
  });
  return { card, opened };
}

describe('the hover card', () => {
  it('shows the office on the article’s date and the one held now', () => {
    const member = castMember(minister, 3, 0, ['encryption'], '2017-10-12');
    const { card } = render(member, '2017-10-12');
    const roles = Array.from(card.querySelectorAll('.card__role')).map((p) => p.textContent);
    expect(roles).toEqual([
      'On 12 Oct 2017: Home Secretary, Home Office (2016–2018)',
      'Now: Chair, Example Regulator (2021–present)',
    ]);
  });

  it('says "and still" when the office on the date is the current one', () => {
    const member = castMember(minister, 1, 0, [], '2022-05-01');
    const { card } = render(member, '2022-05-01', []);
    expect(card.querySelector('.card__role')?.textContent).toBe(
      'On 1 May 2022, and still: Chair, Example Regulator (2021–present)',
    );
    expect(card.querySelectorAll('.card__role')).toHaveLength(1);
  });

  it('puts stances on the article’s topics first, in the order the topics were detected', () => {
    const member = castMember(minister, 1, 0, ['encryption', 'privacy'], '2017-10-12');
    expect(member.stances.map((s) => s.topic)).toEqual(['encryption', 'privacy']);
    expect(cardStances(member).map((s) => [s.stance.topic, s.onTopic])).toEqual([
      ['encryption', true],
      ['privacy', true],
    ]);
    const { card } = render(member, '2017-10-12', ['encryption', 'privacy']);
    expect(Array.from(card.querySelectorAll('.card__stance h3')).map((h) => h.textContent)).toEqual([
      'On encryption',
      'On privacy & data protection',
    ]);
  });

  it('fills in with a stance on another topic, labelled as such, only when there is room', () => {
    const member = castMember(minister, 1, 0, ['encryption'], '2017-10-12');
    expect(cardStances(member).map((s) => [s.stance.topic, s.onTopic])).toEqual([
      ['encryption', true],
      ['privacy', false],
    ]);
    const none = castMember(minister, 1, 0, ['competition'], '2017-10-12');
    expect(cardStances(none).map((s) => [s.stance.topic, s.onTopic])).toEqual([['privacy', false]]);
    const { card } = render(none, '2017-10-12', ['competition']);
    expect(card.querySelector('.card__stance h3')?.textContent).toBe('Also, on privacy & data protection');
  });

  it('quotes two or three statements on the article’s topics, said before it, closest in time first', () => {
    const member = castMember(minister, 1, 0, ['encryption'], '2017-10-12');
    const shown = cardStatements(member.statements, ['encryption']);
    expect(shown.map((s) => s.quote)).toEqual([
      'the second on encryption',
      'the first on encryption',
      'an older one on encryption',
    ]);
    const { card } = render(member, '2017-10-12');
    const items = Array.from(card.querySelectorAll('.card__quote'));
    expect(items).toHaveLength(3);
    expect(items[0]?.querySelector('.card__source')?.textContent).toBe('1 Oct 2017 · Example News');
    expect(items[0]?.querySelector('a')?.getAttribute('href')).toBe('https://news.example.com/2017-10-01');
    expect(items[0]?.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(card.textContent).not.toContain('after the article');
  });

  it('falls back to other statements when fewer than two are on the topics', () => {
    const member = castMember(minister, 1, 0, ['privacy'], '2017-10-12');
    expect(cardStatements(member.statements, ['privacy']).map((s) => s.quote)).toEqual([
      'one on privacy',
      'the second on encryption',
      'the first on encryption',
    ]);
  });

  it('has a button that opens the full profile, and keeps data as text', () => {
    const hostile = castMember(
      { ...minister, name: '<img src=x onerror=alert(1)>', summary: '<b>bold</b>' } as EntityFile,
      1,
      0,
      [],
      null,
    );
    const { card, opened } = render(hostile, null, []);
    expect(card.querySelector('img, b')).toBeNull();
    expect(card.querySelector('.card__name')?.textContent).toBe('<img src=x onerror=alert(1)>');
    const button = card.querySelector('button.card__profile') as HTMLButtonElement;
    expect(button.textContent).toBe('Full profile');
    button.dispatchEvent(new (button.ownerDocument.defaultView as unknown as typeof globalThis).Event('click'));
    expect(opened).toEqual(['jane-example']);
  });
});

describe('the card’s colour scheme', () => {
  it('reads computed colours and ignores transparent ones', () => {
    expect(parseRgb('rgb(21, 23, 28)')).toEqual([21, 23, 28]);
    expect(parseRgb('rgba(255, 255, 255, 0.9)')).toEqual([255, 255, 255]);
    expect(parseRgb('rgba(0, 0, 0, 0)')).toBeNull();
    expect(parseRgb('rgb(0 0 0 / 10%)')).toBeNull();
    expect(parseRgb('transparent')).toBeNull();
    expect(parseRgb('oklch(0.2 0.01 250)')).toBeNull();
  });

  it('calls a page dark by its perceived lightness', () => {
    expect(isDarkColor([21, 23, 28])).toBe(true);
    expect(isDarkColor([250, 250, 250])).toBe(false);
    expect(isDarkColor([0, 90, 200])).toBe(true);
    expect(isDarkColor([255, 200, 0])).toBe(false);
  });
});
