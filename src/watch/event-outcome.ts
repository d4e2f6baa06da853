/**
 * What became of one received message, as counted in `aws2port_watch_events_total{outcome}` and named
 * in logs. Every receive of a message ends in exactly one outcome; all but `failed` and `poison`
 * delete it from the queue.
 * - `applied`: every resource it names was re-read, and the writes that caused were confirmed by Port
 *   and recorded (or nothing needed writing).
 * - `failed`: a re-read or a write failed; the message stays in the queue and comes back after its
 *   visibility timeout.
 * - `poison`: it cannot be parsed (not JSON, not a JSON object, an SNS message that is not JSON), or a
 *   resource it names cannot be mapped; it stays in the queue, so that it is retried, and the queue's
 *   redrive policy moves it to the dead-letter queue after maxReceiveCount receives (PoisonReason).
 * - `dropped`: received more than `--max-receives` times; logged with its body and deleted.
 * - `test_event`: the `s3:TestEvent` S3 sends when notifications are set up.
 * - `failed_call`: a CloudTrail call that failed (`errorCode`): nothing changed.
 * - `read_only`: a CloudTrail call that changes nothing (`readOnly: true`).
 * - `unknown_event`: no rule and no ARN names a resource in it.
 * - `unmapped_kind`: it names only kinds the config does not map (or `--target` leaves out).
 * - `out_of_scope`: it names only accounts or regions this run does not read.
 * - `unreadable`: Cloud Control cannot read the type at all (TypeNotFound, UnsupportedAction, an
 *   identifier it refuses): retrying would not help.
 */
export type EventOutcome =
  | 'applied'
  | 'failed'
  | 'poison'
  | 'dropped'
  | 'test_event'
  | 'failed_call'
  | 'read_only'
  | 'unknown_event'
  | 'unmapped_kind'
  | 'out_of_scope'
  | 'unreadable';

/** Every outcome, in the order metrics list them. */
export const EVENT_OUTCOMES: readonly EventOutcome[] = [
  'applied',
  'failed',
  'poison',
  'dropped',
  'test_event',
  'failed_call',
  'read_only',
  'unknown_event',
  'unmapped_kind',
  'out_of_scope',
  'unreadable',
];

/** The outcomes decided from the message alone, before any resource is read: it is acknowledged. */
export type IgnoredOutcome = 'test_event' | 'failed_call' | 'read_only' | 'unknown_event';

/**
 * Why a message is poison (`aws2port_watch_poison_messages_total{reason}`): `unparseable`, its body
 * cannot be read as an event; `unmappable`, a resource config could not map a resource it names (a
 * jq error in `identifier`, `blueprint` or `selector.query`, a value too deep or too large...).
 */
export type PoisonReason = 'unparseable' | 'unmappable';

/** Every poison reason, in the order metrics list them. */
export const POISON_REASONS: readonly PoisonReason[] = ['unparseable', 'unmappable'];
