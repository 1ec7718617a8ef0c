/**
 * Malformed requests for every operation of the app's OpenAPI document: path, query and body values
 * no client should send (overlong, unicode, `../`, huge and non-numbers, arrays and objects where
 * scalars belong, wrong JSON types, missing and extra fields, deep nesting, wrong content types).
 * Everything is derived from the document and a seeded generator, so a run is repeatable.
 */

export interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
}

interface OpenApiParameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema?: Schema;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: OpenApiParameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

export interface Operation {
  method: string;
  /** `/api/plans/{id}` as the document names it. */
  template: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: Schema }[];
  body: Schema | null;
}

/** One request: path parameters as already-encoded segments, the raw query string, the raw body. */
export interface MalformedCase {
  what: string;
  params: Record<string, string>;
  query: string;
  body?: { payload: string; contentType?: string };
}

/** mulberry32: a small seeded generator. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export function operationsOf(document: OpenApiDocument): Operation[] {
  const resolve = (schema: Schema): Schema => (schema.$ref ? document.components.schemas[schema.$ref.split('/').pop()!] : schema);
  const deep = (schema: Schema): Schema => {
    const own = resolve(schema);
    return {
      ...own,
      properties: own.properties ? Object.fromEntries(Object.entries(own.properties).map(([name, p]) => [name, deep(p)])) : undefined,
      items: own.items ? deep(own.items) : undefined,
    };
  };
  const operations: Operation[] = [];
  for (const [template, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      const json = operation.requestBody?.content['application/json'];
      operations.push({
        method: method.toUpperCase(),
        template,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: !!p.required, schema: p.schema ?? {} })),
        body: json ? deep(json.schema) : null,
      });
    }
  }
  return operations;
}

/** A plausible value of a schema, so that each case gets only one thing wrong; `known` names the fixture's values by field. */
export function sampleOf(schema: Schema, name: string, known: Record<string, unknown>): unknown {
  if (name in known) return known[name];
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([prop, p]) => [prop, sampleOf(p, prop, known)]));
    case 'array':
      return schema.items ? [sampleOf(schema.items, name, known)] : [];
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      return 'fuzz';
  }
}

const enc = encodeURIComponent;
const LONG = 'x'.repeat(5_000);
const UNICODE = '检查码😀\u0000\u202e\uFEFF';

const PATH_VALUES = [
  LONG, enc(UNICODE), '..%2F..%2Fetc%2Fpasswd', '..', '%00', '%E0%A4%A', '', '99999999999999999999', '-1', '1e21', 'NaN', 'Infinity',
  enc("' OR '1'='1"), '%20', '2026-02-30', '2027-02-30', '9999-12-31', '0000-00-00', '0x7fffffff', '__proto__', 'constructor', enc('[object Object]'),
];

const QUERY_VALUES: ((name: string) => string)[] = [
  (n) => `${n}=99999999999999999999`, (n) => `${n}=1e21`, (n) => `${n}=-99999999999999999999`, (n) => `${n}=9007199254740993`,
  (n) => `${n}=-1`, (n) => `${n}=0`, (n) => `${n}=NaN`, (n) => `${n}=Infinity`, (n) => `${n}=1.5`, (n) => `${n}=0x10`,
  (n) => `${n}=`, (n) => n, (n) => `${n}=true`, (n) => `${n}=1&${n}=2`, (n) => `${n}[a]=1`, (n) => `${n}[]=1`,
  (n) => `${n}=${LONG}`, (n) => `${n}=${enc(UNICODE)}`, (n) => `${n}=%E0%A4%A`, (n) => `${n}=2026-02-30`, (n) => `${n}=${enc("' OR 1=1 --")}`,
];

/** Query strings for any operation, whatever it declares. */
const STRAY_QUERIES = ['page=99999999999999999999', 'a[b]=1', 'fuzz=1&fuzz=2', '%E0%A4%A=1', `q=${LONG}`];

const nested = (open: string, inner: string, close: string, depth: number) => open.repeat(depth) + inner + close.repeat(depth);
const DEEP = 3_000;

/** JSON texts where a field's value goes (raw, so that literals like 1e999 arrive as written). */
const FIELD_VALUES = [
  'null', '99999999999999999999', '1e21', '-1e21', '1e999', '1.5', '-1', '0', 'true', '""', '" "',
  JSON.stringify('x'.repeat(100_000)), JSON.stringify(UNICODE), '"../../etc/passwd"', '"2026-02-30"', '"2027-02-30"', '"9999-12-31"', '"0000-00-00"',
  '"+275760-09-13T00:00:00Z"', '"9999-12-31T23:59:59Z"', '"1000-01-01T00:00:00Z"',
  '"99999999999999999999"', '"NaN"', '{}', '[]', '[null]', '[[[]]]', '{"a":{"b":{"c":1}}}', nested('{"a":', '1', '}', 200), nested('[', '1', ']', DEEP),
];

/** Whole bodies, each sent as JSON. */
const BODIES = [
  'null', '[]', '"text"', '0', '1e999', '99999999999999999999', 'true', '{', '{"a":', '', ' ', '[{}]',
  nested('{"a":', '1', '}', DEEP), nested('[', '1', ']', DEEP), '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}',
  JSON.stringify(Array(100_000).fill(0)), JSON.stringify('x'.repeat(100_000)),
];

const MULTIPART = '--fuzz\r\nContent-Disposition: form-data; name="file"; filename="../../a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 fuzz\r\n--fuzz--\r\n';

