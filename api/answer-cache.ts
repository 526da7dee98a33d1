// A small least-recently-used memo of computed answers, keyed by the data version and the request's
// (validated, college-pinned) parameters: a version never changes once built (DESIGN.md: "every cached
// answer is keyed by VERSION"), so an answer for the same key is the same answer. Dashboards ask the
// same questions over and over (switching tabs, going back to a filter); the grades metrics take tens
// to hundreds of milliseconds each on a real archive. Answers are cached before suppression, which the
// access plugin applies per caller afterwards; pending computations are shared, so concurrent equal
// requests run the query once. A failed computation is not kept.
//
// Bounded twice: by entries, and by the rows held (an answer's weight is its row count: an array's
// length, or the length of a route answer's `rows`), so a few
// school-wide course-by-year answers cannot grow the process by hundreds of megabytes.
export interface AnswerCacheLimits {
  entries: number;
  rows: number;
}

export const DEFAULT_CACHE_LIMITS: AnswerCacheLimits = { entries: 256, rows: 200_000 };

export class AnswerCache {
  private readonly entries = new Map<string, { answer: Promise<unknown>; weight: number }>();
  private weight = 0;

  constructor(private readonly limits: AnswerCacheLimits = DEFAULT_CACHE_LIMITS) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.answer as Promise<T>;
    }
    const entry = { answer: compute() as Promise<unknown>, weight: 0 };
    this.entries.set(key, entry);
    entry.answer.then(
      (answer) => {
        if (this.entries.get(key) !== entry) return;
        entry.weight = weigh(answer);
        this.weight += entry.weight;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    this.evict();
    return entry.answer as Promise<T>;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Rows held by the finished answers. */
  get rows(): number {
    return this.weight;
  }

  private evict(): void {
    while (this.entries.size > this.limits.entries || (this.weight > this.limits.rows && this.entries.size > 1)) {
      const [oldest, entry] = this.entries.entries().next().value!;
      this.entries.delete(oldest);
      this.weight -= entry.weight;
    }
  }
}

/** Rows an answer holds: plain rows, or a route answer's `rows` (anything else counts as one). */
function weigh(answer: unknown): number {
  if (Array.isArray(answer)) return answer.length;
  const rows = (answer as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? Math.max(rows.length, 1) : 1;
}

/** A stable key for a version and a parameter object (keys sorted, undefined left out). */
export function answerKey(route: string, version: string, params: Record<string, unknown>): string {
  const sorted = Object.keys(params)
    .filter((key) => params[key] !== undefined)
    .sort()
    .map((key) => [key, params[key]]);
  return JSON.stringify([route, version, sorted]);
}
