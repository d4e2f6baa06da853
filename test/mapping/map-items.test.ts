import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { RawItem } from '../../src/aws/index.js';
import { AddressBook, compileMapper, emptySummary, loadJqEngine, mapItems, originOrder, scopeOfItem, type JqEngine, type ScopedItem } from '../../src/mapping/index.js';
import { buildResource } from './builders.js';

const ACCOUNT = '111111111111';

let engine: JqEngine;
before(async () => {
  engine = await loadJqEngine();
});

function bucket(name: string, region: string): ScopedItem {
  const item: RawItem = { Identifier: name, Properties: {}, __Kind: 'AWS::S3::Bucket', __AccountId: ACCOUNT, __Region: region };
  return { item, scope: { kind: 'AWS::S3::Bucket', account: ACCOUNT, region: 'global' } };
}

describe('mapItems', () => {
  it("leaves out items outside the config's region policy, counted as filtered out, and keeps item indexes", () => {
    const resource = buildResource();
    resource.selector.regionPolicy = { allow: [], deny: ['eu-west-1'] };
    const mapped = mapItems(compileMapper(resource, engine), [bucket('a', 'us-east-1'), bucket('b', 'eu-west-1'), bucket('c', 'us-west-2')]);

    assert.deepEqual(mapped.entities.map((e) => [e.itemIndex, e.identifier]), [[0, 'a'], [2, 'c']]);
    assert.equal(mapped.filtered, 1);
  });

  it('reports issues at the index of the item given, past the items the region policy left out', () => {
    const resource = buildResource({ identifier: '.Properties.Name | ascii_downcase' });
    resource.selector.regionPolicy = { allow: ['us-east-1'], deny: [] };
    const items = [bucket('a', 'eu-west-1'), { ...bucket('b', 'us-east-1'), item: { ...bucket('b', 'us-east-1').item, Properties: { Name: 7 } } }];

    const mapped = mapItems(compileMapper(resource, engine), items);

    assert.deepEqual(mapped.issues.map((issue) => [issue.itemIndex, issue.field]), [[1, 'identifier']]);
  });

  it('maps Organizations accounts whatever the policy: they have no region of their own', () => {
    const resource = buildResource({ kind: 'AWS::Organizations::Account', identifier: '.Id' });
    resource.selector.regionPolicy = { allow: ['eu-west-1'], deny: [] };
    const item: RawItem = { Id: '222222222222', __Kind: 'AWS::Organizations::Account', __AccountId: '222222222222', __Region: 'us-east-1' };

    const mapped = mapItems(compileMapper(resource, engine), [{ item, scope: { kind: item.__Kind, account: ACCOUNT, region: 'global' } }]);

    assert.deepEqual(mapped.entities.map((e) => [e.identifier, e.origin.awsIdentifier]), [['222222222222', '222222222222']]);
  });

  it("gives each entity its item's AWS identifier: Cloud Control's, else the one it was read by", () => {
    const mapper = compileMapper(buildResource({ identifier: '.Properties.Arn' }), engine);
    const listed = { ...bucket('a', 'us-east-1'), item: { ...bucket('a', 'us-east-1').item, Properties: { Arn: 'arn:a' } } };
    const { Identifier: _identifier, ...bare } = listed.item;

    const mapped = mapItems(mapper, [listed, { item: { ...bare, Properties: { Arn: 'arn:b' } }, scope: listed.scope, readBy: 'b' }]);

    assert.deepEqual(mapped.entities.map((e) => e.origin.awsIdentifier), ['a', 'b']);
  });
});

describe('AddressBook: the address conflict rule while streaming', () => {
  const order = (region: string, identifier: string) => originOrder({ scope: scopeOfItem(bucket(identifier, region).item, 'AWS::EC2::Instance'), awsIdentifier: identifier });
  const claim = (book: AddressBook, item: number, region: string, identifier: string) =>
    book.claim({ item, resourceIndex: 0, blueprint: 'cloudResource', identifier: 'same', order: order(region, identifier) }, emptySummary());

  it('keeps the item first by kind, account, region and AWS identifier, whichever comes first', () => {
    const book = new AddressBook();
    assert.equal(claim(book, 0, 'us-east-1', 'i-2'), null);

    const taken = claim(book, 1, 'eu-west-1', 'i-9');
    assert.equal(taken?.isClaimKept, true);
    assert.equal(taken?.record.item, 0, 'the item that held the address loses it');

    const lost = claim(book, 2, 'us-east-1', 'i-1');
    assert.equal(lost?.isClaimKept, false);
    assert.equal(lost?.record.item, 2);
  });

  it('keeps the first met on a tie: one item that two configs map to one address', () => {
    const book = new AddressBook();
    claim(book, 0, 'us-east-1', 'i-1');

    const again = claim(book, 0, 'us-east-1', 'i-1');
    assert.deepEqual([again?.isClaimKept, again?.record.item], [false, 0]);
  });

  it('orders items of global kinds by the scope a plan reads them in, not by their own region', () => {
    const inUs = scopeOfItem(bucket('a', 'us-east-1').item, 'AWS::S3::Bucket');
    const inEu = scopeOfItem(bucket('a', 'eu-west-1').item, 'AWS::S3::Bucket');

    assert.deepEqual(inUs, inEu);
    assert.deepEqual(inUs, { kind: 'AWS::S3::Bucket', account: ACCOUNT, region: 'global' });
  });
});
