// Dates as whole days since 1970-01-01 (no time zone, no Date objects in hot loops) and the school
// calendar the generator follows. Civil-date conversion after Howard Hinnant's days_from_civil.

export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [y + (m <= 2 ? 1 : 0), m, d];
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

/** YYYY-MM-DD */
export function formatDay(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** YYYY-MM-DD HH:MM:SS from seconds since 1970-01-01 00:00:00 (local school time, no zone). */
export function formatTimestamp(seconds: number): string {
  const day = Math.floor(seconds / 86400);
  let rest = seconds - day * 86400;
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const min = Math.floor(rest / 60);
  return `${formatDay(day)} ${pad2(h)}:${pad2(min)}:${pad2(rest - min * 60)}`;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function yearOf(day: number): number {
  return civilFromDays(day)[0];
}

export function daysInMonth(y: number, m: number): number {
  return daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
}

/** Parses a strict ISO date (YYYY-MM-DD) into a day number, or throws with a message a person can act on. */
export function parseIsoDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`"${text}" is not a date of the form YYYY-MM-DD`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new Error(`"${text}" is not a calendar date`);
  return daysFromCivil(y, m, d);
}

// The school calendar (our rule, typical of Chinese universities): the academic year Y (2019 = 2019-2020)
// has term 1 from 1 September Y to 20 January Y+1, term 2 from 25 February to 30 June Y+1 (results and
// graduation by then), and a short summer term 3 (重修 only) from 10 July to 25 August Y+1.

export function termStart(ay: number, term: number): number {
  if (term === 1) return daysFromCivil(ay, 9, 1);
  if (term === 2) return daysFromCivil(ay + 1, 2, 25);
  return daysFromCivil(ay + 1, 7, 10);
}

/** The day the term's results are final: grades exist only for terms that ended by the as-of date. */
export function termEnd(ay: number, term: number): number {
  if (term === 1) return daysFromCivil(ay + 1, 1, 20);
  if (term === 2) return daysFromCivil(ay + 1, 6, 30);
  return daysFromCivil(ay + 1, 8, 25);
}

/** The entry cohorts available at the as-of day: ten, the newest being the last September on or before it. */
export function cohortYears(asOfDay: number, count = 10): number[] {
  const [y, m] = civilFromDays(asOfDay);
  const newest = m >= 9 ? y : y - 1;
  return Array.from({ length: count }, (_, i) => newest - count + 1 + i);
}
