/** CLI input/output helpers: one place decides how results and errors are printed. */
export type Output = {
  json: boolean;
  /** Print a result: JSON as-is with --json, otherwise the human text. */
  result(value: unknown, human: () => string): void;
};

export const createOutput = (
  json: boolean,
  write: (text: string) => void = (t) => process.stdout.write(t),
): Output => ({
  json,
  result(value, human) {
    write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
  },
});

/** Reads all of standard input (PHI arrives this way, never on the command line). */
export const readStdin = async (stream: NodeJS.ReadableStream = process.stdin, maxBytes = 1 << 20): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buf.length;
    if (size > maxBytes) throw new Error('standard input is too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
};

export const table = (rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
};
