/** Label values of one series, by label name. */
export type Labels = Readonly<Record<string, string>>;

interface Metric {
  /** The metric's lines in the text format. */
  render(): string[];
}

/**
 * A minimal Prometheus registry: counters, gauges and histograms with labels, rendered in the text
 * exposition format (version 0.0.4) in registration order.
 */
export class PrometheusRegistry {
  private readonly metrics: Metric[] = [];

  /** A counter: only goes up. `name` should end in `_total`. */
  counter(name: string, help: string): Counter {
    return this.add(new Counter(name, help));
  }

  /** A gauge: set to the latest value. */
  gauge(name: string, help: string): Gauge {
    return this.add(new Gauge(name, help));
  }

  /** A histogram with these upper bounds (ascending; `+Inf` is added). */
  histogram(name: string, help: string, buckets: readonly number[]): Histogram {
    return this.add(new Histogram(name, help, buckets));
  }

  /** Every metric in the text format, ending with a newline. */
  render(): string {
    return this.metrics.flatMap((m) => m.render()).join('\n') + '\n';
  }

  private add<M extends Metric>(metric: M): M {
    this.metrics.push(metric);
    return metric;
  }
}

/** A counter, one series per label set. */
export class Counter implements Metric {
  private readonly series = new Map<string, { labels: Labels; value: number }>();

  constructor(
    readonly name: string,
    private readonly help: string,
  ) {}

  /** Adds `by` (default 1) to the series of `labels`. */
  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(labels);
    const entry = this.series.get(key) ?? { labels, value: 0 };
    entry.value += by;
    this.series.set(key, entry);
  }

  /** Makes the series exist at 0, so that it is exported before its first event. */
  declare(labels: Labels = {}): void {
    this.inc(labels, 0);
  }

  /** The current value of a series (0 when it has none). */
  value(labels: Labels = {}): number {
    return this.series.get(labelText(labels))?.value ?? 0;
  }

  render(): string[] {
    return header(this.name, this.help, 'counter').concat([...this.series.values()].map((s) => `${this.name}${labelText(s.labels)} ${formatNumber(s.value)}`));
  }
}

/** A gauge, one series per label set. */
export class Gauge implements Metric {
  private readonly series = new Map<string, { labels: Labels; value: number }>();

  constructor(
    readonly name: string,
    private readonly help: string,
  ) {}

  /** Sets the series of `labels` to `value`. */
  set(value: number, labels: Labels = {}): void {
    this.series.set(labelText(labels), { labels, value });
  }

  /** The current value of a series (0 when it has none). */
  value(labels: Labels = {}): number {
    return this.series.get(labelText(labels))?.value ?? 0;
  }

  render(): string[] {
    return header(this.name, this.help, 'gauge').concat([...this.series.values()].map((s) => `${this.name}${labelText(s.labels)} ${formatNumber(s.value)}`));
  }
}

/** A histogram without labels. */
export class Histogram implements Metric {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;

  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly buckets: readonly number[],
  ) {
    this.counts = buckets.map(() => 0);
  }

  /** Counts one observation of `value` (in the metric's unit). */
  observe(value: number): void {
    this.sum += value;
    this.count++;
    this.buckets.forEach((bound, i) => {
      if (value <= bound) this.counts[i]!++;
    });
  }

  /** Observations so far. */
  get observations(): number {
    return this.count;
  }

  render(): string[] {
    return [
      ...header(this.name, this.help, 'histogram'),
      ...this.buckets.map((bound, i) => `${this.name}_bucket{le="${formatNumber(bound)}"} ${this.counts[i]}`),
      `${this.name}_bucket{le="+Inf"} ${this.count}`,
      `${this.name}_sum ${formatNumber(this.sum)}`,
      `${this.name}_count ${this.count}`,
    ];
  }
}

function header(name: string, help: string, type: string): string[] {
  return [`# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${name} ${type}`];
}

/** `{a="x",b="y"}` with values escaped; empty for no labels. */
function labelText(labels: Labels): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

function formatNumber(value: number): string {
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}
