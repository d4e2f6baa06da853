/**
 * The values at a dotted path in parsed JSON: `responseElements.instancesSet.items[].instanceId` walks
 * into every element of `items`. Keys may hold dashes (`instance-id`). Missing steps yield nothing;
 * only strings are returned (identifiers are strings), in document order.
 */
export function readPath(value: unknown, path: string): string[] {
  let current: unknown[] = [value];
  for (const step of path.split('.')) {
    const isEach = step.endsWith('[]');
    const key = isEach ? step.slice(0, -2) : step;
    const next: unknown[] = [];
    for (const node of current) {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) continue;
      const child = (node as Record<string, unknown>)[key];
      if (isEach) {
        if (Array.isArray(child)) next.push(...child);
      } else if (child !== undefined) {
        next.push(child);
      }
    }
    current = next;
  }
  return current.filter((v): v is string => typeof v === 'string' && v.length > 0);
}
