import type { ConfigProblem } from './config-problem.js';

/**
 * One problem as one line for a human, compiler-style so editors can jump to it:
 * `aws2port.yml:14: resources[2].port.entity.mappings.identifier: missing. Add identifier: ...`.
 * The path is left out for YAML syntax problems (they have none), the line when it is unknown (0).
 */
export function formatConfigProblem(problem: ConfigProblem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  return problem.path === '' ? `${where}: ${problem.message}` : `${where}: ${problem.path}: ${problem.message}`;
}
