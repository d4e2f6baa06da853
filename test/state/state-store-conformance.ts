import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, it } from 'node:test';
import { isAws2PortError } from '../../src/errors/index.js';
import { acquireStateLock, readLock, StateStore } from '../../state/index.js';
import { anEntity, aRecord, aScope } from '../support/builders.js';
import type { CrashPoint } from './crash-holding-state.js';

/** A state opened for the contract, and how to reach it again. */
export interface OpenedState {
  store: StateStore;
  /**
   * For a state that outlives its connection: the file another run (another process) opens, and how
   * this process opens it again. Absent for a state that lives only as long as its connection (the
   * empty state in memory that read-only commands use when there is no state file).
   */
  durable?: { file: string; reopen(): StateStore };
}

/** Opens a new, empty state of one kind; each call a state of its own. */
export type OpenState = () => OpenedState;

const CRASH_PROCESS = fileURLToPath(new URL('./crash-holding-state.js', import.meta.url));

/** Everything a reader can see of a state: its header and every record. */
function snapshot(store: StateStore) {
  return { lineage: store.lineage, serial: store.serial, entities: [...store.listEntities()] };
}

/** Runs a separate process that opens the state file, does its part, and is killed there. */
function crashInAnotherProcess(file: string, point: CrashPoint): void {
  const run = spawnSync(process.execPath, [CRASH_PROCESS, file, point], { encoding: 'utf8' });
  assert.equal(run.signal, 'SIGKILL', `the crashing process should die by SIGKILL; it said: ${run.stderr}`);
}

/**
 * The contract every state store keeps, after Terraform's state manager tests: a new state is empty;
 * its lineage is made once and kept; the serial moves only on a write that changed something; what is
 * recorded is read back equal; a failed or interrupted write leaves the state as it was; one writer at
 * a time, and a crashed writer never blocks the next; a reopened state keeps everything.
 * Each store implementation adds one line: `stateStoreConformance('its name', openIt)`.
 */
