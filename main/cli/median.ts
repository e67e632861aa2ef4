/** The median of benchmark pass times (the upper one for an even count), or `fallback` when there are none. */
export const medianOf = (values: readonly number[], fallback: number): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? fallback;
