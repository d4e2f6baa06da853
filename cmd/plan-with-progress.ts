import type { BlueprintDefinition, ResolvedConfig } from '../src/config/index.js';
import type { Mapper } from '../src/mapping/index.js';
import { makePlan, type Plan, type PortOwnership } from '../src/plan/index.js';
import type { PortClient } from '../src/port/index.js';
import type { StateStore } from '../state/index.js';
import type { CommonArgs } from './arguments.js';
import type { Output } from './output.js';
import { RememberedRegions } from './remembered-regions.js';
import { ScanProgressView } from './views/scan-progress-view.js';

/** The blueprints file's definitions and the Port client to look them up with. */
export interface PlannedBlueprints {
  definitions: readonly BlueprintDefinition[];
  port: PortClient;
}

/**
 * Makes the plan of `plan` and `apply` from their flags, with the mappers compilePlannedMappers gave,
 * showing the AWS read's progress meanwhile. S3 buckets are read first in the regions the state says
 * the last read found them in, and the regions this read found are kept there for the next. With
 * `ownership`, changes to entities another writer owns in Port are left out and listed.
 */
export async function planWithProgress(
  args: CommonArgs,
  config: ResolvedConfig,
  mappers: readonly Mapper[],
  store: StateStore,
  output: Output,
  ownership: PortOwnership | undefined,
  blueprints?: PlannedBlueprints,
): Promise<Plan> {
  const scanProgress = new ScanProgressView(output, args);
  const regionHints = new RememberedRegions(store.db);
  try {
    const plan = await makePlan({
      config,
      mappers,
      store,
      targets: args.targets,
      parallelism: args.parallelism,
      log: output.log,
      isStrict: args.isStrict,
      ...(args.shard ? { shard: args.shard } : {}),
      onScanProgress: (progress) => scanProgress.update(progress),
      ...(blueprints ? { blueprints } : {}),
      ...(ownership ? { ownership } : {}),
      regionHints,
    });
    regionHints.save();
    return plan;
  } finally {
    scanProgress.finish();
  }
}
