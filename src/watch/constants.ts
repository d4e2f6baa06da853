/** Messages asked for per ReceiveMessage: SQS's maximum. */
export const MAX_MESSAGES_PER_RECEIVE = 10;
/** Long-poll wait per ReceiveMessage, seconds: SQS's maximum (fewer empty answers, no added latency). */
export const RECEIVE_WAIT_SECONDS = 20;
/** Long polls in flight at most; one more starts whenever a poll comes back full. */
export const MAX_POLLERS = 4;
/** Received messages not yet settled, at most: polling pauses above it (bounds memory and redeliveries). */
export const MAX_MESSAGES_IN_HAND = 1000;
/** Pause after a failed ReceiveMessage before the next, ms (doubles up to RECEIVE_BACKOFF_MAX_MS). */
export const RECEIVE_BACKOFF_MS = 500;
export const RECEIVE_BACKOFF_MAX_MS = 30_000;

/**
 * Events for one resource that arrive within this many ms of its first one are one re-read (a
 * RunInstances call, its CreateTags and its state changes come in a burst). It is also the least
 * time an event waits, so it is small next to the 1 s target.
 */
export const COALESCE_WINDOW_MS = 100;
/** Resources re-read, planned and applied together at most (one cycle). */
export const MAX_RESOURCES_PER_CYCLE = 100;
/**
 * Cycles in progress at once: while one applies its plan to Port, the next ones re-read theirs
 * (plans themselves are applied one at a time).
 */
export const MAX_CONCURRENT_CYCLES = 4;

/** On SIGINT/SIGTERM: the longest wait for the batch in hand to finish, ms; what is left comes back from SQS. */
export const STOP_TIMEOUT_MS = 5_000;

/** Share of `--resync-interval` each wait is moved by at random, either way, so that replicas spread out. */
export const RESYNC_JITTER = 0.1;
/** Wait before retrying a resync that failed, ms (capped by the interval when one is set). */
export const RESYNC_RETRY_MS = 60_000;

/** `/healthz` fails when no ReceiveMessage succeeded for this long, ms (a long poll lasts 20 s). */
export const HEALTHY_RECEIVE_AGE_MS = 120_000;

/**
 * Cloud Control errors that mean this resource can never be read as asked: the message is
 * acknowledged (`unreadable`) rather than retried until --max-receives. Any other error is retried.
 */
export const PERMANENT_READ_ERRORS: readonly string[] = ['TypeNotFoundException', 'UnsupportedActionException', 'InvalidRequestException', 'ValidationException'];

/** Buckets of the event-to-Port latency histogram, seconds. */
export const LATENCY_BUCKETS_SECONDS: readonly number[] = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
