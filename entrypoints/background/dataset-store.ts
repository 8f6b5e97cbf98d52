import { createEngine, type Engine } from '../../src/analysis/engine';
import { type CompiledDataset, compileDataset } from '../../src/dataset/compile';
import { validateEntities } from '../../src/dataset/validate';
import type { DatasetImport, PersonalDatasetInfo } from '../../src/messaging/protocol';
import { mergeEntities } from '../../src/personal-data/merge';
import { parseDatasetFile } from '../../src/personal-data/parse-file';
import type { PersonalDataset } from '../../src/storage/items';
import { guardQuota } from '../../src/storage/quota';

interface Loaded {
  engine: Engine;
  info: PersonalDatasetInfo | null;
}

interface DatasetStorage {
  getValue(): Promise<PersonalDataset | null>;
  setValue(value: PersonalDataset | null): Promise<void>;
  removeValue(): Promise<void>;
}

/**
 * The dataset the matcher uses: the bundled one, with the person's imported entities merged
 * over it (same id replaces, new id adds). Built on first use; rebuilt after an import or a
 * removal. An import is checked whole before anything is stored, so a bad file changes nothing.
 */
export function createDatasetStore(
  bundled: () => CompiledDataset,
  storage: DatasetStorage,
  onProblem: (note: string) => void = () => undefined,
) {
  let loading: Promise<Loaded> | undefined;

  function build(personal: PersonalDataset | null): Loaded {
    const base = bundled();
    if (!personal) return { engine: createEngine(base), info: null };
    const merged = mergeEntities(base.entities, personal.entities);
    return {
      engine: createEngine(compileDataset(merged.entities)),
      info: {
        fileName: personal.fileName,
        importedAt: personal.importedAt,
        count: personal.entities.length,
        replaced: merged.replaced,
        added: merged.added,
      },
    };
  }

  async function load(): Promise<Loaded> {
    const stored = await storage.getValue().catch(() => null);
    if (!stored) return build(null);
    // What is in storage was valid when imported; check again in case it was damaged since.
    const entities = Array.isArray(stored.entities) ? stored.entities : [];
    const check = validateEntities(
      entities.map((json, i) => ({ origin: `entity ${i + 1}`, json })),
      bundled().entities,
    );
    if (check.errors.length > 0 || entities.length === 0) {
      onProblem(`personalDataset: the stored copy of "${stored.fileName}" is unreadable and is not used`);
      return build(null);
    }
    return build({ ...stored, entities: check.entities });
  }

  const current = () => {
    loading ??= load();
    return loading;
  };

  return {
    engine: async () => (await current()).engine,
    info: async () => (await current()).info,

    async import(fileName: string, text: string): Promise<DatasetImport> {
      const parsed = parseDatasetFile(fileName, text, bundled().entities);
      if (!parsed.ok) return { ok: false, errors: parsed.errors };
      const personal: PersonalDataset = { fileName, importedAt: Date.now(), entities: parsed.entities };
      const next = build(personal);
      await guardQuota(`the dataset "${fileName}"`, () => storage.setValue(personal));
      loading = Promise.resolve(next);
      return { ok: true, info: next.info as PersonalDatasetInfo };
    },

    async remove(): Promise<void> {
      await storage.removeValue();
      loading = Promise.resolve(build(null));
    },
  };
}

export type DatasetStore = ReturnType<typeof createDatasetStore>;
