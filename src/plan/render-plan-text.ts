import { formatScope } from '../aws/scope.js';
import type { PlanDocument, ResourceChange } from './plan-document.js';
import { entityAttributes, isSameValue, renderValue, renderValueDiff } from './render-values.js';
import type { TextSink, TextStyle } from './text-style.js';

const SYMBOL = { create: '+', update: '~', delete: '-' } as const;

/** The plan for a person, Terraform-style. Computes nothing: counts come from the plan's summary. */
export function renderPlanText(plan: PlanDocument, out: TextSink, style: TextStyle): void {
  const lines: string[] = [];
  if (plan.resource_changes.length > 0 || plan.blueprint_changes.length > 0) {
    lines.push(style.bold('aws2port will perform the following actions:'), '');
    for (const blueprint of plan.blueprint_changes) lines.push(`  ${style.create('+')} blueprint ${blueprint.identifier}`);
    for (const change of plan.resource_changes) lines.push(...renderChange(change, style));
    lines.push('');
  }
  if (plan.skipped_scopes.length > 0) {
    lines.push(style.warn('Skipped scopes (nothing they own will be deleted):'));
    for (const s of plan.skipped_scopes) lines.push(`  ${style.warn('!')} ${formatScope(s)}: ${s.error}`);
    lines.push('');
  }
  if (plan.mapping_issues.length > 0) {
    lines.push(style.warn('Mapping issues:'));
    for (const issue of plan.mapping_issues) {
      const effect = issue.item_skipped ? 'items skipped' : 'set to null';
      const examples = issue.examples.length > 0 ? ` (e.g. ${issue.examples.join(', ')})` : '';
      lines.push(`  ${style.warn('!')} ${issue.kind} ${issue.path} (line ${issue.line}): ${issue.count} ${effect}${examples}: ${issue.message}`);
    }
    lines.push('');
  }
  if (plan.address_conflicts.length > 0) {
    lines.push(style.warn('Address conflicts (the first item kept):'));
    for (const c of plan.address_conflicts) {
      lines.push(`  ${style.warn('!')} ${c.address}: ${c.kept.aws_identifier ?? '?'} (${formatScope(c.kept.scope)}) and ${c.dropped.aws_identifier ?? '?'} (${formatScope(c.dropped.scope)})`);
    }
    lines.push('');
  }
  lines.push(summaryLine(plan));
  out.write(`${lines.join('\n')}\n`);
}

/** `Plan: 1 to add, 1 to change, 1 to destroy.` or `No changes. Port matches AWS.` */
export function summaryLine(plan: PlanDocument): string {
  if (plan.resource_changes.length === 0 && plan.blueprint_changes.length === 0) return 'No changes. Port matches AWS.';
  const { add, change, destroy } = plan.summary;
  return `Plan: ${add} to add, ${change} to change, ${destroy} to destroy.`;
}

function renderChange(change: ResourceChange, style: TextStyle): string[] {
  const paint = change.action === 'create' ? style.create : change.action === 'update' ? style.update : style.destroy;
  const header = `  ${paint(SYMBOL[change.action])} ${change.address.padEnd(36)} ${style.dim(`(${formatScope(change.scope)})`)}`;
  const lines = [change.reason && change.action === 'delete' ? `${header} ${style.dim(`# ${change.reason}`)}` : header];
  if (change.action === 'delete') return lines;
  const before = entityAttributes(change.before);
  const after = entityAttributes(change.after);
  let unchanged = 0;
  for (const [name, value] of after) {
    const old = before.get(name);
    if (change.action === 'create') {
      if (value !== null && value !== undefined) lines.push(...attributeLines(style.create('+'), name, '=', renderValue(value)));
    } else if (!before.has(name)) {
      lines.push(...attributeLines(style.create('+'), name, '=', renderValue(value)));
    } else if (isSameValue(old, value)) {
      unchanged++;
    } else {
      lines.push(...updateLines(name, old, value, style));
    }
  }
  for (const [name, old] of before) {
    if (change.action === 'update' && !after.has(name)) lines.push(...attributeLines(style.destroy('-'), name, '=', renderValue(old)));
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
