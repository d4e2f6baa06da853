import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { isAws2PortError } from '../../src/errors/index.js';
import { openStateDatabase, SCHEMA_VERSION, StateStore } from '../../state/index.js';
import { anEntity, aRecord, aScope } from '../support/builders.js';
import { tempDir } from '../support/temp-dir.js';

describe('StateStore', () => {
  it('creates the state with its folder, a lineage and serial 0 on first use', () => {
    const file = join(tempDir(), 'nested', 'state.db');
    const store = new StateStore(openStateDatabase(file));
    assert.match(store.lineage, /^[0-9a-f-]{36}$/);
    assert.equal(store.serial, 0);
    assert.equal(store.countEntities(), 0);
    store.db.close();
  });

  it('keeps its lineage across opens', () => {
    const file = join(tempDir(), 'state.db');
    const first = new StateStore(openStateDatabase(file));
    const lineage = first.lineage;
    first.db.close();
    const second = new StateStore(openStateDatabase(file));
    assert.equal(second.lineage, lineage);
    second.db.close();
  });

  it('moves the serial once per transaction that changed something, and not for one that did not', () => {
    const store = new StateStore(openStateDatabase(join(tempDir(), 'state.db')));
    store.recordWrites((w) => {
      w.putEntity(aRecord('a', { blueprint: 'cloudResource', scope: aScope(), awsIdentifier: 'a', entity: anEntity('a') }));
      w.putEntity(aRecord('b', { blueprint: 'cloudResource', scope: aScope(), awsIdentifier: 'b', entity: anEntity('b') }));
    });
    assert.equal(store.serial, 1);
    store.recordWrites((w) => w.deleteEntity('cloudResource', 'missing'));
    assert.equal(store.serial, 1);
    store.recordWrites((w) => w.deleteEntity('cloudResource', 'a'));
    assert.equal(store.serial, 2);
    assert.deepEqual([...store.listEntities()].map((e) => e.identifier), ['b']);
    store.db.close();
  });

  it('returns a recorded entity with its scope and AWS identifier', () => {
    const store = new StateStore(openStateDatabase(join(tempDir(), 'state.db')));
    const scope = aScope({ kind: 'AWS::EC2::Instance', region: 'eu-west-1' });
    const written = aRecord('i-1', { scope, entity: anEntity('i-1', { team: ['a', 'b'] }) });
    store.recordWrites((w) => w.putEntity(written));
    assert.deepEqual(store.getEntity('cloudResource', 'i-1'), written);
    assert.equal(store.getEntity('cloudResource', 'nope'), undefined);
    store.db.close();
  });

  it('rolls back every row of a batch when recording it fails midway', () => {
    const store = new StateStore(openStateDatabase(join(tempDir(), 'state.db')));
    assert.throws(() =>
      store.recordWrites((w) => {
        w.putEntity(aRecord('a', { blueprint: 'cloudResource', scope: aScope(), awsIdentifier: 'a', entity: anEntity('a') }));
        throw new Error('crash while recording');
      }),
    );
    assert.equal(store.countEntities(), 0);
    assert.equal(store.serial, 0);
    store.db.close();
  });

  it('refuses a state written by a newer aws2port, naming what to do', () => {
    const file = join(tempDir(), 'state.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    assert.throws(() => openStateDatabase(file), (error) => isAws2PortError(error, 'StateUnreadable') && /Upgrade aws2port/.test(error.detail ?? ''));
  });
});

describe('a damaged state', () => {
  it('is refused with StateUnreadable, naming the file, when its lineage or serial is gone', () => {
    const file = join(tempDir(), 'state.db');
    const store = new StateStore(openStateDatabase(file));
    store.db.prepare("DELETE FROM meta WHERE key = 'serial'").run();
    assert.throws(() => store.serial, (error) => isAws2PortError(error, 'StateUnreadable') && error.subject === file && error.message.includes(file));
    store.db.close();
  });
});
