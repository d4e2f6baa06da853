import type { PlannedChange } from '../../state/index.js';
import { describeMassDeletion } from './deletion-guard.js';
import { planHasChanges, type Plan, type PlanHeader } from './plan.js';
import { diffAttributes } from './attribute-diff.js';
import { renderValue, renderValueDiff } from './render-values.js';
import { ChunkedWriter } from './text-sink.js';
import { entityAddress, formatScope, type OutputSink, type TextStyle } from '../model/index.js';

const SYMBOL = { create: '+', update: '~', delete: '-' } as const;

/** The plan for a person, Terraform-style, streamed. Computes nothing: counts come from the header's summary. */
export async function renderPlanText(plan: Plan, sink: OutputSink, style: TextStyle): Promise<void> {
  const out = new ChunkedWriter(sink);
  const { header } = plan;
  const line = (text = '') => out.write(`${text}\n`);
  const { add, change, destroy } = header.summary;
  if (add + change + destroy > 0 || header.blueprint_changes.length > 0) {
    await line(style.bold('aws2port will perform the following actions:'));
    await line();
    for (const blueprint of header.blueprint_changes) {
      if (blueprint.action === 'create') await line(`  ${style.create('+')} blueprint ${blueprint.identifier}`);
      else await line(`  ${style.update('~')} blueprint ${blueprint.identifier}: add ${blueprint.add_properties.map((name) => `properties.${name}`).join(', ')}`);
    }
    for (const change of plan.changes.all()) for (const text of renderChange(change, style)) await line(text);
    await line();
  }
  if (header.owner_moves.length > 0) {
    await line(style.bold('Owner moves (the state records the new owner; nothing is written to Port):'));
    for (const move of header.owner_moves) await line(`  ${style.update('>')} ${move.address.padEnd(36)} ${style.dim(`# ${move.reason}`)}`);
    await line();
  }
  const foreign = header.foreign_entities ?? [];
  if (foreign.length > 0) {
    await line(style.warn('Entities another writer owns in Port (their changes are left out; aws2port never changes them):'));
    for (const f of foreign) await line(`  ${style.warn('!')} ${f.address.padEnd(36)} ${style.dim(`# ${f.action} left out: written by ${f.datasource || 'an unknown writer'}`)}`);
    await line();
  }
  if (header.mass_deletions.length > 0) {
    await line(style.destroy('Deletions over entityDeletionThreshold (apply refuses them unless --allow-mass-delete):'));
    for (const entry of header.mass_deletions) await line(`  ${style.destroy('!')} ${describeMassDeletion(entry)}`);
    await line();
  }
  if (header.skipped_scopes.length > 0) {
    await line(style.warn('Skipped scopes (nothing they own will be deleted):'));
    for (const s of header.skipped_scopes) await line(`  ${style.warn('!')} ${formatScope(s)}: ${s.error}`);
    await line();
  }
  if (header.unread_items.length > 0) {
    await line(style.warn('Unread resources (what they produced is kept as it was):'));
    for (const u of header.unread_items) await line(`  ${style.warn('!')} ${formatScope(u)} ${u.aws_identifier}: ${u.error}`);
    await line();
  }
  if (header.mapping_issues.length > 0) {
    await line(style.warn('Mapping issues:'));
    for (const issue of header.mapping_issues) {
      const effect = issue.item_skipped ? 'items skipped' : 'set to null';
      const examples = issue.examples.length > 0 ? ` (e.g. ${issue.examples.join(', ')})` : '';
      await line(`  ${style.warn('!')} ${issue.kind} ${issue.path} (line ${issue.line}): ${issue.count} ${effect}${examples}: ${issue.message}`);
    }
    await line();
  }
  if (header.value_refusals.length > 0) {
    await line(style.warn('Values the blueprint refuses (these entities are left out; fix the mapping or the blueprint):'));
    for (const r of header.value_refusals) {
      const value = r.rule === 'required' && r.value === null ? 'no value' : JSON.stringify(r.value);
      await line(`  ${style.warn('!')} ${r.address} properties.${r.property} = ${value}: ${r.message}; schema ${JSON.stringify(r.schema)}`);
    }
    await line();
  }
  if (header.address_conflicts.length > 0) {
    await line(style.warn('Address conflicts (one address from two items; the first by kind, account, region, AWS id is kept):'));
    for (const c of header.address_conflicts) {
      await line(`  ${style.warn('!')} ${c.address}: ${c.kept.aws_identifier ?? '?'} (${formatScope(c.kept.scope)}) and ${c.dropped.aws_identifier ?? '?'} (${formatScope(c.dropped.scope)})`);
    }
    await line();
  }
  await line(summaryLine(header));
  await out.flush();
}

/** `Plan: 1 to add, 1 to change, 1 to destroy.` or `No changes. Port matches AWS.` */
export function summaryLine(header: PlanHeader): string {
  if (!planHasChanges(header)) return 'No changes. Port matches AWS.';
  const { add, change, destroy } = header.summary;
  return `Plan: ${add} to add, ${change} to change, ${destroy} to destroy.`;
}

function renderChange(change: PlannedChange, style: TextStyle): string[] {
  const paint = change.action === 'create' ? style.create : change.action === 'update' ? style.update : style.destroy;
  const header = `  ${paint(SYMBOL[change.action])} ${entityAddress(change.blueprint, change.identifier).padEnd(36)} ${style.dim(`(${formatScope(change.scope)})`)}`;
  const lines = [change.reason && change.action === 'delete' ? `${header} ${style.dim(`# ${change.reason}`)}` : header];
  if (change.action === 'delete') return lines;
  const { changes, unchanged } = diffAttributes(change.action, change.before, change.after);
  for (const attribute of changes) {
    if (attribute.action === 'add') lines.push(...attributeLines(style.create('+'), attribute.name, '=', renderValue(attribute.value)));
    else if (attribute.action === 'remove') lines.push(...attributeLines(style.destroy('-'), attribute.name, '=', renderValue(attribute.value)));
    else lines.push(...updateLines(attribute.name, attribute.before, attribute.after, style));
  }
  if (unchanged > 0) lines.push(style.dim(`      # (${unchanged} unchanged attribute${unchanged === 1 ? '' : 's'} hidden)`));
  return lines;
}

function updateLines(name: string, old: unknown, value: unknown, style: TextStyle): string[] {
  const oldText = renderValue(old);
  const newText = renderValue(value);
  if (oldText.length === 1 && newText.length === 1) return [`      ${style.update('~')} ${name} = ${oldText[0]} -> ${newText[0]}`];
  const diff = renderValueDiff(old, value).map((line) => {
    const painted = line.startsWith('+') ? style.create(line) : line.startsWith('-') ? style.destroy(line) : line;
    return `          ${painted}`;
  });
  return [`      ${style.update('~')} ${name}:`, ...diff];
}

function attributeLines(symbol: string, name: string, operator: string, valueLines: string[]): string[] {
  const [first, ...rest] = valueLines;
  return [`      ${symbol} ${name} ${operator} ${first}`, ...rest.map((line) => `        ${line}`)];
}
