import type { RawItem } from '../aws/index.js';
import type { ResourceConfig } from '../config/index.js';
import type { MappingIssue } from '../mapping/index.js';
import type { MappingIssueEntry } from './plan-document.js';

/** How many failing items each issue names by identifier. */
const EXAMPLES_PER_ISSUE = 3;

/**
 * Collects mapping issues of a whole run into one entry per (resource config, field, skipped or
 * not), so a field that fails on 100k items is one line with a count, not 100k lines.
 */
export class MappingIssueLog {
  private readonly entries = new Map<string, MappingIssueEntry>();

  add(resource: ResourceConfig, issue: MappingIssue, item: RawItem | undefined): void {
    const key = `${resource.index}\u0000${issue.field}\u0000${issue.isItemSkipped}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {
        resource_index: resource.index,
        kind: resource.kind,
        field: issue.field,
        path: issue.place.path,
        line: issue.place.line,
        item_skipped: issue.isItemSkipped,
        count: 0,
        message: issue.message,
        examples: [],
      };
      this.entries.set(key, entry);
    }
    entry.count++;
    const example = item?.Identifier ?? (typeof item?.Id === 'string' ? item.Id : undefined);
    if (example && entry.examples.length < EXAMPLES_PER_ISSUE) entry.examples.push(example);
  }

  /** The entries, by resource config then field. */
  list(): MappingIssueEntry[] {
    return [...this.entries.values()].sort((a, b) => a.resource_index - b.resource_index || a.field.localeCompare(b.field));
  }
}
