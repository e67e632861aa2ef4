import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/main';
import { createWorkerHost } from '../../../main/inference/worker-host';

/** The LLM in the inference worker process: streamed text as progress events, and `bench llm`. */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const ORACLE = path.join(ROOT, 'tests/fixtures/models/llama-oracle');
const host = createWorkerHost({ entry: path.join(ROOT, 'main/inference/worker-entry.ts') });
afterAll(() => host.shutdown());

describe('the LLM in the inference worker', () => {
  it('streams the generated text to the host and returns the whole', async () => {
    const pieces: string[] = [];
    const result = await host.request<{ text: string; newTokens: number }>(
      'llm.generate',
      {
        modelDir: ORACLE,
        precision: 'fp32',
        messages: [{ role: 'user', content: 'Write the history of present illness.' }],
        maxNewTokens: 32,
      },
      { onProgress: (p) => pieces.push((p as { text: string }).text) },
    );
    expect(result.text).toBe('The patient reports mild chest pain since yesterday.');
    expect(pieces.join('').trim()).toBe(result.text);
  });

  it('refuses malformed parameters without touching the model', async () => {
    await expect(
      host.request('llm.generate', { modelDir: ORACLE, messages: [], maxNewTokens: 0 }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('bench llm prints the prompt size, time to first token, speed and peak RSS', async () => {
    let stdout = '';
    const code = await runCli(
      ['bench', 'llm', '--model', ORACLE, '--precision', 'fp32', '--prompt-words', '50', '--new-tokens', '8', '--json'],
      {
        stdout: (t) => (stdout += t),
        stderr: () => undefined,
        stdin: Readable.from([]),
        env: { QUIETCHART_WORKER_ENTRY: path.join(ROOT, 'main/inference/worker-entry.ts') },
        version: '0.0.0-test',
      },
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      promptTokens: expect.any(Number) as number,
      newTokens: 8,
      ttftMs: expect.any(Number) as number,
      tokensPerSecond: expect.any(Number) as number,
      peakRssMb: expect.any(Number) as number,
    });
  });
});
