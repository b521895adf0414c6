/**
 * What the load run measures: every request of the measured window (started in it; the warm-up's are not
 * counted) with its kind, latency and outcome; summed up per kind as count, requests per second, errors and
 * p50/p95/p99 (nearest rank, as bench/stats.ts), and printed as a table.
 */
export type Outcome = {
  /** The HTTP status, or `timeout` / `network` when none came. */
  readonly status: number | 'timeout' | 'network';
  /** Whether the answer is the one this request must get (200, or the refusal a hostile upload must get). */
  readonly ok: boolean;
  readonly note?: string;
};

type Sample = { readonly kind: string; readonly ms: number; readonly outcome: Outcome };

export class Recorder {
  private window: { start: number; end: number } | null = null;
  private readonly samples: Sample[] = [];
  /** Unexpected answers, a few kept per kind for the report. */
  readonly failures = new Map<string, string[]>();

  startWindow(): void {
    this.window = { start: performance.now(), end: Number.POSITIVE_INFINITY };
  }

  endWindow(): number {
    if (!this.window) throw new Error('no window');
    this.window.end = performance.now();
    return (this.window.end - this.window.start) / 1000;
  }

  measuring(): boolean {
    return this.window !== null && this.window.end === Number.POSITIVE_INFINITY;
  }

  add(kind: string, startedAt: number, ms: number, outcome: Outcome): void {
    const w = this.window;
    if (!w || startedAt < w.start || startedAt >= w.end) return;
    this.samples.push({ kind, ms, outcome });
    if (!outcome.ok) {
      const kept = this.failures.get(kind) ?? [];
      if (kept.length < 5) kept.push(`${outcome.status} ${outcome.note ?? ''}`.trim());
      this.failures.set(kind, kept);
    }
  }

  summary(seconds: number): KindSummary[] {
    const byKind = new Map<string, Sample[]>();
    for (const s of this.samples) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]);
    const rows = [...byKind.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, samples]) => summarizeKind(kind, samples, seconds));
    return [...rows, summarizeKind('all 200 sessions', this.samples.filter(isWorkload), seconds)];
  }
}

/** The sessions' own requests: not the hostile uploads, not the new-connection probe. */
const isWorkload = (s: Sample) => !s.kind.startsWith('hostile.') && !s.kind.startsWith('probe.');

export type KindSummary = {
  readonly kind: string;
  readonly count: number;
  readonly perSecond: number;
  readonly errors: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly statuses: Record<string, number>;
};

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

function summarizeKind(kind: string, samples: readonly Sample[], seconds: number): KindSummary {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const s of samples) statuses[String(s.outcome.status)] = (statuses[String(s.outcome.status)] ?? 0) + 1;
  return {
    kind,
    count: samples.length,
    perSecond: round(samples.length / seconds, 2),
    errors: samples.filter((s) => !s.outcome.ok).length,
    p50: round(percentile(ms, 0.5)),
    p95: round(percentile(ms, 0.95)),
    p99: round(percentile(ms, 0.99)),
    max: round(ms.at(-1) ?? 0),
    statuses,
  };
}

const num = (n: number, width: number) => String(n).padStart(width);

export function printTable(title: string, rows: readonly KindSummary[]): void {
  console.log(`\n${title}`);
  console.log(
    `${'kind'.padEnd(30)}${'count'.padStart(7)}${'req/s'.padStart(8)}${'errors'.padStart(7)}` +
      `${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}  statuses`,
  );
  for (const r of rows) {
    const statuses = Object.entries(r.statuses)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    console.log(
      `${r.kind.padEnd(30)}${num(r.count, 7)}${num(r.perSecond, 8)}${num(r.errors, 7)}` +
        `${num(r.p50, 9)}${num(r.p95, 9)}${num(r.p99, 9)}${num(r.max, 9)}  ${statuses}`,
    );
  }
}
