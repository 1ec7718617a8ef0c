export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** Joins the API origin, a path starting with `/` and a query; null and undefined values are left out. */
export function buildUrl(base: string, path: string, query?: Query): string {
  const origin = base.replace(/\/+$/, '');
  const pairs = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] != null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return `${origin}${path}${pairs.length ? `?${pairs.join('&')}` : ''}`;
}
