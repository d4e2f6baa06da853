import type { PortClient, PortEntity } from '../port/index.js';
import type { StateStore } from '../../state/index.js';
import { detectDrift, fieldsToRead } from './detect-drift.js';
import { entityAddress, serializeEntity } from '../model/index.js';

/** Recorded entities compared per Port search: Port returns at most 1000 a page. */
const PAGE_SIZE = 1000;

/** One entity that drifted, as `refresh` reports it. */
export interface DriftReport {
  address: string;
  /** `deleted` in Port, or `changed` in these fields. */
  kind: 'deleted' | 'changed';
  fields: string[];
}

/** What a refresh found. */
export interface RefreshResult {
  checked: number;
  drifted: DriftReport[];
}

/**
 * Reads every entity the state records back from Port (searches by identifier, only the fields we
 * write) and records what Port really holds: an entity changed in Port is recorded with Port's values,
 * one deleted in Port is forgotten. The next plan then sees the difference from AWS and restores it.
 * Nothing is written to Port.
 */
export async function refreshState(store: StateStore, port: PortClient, onDrift?: (report: DriftReport) => void): Promise<RefreshResult> {
  const result: RefreshResult = { checked: 0, drifted: [] };
  for (const blueprint of store.countByBlueprint().keys()) {
    for (let after = ''; ; ) {
      const records = store.pageEntities(blueprint, after, PAGE_SIZE);
      if (records.length === 0) break;
      after = records.at(-1)!.identifier;
      const held = new Map<string, PortEntity>();
      const query = { combinator: 'and' as const, rules: [{ property: '$identifier', operator: 'in', value: records.map((r) => r.identifier) }] };
      for await (const page of port.searchEntities(blueprint, query, fieldsToRead(records.map((r) => r.entity)))) {
        for (const entity of page) held.set(entity.identifier, entity);
      }
      const reports: DriftReport[] = [];
      store.recordWrites((writer) => {
        for (const record of records) {
          const drift = detectDrift(record.entity, held.get(record.identifier));
          if (!drift) continue;
          const address = entityAddress(blueprint, record.identifier);
          if (drift.kind === 'deleted') {
            writer.deleteEntity(blueprint, record.identifier);
            reports.push({ address, kind: 'deleted', fields: [] });
          } else {
            writer.putEntity({ ...record, ...serializeEntity(drift.held) });
            reports.push({ address, kind: 'changed', fields: drift.fields });
          }
        }
      });
      result.checked += records.length;
      for (const report of reports) {
        result.drifted.push(report);
        onDrift?.(report);
      }
    }
  }
  return result;
}
