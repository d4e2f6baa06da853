import type { PlannedChange } from '../../state/index.js';
import { diffAttributes, type AttributeChange } from './attribute-diff.js';
import { describeDeletionShare } from './deletion-guard.js';
import { type ChangeAction } from './plan-document.js';
import { planHasChanges, type Plan, type PlanHeader } from './plan.js';
import { summaryLine } from './render-plan-text.js';
import { renderValue, renderValueDiff } from './render-values.js';
import { literal, oneLine, tableRow } from './markdown-text.js';
import { SizeBudget } from './size-budget.js';
import { entityAddress, formatScope, type OutputSink } from '../model/index.js';

/** GitHub's limit on the body of a pull-request comment, in characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** The hidden first line of a plan comment: a workflow finds its earlier comment by it, to update it. */
export const PLAN_COMMENT_MARKER = '<!-- aws2port plan -->';

/** Room kept for the closing of a cut section and the note that says what was cut. */
const CUT_NOTE_ROOM = 2_048;

const SYMBOL = { create: '+', update: '~', delete: '-' } as const;

export interface PlanMarkdownOptions {
  /** The most characters to write (UTF-16 code units); default GitHub's comment limit. */
  maxChars?: number;
}

/** A part of the comment: a heading written with its first item (never alone), items, a closing. */
interface Section {
  /** What its items are, for the note on what was cut: `skipped scopes`. */
  noun: string;
  heading: string;
  total: number;
  /** For changes: how many of each action, to say which were cut. */
  totalByAction?: Record<ChangeAction, number>;
  items: () => Iterable<SectionItem>;
  closing: string;
}

interface SectionItem {
  text: string;
  action?: ChangeAction;
}

/** How much of a section was written. */
interface SectionOutcome {
  section: Section;
  shown: number;
  shownByAction: Record<ChangeAction, number>;
}

/**
 * The plan as a pull-request comment (GitHub-flavoured markdown): the summary, the deletion guards
 * that stop its apply, counts per blueprint and kind, blueprints to create, skipped scopes, mapping
 * warnings, address conflicts, then each change with its attribute diff folded in `<details>`. A plan
 * longer than `maxChars` is cut, changes first, with a note of what was left out. Computes nothing
 * but the view: counts come from the header's summary and the change table.
 */
export async function renderPlanMarkdown(plan: Plan, sink: OutputSink, options: PlanMarkdownOptions = {}): Promise<void> {
  const maxChars = options.maxChars ?? GITHUB_COMMENT_LIMIT;
  const budget = new SizeBudget(maxChars - CUT_NOTE_ROOM);
  budget.force(headOf(plan.header));
  const outcomes = planSections(plan).map((section) => writeSection(section, budget));
  if (budget.isCut) budget.force(cutNote(outcomes, maxChars));
  await sink.write(budget.text());
}

function headOf(header: PlanHeader): string {
  const targets = header.targets.length > 0 ? ` Restricted to ${header.targets.map(literal).join(', ')}.` : '';
  return [
    PLAN_COMMENT_MARKER,
    '### aws2port plan',
    '',
    `**${summaryLine(header)}**`,
    '',
    `Planned from state serial ${header.serial} with config ${literal(header.config_hash)}.${targets} ` +
      '`aws2port apply` of this plan file refuses it once the state or the config has changed since.',
    '',
    '',
  ].join('\n');
}

