import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { vouchedScopes, type ReadCoverage } from '../../src/plan/index.js';
import { UNKNOWN_SCOPE, scopeKey, type Scope } from '../../src/model/index.js';

const BUCKETS_111: Scope = { kind: 'AWS::S3::Bucket', account: '111111111111', region: 'global' };
const EC2_111_EU: Scope = { kind: 'AWS::EC2::Instance', account: '111111111111', region: 'eu-west-1' };
const EC2_111_AP: Scope = { kind: 'AWS::EC2::Instance', account: '111111111111', region: 'ap-south-1' };
const EC2_333_EU: Scope = { kind: 'AWS::EC2::Instance', account: '333333333333', region: 'eu-west-1' };
const QUEUES_111: Scope = { kind: 'AWS::SQS::Queue', account: '111111111111', region: 'eu-west-1' };

function coverage(overrides: Partial<ReadCoverage> = {}): ReadCoverage {
  return {
    plannedKinds: new Set(['AWS::S3::Bucket', 'AWS::EC2::Instance', 'AWS::SQS::Queue']),
    configuredKinds: new Set(['AWS::S3::Bucket', 'AWS::EC2::Instance']),
    completeScopes: new Set([scopeKey(BUCKETS_111)]),
    intendedScopes: new Set([scopeKey(BUCKETS_111), scopeKey(EC2_111_EU)]),
    knownAccounts: new Set(['111111111111']),
    isAccountListComplete: true,
    isAccountOfRun: () => true,
    isEveryScopeRead: false,
    ...overrides,
  };
}

const reasons = (scopes: Scope[], c: ReadCoverage) => Object.fromEntries(vouchedScopes(scopes, c).map((v) => [scopeKey(v.scope), v.reason]));

describe('vouchedScopes', () => {
  it('vouches for a scope read completely', () => {
    assert.deepEqual(reasons([BUCKETS_111], coverage()), { [scopeKey(BUCKETS_111)]: 'no longer in AWS' });
  });

  it('keeps entities of a scope that failed to read', () => {
    assert.deepEqual(reasons([EC2_111_EU], coverage()), {});
  });

  it('vouches for a kind removed from the config', () => {
    assert.match(reasons([QUEUES_111], coverage())[scopeKey(QUEUES_111)]!, /no longer in the config/);
  });

  it('vouches for a region no longer read', () => {
    assert.match(reasons([EC2_111_AP], coverage())[scopeKey(EC2_111_AP)]!, /region ap-south-1 is no longer read/);
  });

  it('vouches for an account gone from a complete account list, but not from an incomplete one', () => {
    assert.match(reasons([EC2_333_EU], coverage())[scopeKey(EC2_333_EU)]!, /account 333333333333/);
    assert.deepEqual(reasons([EC2_333_EU], coverage({ isAccountListComplete: false })), {});
  });

  it('under --shard, vouches for a gone account of this shard only', () => {
    const thisShard = coverage({ isAccountOfRun: (account) => account === '333333333333' });
    assert.match(reasons([EC2_333_EU], thisShard)[scopeKey(EC2_333_EU)]!, /account 333333333333/);
    const otherShard = coverage({ isAccountOfRun: () => false });
    assert.deepEqual(reasons([EC2_333_EU], otherShard), {});
  });

  it('vouches for nothing outside the planned kinds (--target)', () => {
    assert.deepEqual(reasons([BUCKETS_111, QUEUES_111], coverage({ plannedKinds: new Set(['AWS::EC2::Instance']) })), {});
  });

  it('vouches for entities of unknown scope only after a run that read every scope completely', () => {
    assert.deepEqual(reasons([UNKNOWN_SCOPE], coverage()), {});
    assert.match(reasons([UNKNOWN_SCOPE], coverage({ isEveryScopeRead: true }))[scopeKey(UNKNOWN_SCOPE)]!, /every scope was read completely/);
  });
});
