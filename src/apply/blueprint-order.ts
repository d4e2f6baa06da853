/**
 * Orders blueprints so that relation targets come before the blueprints that point at them (upserts
 * in this order, deletes in reverse). `targetsOf` gives each blueprint's relation targets; cycles and
 * unknown blueprints keep their input order.
 */
export function orderBlueprintsByRelations(blueprints: readonly string[], targetsOf: (blueprint: string) => readonly string[]): string[] {
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const members = new Set(blueprints);
  const visit = (blueprint: string) => {
    if (state.has(blueprint)) return;
    state.set(blueprint, 'visiting');
    for (const target of targetsOf(blueprint)) if (members.has(target) && target !== blueprint) visit(target);
    state.set(blueprint, 'done');
    ordered.push(blueprint);
  };
  for (const blueprint of blueprints) visit(blueprint);
  return ordered;
}
