import entitiesText from '../generated/entities.txt?raw';
import matcherAsset from '../generated/matcher.json';
import type { CompiledDataset } from './compile';
import { type MatcherAsset, unpackDataset } from './packed';

let dataset: CompiledDataset | undefined;

/** The dataset bundled with the extension; entities are parsed one by one as they are needed. */
export function bundledDataset(): CompiledDataset {
  dataset ??= unpackDataset(matcherAsset as unknown as MatcherAsset, entitiesText);
  return dataset;
}
