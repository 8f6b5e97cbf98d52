import { resolve } from 'node:path';

export interface SweepArgs {
  /** Run an evenly spread sample of this many pages instead of the whole corpus. */
  limit: number;
  json: boolean;
  /** The unpacked extension to load (copied to a temporary folder first). */
  extension: string;
  corpus: string;
  /** Print one line per page as it is swept. */
  verbose: boolean;
  /** Only pages whose corpus path contains this. */
  match?: string;
}

const USAGE = 'usage: sweep [--limit N] [--json] [--extension DIR] [--corpus DIR] [--match TEXT] [--verbose]';

/** Parses the command line; a malformed one throws with the usage line. */
export function parseSweepArgs(argv: readonly string[]): SweepArgs {
  const out: SweepArgs = {
    limit: Number.POSITIVE_INFINITY,
    json: false,
    extension: resolve('.output/chrome-mv3'),
    corpus: resolve('../shared/corpus'),
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === '--json') out.json = true;
    else if (arg === '--verbose') out.verbose = true;
    else if (arg === '--limit') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error(`--limit must be a positive whole number\n${USAGE}`);
      out.limit = n;
    } else if (arg === '--extension') out.extension = resolve(value());
    else if (arg === '--corpus') out.corpus = resolve(value());
    else if (arg === '--match') out.match = value();
    else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
  }
  return out;
}
