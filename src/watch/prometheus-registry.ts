import * as prom from 'prom-client';

/** Label values of one series, by label name. */
export type Labels = Readonly<Record<string, string>>;

/**
 * The metrics of one process, served in the Prometheus text exposition format (version 0.0.4) by
 * prom-client, in registration order. A thin face over prom-client so that callers name a metric in one
 * line and the rest of aws2port does not depend on prom-client's types.
 */
export class PrometheusRegistry {
  private readonly registry = new prom.Registry();

  /** A counter: only goes up. `name` should end in `_total`; `labelNames` are every label it may take. */
  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return new Counter(new prom.Counter({ name, help, labelNames, registers: [this.registry] }));
  }

  /** A gauge: set to the latest value; `labelNames` are every label it may take. */
  gauge(name: string, help: string, labelNames: readonly string[] = []): Gauge {
    return new Gauge(new prom.Gauge({ name, help, labelNames, registers: [this.registry] }));
  }

  /** A histogram without labels, with these upper bounds (ascending; `+Inf` is added). */
  histogram(name: string, help: string, buckets: readonly number[]): Histogram {
    return new Histogram(new prom.Histogram({ name, help, buckets: [...buckets], registers: [this.registry] }));
  }

  /**
   * Adds prom-client's default metrics of the process: CPU seconds, resident and heap memory, event-loop
   * lag (`nodejs_eventloop_lag_*`), GC pauses (`nodejs_gc_duration_seconds`), active handles and
   * requests, open file descriptors, start time, Node version. Their names are the ones the common
   * Node.js dashboards and alerts expect, so they carry no aws2port prefix.
   */
  collectProcessMetrics(): void {
    prom.collectDefaultMetrics({ register: this.registry });
  }

  /** Every metric in the text format, ending with a newline. */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}

/** A counter, one series per label set. */
export class Counter {
  constructor(private readonly metric: prom.Counter) {}

  /** Adds `by` (default 1) to the series of `labels`. */
  inc(labels: Labels = {}, by = 1): void {
    this.metric.inc(labels, by);
  }

  /** Makes the series exist at 0, so that it is exported before its first event. */
  declare(labels: Labels = {}): void {
    this.metric.inc(labels, 0);
  }
}

/** A gauge, one series per label set. */
export class Gauge {
  constructor(private readonly metric: prom.Gauge) {}

  /** Sets the series of `labels` to `value`. */
  set(value: number, labels: Labels = {}): void {
    this.metric.set(labels, value);
  }
}

/** A histogram without labels. */
export class Histogram {
  constructor(private readonly metric: prom.Histogram) {}

  /** Counts one observation of `value` (in the metric's unit). */
  observe(value: number): void {
    this.metric.observe(value);
  }
}
