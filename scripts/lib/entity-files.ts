import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ENTITIES_DIR = fileURLToPath(new URL('../../src/dataset/entities', import.meta.url));

export interface RawEntityFile {
  /** Path relative to the entities folder, e.g. "person/rod-rosenstein.json". */
  path: string;
  folder: string;
  baseName: string;
  /** The parsed JSON, or undefined with `error` when the file is not JSON. */
  json: unknown;
  error?: string;
}

/** Reads every entity file; a file that is not JSON is reported, never thrown. */
export function readEntityFiles(dir = ENTITIES_DIR): RawEntityFile[] {
  const files: RawEntityFile[] = [];
  for (const folder of readdirSync(dir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const file of readdirSync(join(dir, folder.name)).sort()) {
      if (!file.endsWith('.json')) continue;
      const full = join(dir, folder.name, file);
      const path = relative(dir, full);
      try {
        files.push({
          path,
          folder: folder.name,
          baseName: file.slice(0, -5),
          json: JSON.parse(readFileSync(full, 'utf8')),
        });
      } catch (err) {
        files.push({
          path,
          folder: folder.name,
          baseName: file.slice(0, -5),
          json: undefined,
          error: (err as Error).message,
        });
      }
    }
  }
  return files;
}
