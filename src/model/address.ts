/** The address of an entity: `BLUEPRINT.IDENTIFIER`. */
export function entityAddress(blueprint: string, identifier: string): string {
  return `${blueprint}.${identifier}`;
}
