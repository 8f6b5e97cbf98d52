import * as v from 'valibot';
import { TOPICS } from './topics';

/**
 * The schema of one human-edited entity file (src/dataset/entities/<type>/<id>.json).
 * The same schema validates a personal dataset imported in the options page, so every
 * message names the field that is wrong.
 */

const ID = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, hyphens)'));

/** Full date, or year-month, or year: sources do not always give the day. */
export const PARTIAL_DATE = v.pipe(
  v.string(),
  v.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  v.check((s) => s.length < 10 || !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'is not a real date'),
);

/** Only https links reach the UI; javascript:, data: and plain http are refused here. */
export const HTTPS_URL = v.pipe(
  v.string(),
  v.url('must be a URL'),
  v.check((s) => /^https:\/\/[^\s/]+\.[^\s/]+/i.test(s), 'must be an https:// URL'),
);

const TEXT = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );

const TopicSchema = v.picklist(TOPICS, `must be one of: ${TOPICS.join(', ')}`);

export const SourceSchema = v.strictObject({
  publisher: TEXT(120),
  title: TEXT(300),
  url: HTTPS_URL,
  date: PARTIAL_DATE,
});

export const StatementSchema = v.strictObject({
  quote: TEXT(300),
  date: PARTIAL_DATE,
  publisher: TEXT(120),
  title: TEXT(300),
  url: HTTPS_URL,
  topics: v.pipe(v.array(TopicSchema), v.minLength(1, 'needs at least one topic')),
  context: v.optional(TEXT(200)),
});

export const PositionSchema = v.strictObject({
  topic: TopicSchema,
  summary: TEXT(600),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'needs at least one source')),
});

export const RoleSchema = v.strictObject({
  title: TEXT(150),
  org: v.optional(TEXT(150)),
  orgId: v.optional(ID),
  country: v.optional(TEXT(8)),
  start: v.optional(PARTIAL_DATE),
  end: v.optional(v.nullable(PARTIAL_DATE)),
});

/**
 * A name that is also a common word or another thing ("Apple", "May", "X").
 * It links only with evidence; `context` words anywhere in the article count,
 * `after` phrases must follow the name directly, `veto` words next to it cancel it.
 */
export const GuardedAliasSchema = v.strictObject({
  text: TEXT(80),
  reason: TEXT(200),
  context: v.optional(v.array(TEXT(80))),
  after: v.optional(v.array(TEXT(80))),
  veto: v.optional(v.array(TEXT(80))),
  /** Words that cancel the name only right before it ("the Amazon" is the river). */
  vetoBefore: v.optional(v.array(TEXT(80))),
  /** Only `after` phrases count as evidence (for a bare letter such as "X"). */
  strict: v.optional(v.boolean()),
  scope: v.optional(v.picklist(['article', 'near'])),
  /** A capitalized use mid-sentence counts as evidence: the common word is written small ("meta"). */
  capitalized: v.optional(v.boolean()),
});

export const TickerSchema = v.strictObject({
  symbol: v.pipe(v.string(), v.regex(/^[A-Z0-9.-]{1,10}$/, 'must be an upper-case ticker')),
  exchange: TEXT(20),
  ric: v.optional(v.pipe(v.string(), v.regex(/^[A-Z0-9.-]{1,12}$/, 'must be an upper-case Reuters code'))),
});

export const FormerNameSchema = v.strictObject({
  name: TEXT(120),
  until: v.optional(PARTIAL_DATE),
});

export const EntitySchema = v.strictObject({
  id: ID,
  type: v.picklist(['person', 'company', 'agency'], 'must be person, company or agency'),
  name: TEXT(120),
  summary: v.optional(TEXT(400)),
  country: v.optional(TEXT(8)),
  aliases: v.optional(v.array(TEXT(120))),
  guarded: v.optional(v.array(GuardedAliasSchema)),
  surname: v.optional(TEXT(60)),
  roles: v.optional(v.array(RoleSchema)),
  tickers: v.optional(v.array(TickerSchema)),
  parent: v.optional(ID),
  formerNames: v.optional(v.array(FormerNameSchema)),
  positions: v.optional(v.array(PositionSchema)),
  statements: v.optional(v.array(StatementSchema)),
});

export type EntityFile = v.InferOutput<typeof EntitySchema>;
export type Statement = v.InferOutput<typeof StatementSchema>;
export type Position = v.InferOutput<typeof PositionSchema>;
export type Role = v.InferOutput<typeof RoleSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type GuardedAlias = v.InferOutput<typeof GuardedAliasSchema>;
export type Ticker = v.InferOutput<typeof TickerSchema>;
export type EntityType = EntityFile['type'];

/** Formats a valibot issue as "field.path: message". */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  return path ? `${path}: ${issue.message}` : issue.message;
}

export function parseEntity(input: unknown): { ok: true; entity: EntityFile } | { ok: false; errors: string[] } {
  const result = v.safeParse(EntitySchema, input);
  if (result.success) return { ok: true, entity: result.output };
  return { ok: false, errors: result.issues.map(describeIssue) };
}
