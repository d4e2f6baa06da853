import { structuredPatch } from 'diff';

/** Values longer than this on one line are shown over several lines. */
const INLINE_LIMIT = 70;

/** A value on one line when it fits, else pretty JSON over several lines. */
export function renderValue(value: unknown): string[] {
  const inline = JSON.stringify(value) ?? 'null';
  if (inline.length <= INLINE_LIMIT) return [inline];
  return JSON.stringify(value, null, 2).split('\n');
}

/** A unified diff of two values' pretty JSON, as lines (`@@` hunks, `+`/`-`/` ` lines). */
export function renderValueDiff(before: unknown, after: unknown): string[] {
  const patch = structuredPatch('before', 'after', `${JSON.stringify(before, null, 2) ?? 'null'}\n`, `${JSON.stringify(after, null, 2) ?? 'null'}\n`, '', '', { context: 2 });
  const lines: string[] = [];
  for (const hunk of patch.hunks) {
    lines.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
    lines.push(...hunk.lines.filter((line) => !line.startsWith('\\')));
  }
  return lines;
}

/** Deep equality of JSON values. */
export function isSameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
