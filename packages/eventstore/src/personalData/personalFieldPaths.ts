// Paths to personal fields as the domain declares them: `household.partners[].bsn`,
// `children[].name`. Dots separate object keys; `[]` after a key means every element of that
// array. Keys containing `.` or `[]` cannot be addressed. Missing parts of a path are skipped.

export interface PathSegment {
  key: string;
  eachElement: boolean;
}

export function parseFieldPath(path: string): PathSegment[] {
  const segments = path.split('.').map((part) => {
    const eachElement = part.endsWith('[]');
    const key = eachElement ? part.slice(0, -2) : part;
    if (key.length === 0 || key.includes('[') || key.includes(']')) {
      throw new Error(`Invalid personal field path ${JSON.stringify(path)}`);
    }
    return { key, eachElement };
  });
  return segments;
}

/** One step of a concrete place in the data: an object key or an array index. */
export type PathStep = string | number;

/** Called with each value a path reaches and the place it was found (`['children', 0, 'name']`). */
export type FieldTransform = (value: unknown, at: readonly PathStep[]) => unknown;

/** A copy of `data` with `transform` applied to every value the path reaches; `data` is untouched. */
export function mapFieldPath(
  data: unknown,
  segments: readonly PathSegment[],
  transform: FieldTransform,
): unknown {
  return mapFrom(data, segments, 0, [], transform);
}

function mapFrom(
  node: unknown,
  segments: readonly PathSegment[],
  index: number,
  at: readonly PathStep[],
  transform: FieldTransform,
): unknown {
  const segment = segments[index];
  if (!segment) return transform(node, at);
  if (!isRecord(node) || !Object.hasOwn(node, segment.key)) return node;
  const child = node[segment.key];
  const here = [...at, segment.key];
  let mapped: unknown;
  if (segment.eachElement) {
    if (!Array.isArray(child)) return node;
    mapped = child.map((element: unknown, position) =>
      mapFrom(element, segments, index + 1, [...here, position], transform),
    );
  } else {
    mapped = mapFrom(child, segments, index + 1, here, transform);
  }
  return { ...node, [segment.key]: mapped };
}

/** `a.b[1].c`: a place in the data as a person reads it (for messages, never for crypto). */
export function describePlace(at: readonly PathStep[]): string {
  return at
    .map((step, index) =>
      typeof step === 'number' ? `[${step}]` : index === 0 ? step : `.${step}`,
    )
    .join('');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `transform` applied to every value any of the paths reaches (e.g. the domain's personal fields). */
export function mapFieldPaths(
  data: unknown,
  paths: readonly string[],
  transform: FieldTransform,
): unknown {
  return paths.reduce(
    (current, path) => mapFieldPath(current, parseFieldPath(path), transform),
    data,
  );
}
