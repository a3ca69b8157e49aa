// The one serialisation the hash chain is computed over. It is RFC 8785 (JCS) for the values we
// accept: object keys sorted by UTF-16 code units, no whitespace, strings and numbers exactly as
// JSON.stringify writes them. Changing it invalidates every stored hash: never change it.
//
// It doubles as the validator of event payloads, so it rejects whatever would not survive a
// round trip through PostgreSQL jsonb unchanged: BigInt, functions, symbols, NaN/Infinity,
// undefined inside arrays, class instances (Date, Map, Buffer, …), cycles, lone surrogates and
// U+0000 (jsonb cannot store it). Properties whose value is undefined are left out, as
// JSON.stringify does.

export class NotJsonError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path || '(root)'}: ${reason}`);
    this.name = 'NotJsonError';
  }
}

const MAX_DEPTH = 100;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function canonicalJson(value: unknown): string {
  return write(value, '', 0, new Set());
}

function write(value: unknown, path: string, depth: number, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return writeString(value, path);
    case 'number':
      if (!Number.isFinite(value)) throw new NotJsonError(path, `${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return writeContainer(value, path, depth, ancestors);
    default:
      throw new NotJsonError(path, `a ${typeof value} is not JSON`);
  }
}

function writeContainer(
  value: object,
  path: string,
  depth: number,
  ancestors: Set<object>,
): string {
  if (depth >= MAX_DEPTH) throw new NotJsonError(path, `nested deeper than ${MAX_DEPTH} levels`);
  if (ancestors.has(value)) throw new NotJsonError(path, 'circular reference');
  ancestors.add(value);
  let text: string;
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined) throw new NotJsonError(`${path}[${i}]`, 'undefined is not JSON');
      parts.push(write(item, `${path}[${i}]`, depth + 1, ancestors));
    }
    text = `[${parts.join(',')}]`;
  } else {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw new NotJsonError(path, `a ${kind} instance is not a plain JSON object`);
    }
    const record = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item === undefined) continue;
      const itemPath = path ? `${path}.${key}` : key;
      parts.push(`${writeString(key, itemPath)}:${write(item, itemPath, depth + 1, ancestors)}`);
    }
    text = `{${parts.join(',')}}`;
  }
  ancestors.delete(value);
  return text;
}

function writeString(value: string, path: string): string {
  if (value.includes('\u0000')) throw new NotJsonError(path, 'U+0000 cannot be stored');
  if (LONE_SURROGATE.test(value)) throw new NotJsonError(path, 'string has a lone surrogate');
  return JSON.stringify(value);
}
