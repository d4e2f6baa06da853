import type { EntityRecord, ErrorRecord, MapRecord, MapSummary } from '../../src/mapping/index.js';
import { entityAttributes, type TextStyle } from '../../src/model/index.js';

/** How `aws2port map` prints records: JSON lines (`--json`) or a listing for a person. */
export interface MapRecordFormat {
  isJson: boolean;
  style: TextStyle;
}

/** One record as printed, with its final newline. */
export function renderMapRecord(record: MapRecord, format: MapRecordFormat): string {
  if (format.isJson) return record.type === 'entity' ? entityLine(record) : `${JSON.stringify(errorObject(record))}\n`;
  return record.type === 'entity' ? entityListing(record, format.style) : problemLine(record, format.style);
}

/** `Mapped 10 items: 9 entities, 1 filtered out, 2 errors (1 item skipped).` */
export function summaryLine(summary: MapSummary): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  return `Mapped ${count(summary.items, 'item')}: ${count(summary.entities, 'entity', 'entities')}, ${summary.filtered} filtered out, ${count(summary.errors, 'error')} (${count(summary.skipped, 'item')} skipped).`;
}

/** `{"blueprint", "identifier", "title", "icon", "team", "properties", "relations"}` */
function entityLine({ blueprint, entity }: EntityRecord): string {
  const { identifier, title, icon, team, properties, relations } = entity;
  return `${JSON.stringify({ blueprint, identifier, title, icon, team, properties, relations })}\n`;
}

/** `{"error", "item", "expression", "field", "path", "line", "skipped"}` */
function errorObject(record: ErrorRecord): Record<string, unknown> {
  return {
    error: record.message,
    item: record.item,
    expression: record.expression,
    field: record.field,
    path: record.place?.path ?? null,
    line: record.place?.line ?? null,
    skipped: record.isItemSkipped,
  };
}

/** The entity's address, then its fields one per line. */
function entityListing(record: EntityRecord, style: TextStyle): string {
  const { entity } = record;
  let text = `${style.create('+')} ${style.bold(`${record.blueprint}.${entity.identifier}`)}  ${style.dim(`(item ${record.item}, resources[${record.resourceIndex}])`)}\n`;
  for (const [name, value] of entityAttributes(entity)) text += `      ${name} = ${JSON.stringify(value)}\n`;
  return text;
}

/** `! item 3: resources[0]...identifier (line 14): message [item skipped]` */
function problemLine(record: ErrorRecord, style: TextStyle): string {
  const where = record.place ? ` ${record.place.path}${record.place.line > 0 ? ` (line ${record.place.line})` : ''}` : '';
  const effect = record.field === null ? '' : record.isItemSkipped ? ' [item skipped]' : ' [set to null]';
  return `${style.warn('!')} item ${record.item}:${where}: ${record.message}${effect}\n`;
}
