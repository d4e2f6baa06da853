/**
 * The requests a flow must keep in flight to go at `ratePerSecond` when each takes `latencyMs`
 * (Little's law: L = lambda x W), times `headroom` (room for latency's jitter and for the rate to
 * grow), and at least `minimum`.
 */
export function concurrencyFor(ratePerSecond: number, latencyMs: number, headroom: number, minimum: number): number {
  return Math.max(minimum, Math.ceil(ratePerSecond * (latencyMs / 1000) * headroom));
}
