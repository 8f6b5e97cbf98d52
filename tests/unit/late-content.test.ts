import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { type Clock, createThrottle, isLateContent } from '../../src/page/late-content';

function page() {
  const { document } = parseHTML(`<html><body>
    <nav id="nav"></nav>
    <main><article id="story"><p id="p1">First paragraph.</p></article><div id="feed"></div></main>
    <aside id="related"></aside>
    <div id="notes" contenteditable="true"></div>
    <dramatis-ui id="ours"></dramatis-ui>
  </body></html>`);
  return document as unknown as Document;
}

/** A childList record as a MutationObserver reports it, for `node` added under `target`. */
function added(target: Node, ...nodes: Node[]): MutationRecord {
  return { type: 'childList', target, addedNodes: nodes as unknown as NodeList } as unknown as MutationRecord;
}

function paragraph(doc: Document, text: string): HTMLElement {
  const p = doc.createElement('p');
  p.textContent = text;
  return p;
}

describe('what counts as late content', () => {
  const long = 'A new story about competition policy and the platforms. '.repeat(10);

  it('counts new text inside the article, and a long block of text elsewhere', () => {
    const doc = page();
    const story = doc.getElementById('story') as Element;
    const rules = { isOwn: () => false, roots: () => [story] };
    expect(isLateContent([added(story, paragraph(doc, 'A short new live-blog entry about the vote.'))], rules)).toBe(
      true,
    );
    const feed = doc.getElementById('feed') as Element;
    expect(isLateContent([added(feed, paragraph(doc, 'Short teaser text.'))], rules)).toBe(false);
    expect(isLateContent([added(feed, paragraph(doc, long))], rules)).toBe(true);
  });

  it('ignores our own UI, scripts, page furniture and editable areas', () => {
    const doc = page();
    const story = doc.getElementById('story') as Element;
    const ours = doc.getElementById('ours') as Element;
    const rules = { isOwn: (n: Node) => n === ours || ours.contains(n), roots: () => [story] };
    expect(isLateContent([added(ours, paragraph(doc, long))], rules)).toBe(false);
    const script = doc.createElement('script');
    script.textContent = long;
    expect(isLateContent([added(story, script)], rules)).toBe(false);
    expect(isLateContent([added(doc.getElementById('related') as Element, paragraph(doc, long))], rules)).toBe(false);
    expect(isLateContent([added(doc.getElementById('nav') as Element, paragraph(doc, long))], rules)).toBe(false);
    expect(isLateContent([added(doc.getElementById('notes') as Element, paragraph(doc, long))], rules)).toBe(false);
  });

  it('counts the article’s own elements being replaced (a framework re-rendering them)', () => {
    const doc = page();
    const story = doc.getElementById('story') as Element;
    const rules = { isOwn: () => false, roots: () => [story] };
    expect(isLateContent([], rules)).toBe(false);
    story.remove();
    expect(isLateContent([], rules)).toBe(true);
  });

  it('ignores a few characters changing, like a counter', () => {
    const doc = page();
    const story = doc.getElementById('story') as Element;
    const rules = { isOwn: () => false, roots: () => [story] };
    expect(isLateContent([added(doc.getElementById('p1') as Element, doc.createTextNode('42'))], rules)).toBe(false);
  });
});

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0;
  let id = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.set(++id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (t) => {
      timers.delete(t);
    },
  };
  // Lets every pending promise settle, as the event loop would between two timers.
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      await settle();
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = end;
  };
  return { clock, advance };
}

describe('the late-content throttle', () => {
  it('reads once after a burst settles, and at most once per gap', async () => {
    const { clock, advance } = manualClock();
    const runs: number[] = [];
    const throttle = createThrottle(
      async () => {
        runs.push(clock.now());
      },
      clock,
      { settleMs: 400, maxWaitMs: 1500, minGapMs: 2000 },
    );
    throttle.changed();
    await advance(100);
    throttle.changed();
    await advance(100);
    throttle.changed();
    await advance(1000);
    expect(runs).toEqual([600]);
    throttle.changed();
    await advance(3000);
    expect(runs).toEqual([600, 2600]);
  });

  it('does not wait for a page that never stops changing', async () => {
    const { clock, advance } = manualClock();
    const runs: number[] = [];
    const throttle = createThrottle(async () => void runs.push(clock.now()), clock, {
      settleMs: 400,
      maxWaitMs: 1500,
      minGapMs: 2000,
    });
    for (let t = 0; t < 2000; t += 200) {
      throttle.changed();
      await advance(200);
    }
    expect(runs[0]).toBe(1500);
  });

  it('never runs two readings at once: a change during one schedules one more', async () => {
    const { clock, advance } = manualClock();
    let running = 0;
    let most = 0;
    let finish: () => void = () => undefined;
    const runs: number[] = [];
    const throttle = createThrottle(
      () =>
        new Promise<void>((done) => {
          running++;
          most = Math.max(most, running);
          runs.push(clock.now());
          finish = () => {
            running--;
            done();
          };
        }),
      clock,
      { settleMs: 100, maxWaitMs: 500, minGapMs: 300 },
    );
    throttle.changed();
    await advance(150);
    throttle.changed();
    throttle.changed();
    await advance(1000);
    expect(runs).toHaveLength(1);
    finish();
    await advance(1000);
    expect(runs).toHaveLength(2);
    finish();
    expect(most).toBe(1);
  });

  it('reads less and less often while readings find nothing new, and recovers when one does', async () => {
    const { clock, advance } = manualClock();
    const runs: number[] = [];
    const throttle = createThrottle(async () => void runs.push(clock.now()), clock, {
      settleMs: 100,
      maxWaitMs: 100,
      minGapMs: 1000,
      maxGapMs: 4000,
    });
    // The page changes again the moment each reading is done.
    const nextReading = async () => {
      const count = runs.length;
      throttle.changed();
      while (runs.length === count) await advance(50);
    };
    await nextReading();
    for (const _ of [1, 2, 3, 4]) {
      throttle.slower();
      await nextReading();
    }
    throttle.sooner();
    await nextReading();
    const gaps = runs.slice(1).map((t, i) => t - (runs[i] as number));
    expect(gaps).toEqual([2000, 4000, 4000, 4000, 1000]);
  });

  it('does nothing once stopped', async () => {
    const { clock, advance } = manualClock();
    const runs: number[] = [];
    const throttle = createThrottle(async () => void runs.push(clock.now()), clock);
    throttle.changed();
    throttle.stop();
    throttle.changed();
    await advance(10_000);
    expect(runs).toEqual([]);
  });
});