function planSections(plan: Plan): Section[] {
  const { header } = plan;
  const { add, change, destroy } = header.summary;
  const counts = planHasChanges(header) ? plan.changes.countsByBlueprintAndKind() : [];
  return [
    {
      noun: 'deletion guards',
      heading: '> [!CAUTION]\n> **`aws2port apply` refuses this plan**: it deletes more than `entityDeletionThreshold` allows of\n>\n',
      total: header.mass_deletions.length,
      items: () => header.mass_deletions.map((entry) => ({ text: `> - ${literal(entry.blueprint)}: ${describeDeletionShare(entry)}\n` })),
      closing: '>\n> If AWS really lost them, apply with `--allow-mass-delete` (or raise `entityDeletionThreshold`).\n\n',
    },
    {
      noun: 'rows of counts',
      heading: '| blueprint | kind | add | change | destroy |\n| --- | --- | ---: | ---: | ---: |\n',
      total: counts.length,
      items: () => counts.map((row) => ({ text: `${tableRow([literal(row.blueprint), literal(row.kind), row.create, row.update, row.delete])}\n` })),
      closing: '\n',
    },
    {
      noun: 'blueprints to create',
      heading: '#### Blueprints to create in Port\n\n',
      total: header.blueprint_changes.length,
      items: () => header.blueprint_changes.map((b) => ({ text: `- ${literal(b.identifier)}\n` })),
      closing: '\n',
    },
    {
      noun: 'owner moves',
      heading: '#### Owner moves\n\nContent unchanged, now produced by another scope or AWS resource: the state records the new owner; nothing is written to Port.\n\n| address | now | was |\n| --- | --- | --- |\n',
      total: header.owner_moves.length,
      items: () =>
        header.owner_moves.map((m) => ({
          text: `${tableRow([literal(m.address), `${literal(m.aws_identifier ?? '?')} (${literal(formatScope(m.scope))})`, `${literal(m.from.aws_identifier ?? '?')} (${literal(formatScope(m.from.scope))})`])}\n`,
        })),
      closing: '\n',
    },
    {
      noun: 'entities of other writers',
      heading: '#### Entities another writer owns\n\nPort holds them as written by someone else: their changes are left out, and aws2port never changes or deletes them.\n\n| address | left out | written by |\n| --- | --- | --- |\n',
      total: header.foreign_entities?.length ?? 0,
      items: () => (header.foreign_entities ?? []).map((f) => ({ text: `${tableRow([literal(f.address), f.action, literal(f.datasource || 'unknown')])}\n` })),
      closing: '\n',
    },
    {
      noun: 'skipped scopes',
      heading: '#### Skipped scopes\n\nNot read fully, so nothing they own is deleted.\n\n| kind | account | region | reason |\n| --- | --- | --- | --- |\n',
      total: header.skipped_scopes.length,
      items: () => header.skipped_scopes.map((s) => ({ text: `${tableRow([literal(s.kind), literal(s.account), literal(s.region), literal(s.error)])}\n` })),
      closing: '\n',
    },
    {
      noun: 'mapping warnings',
      heading: '#### Mapping warnings\n\n| kind | mapping | items | effect | first error | e.g. |\n| --- | --- | ---: | --- | --- | --- |\n',
      total: header.mapping_issues.length,
      items: () =>
        header.mapping_issues.map((issue) => ({
          text: `${tableRow([
            literal(issue.kind),
            `${literal(issue.path)} (line ${issue.line})`,
            issue.count,
            issue.item_skipped ? 'items skipped' : 'set to null',
            literal(issue.message),
            issue.examples.map(literal).join(', '),
          ])}\n`,
        })),
      closing: '\n',
    },
    {
      noun: 'address conflicts',
      heading: '#### Address conflicts\n\nTwo items mapped to one address; the first by kind, account, region and AWS id is kept.\n\n| address | kept | dropped |\n| --- | --- | --- |\n',
      total: header.address_conflicts.length,
      items: () =>
        header.address_conflicts.map((c) => ({
          text: `${tableRow([literal(c.address), `${literal(c.kept.aws_identifier ?? '?')} (${literal(formatScope(c.kept.scope))})`, `${literal(c.dropped.aws_identifier ?? '?')} (${literal(formatScope(c.dropped.scope))})`])}\n`,
        })),
      closing: '\n',
    },
    {
      noun: 'changes',
      heading: '#### Changes\n\n',
      total: add + change + destroy,
      totalByAction: { create: add, update: change, delete: destroy },
      items: () => mapIterable(plan.changes.all(), (change) => ({ text: changeBlock(change), action: change.action })),
      closing: '',
    },
  ];
}

