import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const gc = (globalThis as { gc?: () => void }).gc;

/** Heap plus typed-array memory after a full collection, when Node runs with --expose-gc. */
export function memoryBytes(): number | null {
  if (!gc) return null;
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

const CHILD = fileURLToPath(new URL('./cold-start-child.ts', import.meta.url));

/**
 * Median over fresh processes of loading `file` and getting ready for the first match, and the
 * memory the ready matcher holds.
 */
export function coldStart(file: string, mode: 'dataset' | 'trie', runs = 5): { ms: number; bytes: number } {
  const ms: number[] = [];
  const bytes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, file, mode], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cold-start child failed: ${r.stderr}`);
    const out = JSON.parse(r.stdout) as { ms: number; bytes: number };
    ms.push(out.ms);
    bytes.push(out.bytes);
  }
  return { ms: median(ms), bytes: median(bytes) };
}
