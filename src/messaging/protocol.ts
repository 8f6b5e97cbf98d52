import * as v from 'valibot';
import type { ArticleAnalysis } from '../cast/types';
import type { EntityFile } from '../dataset/schema';
import type { Topic } from '../dataset/topics';
import { type Settings, SettingsPatchSchema } from '../storage/settings';
import type { SiteChoice } from '../storage/site-choices';

/**
 * The one message contract between the extension's contexts. Every request is validated by
 * the background before it acts, so a malformed or oversized message gets an error reply.
 */

/** Article text above this is refused: no real article is this long, and it bounds the work. */
export const MAX_ARTICLE_CHARS = 2_000_000;

/** The longest page copy sent to be parsed elsewhere (JSON, see parse-elsewhere.ts); a longer one is parsed in place. */
export const MAX_COPY_CHARS = 32_000_000;

/** A file handed over from the options page; bigger ones are refused before they are read. */
export const MAX_FILE_CHARS = 5_000_000;

const Host = v.pipe(v.string(), v.minLength(1), v.maxLength(253), v.regex(/^[a-z0-9.-]+$/i, 'must be a host name'));

export const RequestSchema = v.variant('type', [
  /** content → background: match an extracted article. */
  v.strictObject({
    type: v.literal('analyze'),
    url: v.pipe(v.string(), v.maxLength(4096)),
    title: v.pipe(v.string(), v.maxLength(2000)),
    text: v.pipe(
      v.string(),
      v.maxLength(MAX_ARTICLE_CHARS, `article text over ${MAX_ARTICLE_CHARS} characters is refused`),
    ),
    published: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
  }),
  /**
   * content → background: a page too big for Readability on its own thread; its prepared copy,
   * to be parsed in an extension document (see parse-elsewhere.ts).
   */
  v.strictObject({
    type: v.literal('parse-copy'),
    url: v.pipe(v.string(), v.maxLength(4096)),
    /** The copy as JSON (see parse-elsewhere.ts). */
    copy: v.pipe(v.string(), v.maxLength(MAX_COPY_CHARS, `a page copy over ${MAX_COPY_CHARS} characters is refused`)),
  }),
  /** content → background: this page was looked at and is not an article (or was given up on). */
  v.strictObject({
    type: v.literal('page-status'),
    url: v.pipe(v.string(), v.maxLength(4096)),
    status: v.picklist(['not-article', 'disabled', 'paused', 'too-large', 'failed']),
    detail: v.optional(v.pipe(v.string(), v.maxLength(500))),
  }),
  /**
   * content script in a frame → background: may this frame be read? Only when the page around
   * it was found to hold no article (the article is then in a frame, e.g. a reader embedded by
   * its publisher); the answer waits for the page's own verdict.
   */
  v.strictObject({ type: v.literal('frame-may-read') }),
  /** popup → background: what is known about a tab. */
  v.strictObject({ type: v.literal('tab-state'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /** popup → background: an entity's whole profile. */
  v.strictObject({ type: v.literal('profile'), id: v.pipe(v.string(), v.maxLength(100)) }),
  /** content → background: the card's "Full profile" button; opens the profile in a tab of its own. */
  v.strictObject({ type: v.literal('open-profile'), id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)) }),
  /**
   * popup or options → background: switch Dramatis on or off for a site. For a site off the
   * curated list, "on" needs its permission granted first (the popup asks); `tabId` is the open
   * tab to read at once.
   */
  v.strictObject({
    type: v.literal('set-site'),
    host: Host,
    enabled: v.boolean(),
    tabId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  }),
  /** options → background: forget the choice for a site (it returns to its default) and its permission. */
  v.strictObject({ type: v.literal('forget-site'), host: Host }),
  /** popup or options → background: the settings, sites and personal dataset, for display. */
  v.strictObject({ type: v.literal('get-options') }),
  /** popup or options → background: change some display settings, or pause. */
  v.strictObject({ type: v.literal('update-settings'), patch: SettingsPatchSchema }),
  /** options → background: a personal dataset file, checked and merged over the bundled data. */
  v.strictObject({
    type: v.literal('import-dataset'),
    fileName: v.pipe(v.string(), v.maxLength(255)),
    text: v.pipe(v.string(), v.maxLength(MAX_FILE_CHARS, 'the file is too large')),
  }),
  /** options → background: drop the personal dataset. */
  v.strictObject({ type: v.literal('remove-dataset') }),
  /** options → background: the settings file to save. */
  v.strictObject({ type: v.literal('export-settings') }),
  /** options → background: a settings file to apply. */
  v.strictObject({
    type: v.literal('import-settings'),
    fileName: v.pipe(v.string(), v.maxLength(255)),
    text: v.pipe(v.string(), v.maxLength(MAX_FILE_CHARS, 'the file is too large')),
  }),
]);

export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;

export type TabStatus = 'loading' | 'article' | 'not-article' | 'disabled' | 'paused' | 'too-large' | 'failed';

export interface TabState {
  status: TabStatus;
  url: string;
  host: string;
  siteEnabled: boolean;
  /** Dramatis is paused everywhere. */
  paused?: boolean;
  /** The host is on the curated list (on by default, no permission to ask). */
  curated?: boolean;
  /** Dramatis may read pages on this host: curated, or its permission was granted. */
  access?: boolean;
  title?: string;
  published?: string | null;
  analysis?: ArticleAnalysis;
  /** The frame the article was read in, when it is not the page itself (see 'frame-may-read'). */
  frameId?: number;
  detail?: string;
}

export interface Responses {
  analyze: ArticleAnalysis;
  /** The copy's reading as JSON (see parse-elsewhere.ts). */
  'parse-copy': string;
  'page-status': null;
  'frame-may-read': boolean;
  'tab-state': TabState;
  profile: EntityFile;
  'set-site': { host: string; enabled: boolean };
  'forget-site': null;
  'get-options': OptionsView;
  'update-settings': Settings;
  'import-dataset': DatasetImport;
  'remove-dataset': null;
  'open-profile': null;
  'export-settings': { fileName: string; text: string };
  'import-settings': { applied: boolean; errors: string[]; sitesNeedingAccess: string[] };
}

/** One row of the options page's site list. */
export interface SiteRow {
  host: string;
  /** The person's choice, or null when the site follows its default. */
  choice: SiteChoice | null;
  /** Whether Dramatis runs there now (ignoring a global pause). */
  on: boolean;
  curated: boolean;
  /** Dramatis holds the permission to read pages there. */
  access: boolean;
}

export interface PersonalDatasetInfo {
  fileName: string;
  importedAt: number;
  count: number;
  replaced: string[];
  added: string[];
}

export interface OptionsView {
  settings: Settings;
  sites: SiteRow[];
  personal: PersonalDatasetInfo | null;
  bundled: { count: number; asOf: string };
  /** Stored values that were unreadable and were reset to defaults since the browser started. */
  repaired: string[];
}

export type DatasetImport = { ok: true; info: PersonalDatasetInfo } | { ok: false; errors: string[] };

export type Reply<T extends Request['type']> = { ok: true; value: Responses[T] } | { ok: false; error: string };

export function parseRequest(input: unknown): { ok: true; request: Request } | { ok: false; error: string } {
  const result = v.safeParse(RequestSchema, input);
  if (result.success) return { ok: true, request: result.output };
  const issue = result.issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  return { ok: false, error: `invalid message${path ? ` (${path})` : ''}: ${issue?.message ?? 'unknown'}` };
}

/**
 * popup → content script (through tabs.sendMessage): scroll the page to the next mention of a
 * cast member and flash it. Validated by the content script before it acts.
 */
export const ContentRequestSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('reveal-mention'),
    /** Index of the member in the cast the background returned for this page. */
    member: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)),
  }),
  /** background → content script: the keyboard shortcut; go to the next or previous mention and open its card. */
  v.strictObject({ type: v.literal('step-mention'), direction: v.picklist(['next', 'previous']) }),
]);
export type ContentRequest = v.InferOutput<typeof ContentRequestSchema>;

export interface ContentResponses {
  /** Which of the member's marks was revealed (0-based) out of how many; total 0 when none is on the page. */
  'reveal-mention': { index: number; total: number };
  /** The mention now focused (0-based, in page order) out of how many; index -1 when there are none. */
  'step-mention': { index: number; total: number };
}

export function parseContentRequest(
  input: unknown,
): { ok: true; request: ContentRequest } | { ok: false; error: string } {
  const result = v.safeParse(ContentRequestSchema, input);
  if (result.success) return { ok: true, request: result.output };
  const issue = result.issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  return { ok: false, error: `invalid message${path ? ` (${path})` : ''}: ${issue?.message ?? 'unknown'}` };
}

export type { Topic };
