/**
 * The shared prompt prefix's KV cache. A note is generated section by section from one system
 * message (instructions and the visit's facts) followed by a short per-section request, so the
 * prefix's keys and values are computed once and every section only runs its own few tokens.
 */
import { DynamicCache, type Tensor } from '@huggingface/transformers';

export type PrefixCache = { ids: readonly bigint[]; entries: Record<string, Tensor> };

/** True when `prefix` is a strict token prefix of `ids` (at least one token is left to run). */
export const isStrictTokenPrefix = (prefix: readonly bigint[], ids: readonly bigint[]): boolean => {
  if (prefix.length === 0 || prefix.length >= ids.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== ids[i]) return false;
  return true;
};

export const sameTokens = (a: readonly bigint[], b: readonly bigint[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * A fresh cache over the prefix's tensors for one generation: transformers.js updates the cache object
 * it is given in place, so each section gets its own holder while the tensors themselves stay shared.
 */
export const cacheForGeneration = (prefix: PrefixCache): DynamicCache => new DynamicCache({ ...prefix.entries });

/** A forward pass's `present.*` outputs renamed as the next pass's `past_key_values.*` inputs. */
export const presentAsPast = (outputs: Record<string, Tensor>): Record<string, Tensor> => {
  const entries: Record<string, Tensor> = {};
  for (const [name, value] of Object.entries(outputs))
    if (name.startsWith('present.')) entries[name.replace(/^present\./, 'past_key_values.')] = value;
  return entries;
};
