import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ConfigProblem, formatConfigProblem, parseConfig } from '../../src/config/index.js';

function problem(overrides: Partial<ConfigProblem>): ConfigProblem {
  return { code: 'ConfigInvalid', message: 'missing. Add it.', path: 'resources[2].port.entity.mappings.identifier', line: 14, file: 'aws2port.yml', ...overrides };
}

describe('formatConfigProblem', () => {
  it('writes file:line: path: message, so editors can jump to it', () => {
    assert.equal(formatConfigProblem(problem({})), 'aws2port.yml:14: resources[2].port.entity.mappings.identifier: missing. Add it.');
  });

  it('leaves the path out of a YAML syntax problem', () => {
    assert.equal(formatConfigProblem(problem({ path: '', message: 'Bad indentation.' })), 'aws2port.yml:14: Bad indentation.');
  });

  it('leaves the line out when it is unknown', () => {
    assert.equal(formatConfigProblem(problem({ line: 0 })), 'aws2port.yml: resources[2].port.entity.mappings.identifier: missing. Add it.');
  });

  it('names the file as the user named it, not its absolute path', () => {
    const [first] = parseConfig('resources: []\n', 'conf/aws2port.yml').errors;
    assert.ok(first);
    assert.ok(formatConfigProblem(first).startsWith('conf/aws2port.yml:1: resources: '));
  });
});
