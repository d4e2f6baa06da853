/** Member accounts whose read role `doctor` assumes, without `--all-accounts`. */
export const SAMPLE_ACCOUNTS = 5;
/** Items of each kind `doctor` reads (from the first page on) to map and check. */
export const SAMPLE_ITEMS_PER_KIND = 5;
/** Entities of each blueprint `doctor` has Port validate (`validation_only=true`). */
export const SAMPLE_ENTITIES_PER_BLUEPRINT = 5;
/** Problems a check's detail names one by one; the rest are counted. */
export const PROBLEMS_NAMED = 3;
