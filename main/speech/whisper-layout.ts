/**
 * The special-token layout of a Whisper model folder, read from its generation_config.json and
 * config.json and checked before any session is created: a folder that is not a Whisper model
 * (or a truncated config) is refused with MODEL_INVALID instead of failing deep inside decoding.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../common/errors';

const tokenId = z.number().int().min(0);

const generationConfigSchema = z.object({
  decoder_start_token_id: tokenId,
  eos_token_id: z.union([tokenId, z.array(tokenId).min(1)]),
  no_timestamps_token_id: tokenId,
  is_multilingual: z.boolean().optional(),
  lang_to_id: z.record(z.string(), tokenId).optional(),
  task_to_id: z.record(z.string(), tokenId).optional(),
});

const configSchema = z.object({
  model_type: z.literal('whisper'),
  vocab_size: z.number().int().positive(),
  num_mel_bins: z.number().int().positive(),
  max_source_positions: z.number().int().positive(),
});

export type WhisperLayout = {
  startOfTranscriptId: number;
  endOfTextId: number;
  noTimestampsId: number;
  multilingual: boolean;
  /** ISO code → token id ('en' → <|en|>). */
  languageIds: Record<string, number>;
  taskIds: Partial<Record<'transcribe' | 'translate', number>>;
  vocabSize: number;
  melBins: number;
};

const readJson = (file: string): unknown => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new AppError('MODEL_INVALID', `The model folder has no readable ${path.basename(file)}.`, { cause: error });
  }
};

export const readWhisperLayout = (modelDir: string): WhisperLayout => {
  const generation = generationConfigSchema.safeParse(readJson(path.join(modelDir, 'generation_config.json')));
  const config = configSchema.safeParse(readJson(path.join(modelDir, 'config.json')));
  if (!generation.success || !config.success)
    throw new AppError('MODEL_INVALID', 'The model folder is not a Whisper model in transformers.js layout.');
  const g = generation.data;
  const eos = Array.isArray(g.eos_token_id) ? (g.eos_token_id[0] ?? 0) : g.eos_token_id;
  const languageIds = Object.fromEntries(
    Object.entries(g.lang_to_id ?? {}).map(([token, id]) => [token.replace(/^<\|/, '').replace(/\|>$/, ''), id]),
  );
  const multilingual = g.is_multilingual ?? Object.keys(languageIds).length > 0;
  const taskIds: WhisperLayout['taskIds'] = {};
  if (g.task_to_id?.['transcribe'] !== undefined) taskIds.transcribe = g.task_to_id['transcribe'];
  if (g.task_to_id?.['translate'] !== undefined) taskIds.translate = g.task_to_id['translate'];
  return {
    startOfTranscriptId: g.decoder_start_token_id,
    endOfTextId: eos,
    noTimestampsId: g.no_timestamps_token_id,
    multilingual,
    languageIds,
    taskIds,
    vocabSize: config.data.vocab_size,
    melBins: config.data.num_mel_bins,
  };
};
