import path from 'node:path';
import { createWorkerHost } from '../../inference/worker-host';
import type { SegmentInput } from '../../language/segment';
import { reads, sourceLanguagesOf } from '../../translation/model-languages';
import { translateSegments } from '../../translation/translate-segments';
import { MT_PRECISIONS, type MtPrecision } from '../../translation/translator-engine';
import { createWorkerTranslator } from '../../translation/worker-translator';
import { UsageError, type CliContext } from '../context';
import { loadTranscriptFile } from '../transcript-file';
import { cliWorkerEntry } from '../worker-entry';

export type TranslateArgs = {
  transcript: string | undefined;
  model: string | undefined;
  from: string | undefined;
  precision: string | undefined;
  threads: string | undefined;
};

/**
 * `translate --transcript FILE --model DIR [--from LANG]`: each segment's language, and its English
 * translated sentence by sentence in the inference worker, beside the original (with the spans that
 * line the two up). English segments are left as they are.
 */
export const translateCommand = async (ctx: CliContext, args: TranslateArgs): Promise<void> => {
  if (!args.model) throw new UsageError('--model DIR is required.');
  if (args.from !== undefined && !/^[a-z]{2,3}$/.test(args.from))
    throw new UsageError('--from must be a language code such as es, fr or fa.');
  const precision = (args.precision ?? 'q8') as MtPrecision;
  if (!MT_PRECISIONS.includes(precision))
    throw new UsageError(`--precision must be one of ${MT_PRECISIONS.join(', ')}.`);
  const threads = Number(args.threads ?? '2');
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UsageError('--threads must be 1..64.');
  const transcript = loadTranscriptFile(args.transcript);
  const modelDir = path.resolve(args.model);
  const languages = sourceLanguagesOf(modelDir);
  const host = createWorkerHost({ entry: cliWorkerEntry(ctx) });
  try {
    const translator = createWorkerTranslator(host, { modelDir, precision, threads });
    const started = performance.now();
    const translated = await translateSegments(
      transcript.segments,
      (language) => (reads(languages, language) ? translator : null),
      args.from === undefined ? {} : { from: args.from },
    );
    const input: readonly SegmentInput[] = transcript.segments;
    const segments = input.map((segment, i) => ({
      id: segment.id,
      speaker: segment.speaker,
      text: segment.text,
      ...translated[i],
    }));
    const counts: Record<string, number> = {};
    for (const s of segments) if (s.language) counts[s.language] = (counts[s.language] ?? 0) + 1;
    const value = {
      segments,
      languages: counts,
      translated: segments.filter((s) => s.englishText !== null).length,
      ms: Math.round(performance.now() - started),
    };
    ctx.out.result(value, () =>
      segments
        .map(
          (s) =>
            `[${s.speaker}] (${s.language ?? '?'}) ${s.text}${s.englishText === null ? '' : `\n    → ${s.englishText}`}`,
        )
        .join('\n'),
    );
  } finally {
    await host.shutdown();
  }
};
