import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { ConfigLoadResult, ConfigProblem } from './config-problem.js';
import { aliasProblems } from './alias-problems.js';
import { configHash } from './config-hash.js';
import { resolveConfig } from './resolve-config.js';
import type { WrittenConfig } from './written-config.js';
import { WrittenNode } from './written-node.js';
import { yamlProblem } from './yaml-problem.js';

/**
 * Reads a config from its text: YAML syntax first, then every rule, collecting every problem.
 * `file` is the name to show in problems (resolved against the working directory for
 * `ResolvedConfig.file` and the blueprints path). `bytes` are the file's bytes when they were read
 * from disk (the hash is of them); by default the text's UTF-8 encoding.
 */
export function parseConfig(text: string, file: string, bytes: Uint8Array = Buffer.from(text, 'utf8')): ConfigLoadResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors = [...document.errors.map((error) => yamlProblem(error, lineCounter, file)), ...aliasProblems(document, lineCounter, file)];
  const warnings = document.warnings.map((warning) => yamlProblem(warning, lineCounter, file));
  // A document with syntax errors (or aliases that cannot be read) is only partly read: checking it
  // would report keys as missing that are merely unreadable, so only the syntax errors are reported.
  if (errors.length > 0) return { errors, warnings };

  const origin = { file: resolve(file), hash: configHash(bytes) };
  const root = WrittenNode.root<WrittenConfig>({ document, lineCounter, file, errors, warnings });
  const config = resolveConfig(root, origin);
  // The rules run block by block; a reader wants the file top to bottom (the sort is stable).
  errors.sort(byLine);
  warnings.sort(byLine);
  return config !== undefined && errors.length === 0 ? { config, errors, warnings } : { errors, warnings };
}

function byLine(a: ConfigProblem, b: ConfigProblem): number {
  return a.line - b.line;
}
