/**
 * A Port entity as aws2port writes it. The blueprint is not part of the body: Port takes it from the
 * path, and aws2port keeps it beside the identifier (`address`).
 */
export interface Entity {
  identifier: string;
  title: string | null;
  icon: string | null;
  team: string | string[] | null;
  properties: Record<string, unknown>;
  relations: Record<string, unknown>;
}

/** An entity with the blueprint it belongs to. */
export interface BlueprintEntity {
  blueprint: string;
  entity: Entity;
}
