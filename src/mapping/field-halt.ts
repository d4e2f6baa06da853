import type { MappingField } from './mapping-fields.js';

/** An input on which jq stopped (`halt`, `halt_error`) in a field program: the field that stopped it, and what it said. */
export class FieldHalt {
  constructor(
    readonly field: MappingField,
    /** `jq stopped on this item (halt or halt_error)`, with the text it wrote. One line. */
    readonly message: string,
  ) {}
}
