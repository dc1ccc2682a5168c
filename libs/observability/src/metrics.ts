/**
 * Minimal counters and latency histograms, exported as Prometheus text at
 * /metrics. Bounded: label sets are fixed by code (reason codes, outcomes), never
 * taken from input.
 */
export class Counter {
  private readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(label = '', by = 1): void {
    this.values.set(label, (this.values.get(label) ?? 0) + by);
  }
  get(label = ''): number {
    return this.values.get(label) ?? 0;
  }
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.values);
  }
  render(labelName: string): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [label, v] of this.values) lines.push(label ? `${this.name}{${labelName}="${label}"} ${v}` : `${this.name} ${v}`);
    return lines.join('\n');
  }
}

export class MetricsRegistry {
  private readonly counters: { counter: Counter; labelName: string }[] = [];
  counter(name: string, help: string, labelName = 'reason'): Counter {
    const c = new Counter(name, help);
    this.counters.push({ counter: c, labelName });
    return c;
  }
  render(): string {
    return `${this.counters.map((c) => c.counter.render(c.labelName)).join('\n')}\n`;
  }
}
