/**
 * Remembers a pure function's results for the last `limit` texts (oldest dropped first). The extractors
 * run several lexicons over the same sentence in a row, so each sentence is tokenised once. Results are
 * shared: callers must treat them as read-only.
 */
export const recentMemo = <T>(compute: (text: string) => T, limit: number): ((text: string) => T) => {
  const recent = new Map<string, T>();
  return (text) => {
    if (recent.has(text)) return recent.get(text) as T;
    const value = compute(text);
    if (recent.size >= limit) recent.delete(recent.keys().next().value ?? '');
    recent.set(text, value);
    return value;
  };
};
