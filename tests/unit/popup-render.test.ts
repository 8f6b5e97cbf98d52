import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { castToMarkdown, escapeMarkdown } from '../../entrypoints/popup/cast-markdown';
import { byProminence } from '../../entrypoints/popup/cast-order';
import { renderState } from '../../entrypoints/popup/render-state';
import type { TabState } from '../../src/messaging/protocol';
import { realEngine } from '../helpers/dataset';

const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
const noop = { open() {}, jump() {}, copy() {}, resume() {} };
const base: TabState = { status: 'loading', url: 'https://www.reuters.com/a', host: 'reuters.com', siteEnabled: true };

const TEXT =
  'Home Secretary Amber Rudd met Deputy Attorney General Rod Rosenstein. Rosenstein spoke about Facebook. ' +
  'Rudd said WhatsApp must help. Rosenstein agreed. Facebook declined to comment; MI5 said nothing.';

function articleState(): TabState {
  return {
    ...base,
    status: 'article',
    title: 'Officials press *tech* firms [on] encryption',
    published: '2017-10-12',
    analysis: realEngine().analyze(TEXT, '2017-10-12'),
  };
}

describe('the popup states', () => {
  it.each([
    [{ ...base, status: 'loading' }, 'loading', 'Reading the page…'],
    [{ ...base, status: 'not-article' }, 'not-article', 'does not look like a news article'],
    [{ ...base, status: 'not-article', host: '' }, 'not-article', 'this tab does not show one'],
    [{ ...base, status: 'paused', paused: true }, 'paused', 'paused on every site'],
    [{ ...base, status: 'disabled', curated: true, access: true }, 'disabled', 'switched off for reuters.com'],
    [
      { ...base, host: 'example.org', status: 'disabled', curated: false, access: false },
      'disabled',
      'your browser will ask to let Dramatis read example.org, and no other site',
    ],
    [{ ...base, status: 'article' }, 'loading', 'Reading the page…'],
  ] as [TabState, string, string][])('%#: %s', (state, status, text) => {
    const root = renderState(doc(), state, noop);
    expect(root.getAttribute('data-status')).toBe(status);
    expect(root.textContent).toContain(text);
  });

  it('says when an article names nobody from the dataset', () => {
    const state = { ...articleState(), analysis: { topics: [], cast: [], mentions: [] } };
    const root = renderState(doc(), state, noop);
    expect(root.getAttribute('data-status')).toBe('empty');
    expect(root.textContent).toContain('Nobody from the Dramatis dataset is named in this article.');
  });

  it('groups the cast and orders each group by mentions, then first appearance', () => {
    const root = renderState(doc(), articleState(), noop);
    const names = (type: string) =>
      [...root.querySelectorAll(`[data-type="${type}"] .member__name`)].map((n) => n.textContent);
    expect(names('person')).toEqual(['Rod Rosenstein', 'Amber Rudd']);
    expect(names('company')).toEqual(['Facebook', 'WhatsApp']);
    const roles = [...root.querySelectorAll('[data-type="person"] .member__role')].map((n) => n.textContent);
    expect(roles[1]).toContain('Home Secretary');
    expect(root.querySelector('.as-of')?.textContent).toBe('Roles as of the article’s date, 12 Oct 2017.');
    // Every control is a real, named button.
    for (const button of root.querySelectorAll('button'))
      expect(button.textContent?.trim() || button.getAttribute('aria-label')).toBeTruthy();
  });

  it('orders by prominence', () => {
    expect(
      byProminence([
        { mentions: 1, first: 0 },
        { mentions: 3, first: 50 },
        { mentions: 3, first: 10 },
      ]),
    ).toEqual([
      { mentions: 3, first: 10 },
      { mentions: 3, first: 50 },
      { mentions: 1, first: 0 },
    ]);
  });
});

describe('the cast as Markdown', () => {
  it('lists names, roles, counts and quotes with their sources, escaping formatting', () => {
    const md = castToMarkdown(articleState());
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Cast: Officials press \\*tech\\* firms \\[on\\] encryption');
    expect(lines[2]).toMatch(/^<https:\/\/www\.reuters\.com\/a> · published 12 Oct 2017/);
    expect(md).toContain('## People\n\n- **Rod Rosenstein** — Deputy Attorney General');
    expect(md).toMatch(/- \*\*Amber Rudd\*\* — Home Secretary, Home Office \(2016–2018\); 2 mentions/);
    const quotes = lines.filter((l) => l.startsWith('  - “'));
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(q).toMatch(/” — .+, \[.+\]\(https:\/\/[^\s()]+\), (\d{1,2} )?(\w{3} )?\d{4}$/);
  });

  it('keeps page and dataset text from turning into markup or links', () => {
    expect(escapeMarkdown('[click](javascript:alert(1)) <b>x</b> `code` #1 a_b')).toBe(
      '\\[click\\]\\(javascript:alert\\(1\\)\\) \\<b\\>x\\</b\\> \\`code\\` \\#1 a\\_b',
    );
  });
});
