import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLlm, type ChatMessage, type LlmEngine } from '../../../main/llm/llm-engine';

/**
 * The shared prefix's KV cache on the random-weight Llama fixture: random weights make greedy decoding
 * sensitive to every number, so identical text with and without the cache means the cache is exact.
 */
const RANDOM = path.resolve(import.meta.dirname, '../../fixtures/models/llama-tiny-random');
const SYSTEM: ChatMessage = {
  role: 'system',
  content: 'You are a clinical scribe. Facts: the patient reports chest pain since yesterday; no fever.',
};
const sections = ['Write the history.', 'Write the plan.', 'Write the assessment of the chest pain.'];

describe('the shared prompt prefix cache', () => {
  let cached: LlmEngine;
  let chunked: LlmEngine;
  let plain: LlmEngine;
  beforeAll(async () => {
    cached = await loadLlm({ modelDir: RANDOM, precision: 'fp32' });
    // The prefix computed 7 tokens at a time: several passes, each extending the cache.
    chunked = await loadLlm({ modelDir: RANDOM, precision: 'fp32', prefillChunkTokens: 7 });
    plain = await loadLlm({ modelDir: RANDOM, precision: 'fp32' });
  });
  afterAll(async () => {
    await cached.dispose();
    await chunked.dispose();
    await plain.dispose();
  });

  it('gives the same greedy text as a full prompt pass, and reuses the prefix after the first section', async () => {
    const reused: number[] = [];
    for (const request of sections) {
      const messages: ChatMessage[] = [SYSTEM, { role: 'user', content: request }];
      const withCache = await cached.generate(messages, { maxNewTokens: 12, prefixMessages: 1 });
      const without = await plain.generate(messages, { maxNewTokens: 12 });
      const inChunks = await chunked.generate(messages, { maxNewTokens: 12, prefixMessages: 1 });
      expect(inChunks.text).toBe(without.text);
      expect(inChunks.cachedTokens).toBe(withCache.cachedTokens);
      // A long prompt without a shared prefix is computed in chunks too; nothing is kept for reuse.
      const longPrompt = await chunked.generate(messages, { maxNewTokens: 12 });
      expect(longPrompt.text).toBe(without.text);
      expect(longPrompt.cachedTokens).toBe(0);
      expect(without.newTokens).toBeGreaterThan(0);
      expect(withCache.text).toBe(without.text);
      expect(withCache.newTokens).toBe(without.newTokens);
      expect(without.cachedTokens).toBe(0);
      expect(withCache.promptTokens).toBe(without.promptTokens);
      reused.push(withCache.cachedTokens);
    }
    expect(reused[0]).toBeGreaterThan(10);
    expect(new Set(reused).size).toBe(1);
  });

  it('recomputes the cache when the prefix changes', async () => {
    const other: ChatMessage = { role: 'system', content: 'Different facts: a sprained ankle.' };
    const messages: ChatMessage[] = [other, { role: 'user', content: sections[0] ?? '' }];
    const first = await cached.generate(messages, { maxNewTokens: 8, prefixMessages: 1 });
    const reference = await plain.generate(messages, { maxNewTokens: 8 });
    expect(first.text).toBe(reference.text);
    expect(first.cachedTokens).toBeGreaterThan(0);
    expect(first.cachedTokens).toBeLessThan(first.promptTokens);
  });
});
