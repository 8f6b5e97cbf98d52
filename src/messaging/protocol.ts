import * as v from 'valibot';
import type { ArticleAnalysis } from '../cast/types';
import type { EntityFile } from '../dataset/schema';
import type { Topic } from '../dataset/topics';

/**
 * The one message contract between the extension's contexts. Every request is validated by
 * the background before it acts, so a malformed or oversized message gets an error reply.
 */

/** Article text above this is refused: no real article is this long, and it bounds the work. */
export const MAX_ARTICLE_CHARS = 2_000_000;

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
  /** content → background: this page was looked at and is not an article (or was given up on). */
  v.strictObject({
    type: v.literal('page-status'),
    url: v.pipe(v.string(), v.maxLength(4096)),
    status: v.picklist(['not-article', 'disabled', 'too-large', 'failed']),
    detail: v.optional(v.pipe(v.string(), v.maxLength(500))),
  }),
  /** popup → background: what is known about a tab. */
  v.strictObject({ type: v.literal('tab-state'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /** popup → background: an entity's whole profile. */
  v.strictObject({ type: v.literal('profile'), id: v.pipe(v.string(), v.maxLength(100)) }),
  /** popup → background: switch Dramatis on or off for a site. */
  v.strictObject({ type: v.literal('set-site'), host: Host, enabled: v.boolean() }),
]);

export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;

export type TabStatus = 'loading' | 'article' | 'not-article' | 'disabled' | 'too-large' | 'failed';

export interface TabState {
  status: TabStatus;
  url: string;
  host: string;
  siteEnabled: boolean;
  title?: string;
  published?: string | null;
  analysis?: ArticleAnalysis;
  detail?: string;
}

export interface Responses {
  analyze: ArticleAnalysis;
  'page-status': null;
  'tab-state': TabState;
  profile: EntityFile;
  'set-site': { host: string; enabled: boolean };
}

export type Reply<T extends Request['type']> = { ok: true; value: Responses[T] } | { ok: false; error: string };

export function parseRequest(input: unknown): { ok: true; request: Request } | { ok: false; error: string } {
  const result = v.safeParse(RequestSchema, input);
  if (result.success) return { ok: true, request: result.output };
  const issue = result.issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  return { ok: false, error: `invalid message${path ? ` (${path})` : ''}: ${issue?.message ?? 'unknown'}` };
}

export type { Topic };
