// Number formats of the findings' sentences, one per kind of number, so that the Chinese and English
// sentences print a figure the same way (and tests can print it the same way too).
export const percent = (share: number, digits = 1): string => `${(share * 100).toFixed(digits)}%`;
export const points = (value: number, digits = 1): string => value.toFixed(digits);
export const count = (value: number): string => Math.round(value).toLocaleString('en-US');
export const ratio = (value: number): string => value.toFixed(1);

/** The link to a page with its filters; empty values are left out. */
export function pageLink(page: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  const query = search.toString();
  return query ? `${page}?${query}` : page;
}
