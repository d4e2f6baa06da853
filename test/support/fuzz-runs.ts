/**
 * How many cases each property test tries: a few hundred in CI, more with `AWS2PORT_FUZZ_RUNS=N`
 * (e.g. 100000 for a long local run). `AWS2PORT_FUZZ_SEED` replays a failure fast-check reported.
 */
export function fuzzRuns(ciRuns: number): number {
  const asked = Number(process.env.AWS2PORT_FUZZ_RUNS);
  return Number.isInteger(asked) && asked > 0 ? asked : ciRuns;
}

/** fast-check parameters of a property: the runs, and the seed when one is given to replay. */
export function fuzzParameters(ciRuns: number): { numRuns: number; seed?: number } {
  const seed = Number(process.env.AWS2PORT_FUZZ_SEED);
  return { numRuns: fuzzRuns(ciRuns), ...(Number.isInteger(seed) ? { seed } : {}) };
}