export function stateStoreConformance(name: string, open: OpenState): void {
  describe(`state store contract: ${name}`, () => {
    const opened: StateStore[] = [];
    const openTracked = (): OpenedState => {
      const state = open();
      opened.push(state.store);
      if (!state.durable) return state;
      const { file, reopen } = state.durable;
      return { store: state.store, durable: { file, reopen: () => { const again = reopen(); opened.push(again); return again; } } };
    };
    afterEach(() => {
      for (const store of opened.splice(0)) if (store.db.open) store.db.close();
    });

    it('starts empty, at serial 0, with a lineage', () => {
      const { store } = openTracked();
      assert.match(store.lineage, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.equal(store.serial, 0);
      assert.equal(store.countEntities(), 0);
      assert.deepEqual([...store.listEntities()], []);
      assert.deepEqual([...store.countByBlueprint()], []);
      assert.deepEqual(store.listOwningScopes(), []);
      assert.equal(store.getEntity('cloudResource', 'a'), undefined);
      assert.equal(readLock(store.db), undefined);
    });

    it('gives each new state its own lineage, and never changes it', () => {
      const { store } = openTracked();
      const { store: other } = openTracked();
      assert.notEqual(store.lineage, other.lineage);
      const lineage = store.lineage;
      store.recordWrites((w) => w.putEntity(aRecord('a')));
      store.recordWrites((w) => w.deleteEntity('cloudResource', 'a'));
      assert.equal(store.lineage, lineage);
    });

    it('moves the serial by one on each write that changed something, and on nothing else', () => {
      const { store } = openTracked();
      store.recordWrites((w) => {
        w.putEntity(aRecord('a'));
        w.putEntity(aRecord('b'));
      });
      assert.equal(store.serial, 1, 'one write of two entities');
      [...store.listEntities()];
      store.getEntity('cloudResource', 'a');
      store.countByBlueprint();
      store.recordWrites(() => {});
      store.recordWrites((w) => w.deleteEntity('cloudResource', 'never-recorded'));
      store.recordWrites((w) => w.putEntity(aRecord('a')));
      assert.equal(store.serial, 1, 'reads, an empty write, deleting what is not there and recording what is recorded');
      store.recordWrites((w) => w.putEntity(aRecord('a', { entity: anEntity('a', { title: 'renamed' }) })));
      assert.equal(store.serial, 2, 'an update');
      store.recordWrites((w) => w.deleteEntity('cloudResource', 'b'));
      assert.equal(store.serial, 3, 'a delete');
    });

    it('reads back what was recorded, equal, by every read', () => {
      const { store } = openTracked();
      const bucket = aRecord('bucket-1', { entity: anEntity('bucket-1', { team: ['data'], properties: { kind: 'AWS::S3::Bucket', tags: [{ Key: 'env', Value: 'prod' }], size: 3.5, empty: null } }) });
      const instance = aRecord('i-1', { scope: aScope({ kind: 'AWS::EC2::Instance', region: 'eu-west-1' }), awsIdentifier: null });
      const account = aRecord('111111111111', { blueprint: 'awsAccount', scope: aScope({ kind: 'AWS::Organizations::Account', region: 'global' }) });
      store.recordWrites((w) => [instance, bucket, account].forEach((record) => w.putEntity(record)));
      assert.deepEqual(store.getEntity('cloudResource', 'bucket-1'), bucket);
      assert.deepEqual(store.getEntity('cloudResource', 'i-1'), instance);
      assert.deepEqual([...store.listEntities()], [account, bucket, instance], 'by blueprint, then identifier');
      assert.deepEqual(store.pageEntities('cloudResource', 'bucket-1', 10), [instance]);
      assert.deepEqual(store.pageEntities('cloudResource', '', 1), [bucket]);
      assert.equal(store.countEntities(), 3);
      assert.deepEqual(Object.fromEntries(store.countByBlueprint()), { awsAccount: 1, cloudResource: 2 });
      const byKey = (scopes: readonly { kind: string; account: string; region: string }[]) => scopes.map((s) => `${s.kind} ${s.account} ${s.region}`).sort();
      assert.deepEqual(byKey(store.listOwningScopes()), byKey([bucket.scope, instance.scope, account.scope]));
    });

    it('replaces a record written again under the same address, scope included', () => {
      const { store } = openTracked();
      store.recordWrites((w) => w.putEntity(aRecord('q')));
      const moved = aRecord('q', { scope: aScope({ account: '222222222222' }), awsIdentifier: 'q-2', entity: anEntity('q', { title: 'moved' }) });
      store.recordWrites((w) => w.putEntity(moved));
      assert.deepEqual([...store.listEntities()], [moved]);
      assert.deepEqual(store.listOwningScopes(), [moved.scope]);
    });

    it('hands out copies: changing what a read returned changes nothing recorded', () => {
      const { store } = openTracked();
      store.recordWrites((w) => w.putEntity(aRecord('a')));
      const read = store.getEntity('cloudResource', 'a')!;
      read.entity.title = 'changed by a reader';
      read.scope.region = 'elsewhere';
      assert.deepEqual(store.getEntity('cloudResource', 'a'), aRecord('a'));
    });

    it('leaves the state as it was when a write fails midway', () => {
      const { store } = openTracked();
      store.recordWrites((w) => ['a', 'b'].forEach((id) => w.putEntity(aRecord(id))));
      const before = snapshot(store);
      assert.throws(
        () =>
          store.recordWrites((w) => {
            w.putEntity(aRecord('c'));
            w.deleteEntity('cloudResource', 'a');
            w.putEntity(aRecord('b', { entity: anEntity('b', { title: 'half-written' }) }));
            throw new Error('Port answered, then recording failed');
          }),
        /recording failed/,
      );
      assert.deepEqual(snapshot(store), before);
    });

    it('lets one writer in at a time, and the next one once it released the lock', () => {
      const state = openTracked();
      const held = acquireStateLock(state.store.db, 'apply');
      const second = state.durable ? state.durable.reopen() : state.store;
      assert.throws(() => acquireStateLock(second.db, 'watch'), (error) => isAws2PortError(error, 'StateLocked') && error.detail!.includes(held.info.id));
      assert.equal(readLock(second.db)?.id, held.info.id, 'the holder is kept');
      held.release();
      const next = acquireStateLock(second.db, 'watch');
      assert.equal(readLock(state.store.db)?.operation, 'watch');
      next.release();
    });

    const probe = open();
    probe.store.db.close();
    if (probe.durable === undefined) return;

    it('does not let a writer that crashed holding the lock block the next', () => {
      const { durable } = openTracked();
      crashInAnotherProcess(durable!.file, 'holding-lock');
      const next = durable!.reopen();
      assert.equal(readLock(next.db)?.operation, 'apply', 'the crashed run left its lock');
      const taken = acquireStateLock(next.db, 'apply');
      assert.equal(readLock(next.db)?.id, taken.info.id);
      taken.release();
    });

    it('leaves the state as it was when the process is killed in the middle of recording a write', () => {
      const { store, durable } = openTracked();
      store.recordWrites((w) => ['a', 'b'].forEach((id) => w.putEntity(aRecord(id))));
      const before = snapshot(store);
      store.db.close();
      crashInAnotherProcess(durable!.file, 'recording');
      assert.deepEqual(snapshot(durable!.reopen()), before);
    });

    it('keeps its lineage, serial, records and lock when opened again', () => {
      const { store, durable } = openTracked();
      store.recordWrites((w) => ['a', 'b'].forEach((id) => w.putEntity(aRecord(id))));
      store.recordWrites((w) => w.putEntity(aRecord('c', { scope: aScope({ kind: 'AWS::EC2::Instance', region: 'us-east-1' }) })));
      const held = acquireStateLock(store.db, 'watch');
      const before = snapshot(store);
      store.db.close();
      const again = durable!.reopen();
      assert.deepEqual(snapshot(again), before);
      assert.deepEqual(readLock(again.db), held.info);
    });
  });
}
