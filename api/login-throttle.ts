// Slows password guessing: after FREE_FAILURES failed sign-ins for a user name or from an address within
// the window, each further attempt must wait, the wait doubling with every failure (capped).
const FREE_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const BASE_WAIT_S = 30;
const MAX_WAIT_S = 15 * 60;

interface Record {
  failures: number;
  last: number;
}

export class LoginThrottle {
  private readonly records = new Map<string, Record>();

  constructor(private readonly now: () => number = Date.now) {}

  secondsToWait(username: string, ip: string): number {
    return Math.max(this.waitFor(`user:${username}`), this.waitFor(`ip:${ip}`));
  }

  failed(username: string, ip: string): void {
    for (const key of [`user:${username}`, `ip:${ip}`]) {
      const record = this.current(key);
      this.records.set(key, { failures: (record?.failures ?? 0) + 1, last: this.now() });
    }
  }

  succeeded(username: string, ip: string): void {
    this.records.delete(`user:${username}`);
    this.records.delete(`ip:${ip}`);
  }

  private current(key: string): Record | undefined {
    const record = this.records.get(key);
    if (record && this.now() - record.last > WINDOW_MS) {
      this.records.delete(key);
      return undefined;
    }
    return record;
  }

  private waitFor(key: string): number {
    const record = this.current(key);
    if (!record || record.failures < FREE_FAILURES) return 0;
    const wait = Math.min(BASE_WAIT_S * 2 ** (record.failures - FREE_FAILURES), MAX_WAIT_S);
    return Math.max(0, Math.ceil(wait - (this.now() - record.last) / 1000));
  }
}
