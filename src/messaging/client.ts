import { browser } from 'wxt/browser';
import type { Reply, Request, Responses } from './protocol';

/** Sends a request to the background worker and unwraps its reply; an error reply throws. */
export async function send<T extends Request['type']>(request: Extract<Request, { type: T }>): Promise<Responses[T]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply) throw new Error('The background worker did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