/** The base body under other content types. */
const CONTENT_TYPES: ((base: string) => { payload: string; contentType?: string })[] = [
  (base) => ({ payload: base, contentType: 'text/plain' }),
  () => ({ payload: '<a><b>1</b></a>', contentType: 'application/xml' }),
  () => ({ payload: 'a=1&b[c]=2&page=99999999999999999999', contentType: 'application/x-www-form-urlencoded' }),
  () => ({ payload: MULTIPART, contentType: 'multipart/form-data; boundary=fuzz' }),
  () => ({ payload: 'garbage', contentType: 'multipart/form-data' }),
  () => ({ payload: '--fuzz\r\ngarbage', contentType: 'multipart/form-data; boundary=fuzz' }),
  (base) => ({ payload: `${base}\n${base}\n`, contentType: 'application/x-ndjson' }),
  (base) => ({ payload: base, contentType: 'application/json; charset=latin1' }),
  (base) => ({ payload: base, contentType: 'application/octet-stream' }),
  (base) => ({ payload: `\uFEFF${base}`, contentType: 'application/json' }),
  (base) => ({ payload: base }),
];

/** Where a value sits inside a body: a field, or a field of the first element of an array of objects. */
type Slot = (string | number)[];

function slotsOf(value: unknown, at: Slot = []): Slot[] {
  if (Array.isArray(value)) return value.length && isObject(value[0]) ? slotsOf(value[0], [...at, 0]) : [];
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => [[...at, key], ...(isObject(inner) || Array.isArray(inner) ? slotsOf(inner, [...at, key]) : [])]);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const MARK = '\u0001FUZZ\u0001';

/** The body with one slot replaced by raw JSON text (or removed when `raw` is undefined). */
function withSlot(base: unknown, slot: Slot, raw: string | undefined): string {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of slot.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = slot[slot.length - 1];
  if (raw === undefined) delete parent[last];
  else parent[last] = MARK;
  const text = JSON.stringify(copy);
  return raw === undefined ? text : text.replace(JSON.stringify(MARK), raw);
}

/**
 * Every malformed case of one operation, most telling first: a huge page number, a null body and
 * `../` in a path come before the rest, so the few cases each caller without access gets include them.
 */
export function malformedCases(operation: Operation, baseParams: Record<string, string>, known: Record<string, unknown>): MalformedCase[] {
  const baseQuery = operation.query.filter((q) => q.required).map((q) => `${q.name}=${enc(String(sampleOf(q.schema, q.name, known)))}`);
  const query = (replacing: string | null, fragment: string) => [...baseQuery.filter((q) => !replacing || !q.startsWith(`${replacing}=`)), fragment].filter(Boolean).join('&');
  const baseBody = operation.body ? sampleOf(operation.body, '', known) : BODY_METHODS.has(operation.method) ? {} : undefined;
  const basePayload = baseBody === undefined ? undefined : JSON.stringify(baseBody);
  const json = (payload: string) => ({ payload, contentType: 'application/json' });
  const plain = (what: string, change: Partial<MalformedCase>): MalformedCase => ({
    what, params: baseParams, query: query(null, ''), ...(basePayload !== undefined ? { body: json(basePayload) } : {}), ...change,
  });

  const first: MalformedCase[] = [
    plain('query page=99999999999999999999', { query: query('page', 'page=99999999999999999999') }),
    ...(basePayload !== undefined ? [plain('body null', { body: json('null') })] : []),
    ...operation.pathParams.slice(0, 1).map((p) => plain(`path ${p}=../`, { params: { ...baseParams, [p]: '..%2F..%2Fetc%2Fpasswd' } })),
  ];
  const rest: MalformedCase[] = [];
  for (const p of operation.pathParams) for (const value of PATH_VALUES) rest.push(plain(`path ${p}=${value.slice(0, 40)}`, { params: { ...baseParams, [p]: value } }));
  for (const q of operation.query) for (const make of QUERY_VALUES) rest.push(plain(`query ${make(q.name).slice(0, 60)}`, { query: query(q.name, make(q.name)) }));
  for (const stray of STRAY_QUERIES) rest.push(plain(`query ${stray.slice(0, 60)}`, { query: query(null, stray) }));
  if (basePayload !== undefined) {
    for (const body of BODIES) rest.push(plain(`body ${body.slice(0, 40)}`, { body: json(body) }));
    for (const make of CONTENT_TYPES) {
      const body = make(basePayload);
      rest.push(plain(`content-type ${body.contentType ?? '(none)'}`, { body }));
    }
    rest.push(plain('body with an extra field', { body: json(JSON.stringify({ ...(isObject(baseBody) ? baseBody : {}), fuzzExtra: 1 })) }));
    for (const slot of slotsOf(baseBody)) {
      rest.push(plain(`body without ${slot.join('.')}`, { body: json(withSlot(baseBody, slot, undefined)) }));
      for (const value of FIELD_VALUES) rest.push(plain(`body ${slot.join('.')}=${value.slice(0, 40)}`, { body: json(withSlot(baseBody, slot, value)) }));
    }
  }
  return [...first, ...rest];
}

/** The URL of a case: the template's parameters filled in, the query appended. */
export function urlOf(operation: Operation, malformed: MalformedCase): string {
  const path = operation.template.replace(/\{(\w+)\}/g, (_, name: string) => malformed.params[name] ?? 'fuzz');
  return malformed.query ? `${path}?${malformed.query}` : path;
}
