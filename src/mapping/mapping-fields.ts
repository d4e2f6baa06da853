import type { JqExpression, ResourceConfig } from '../config/index.js';

/** What a mapped value must be, which decides how a bad value is reported. */
export type FieldRole = 'selector' | 'itemsToParse' | 'identifier' | 'blueprint' | 'text' | 'team' | 'property' | 'relation';

/** One jq expression of a resource config and the field it fills. */
export interface MappingField {
  /** The field as issues name it: `selector.query`, `identifier`, `properties.arn`, `relations.account`... */
  field: string;
  role: FieldRole;
  /** The property or relation name (the key in the entity); empty for the other fields. */
  key: string;
  expression: JqExpression;
}

/** A resource config's jq expressions, in the order they are evaluated. */
export interface MappingFields {
  selector: MappingField;
  /** Set when the config has `port.itemsToParse`. */
  itemsToParse: MappingField | null;
  /** identifier, blueprint, title, icon, team, properties, relations (jq ones only), in config order. */
  entity: MappingField[];
}

/** Lists the jq expressions of a resource config (search-query relations are not jq: they are left out). */
export function listMappingFields(resource: ResourceConfig): MappingFields {
  const { mappings } = resource;
  const entity: MappingField[] = [
    { field: 'identifier', role: 'identifier', key: '', expression: mappings.identifier },
    { field: 'blueprint', role: 'blueprint', key: '', expression: mappings.blueprint },
  ];
  for (const name of ['title', 'icon'] as const) {
    const expression = mappings[name];
    if (expression) entity.push({ field: name, role: 'text', key: '', expression });
  }
  if (mappings.team) entity.push({ field: 'team', role: 'team', key: '', expression: mappings.team });
  for (const [key, expression] of Object.entries(mappings.properties)) {
    entity.push({ field: `properties.${key}`, role: 'property', key, expression });
  }
  for (const [key, relation] of Object.entries(mappings.relations)) {
    if ('text' in relation) entity.push({ field: `relations.${key}`, role: 'relation', key, expression: relation });
  }
  return {
    selector: { field: 'selector.query', role: 'selector', key: '', expression: resource.selector.query },
    itemsToParse: resource.itemsToParse ? { field: 'itemsToParse', role: 'itemsToParse', key: '', expression: resource.itemsToParse } : null,
    entity,
  };
}

/** Every field of `fields`, in evaluation order. */
export function allMappingFields(fields: MappingFields): MappingField[] {
  return [fields.selector, ...(fields.itemsToParse ? [fields.itemsToParse] : []), ...fields.entity];
}
