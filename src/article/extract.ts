import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { breakBetweenBlocks } from './block-breaks';
import { normalizeDate } from './normalize-date';
import { publishedDate } from './published-date';
import { speedUpReadability } from './readability-speedups';

/** Attribute that ties each element of the parsed copy to its element in the live page. */
export const SOURCE_INDEX_ATTR = 'data-dramatis-i';

/** Shorter than this, the "article" is a caption or a menu, not something to annotate. */
export const MIN_ARTICLE_CHARS = 140;

export interface ExtractedArticle {
  title: string;
  /** The article's plain text: every mention offset indexes this string. */
  text: string;
  /** ISO date (YYYY-MM-DD) or null. */
  published: string | null;
  lang: string | null;
  siteName: string | null;
  /** Readability's article element (in the parsed copy, not the live page). */
  content: Element;
}

export type ExtractOutcome =
  | { ok: true; article: ExtractedArticle }
  | { ok: false; reason: 'not-article' | 'empty' | 'parse-failed'; detail?: string };

export interface ExtractOptions {
  /** Skip the isProbablyReaderable gate (the command line reads files the user chose). */
  force?: boolean;
  /** Readability gives up on pages with more elements than this; keeps huge pages bounded. */
  maxElements?: number;
  /** Run Readability without our speed-ups (to check they change nothing). */
  plainReadability?: boolean;
}

/**
 * Readability keeps an attempt when its text reaches this many characters (its default
 * charThreshold); below it, it starts over from the whole page with looser rules, up to three
 * more times, and keeps the longest result.
 */
const READABILITY_ENOUGH_CHARS = 500;

/** What parseFirstAttempt returns when Readability would have started over. */
export interface MoreAttemptsNeeded {
  ok: false;
  reason: 'more-attempts';
}

/** A copy judged to hold an article, with what had to be read before Readability changes it. */
export interface PreparedCopy {
  doc: Document;
  /** The date from the page's metadata or <time> elements, read before Readability strips them. */
  dateFromPage: string | null;
}

/**
 * Runs Readability on `doc`, which it mutates: pass a copy, never the live document.
 * Gated by isProbablyReaderable so home pages, search results and web apps are left alone.
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractOutcome {
  const prepared = prepareCopy(doc, options);
  return 'doc' in prepared ? parseArticle(prepared, options) : prepared;
}

/**
 * The first half of extractArticle: the readability gate, the date, and the furniture outside
 * the page's one <article> removed. Split from the parse so the content script can let the
 * page run in between: the parse is the longest piece of work Dramatis does on a page.
 */
export function prepareCopy(doc: Document, options: ExtractOptions = {}): PreparedCopy | ExtractOutcome {
  if (!options.force && !isProbablyReaderable(doc)) return { ok: false, reason: 'not-article' };
  // Read the date before Readability strips the page's metadata and <time> elements.
  const dateFromPage = publishedDate(doc);
  removeOutsideTheArticle(doc);
  return { doc, dateFromPage };
}

/** The second half of extractArticle: Readability's parse of a prepared copy. */
export function parseArticle(prepared: PreparedCopy, options: ExtractOptions = {}): ExtractOutcome {
  let parsed: ReturnType<Readability<Element>['parse']>;
  try {
    parsed = readabilityParse(prepared, options, undefined);
  } catch (err) {
    return { ok: false, reason: 'parse-failed', detail: (err as Error).message };
  }
  return outcomeOf(parsed, prepared);
}

/**
 * Readability's first attempt alone, the whole parse on most pages. When it finds too little,
 * Readability would start over up to three times in the same task; this stops instead, so the
 * caller can have the whole parse done off the page's thread. On every other page the result
 * is exactly parseArticle's.
 */
export function parseFirstAttempt(
  prepared: PreparedCopy,
  options: ExtractOptions = {},
): ExtractOutcome | MoreAttemptsNeeded {
  let parsed: ReturnType<Readability<Element>['parse']>;
  try {
    // A threshold below zero ends the first attempt whatever it found (0 would mean Readability's
    // default); whether it found enough is decided here, by Readability's own measure.
    parsed = readabilityParse(prepared, options, -1);
  } catch (err) {
    return { ok: false, reason: 'parse-failed', detail: (err as Error).message };
  }
  if (parsed?.content && readabilityLength(parsed.content) < READABILITY_ENOUGH_CHARS)
    return { ok: false, reason: 'more-attempts' };
  return outcomeOf(parsed, prepared);
}

function readabilityParse(prepared: PreparedCopy, options: ExtractOptions, charThreshold: number | undefined) {
  const reader = new Readability<Element>(prepared.doc, {
    serializer: (node) => node as Element,
    maxElemsToParse: options.maxElements ?? 0,
    ...(charThreshold === undefined ? {} : { charThreshold }),
  });
  if (options.plainReadability !== true) speedUpReadability(reader);
  return reader.parse();
}

/** The length Readability compares with its threshold: trimmed text, runs of white space as one. */
function readabilityLength(content: Element): number {
  return (content.textContent ?? '').trim().replace(/\s{2,}/g, ' ').length;
}

function outcomeOf(parsed: ReturnType<Readability<Element>['parse']>, prepared: PreparedCopy): ExtractOutcome {
  if (!parsed?.content) return { ok: false, reason: 'not-article' };
  breakBetweenBlocks(parsed.content);
  const text = parsed.content.textContent ?? '';
  // A few words of navigation are what Readability returns for a page with no article at all.
  if (text.replace(/\s+/g, ' ').trim().length < MIN_ARTICLE_CHARS) return { ok: false, reason: 'empty' };
  return {
    ok: true,
    article: {
      title: (parsed.title ?? '').trim(),
      text,
      published: normalizeDate(parsed.publishedTime) ?? prepared.dateFromPage,
      lang: parsed.lang ?? null,
      siteName: parsed.siteName ?? null,
      content: parsed.content,
    },
  };
}

/** A page's one <article> with at least this much text is taken as the story's own container. */
const MIN_MARKED_ARTICLE_CHARS = 400;
/** ...and only when it holds at least this share of the page's text (not a teaser card). */
const MIN_MARKED_ARTICLE_SHARE = 0.4;

/**
 * When the page marks its story with exactly one <article> (or articleBody) element, blocks
 * outside it are furniture: Readability sometimes appends such a sibling ("You might also
 * like…", a newsletter box) to the story, and names in it are not the article's cast. They are
 * removed from the copy before parsing. Live blogs with many <article> posts are left alone.
 */
function removeOutsideTheArticle(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  const containers = [...doc.querySelectorAll('article, [itemprop="articleBody"]')].filter(
    (el) => !el.parentElement?.closest('article, [itemprop="articleBody"]'),
  );
  if (containers.length !== 1) return;
  const story = containers[0] as Element;
  const storyChars = (story.textContent ?? '').trim().length;
  if (storyChars < MIN_MARKED_ARTICLE_CHARS) return;
  if (storyChars < MIN_MARKED_ARTICLE_SHARE * (body.textContent ?? '').trim().length) return;
  const outside: Element[] = [];
  for (const el of body.querySelectorAll('div, section, aside, p, ul, ol, table, figure, nav, footer')) {
    if (story.contains(el) || el.contains(story)) continue;
    // Document order: a block inside one already taken comes right after it.
    if (outside.length > 0 && (outside[outside.length - 1] as Element).contains(el)) continue;
    outside.push(el);
  }
  for (const el of outside) el.remove();
}
