import { formatConfigProblem, type ConfigProblem } from '../../src/config/index.js';
import { validateConfigFile } from '../../src/doctor/index.js';
import type { Args } from '../arguments.js';
import type { Output } from '../output.js';

/**
 * `aws2port validate`: checks the config (structure, every jq expression, blueprint references) with
 * neither AWS nor Port. Exit 0 when it is valid (warnings allowed), 1 listing every error.
 */
export async function runValidate(args: Extract<Args, { command: 'validate' }>, output: Output): Promise<number> {
  const report = await validateConfigFile(args.config);
  const isValid = report.errors.length === 0;
  if (args.json) {
    await output.json({ valid: isValid, errors: report.errors.map(jsonProblem), warnings: report.warnings.map(jsonProblem) });
    return isValid ? 0 : 1;
  }
  const { style } = output;
  const lines = [
    ...report.errors.map((problem) => `${style.destroy('Error:')} ${formatConfigProblem(problem)}`),
    ...report.warnings.map((problem) => `${style.warn('Warning:')} ${formatConfigProblem(problem)}`),
  ];
  const count = report.errors.length;
  lines.push(isValid ? style.create('The configuration is valid.') : `The configuration has ${count} error${count === 1 ? '' : 's'}.`);
  await output.stdout.write(`${lines.join('\n')}\n`);
  return isValid ? 0 : 1;
}

function jsonProblem(problem: ConfigProblem): { file: string; path: string; line: number; message: string; code: string } {
  return { file: problem.file, path: problem.path, line: problem.line, message: problem.message, code: problem.code };
}
