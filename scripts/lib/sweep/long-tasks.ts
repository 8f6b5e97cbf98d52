import type { CDPSession } from 'playwright-core';

/** One trace event, as Chromium reports it (times in microseconds). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
}

const MARK_PREFIX = 'dramatis:';
const LONG_US = 50_000;

/**
 * Records the browser's trace while a page is read: top-level tasks of every thread, and the
 * page's performance marks. The Long Tasks API cannot be used for this: Chromium leaves a
 * content script's work out of the tasks it reports to the page.
 */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: Record<string, unknown>[] }) => {
    for (const event of e.value) events.push(event as unknown as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    categories: 'toplevel,blink.user_timing',
    transferMode: 'ReportEvents',
  } as never);
  return async () => {
    const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/**
 * Long tasks on the page's main thread (the thread our marks were set on): all of them, and
 * those that ran our code, i.e. contain one of our marks. A task is counted whole, even the part
 * of it that is not ours.
 */
export function longTasksIn(events: readonly TraceEvent[]): { all: number; ours: number[] } {
  const marks = events.filter((e) => e.name.startsWith(MARK_PREFIX) && (e.ph === 'I' || e.ph === 'R' || e.ph === 'i'));
  const first = marks[0];
  if (!first) return { all: 0, ours: [] };
  const tasks = events.filter(
    (e) =>
      e.ph === 'X' &&
      e.pid === first.pid &&
      e.tid === first.tid &&
      e.cat.includes('toplevel') &&
      (e.dur ?? 0) >= LONG_US,
  );
  // Nested top-level slices (a microtask checkpoint inside a task) are one task: keep the outermost.
  const outer = tasks.filter(
    (t) =>
      !tasks.some(
        (o) => o !== t && o.ts <= t.ts && o.ts + (o.dur ?? 0) >= t.ts + (t.dur ?? 0) && (o.dur ?? 0) > (t.dur ?? 0),
      ),
  );
  const ours = outer
    .filter((t) => marks.some((m) => m.pid === t.pid && m.tid === t.tid && m.ts >= t.ts && m.ts <= t.ts + (t.dur ?? 0)))
    .map((t) => (t.dur ?? 0) / 1000);
  return { all: outer.length, ours };
}
