import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDatasetStore } from '../../entrypoints/background/dataset-store';
import { compileDataset } from '../../src/dataset/compile';
import { mergeEntities } from '../../src/personal-data/merge';
import { MAX_DATASET_BYTES, parseDatasetFile } from '../../src/personal-data/parse-file';
import type { PersonalDataset } from '../../src/storage/items';
import { realEngine } from '../helpers/dataset';

const bundled = () => realEngine().dataset;
const valid = readFileSync('tests/fixtures/personal/valid.json', 'utf8');
const invalid = readFileSync('tests/fixtures/personal/invalid.json', 'utf8');

function memoryStorage(initial: PersonalDataset | null = null, failWrites = false) {
  let value = initial;
  return {
    getValue: async () => value,
    setValue: async (v: PersonalDataset | null) => {
      if (failWrites) throw new Error('QUOTA_BYTES quota exceeded');
      value = v;
    },
    removeValue: async () => {
      value = null;
    },
    peek: () => value,
  };
}

const PRIYA = 'Priya Example chaired the hearing. Example said the plan would change.';

describe('importing a personal dataset', () => {
  it('names the file, the entity and the field of every error', () => {
    const result = parseDatasetFile('invalid.json', invalid, bundled().entities);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'invalid.json › entity 1 (priya-example): statements.0.url: must be an https:// URL',
        'invalid.json › entity 2 (Bad Id): id: must be kebab-case (a-z, 0-9, hyphens)',
        'invalid.json › entity 2 (Bad Id): type: must be person, company or agency',
        'invalid.json › entity 2 (Bad Id): name: must not be empty',
      ]),
    );
  });

  it.each([
    ['{ "id": ', /^broken\.json: is not valid JSON \(/],
    ['[]', /^broken\.json: holds no entities$/],
    [`"${'x'.repeat(MAX_DATASET_BYTES)}"`, /^broken\.json: is 4\.0 MB; at most 4 MB is accepted$/],
  ])('refuses a file that is not a dataset: %#', (text, message) => {
    const result = parseDatasetFile('broken.json', text, bundled().entities);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(message);
  });

  it('checks references against the bundled data and the file itself', () => {
    const entity = { id: 'new-co', type: 'company', name: 'New Co', parent: 'no-such-parent' };
    const result = parseDatasetFile('refs.json', JSON.stringify({ entities: [entity] }), bundled().entities);
    expect(result).toEqual({
      ok: false,
      errors: ['refs.json › entity 1 (new-co): parent: unknown entity "no-such-parent"'],
    });
    const known = { ...entity, parent: 'meta' };
    expect(parseDatasetFile('refs.json', JSON.stringify(known), bundled().entities).ok).toBe(true);
  });

  it('merges over the bundled data: the same id replaces, a new one is added', () => {
    const amber = bundled().entities.find((e) => e.id === 'amber-rudd');
    if (!amber) throw new Error('amber-rudd missing from the bundled data');
    const corrected = { ...amber, summary: 'A corrected summary.' };
    const priya = JSON.parse(valid)[0];
    const merged = mergeEntities(bundled().entities, [corrected, priya]);
    expect(merged.replaced).toEqual(['amber-rudd']);
    expect(merged.added).toEqual(['priya-example']);
    expect(merged.entities).toHaveLength(bundled().entities.length + 1);
    expect(merged.entities.find((e) => e.id === 'amber-rudd')?.summary).toBe('A corrected summary.');
  });

  it('a valid file is stored and matched; an invalid one changes nothing; removal restores the bundled data', async () => {
    const storage = memoryStorage();
    const store = createDatasetStore(bundled, storage);
    const names = async () => {
      const engine = await store.engine();
      return engine.matcher.match(PRIYA).map((m) => engine.dataset.entities[m.entity]?.id);
    };
    expect(await names()).toEqual([]);

    const bad = await store.import('invalid.json', invalid);
    expect(bad.ok).toBe(false);
    expect(storage.peek()).toBeNull();
    expect(await names()).toEqual([]);

    const good = await store.import('valid.json', valid);
    expect(good).toEqual({
      ok: true,
      info: expect.objectContaining({ fileName: 'valid.json', count: 1, added: ['priya-example'], replaced: [] }),
    });
    expect(storage.peek()?.entities.map((e) => e.id)).toEqual(['priya-example']);
    expect(await names()).toEqual(['priya-example', 'priya-example']);
    expect((await store.engine()).entity('priya-example')?.roles?.[0]?.org).toBe('Harbour Communications Authority');

    // A worker that starts later reads it back from storage.
    const restarted = createDatasetStore(bundled, storage);
    expect((await restarted.engine()).entity('priya-example')).toBeDefined();

    await store.remove();
    expect(storage.peek()).toBeNull();
    expect(await names()).toEqual([]);
  });

  it('reports a full quota and keeps the dataset it had', async () => {
    const store = createDatasetStore(bundled, memoryStorage(null, true));
    await expect(store.import('valid.json', valid)).rejects.toThrow(
      /^Browser storage for Dramatis is full, so the dataset "valid\.json" could not be saved/,
    );
    expect((await store.engine()).entity('priya-example')).toBeUndefined();
  });

  it('ignores a damaged stored copy, says so, and uses the bundled data', async () => {
    const notes: string[] = [];
    const damaged = { fileName: 'old.json', importedAt: 1, entities: [{ id: 'x', type: 'alien' }] } as never;
    const store = createDatasetStore(bundled, memoryStorage(damaged), (n) => notes.push(n));
    expect((await store.engine()).dataset.entities.length).toBe(bundled().entities.length);
    expect(notes).toEqual(['personalDataset: the stored copy of "old.json" is unreadable and is not used']);
  });

  it('recompiles the merged data fast enough for a worker start', () => {
    const priya = JSON.parse(valid)[0];
    const started = performance.now();
    compileDataset(mergeEntities(bundled().entities, [priya]).entities);
    const ms = performance.now() - started;
    console.log(`merged dataset of ${bundled().entities.length + 1} entities compiled in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(2_000);
  });
});
