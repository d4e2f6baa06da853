/**
 * The doctor stage: read-only checks of a real setup, one line each with its fix (`aws2port doctor`).
 * It reuses the run's own stages (account discovery, scope reading, mapping, the plan's blueprint check,
 * the Port client with `validation_only=true`) so that what it finds is what a run would meet. It
 * writes nothing, to AWS, Port or the state. Also here: `validateConfigFile`, the static checks of
 * `aws2port validate` (the config, its jq, its blueprints, child kinds), which read nothing remote.
 */
export { runDoctor, type DoctorOptions } from './run-doctor.js';
export type { BlueprintsFile } from './check-blueprints.js';
export type { CheckId, CheckStatus, DoctorCheck, DoctorReport } from './doctor-check.js';
export { validateConfigFile, type ValidationReport } from './validate-config-file.js';
