import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../entrypoints/background/handlers';
import { createServices } from '../../entrypoints/background/services';
import { listCorpus, readPageBytes, samplePages } from '../../scripts/lib/sweep/corpus';
import { parseArticle, parseFirstAttempt, prepareCopy } from '../../src/article/extract';
import { buildNodes, listNodes, NodeLister } from '../../src/article/node-list';
import { listCopy, outcomeFromElsewhere, parseListedCopy, readParsed } from '../../src/article/parse-elsewhere';
import { asOffscreenParse, OFFSCREEN_PARSE } from '../../src/messaging/offscreen';
import { parseRequest } from '../../src/messaging/protocol';
import { snapshotDocument } from '../../src/page/snapshot';
import { realEngine } from '../helpers/dataset';

const parse = (html: string) => parseHTML(html).document as unknown as Document;
const blankDocument = () => parse('<!doctype html><html><head></head><body></body></html>');
const GOLD = listCorpus(resolve('tests/gold'));
const CORPUS = listCorpus(resolve('../shared/corpus'));
/** Corpus pages compared (spread over every source); the sweep reads every page in the browser. */
const CORPUS_SAMPLE = 60;

const PARAGRAPH =
  'The regulator said the rules would apply to every platform with users in the country, and that it would publish its guidance before the summer. ';

/** Readability's first attempt strips blocks whose class looks like comments; the story is in one. */
const RETRY_PAGE = `<!doctype html><html lang="en"><head><title>Watchdog opens inquiry</title></head><body>
<div class="reader-remarks"><p>${PARAGRAPH.repeat(3)}</p><p>${PARAGRAPH.repeat(3)}</p></div>
<p>Short note.</p></body></html>`;

/** Reads a prepared copy both ways: in place, and sent elsewhere and back. */
async function bothWays(html: string) {
  const here = snapshotDocument(parse(html));
  const there = snapshotDocument(parse(html));
  const preparedHere = prepareCopy(here.copy, { force: true });
  const preparedThere = prepareCopy(there.copy, { force: true });
  if (!('doc' in preparedHere) || !('doc' in preparedThere)) throw new Error('not prepared');
  const inPlace = parseArticle(preparedHere);
  const sent = await listCopy(preparedThere, async () => {});
  const back = outcomeFromElsewhere(readParsed(parseListedCopy(sent, blankDocument)), preparedThere.doc);
  return { inPlace, back };
}

const essentials = (o: ReturnType<typeof parseArticle>) =>
  o.ok
    ? {
        title: o.article.title,
        text: o.article.text,
        published: o.article.published,
        lang: o.article.lang,
        siteName: o.article.siteName,
      }
    : o;

