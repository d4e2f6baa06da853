import type { LineCounter, YAMLError } from 'yaml';
import type { ConfigProblem } from './config-problem.js';

/** Messages of the yaml library that speak to its programmers, said for the person editing the file. */
const PLAIN_MESSAGES: Partial<Record<YAMLError['code'], string>> = {
  MULTIPLE_DOCS: 'the file holds more than one YAML document (a --- line). Keep a single document.',
  DUPLICATE_KEY: 'a key is written twice in the same block. Keep one of them.',
};

/** A YAML syntax error or warning as a config problem at its line (it has no settings path). */
export function yamlProblem(error: YAMLError, lineCounter: LineCounter, file: string): ConfigProblem {
  const message =
    PLAIN_MESSAGES[error.code] ??
    `${error.message.replace(/[.:]?\s*$/, '')}. Fix the YAML syntax here (indentation, quotes, brackets, a colon after each key).`;
  return {
    code: 'ConfigInvalid',
    message,
    path: '',
    line: lineCounter.linePos(error.pos[0]).line,
    file,
  };
}
