import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { Aws2PortError } from '../src/errors/index.js';
import type { StateDatabase } from './open-state.js';

/** Who holds the state's lock, as recorded in the state. */
export interface LockInfo {
  id: string;
  /** The command that took it: `apply`, `watch`, `refresh`. */
  operation: string;
  who: string;
  host: string;
  pid: number;
  /** ISO time the lock was taken. */
  createdAt: string;
}

/** The lock this process holds; release it when the command ends. */
export interface HeldLock {
  readonly info: LockInfo;
  release(): void;
}

/**
 * Takes the state's writer lock. A lock whose holder was a process on this host that no longer runs is
 * taken over (a crashed or killed run never blocks the next); any other holder makes this fail fast with
 * StateLocked naming the holder. `state unlock LOCK_ID` is for holders on other hosts.
 */
export function acquireStateLock(db: StateDatabase, operation: string): HeldLock {
  const info: LockInfo = {
    id: randomUUID(),
    operation,
    who: safeUserName(),
    host: hostname(),
    pid: process.pid,
    createdAt: new Date().toISOString(),
  };
  db.transaction(() => {
    const holder = readLock(db);
    if (holder && !isDeadLocalHolder(holder)) throw lockHeldError(holder);
    db.prepare('DELETE FROM lock').run();
    db.prepare('INSERT INTO lock (id, operation, who, host, pid, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(info.id, info.operation, info.who, info.host, info.pid, info.createdAt);
  }).immediate();
  return {
    info,
    release: () => {
      if (db.open) db.prepare('DELETE FROM lock WHERE id = ?').run(info.id);
    },
  };
}

/** The current holder, if any. */
export function readLock(db: StateDatabase): LockInfo | undefined {
  const row = db.prepare('SELECT id, operation, who, host, pid, created_at AS createdAt FROM lock').get() as LockInfo | undefined;
  return row;
}

/** Releases the lock with this id, whoever holds it. False when no such lock is held. */
export function forceUnlock(db: StateDatabase, lockId: string): boolean {
  return db.prepare('DELETE FROM lock WHERE id = ?').run(lockId).changes > 0;
}

function isDeadLocalHolder(holder: LockInfo): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function lockHeldError(holder: LockInfo): Aws2PortError {
  return new Aws2PortError('StateLocked', 'The state is locked by another aws2port run.', {
    detail:
      `Lock ID: ${holder.id}\nOperation: ${holder.operation}\nWho: ${holder.who}\nHost: ${holder.host}\nPID: ${holder.pid}\nCreated: ${holder.createdAt}\n` +
      `Wait for it to finish. If that run is gone and was on another host, release it with: aws2port state unlock ${holder.id}`,
  });
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
