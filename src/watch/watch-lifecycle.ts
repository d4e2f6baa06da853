import { performance } from 'node:perf_hooks';
import { HEALTHY_RECEIVE_AGE_MS, STOP_TIMEOUT_MS } from './constants.js';
import type { CycleScheduler } from './cycle-scheduler.js';
import type { EventQueue } from './event-queue.js';
import type { FullResync } from './full-resync.js';
import type { MessageIntake } from './message-intake.js';
import type { HealthReport } from './metrics-server.js';
import { pause } from './pause.js';
import { warnOnRedrivePolicy } from './redrive-policy-check.js';
import type { WatcherOptions } from './watcher-options.js';

/** The rooms a lifecycle starts, reports on and stops. */
export interface WatchRooms {
  queue: EventQueue;
  intake: MessageIntake;
  cycles: CycleScheduler;
  resync: FullResync;
}

/**
 * Watch's lifecycle and health: starts the rooms in order (after checking the queue's dead-letter
 * set-up), reports health for `/healthz`, and stops them in order: polls first, then the messages
 * in hand are finished and deleted, for up to STOP_TIMEOUT_MS.
 */
export class WatchLifecycle {
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly options: Pick<WatcherOptions, 'queueUrl' | 'maxReceives' | 'log'>,
    private readonly rooms: WatchRooms,
  ) {}

  /** True once stop was asked for. */
  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** Warns about a queue without a fitting dead-letter queue, then starts polling and the resync at start. */
  async start(): Promise<void> {
    await warnOnRedrivePolicy(this.rooms.queue, this.options);
    this.rooms.intake.start();
    this.rooms.resync.start();
  }

  /** For `/healthz`: healthy while running and ReceiveMessage succeeded within HEALTHY_RECEIVE_AGE_MS. */
  health(): HealthReport {
    const { intake, cycles, resync } = this.rooms;
    const receiveAgeMs = intake.receiveAgeMs;
    return {
      isHealthy: !this.stopping && receiveAgeMs < HEALTHY_RECEIVE_AGE_MS,
      detail: {
        stopping: Boolean(this.stopping),
        last_receive_age_seconds: Math.round(receiveAgeMs / 100) / 10,
        messages_in_hand: intake.messagesInHand,
        resources_queued: cycles.queued,
        pollers: intake.pollers,
        resync_running: resync.isRunning,
      },
    };
  }

  /**
   * Stops: no more polls (pending long polls are aborted) and no more resyncs; the messages in hand
   * are finished at once (coalescing windows end) and deleted, for up to STOP_TIMEOUT_MS. A resync
   * in progress is abandoned: it applies nothing more, and the next run's plan converges.
   */
  stop(reason: string): Promise<void> {
    this.stopping ??= this.shutDown(reason);
    return this.stopping;
  }

  private async shutDown(reason: string): Promise<void> {
    const { log } = this.options;
    const { queue, intake, cycles, resync } = this.rooms;
    log.log('info', 'watch_stopping', `stopping (${reason}): finishing ${intake.messagesInHand} messages in hand`, { reason, messages_in_hand: intake.messagesInHand });
    resync.stop();
    await intake.stopPolling();
    cycles.flush();
    const deadline = performance.now() + STOP_TIMEOUT_MS;
    while ((intake.messagesInHand > 0 || cycles.isBusy) && performance.now() < deadline) await pause(10);
    await intake.flushDeletes();
    cycles.close();
    queue.close();
    resync.scope.close();
    log.log('info', 'watch_stopped', `stopped; ${intake.messagesInHand} messages left for redelivery`, { unfinished: intake.messagesInHand });
  }
}