describe('node lists', () => {
  it('build again exactly what was listed, namespaces and attributes included', () => {
    const doc = parse(`<html><body><article data-x="1"><h1 class="t">Title &amp; more</h1>
      <p>One <em>two</em> three<!-- a comment --></p><svg viewBox="0 0 1 1"><path d="M0"/></svg></article></body></html>`);
    const article = doc.querySelector('article') as Element;
    const built = buildNodes(blankDocument(), listNodes(article));
    expect(built.outerHTML).toBe(article.outerHTML.replace('<!-- a comment -->', ''));
    expect(built.querySelector('path')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
  });

  it('list in slices the same as at once', () => {
    const doc = parse(`<html><body>${'<div><p>a<b>b</b></p>c</div>'.repeat(500)}</body></html>`);
    const whole = listNodes(doc.documentElement);
    const lister = new NodeLister(doc.documentElement);
    let slices = 1;
    while (!lister.step(37)) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(lister.list).toEqual(whole);
    expect(lister.step(37)).toBe(true);
    expect(lister.list).toEqual(whole);
  });

  it('never recurse: a copy nested 20,000 deep is listed and built', () => {
    const depth = 20_000;
    const doc = blankDocument();
    let parent = doc.body as Element;
    for (let i = 0; i < depth; i++) parent = parent.appendChild(doc.createElement('div'));
    parent.appendChild(doc.createTextNode('deep'));
    const built = buildNodes(blankDocument(), listNodes(doc.body as Element));
    expect(built.textContent).toBe('deep');
    let levels = 0;
    for (let el: Element | null = built; el; el = el.firstElementChild) levels++;
    expect(levels).toBe(depth + 1);
  });

  it('refuse a malformed list with a clear error', () => {
    const doc = blankDocument();
    expect(() => buildNodes(doc, [])).toThrow(/incomplete/);
    expect(() => buildNodes(doc, ['text'])).toThrow(/outside its root/);
    expect(() => buildNodes(doc, [1, 'p', 0, 0])).toThrow(/incomplete/);
    expect(() => buildNodes(doc, [1, 'p', 0, 0, 0, 0])).toThrow(/closes more/);
    expect(() => buildNodes(doc, [1, 'p', 0, 0, 0, 1, 'p', 0, 0, 0])).toThrow(/two roots/);
    expect(() => buildNodes(doc, [7])).toThrow(/malformed/);
    expect(() => buildNodes(doc, [1, 'p', 0, -2, 0])).toThrow(/malformed/);
    expect(() => buildNodes(doc, [1, 'p', 0, 1, 'class'])).toThrow(/ends early/);
  });
});

describe("Readability's first attempt alone", () => {
  it('is the whole parse on every page of the gold set', () => {
    expect(GOLD.length).toBeGreaterThanOrEqual(40);
    for (const file of GOLD) {
      const html = readFileSync(file.path, 'utf8');
      const a = prepareCopy(parse(html), { force: true });
      const b = prepareCopy(parse(html), { force: true });
      if (!('doc' in a) || !('doc' in b)) continue;
      expect(essentials(parseFirstAttempt(a) as ReturnType<typeof parseArticle>), file.name).toEqual(
        essentials(parseArticle(b)),
      );
    }
  });

  it('stops where Readability would start over', () => {
    const prepared = prepareCopy(parse(RETRY_PAGE), { force: true });
    if (!('doc' in prepared)) throw new Error('not prepared');
    expect(parseFirstAttempt(prepared)).toEqual({ ok: false, reason: 'more-attempts' });
  });
});

describe('a page parsed elsewhere', () => {
  it('reads the same as in place, on every page of the gold set', async () => {
    for (const file of GOLD) {
      const { inPlace, back } = await bothWays(readFileSync(file.path, 'utf8'));
      expect(essentials(back), file.name).toEqual(essentials(inPlace));
    }
  });

  it.skipIf(CORPUS.length === 0)(
    `reads the same as in place on ${CORPUS_SAMPLE} corpus pages (skipped without ../shared/corpus)`,
    async () => {
      for (const page of samplePages(CORPUS, CORPUS_SAMPLE)) {
        const { inPlace, back } = await bothWays(readPageBytes(page.path).toString('utf8'));
        expect(essentials(back), page.name).toEqual(essentials(inPlace));
      }
    },
    120_000,
  );

  it('reads a page Readability re-parses the same as in place', async () => {
    const { inPlace, back } = await bothWays(RETRY_PAGE);
    expect(inPlace.ok).toBe(true);
    expect(essentials(back)).toEqual(essentials(inPlace));
  });

  it('comes back tied to the live page: every element of the article keeps its source index', async () => {
    const html = readFileSync(GOLD[0]?.path as string, 'utf8');
    const { back } = await bothWays(html);
    if (!back.ok) throw new Error('no article');
    const tagged = back.article.content.querySelectorAll('[data-dramatis-i]');
    expect(tagged.length).toBeGreaterThan(3);
    // Nothing but the index travels back: no links, classes or styles.
    for (const el of Array.from(back.article.content.querySelectorAll('*')))
      for (const name of el.getAttributeNames()) expect(name).toBe('data-dramatis-i');
  });

  it('answers a malformed copy with a failed reading, not an exception', () => {
    for (const bad of ['', '{', '[]', '{"nodes":[1,"p"],"dateFromPage":null}', '{"nodes":[{}],"dateFromPage":null}']) {
      const reading = readParsed(parseListedCopy(bad, blankDocument));
      expect(reading.ok).toBe(false);
      if (!reading.ok) expect(reading.reason).toBe('parse-failed');
    }
    expect(() => readParsed('{"ok":true}')).toThrow();
  });
});

describe('the messages that carry a copy', () => {
  const EXTENSION_ID = 'test-extension';
  const contentSender = { id: EXTENSION_ID, tab: { id: 7 } as never, url: 'https://www.reuters.com/world/x' };
  beforeEach(() => {
    fakeBrowser.reset();
    (fakeBrowser.runtime as { id: string }).id = EXTENSION_ID;
  });

  it('go from the content script to the background parser, and from nowhere else', async () => {
    const seen: string[] = [];
    const services = createServices({
      parseCopy: async (copy) => {
        seen.push(copy);
        return parseListedCopy(copy, blankDocument);
      },
    });
    const handle = createHandlers(realEngine, services);
    const prepared = prepareCopy(parse(RETRY_PAGE), { force: true });
    if (!('doc' in prepared)) throw new Error('not prepared');
    const request = parseRequest({ type: 'parse-copy', url: contentSender.url, copy: await listCopy(prepared) });
    if (!request.ok) throw new Error(request.error);
    const reply = await handle(request.request, contentSender);
    expect(reply.ok).toBe(true);
    if (reply.ok) expect(readParsed(reply.value as string).ok).toBe(true);
    expect(seen).toHaveLength(1);

    const fromPopup = await handle(request.request, {
      id: EXTENSION_ID,
      url: fakeBrowser.runtime.getURL('/popup.html'),
    });
    expect(fromPopup.ok).toBe(false);
    expect(seen).toHaveLength(1);
  });

  it('get a clear error where the browser has no place to parse', async () => {
    const handle = createHandlers(realEngine, createServices());
    const reply = await handle({ type: 'parse-copy', url: contentSender.url, copy: '{}' }, contentSender);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/cannot be parsed off their thread/) });
  });

  it('reach the offscreen document only when meant for it', () => {
    expect(asOffscreenParse({ target: OFFSCREEN_PARSE, copy: '{}' })).not.toBeNull();
    for (const other of [
      { type: 'analyze', url: 'x', title: '', text: '', published: null },
      { target: OFFSCREEN_PARSE },
      { target: OFFSCREEN_PARSE, copy: 5 },
      { target: 'something-else', copy: '{}' },
      null,
    ])
      expect(asOffscreenParse(other)).toBeNull();
    expect(parseRequest({ type: 'parse-copy', url: 'x', copy: 5 }).ok).toBe(false);
  });
});
