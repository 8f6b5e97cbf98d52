import * as v from 'valibot';
import { breakBetweenBlocks } from './block-breaks';
import { type ExtractOutcome, type PreparedCopy, parseArticle, SOURCE_INDEX_ATTR } from './extract';
import { buildNodes, listNodes, type NodeList, NodeLister } from './node-list';

/**
 * Readability's parse off the page's thread. A page too big to parse within a frame's budget
 * (thousands of elements), or one on which Readability's first attempt finds too little and it
 * starts again, would freeze the page for up to half a second. Its prepared copy is sent as a
 * node list (see node-list.ts) to an extension document (Chromium's offscreen document,
 * Firefox's background page), parsed there, and the article's nodes come back to be built in
 * the copy's own windowless document, where nothing runs or loads.
 *
 * Both ways the list travels as one JSON string: the browser hands a string between contexts
 * cheaply, where converting an array of a hundred thousand tokens took tens of milliseconds of
 * the page's thread.
 */

/** A node list, checked in one pass: it can hold hundreds of thousands of tokens. */
const NodeListSchema = v.custom<NodeList>(
  (x) =>
    Array.isArray(x) &&
    x.every((token) => typeof token === 'string' || (typeof token === 'number' && Number.isInteger(token))),
  'a node list holds only strings and whole numbers',
);

const CopySchema = v.strictObject({
  nodes: NodeListSchema,
  dateFromPage: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
});

/** The prepared copy, as it travels (inside a JSON string). */
export type CopyToParse = v.InferOutput<typeof CopySchema>;

const Nullable = v.nullable(v.string());
/** parseMs: Readability's parse alone, where it ran; workMs: all the work done there (ms). */
const Cost = { parseMs: v.number(), workMs: v.number() };
const ParsedSchema = v.variant('ok', [
  v.strictObject({
    ok: v.literal(true),
    title: v.string(),
    published: Nullable,
    lang: Nullable,
    siteName: Nullable,
    /** Readability's article: its elements with their source indexes, and its text. */
    content: NodeListSchema,
    ...Cost,
  }),
  v.strictObject({
    ok: v.literal(false),
    reason: v.picklist(['not-article', 'empty', 'parse-failed']),
    detail: v.optional(v.string()),
    ...Cost,
  }),
]);

/** The copy's reading, as it travels back (inside a JSON string). */
export type ParsedElsewhere = v.InferOutput<typeof ParsedSchema>;

/**
 * The prepared copy as JSON, listed in slices with `pause` between them (the page's turn). The
 * copy is not changed: it can still be parsed here after.
 */
export async function listCopy(prepared: PreparedCopy, pause: () => Promise<void> = async () => {}): Promise<string> {
  const root = prepared.doc.documentElement;
  let nodes: NodeList = [];
  if (root) {
    const lister = new NodeLister(root);
    while (!lister.step(LIST_SLICE_NODES)) await pause();
    nodes = lister.list;
  }
  const copy: CopyToParse = { nodes, dateFromPage: prepared.dateFromPage };
  return JSON.stringify(copy);
}

/** Nodes listed between two turns of the page: a few milliseconds' work. */
const LIST_SLICE_NODES = 4000;

/**
 * Where a DOM exists but no page waits on the thread: the copy built again and parsed whole.
 * Returns the reading as JSON; a copy that is not well formed gets a 'parse-failed' reading.
 */
export function parseListedCopy(
  json: string,
  createDocument: () => Document = () => document.implementation.createHTMLDocument(''),
  now: () => number = () => performance.now(),
): string {
  const started = now();
  let doc: Document;
  let dateFromPage: string | null;
  try {
    const copy = v.parse(CopySchema, JSON.parse(json));
    dateFromPage = copy.dateFromPage;
    doc = createDocument();
    const root = buildNodes(doc, copy.nodes);
    if (doc.documentElement) doc.replaceChild(root, doc.documentElement);
    else doc.appendChild(root);
  } catch (err) {
    return reply({ ok: false, reason: 'parse-failed', detail: messageOf(err), parseMs: 0, workMs: now() - started });
  }
  const parseStarted = now();
  const outcome = parseArticle({ doc, dateFromPage });
  const parseMs = now() - parseStarted;
  if (!outcome.ok) return reply({ ...outcome, parseMs, workMs: now() - started });
  const { title, published, lang, siteName } = outcome.article;
  // Only what finding the mentions in the live page needs: structure, source indexes, text.
  const content = listNodes(outcome.article.content, (name) => name === SOURCE_INDEX_ATTR);
  return reply({ ok: true, title, published, lang, siteName, content, parseMs, workMs: now() - started });
}

const reply = (parsed: ParsedElsewhere) => JSON.stringify(parsed);
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** A reading as it came back, checked; throws when it is not one. */
export function readParsed(json: string): ParsedElsewhere {
  return v.parse(ParsedSchema, JSON.parse(json));
}

/**
 * Back in the page: the article built in `doc` (the prepared copy's windowless document), and
 * its text taken from there, so that mention offsets index exactly the elements the mentions
 * are then found through.
 */
export function outcomeFromElsewhere(parsed: ParsedElsewhere, doc: Document): ExtractOutcome {
  if (!parsed.ok) return { ok: false, reason: parsed.reason, detail: parsed.detail };
  let content: Element;
  try {
    content = buildNodes(doc, parsed.content);
  } catch (err) {
    return { ok: false, reason: 'parse-failed', detail: messageOf(err) };
  }
  // The parse elsewhere has put the breaks in already (they come back as text nodes): this adds
  // nothing then, and keeps the text the same whichever side parsed.
  breakBetweenBlocks(content);
  return {
    ok: true,
    article: {
      title: parsed.title,
      text: content.textContent ?? '',
      published: parsed.published,
      lang: parsed.lang,
      siteName: parsed.siteName,
      content,
    },
  };
}
