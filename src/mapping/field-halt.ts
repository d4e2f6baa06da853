import type { MappingField } from './mapping-fields.js';

/**
 * An input that jq could not evaluate in a field program, which skips the item: jq stopped on it
 * (`halt`, `halt_error`), jq-wasm crashed or ran out of time on it, or the input is beyond the
 * mapping's limits. The field concerned, and what happened.
 */
export class FieldHalt {
  constructor(
    readonly field: MappingField,
    /** What happened, e.g. `jq stopped on this item (halt or halt_error)`, with the text it wrote. One line. */
    readonly message: string,
  ) {}
}
