// HTTP for the bench, over loopback with keep-alive (Node's fetch): sign in as a demo account, time
// one GET end to end (until the body is read), and a load loop of concurrent clients.
import { DEMO_PASSWORD } from '../../analytics/accounts/demo.ts';
import { summarize, type Summary } from './stats.ts';

export async function signIn(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('xueji_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  await response.arrayBuffer();
  return cookie.split(';')[0];
}

/** One GET: milliseconds until the whole body is in, and the status. */
export async function timedGet(url: string, cookie: string): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength };
}

/**
 * Up to `times` sequential GETs of one URL — fewer (but at least 3) when they take longer than
 * `budgetMs` together, so a slow endpoint at L does not hold the bench for minutes: the latency
 * summary (its n says how many). Throws on a non-200.
 */
export async function repeat(url: string, cookie: string, times: number, budgetMs = Infinity): Promise<Summary> {
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < times && (i < 3 || performance.now() < deadline); i++) {
    const { ms, status } = await timedGet(url, cookie);
    if (status !== 200) throw new Error(`${url}: ${status}`);
    samples.push(ms);
  }
  return summarize(samples);
}

export interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  latency: Summary;
}

/**
 * `clients` concurrent clients, each asking the URLs in turn (starting at a different one) as fast as
 * answers come, for `seconds`. An error is a non-200 answer or a failed connection.
 */
export async function load(urls: string[], cookie: string, clients: number, seconds: number): Promise<LoadResult> {
  const samples: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = client; performance.now() < deadline; i++) {
        try {
          const { ms, status } = await timedGet(urls[i % urls.length], cookie);
          samples.push(ms);
          if (status !== 200) errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { clients, seconds: elapsed, requests: samples.length, errors, requestsPerSecond: samples.length / elapsed, latency: summarize(samples) };
}
