import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLlm, type LlmEngine } from '../../../main/llm/llm-engine';

/** The LLM engine on the oracle Llama fixture (hand-set weights: a known sentence after the chat template). */
const ORACLE = path.resolve(import.meta.dirname, '../../fixtures/models/llama-oracle');
const EXPECTED = 'The patient reports mild chest pain since yesterday.';
const CHAT = [
  { role: 'system' as const, content: 'You are a concise clinical scribe.' },
  { role: 'user' as const, content: 'Write the history of present illness.' },
];

describe('the LLM engine', () => {
  let engine: LlmEngine;
  beforeAll(async () => {
    engine = await loadLlm({ modelDir: ORACLE, precision: 'fp32' });
  });
  afterAll(async () => {
    await engine.dispose();
  });

  it('generates greedily through the chat template and streams the same text piece by piece', async () => {
    const pieces: string[] = [];
    const result = await engine.generate(CHAT, { maxNewTokens: 32, onText: (t) => pieces.push(t) });
    expect(result.text).toBe(EXPECTED);
    expect(pieces.join('').trim()).toBe(EXPECTED);
    expect(pieces.length).toBeGreaterThan(1);
    expect(result.newTokens).toBeGreaterThanOrEqual(9);
    expect(result.newTokens).toBeLessThanOrEqual(10);
    expect(result.promptTokens).toBeGreaterThan(0);
    expect(result.ttftMs).toBeLessThanOrEqual(result.totalMs);
  });

  it('keeps to the output token budget and refuses a prompt over its input budget', async () => {
    expect((await engine.generate(CHAT, { maxNewTokens: 3 })).text).toBe('The patient reports');
    await expect(engine.generate(CHAT, { maxNewTokens: 3, maxPromptTokens: 2 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('stops between tokens when cancelled', async () => {
    const controller = new AbortController();
    const run = engine.generate(CHAT, {
      maxNewTokens: 32,
      signal: controller.signal,
      onText: () => {
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
  });

  it('refuses a folder that is not a language model with MODEL_INVALID', async () => {
    await expect(
      loadLlm({ modelDir: path.resolve(import.meta.dirname, '../../fixtures/models/logmel') }),
    ).rejects.toMatchObject({ code: 'MODEL_INVALID' });
  });
});
