import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/article/extract';
import { normalizeDate } from '../../src/article/normalize-date';
import { publishedDate } from '../../src/article/published-date';
import { detectTopics } from '../../src/article/topics';
import { linked } from '../helpers/dataset';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

describe('article date', () => {
  it('reads article:published_time, JSON-LD and <time>', () => {
    expect(
      publishedDate(
        doc('<html><head><meta property="article:published_time" content="2017-10-12T14:05:00Z"></head></html>'),
      ),
    ).toBe('2017-10-12');
    expect(
      publishedDate(
        doc(
          '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2021-06-22T10:00:00-04:00"}]}</script>',
        ),
      ),
    ).toBe('2021-06-22');
    expect(publishedDate(doc('<article><time datetime="2019-03-06">March 6</time></article>'))).toBe('2019-03-06');
    expect(publishedDate(doc('<p>No date here</p>'))).toBeNull();
  });

  it('keeps the literal date and rejects nonsense', () => {
    expect(normalizeDate('2017-10-04T23:30:00-04:00')).toBe('2017-10-04');
    expect(normalizeDate('not a date')).toBeNull();
    expect(normalizeDate('2017-13-40')).toBeNull();
  });
});

describe('extraction', () => {
  it('extracts the test article and leaves the sidebar out', () => {
    const html = readFileSync('tests/e2e/site/world/us-uk-encryption.html', 'utf8');
    const outcome = extractArticle(doc(html), { force: true });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.article.published).toBe('2017-10-12');
    expect(outcome.article.text).toContain('Rod Rosenstein');
    expect(outcome.article.text).not.toContain('Related coverage');
    expect(outcome.article.text).not.toContain('reader_77');
  });

  it('keeps paragraphs apart on a page served without white space between its tags', () => {
    const paragraphs = [
      'Das Bundeskartellamt hat dem Konzern am Donnerstag weitreichende Beschränkungen bei der Verarbeitung von Nutzerdaten auferlegt. Die Behörde stützt sich dabei auch auf die Datenschutz-Grundverordnung.',
      'Facebook muss die Daten aus eigenen Diensten wie WhatsApp und Instagram künftig getrennt halten. Der Konzern kündigte an, gegen die Entscheidung Beschwerde einzulegen, und nannte sie rechtlich fehlerhaft.',
      'Andreas Mundt, der Präsident der Behörde, sprach von einer Art innerer Entflechtung. Nutzer müssten der Zusammenführung ihrer Daten künftig ausdrücklich zustimmen, sonst sei sie nicht mehr erlaubt.',
    ];
    const html = `<!doctype html><html><head><title>Kartellamt</title></head><body><article><h1>Kartellamt schränkt Datensammlung ein</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const outcome = extractArticle(doc(html), { force: true });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.article.text).toContain('Datenschutz-Grundverordnung.\nFacebook');
    expect(outcome.article.text).not.toMatch(/Grundverordnung\.Facebook|fehlerhaft\.Andreas/);
    expect(linked(outcome.article.text)).toContain('Facebook→meta');
    expect(linked(outcome.article.text)).toContain('Andreas Mundt→andreas-mundt');
  });
});

describe('topics', () => {
  it('finds the topic an article is about, not a passing word', () => {
    expect(detectTopics('Encryption, end-to-end encryption and backdoors: the encryption fight goes on.')).toEqual([
      'encryption',
    ]);
    expect(detectTopics('The weather was fine and privacy was not discussed.')).toEqual([]);
  });
});
