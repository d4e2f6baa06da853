import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blueprintProblems } from '../../src/model/index.js';
import { loadExampleBlueprints } from '../simulators/port/index.js';

const FINE = { identifier: 'cloudResource', title: 'Cloud resource', schema: { properties: { kind: { type: 'string' } } }, relations: { account: { target: 'awsAccount', required: true, many: false } } };

/** The field each problem is about. */
const fieldsOf = (problems: string[]) => problems.map((problem) => problem.slice(0, problem.indexOf(':')));

describe('blueprintProblems', () => {
  it('finds nothing in the example blueprints', () => {
    for (const blueprint of loadExampleBlueprints()) assert.deepEqual(blueprintProblems(blueprint), [], blueprint.identifier);
  });

  it('names what Port would refuse: a missing or empty title, identifiers past their pattern or length, no schema', () => {
    assert.deepEqual(fieldsOf(blueprintProblems({ ...FINE, title: undefined })), ['title']);
    assert.deepEqual(fieldsOf(blueprintProblems({ ...FINE, title: '' })), ['title']);
    assert.deepEqual(fieldsOf(blueprintProblems({ ...FINE, title: 't'.repeat(101) })), ['title']);
    assert.deepEqual(fieldsOf(blueprintProblems({ ...FINE, identifier: 'with=equals' })), ['identifier']);
    assert.deepEqual(fieldsOf(blueprintProblems({ ...FINE, identifier: '..' })), ['identifier']);
    assert.deepEqual(fieldsOf(blueprintProblems({ ...FINE, identifier: 'b'.repeat(101) })), ['identifier']);
    assert.deepEqual(fieldsOf(blueprintProblems({ ...FINE, schema: undefined })), ['schema.properties']);
    assert.deepEqual(fieldsOf(blueprintProblems({ ...FINE, schema: { properties: { 'a.b': { type: 'string' } } } })), ['schema.properties.a.b']);
    assert.deepEqual(fieldsOf(blueprintProblems({ ...FINE, relations: { 'the account': { target: 'awsAccount', required: true, many: false } } })), ['relations.the account']);
    assert.deepEqual(fieldsOf(blueprintProblems({ ...FINE, relations: { account: { target: 'awsAccount' } } })), ['relations.account']);
    assert.deepEqual(blueprintProblems({ ...FINE, identifier: 'b'.repeat(100), title: 'Ü'.repeat(100) }), []);
  });
});
