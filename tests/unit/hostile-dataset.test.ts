import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/analysis/engine';
import { compileDataset } from '../../src/dataset/compile';
import { validateEntities } from '../../src/dataset/validate';
import { renderCard } from '../../src/page/card';

const MARKUP = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

const hostile = {
  id: 'evil-corp',
  type: 'company',
  name: 'Evil Corp',
  summary: `A company whose summary is markup ${MARKUP}`,
  country: 'US',
  aliases: [`Evil Corp ${MARKUP}`],
  positions: [
    {
      topic: 'privacy',
      summary: `Stance ${MARKUP}`,
      sources: [{ publisher: `P ${MARKUP}`, title: 'T', url: 'https://example.com/a', date: '2020-01-01' }],
    },
  ],
  statements: [
    {
      quote: `We said ${MARKUP}`,
      date: '2020-01-01',
      publisher: `Pub ${MARKUP}`,
      title: `Title ${MARKUP}`,
      url: 'https://example.com/a',
      topics: ['privacy'],
    },
  ],
};

describe('hostile dataset entries', () => {
  it('refuses javascript:, data: and http: links with the file, entity and field named', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'http://example.com/a', 'JAVASCRIPT:x']) {
      const entity = { ...hostile, statements: [{ ...hostile.statements[0], url }] };
      const { entities, errors } = validateEntities([{ origin: 'mine.json', json: entity }]);
      expect(entities).toEqual([]);
      expect(errors.join('\n')).toMatch(/mine\.json/);
      expect(errors.join('\n')).toMatch(/evil-corp|statements/);
    }
  });

  it('renders markup in names, summaries and quotes as text', () => {
    const { entities, errors } = validateEntities([{ origin: 'mine.json', json: hostile }]);
    expect(errors).toEqual([]);
    const engine = createEngine(compileDataset(entities));
    const analysis = engine.analyze('Evil Corp said it cares about privacy. Evil Corp later changed course.', null);
    const member = analysis.cast[0];
    if (!member) throw new Error('Evil Corp not found');
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const card = renderCard(document as unknown as Document, member, { published: null, topics: ['privacy'] });
    document.body.append(card);
    expect(card.querySelectorAll('img, script').length).toBe(0);
    expect(card.textContent).toContain('<img src=x onerror="alert(1)">');
    for (const link of card.querySelectorAll('a')) expect(link.getAttribute('href')).toMatch(/^https:\/\//);
  });
});
