/**
 * The page a hash-routed H5 address names, as Taro's H5 router reads it:
 * `#/enterprise/pages/rate/index?t=abc` → path `enterprise/pages/rate/index`, params `{ t: 'abc' }`.
 * Values stay as written (not decoded): the pages decode what they read, as under Taro.
 */
export interface HashRoute {
  path: string;
  params: Record<string, string>;
}

export function parseHashRoute(hash: string): HashRoute {
  const route = hash.replace(/^#/, '');
  const queryAt = route.indexOf('?');
  const path = (queryAt < 0 ? route : route.slice(0, queryAt)).replace(/^\/+|\/+$/g, '');
  const params: Record<string, string> = {};
  if (queryAt >= 0) {
    for (const pair of route.slice(queryAt + 1).split('&')) {
      if (!pair) continue;
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      // The first value wins, as a page reading `?c=` expects one.
      if (name && !(name in params)) params[name] = equals < 0 ? '' : pair.slice(equals + 1);
    }
  }
  return { path, params };
}