/** Writes what fits of a section; once the budget is cut, nothing more (not even a heading). */
function writeSection(section: Section, budget: SizeBudget): SectionOutcome {
  const outcome: SectionOutcome = { section, shown: 0, shownByAction: { create: 0, update: 0, delete: 0 } };
  if (section.total === 0 || budget.isCut) return outcome;
  for (const item of section.items()) {
    if (!budget.fit(outcome.shown === 0 ? section.heading + item.text : item.text)) break;
    outcome.shown++;
    if (item.action) outcome.shownByAction[item.action]++;
  }
  if (outcome.shown > 0) budget.force(section.closing);
  return outcome;
}

function cutNote(outcomes: readonly SectionOutcome[], maxChars: number): string {
  const left = outcomes
    .filter(({ section, shown }) => shown < section.total)
    .map(({ section, shown, shownByAction }) => `${count(section.total - shown)} of ${count(section.total)} ${section.noun}${section.totalByAction ? actionsLeft(section.totalByAction, shownByAction) : ''}`);
  return (
    `> [!NOTE]\n> Cut to fit a comment (${count(maxChars)} characters): not shown are ${left.join(', ')}. ` +
    'The counts above are of the whole plan; `aws2port show PLANFILE` prints all of it.\n'
  );
}

/** ` (9,000 to add, 812 to change)`: the changes of each action not shown. */
function actionsLeft(total: Record<ChangeAction, number>, shown: Record<ChangeAction, number>): string {
  const words = { create: 'to add', update: 'to change', delete: 'to destroy' } as const;
  const parts = (['create', 'update', 'delete'] as const).filter((a) => total[a] > shown[a]).map((a) => `${count(total[a] - shown[a])} ${words[a]}`);
  return ` (${parts.join(', ')})`;
}

/** One change: its address, scope and why in the `<summary>`, its attribute diff folded below. */
function changeBlock(change: PlannedChange): string {
  const reason = change.reason ? ` — ${literal(change.reason)}` : '';
  const summary = `${SYMBOL[change.action]} ${literal(entityAddress(change.blueprint, change.identifier))} (${literal(formatScope(change.scope))})${reason}`;
  // No value can close the fence: a closing fence is backticks alone on a line (after at most 3 spaces),
  // and each diff line starts with `+`, `-`, `@@` or spaces then a name or JSON (strings quoted).
  return `<details><summary>${summary}</summary>\n\n\`\`\`diff\n${diffLines(change).join('\n')}\n\`\`\`\n\n</details>\n\n`;
}

/** The attribute diff as `diff` lines: `+`/`-` in the first column, so GitHub colours them. */
function diffLines(change: PlannedChange): string[] {
  const { changes, unchanged } = diffAttributes(change.action, change.before, change.after);
  const lines = changes.flatMap(attributeLines);
  if (unchanged > 0) lines.push(`  # (${unchanged} unchanged attribute${unchanged === 1 ? '' : 's'} hidden)`);
  return lines;
}

function attributeLines(attribute: AttributeChange): string[] {
  // a property's name comes from the mapping: kept on its line, so it cannot start one with a fence
  const name = oneLine(attribute.name);
  if (attribute.action === 'add') return valueLines('+', name, attribute.value);
  if (attribute.action === 'remove') return valueLines('-', name, attribute.value);
  const before = renderValue(attribute.before);
  const after = renderValue(attribute.after);
  if (before.length === 1 && after.length === 1) return [...valueLines('-', name, attribute.before), ...valueLines('+', name, attribute.after)];
  const diff = renderValueDiff(attribute.before, attribute.after).map((line) => (line.startsWith('@@') ? line : `${line.slice(0, 1)}   ${line.slice(1)}`));
  return [`  ${name}:`, ...diff];
}

function valueLines(symbol: '+' | '-', name: string, value: unknown): string[] {
  const [first, ...rest] = renderValue(value);
  return [`${symbol} ${name} = ${first}`, ...rest.map((line) => `${symbol}   ${line}`)];
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Iterable<U> {
  for (const item of items) yield map(item);
}
