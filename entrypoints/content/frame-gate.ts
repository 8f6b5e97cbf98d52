import { send } from '../../src/messaging/client';

/** Smaller frames are ads, buttons, players and embedded posts, never a page's article. */
const MIN_FRAME_WIDTH = 320;
const MIN_FRAME_HEIGHT = 240;

/**
 * Whether the content script should read this frame. Some publishers put the story itself in a
 * frame (an embedded reader, an archive viewer); most frames are furniture. A frame is read
 * only when it is large enough to hold an article and the background says the page around it
 * was read and holds none. Everything else, including a background that cannot be reached, is
 * a no.
 */
export async function frameMayHoldTheArticle(win: Window): Promise<boolean> {
  if (win.innerWidth < MIN_FRAME_WIDTH || win.innerHeight < MIN_FRAME_HEIGHT) return false;
  return send({ type: 'frame-may-read' }).catch(() => false);
}
