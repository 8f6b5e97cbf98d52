import * as v from 'valibot';
import { MAX_COPY_CHARS } from './protocol';

/**
 * The background's one request to its offscreen document. It travels by runtime messaging,
 * which every extension page hears: the target field tells the offscreen document that the
 * message is for it, and everything else leaves it alone.
 */
export const OFFSCREEN_PARSE = 'dramatis-offscreen-parse';

const OffscreenParseSchema = v.strictObject({
  target: v.literal(OFFSCREEN_PARSE),
  /** The page copy as JSON (see parse-elsewhere.ts). */
  copy: v.pipe(v.string(), v.maxLength(MAX_COPY_CHARS)),
});

export type OffscreenParseRequest = v.InferOutput<typeof OffscreenParseSchema>;

/** The request, when `message` is one meant for the offscreen document and well formed. */
export function asOffscreenParse(message: unknown): OffscreenParseRequest | null {
  const parsed = v.safeParse(OffscreenParseSchema, message);
  return parsed.success ? parsed.output : null;
}
