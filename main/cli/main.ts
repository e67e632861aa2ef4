import { parseArgs } from 'node:util';
import { isAppError } from '../../common/errors';
import { audioProbe, benchAudio } from './commands/audio';
import { auditVerify } from './commands/audit';
import { benchNotes } from './commands/bench';
import { evalNegation, evalNotes, evalSections } from './commands/evaluate';
import { extractCommand, noteCommand } from './commands/language';
import { dbInit, dbStatus } from './commands/db';
import { encounterCreate, encounterList, encounterShow } from './commands/encounter';
import { modelsConfirm, modelsDownload, modelsImport, modelsList, modelsVerify } from './commands/models';
import { benchAsr, parsePrecision, parseThreads, transcribeCommand, type SpeechArgs } from './commands/speech';
import { benchLive } from './commands/bench-live';
import { benchLlm } from './commands/bench-llm';
import { translateCommand } from './commands/translate';
import { checkCommand, evalConsistency } from './commands/check';
import { UsageError, type CliContext } from './context';
import { createOutput } from './io';

export const USAGE = `Usage: quietchart [--json] [--db PATH] <command>

Store (passphrase from QUIETCHART_PASSPHRASE; --db or QUIETCHART_DB selects the file):
  db init [--clinician NAME]     create or open the encrypted store and migrate it
  db status                      schema version, counts, encryption
  encounter create               patient JSON on stdin: {"name","dob":"YYYY-MM-DD","mrn","reason"?}
  encounter list [--query Q] [--limit N]
  encounter show ID
  audit verify                   check the audit log's HMAC chain (exit 1 if broken)

Language pipeline (no store, no model):
  extract --transcript FILE      segments, sections, findings with evidence, checklist results
  note --transcript FILE [--template soap|history-and-physical|progress] [--llm DIR [--precision q4] [--threads N] [--max-prompt-tokens N] [--llm-sections narrative|all]]
                                 the composer's draft, or an on-device LLM's written from it (composer on failure)
  eval notes --data CSV [--predictions CSV] [--out CSV]     ROUGE-1/2/L F1 x100 (ACI-Bench columns)
  eval sections --data CSV       MTS-Dialog section-header accuracy
  eval negation --data TSV       NegEx-format Negated-class precision/recall/F1
  check --transcript FILE --note FILE   note sentences that contradict the transcript (consistency flags)
  eval consistency --data CSV    the checker over the composer's notes (ACI-Bench columns): flags by kind
  bench notes --data CSV [--min-seconds S]                  notes per second, peak RSS

Audio import (WAV, MP3, Ogg Opus/Vorbis, WebM Opus/Vorbis, FLAC; no store, no model):
  audio probe FILE               format, codec, sample rate, channels, duration
  bench audio --audio FILE [--min-seconds S]                decode + resample to 16 kHz: x real time, peak RSS

Speech (Whisper ONNX in a worker process; --precision fp32|q8|int8|fp16|q4, --threads N):
  transcribe --audio FILE --model DIR [--language xx] [--translate]   timed, speaker-labelled segments
  bench asr --audio FILE --model DIR [--min-seconds S]       real-time factor, peak RSS (file looped to S s)
  bench live --audio FILE --model DIR [--min-seconds S] [--pace X]   recording path at real-time pace: stop → transcript

On-device models (transformers.js layout, in the inference worker):
  translate --transcript FILE --model DIR [--from LANG] [--precision q8|fp32]   each segment's language and English
  bench llm --model DIR [--prompt-words N] [--new-tokens N] [--precision q4] [--with-asr WHISPER_DIR]
                                 time to first token, tokens/s, worker peak RSS (with Whisper int8 loaded and run first)

Models (folder: --models-dir DIR, else <data dir>/models):
  models list                    recommended and installed models, size, license, hash status
    --allow-non-commercial       (list, import, download) permit models whose licence forbids commercial use
  models import PATH [--id ID] [--variant q8|fp32|...]      copy from a local folder, checking hashes
  models download ID [--base-url URL] [--variant V]         from Hugging Face or a hospital mirror (resumes)
  models verify [ID]             re-hash installed files (exit 1 on a mismatch)
  models confirm ID              accept the local hashes of files that have no publisher hash
`;

const speechArgs = (values: {
  audio?: string | undefined;
  model?: string | undefined;
  precision?: string | undefined;
  threads?: string | undefined;
  language?: string | undefined;
  translate?: boolean | undefined;
}): SpeechArgs => ({
  audio: values.audio,
  model: values.model,
  precision: values.precision,
  threads: values.threads,
  language: values.language,
  translate: values.translate === true,
});

export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  version: string;
};

/** Parses argv, runs one command, returns the exit code. Errors print their code, never patient data. */
export const runCli = async (argv: string[], io: CliIo): Promise<number> => {
  let json = false;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        db: { type: 'string' },
        clinician: { type: 'string' },
        query: { type: 'string', default: '' },
        limit: { type: 'string', default: '50' },
        help: { type: 'boolean', short: 'h', default: false },
        transcript: { type: 'string' },
        note: { type: 'string' },
        template: { type: 'string', default: 'soap' },
        data: { type: 'string' },
        predictions: { type: 'string' },
        out: { type: 'string' },
        'min-seconds': { type: 'string', default: '3' },
        audio: { type: 'string' },
        'models-dir': { type: 'string' },
        id: { type: 'string' },
        variant: { type: 'string' },
        'base-url': { type: 'string' },
        'allow-non-commercial': { type: 'boolean', default: false },
        model: { type: 'string' },
        llm: { type: 'string' },
        from: { type: 'string' },
        'max-prompt-tokens': { type: 'string' },
        'llm-sections': { type: 'string' },
        'with-asr': { type: 'string' },
        precision: { type: 'string' },
        threads: { type: 'string' },
        language: { type: 'string' },
        translate: { type: 'boolean', default: false },
        pace: { type: 'string', default: '1' },
        'prompt-words': { type: 'string', default: '1000' },
        'new-tokens': { type: 'string', default: '64' },
      },
    });
    json = values.json;
    const ctx: CliContext = {
      out: createOutput(json, io.stdout),
      options: { json, db: values.db },
      env: io.env,
      stdin: io.stdin,
      version: io.version,
    };
    const [group, verb, ...rest] = positionals;
    if (values.help || !group) {
      io.stdout(USAGE);
      return values.help ? 0 : 2;
    }
    const command = `${group} ${verb ?? ''}`.trim();
    switch (command) {
      case 'db init':
        await dbInit(ctx, { clinician: values.clinician });
        return 0;
      case 'db status':
        await dbStatus(ctx);
        return 0;
      case 'encounter create':
        await encounterCreate(ctx);
        return 0;
      case 'encounter list': {
        const limit = Number(values.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit must be 1..500.');
        await encounterList(ctx, { query: values.query, limit });
        return 0;
      }
      case 'encounter show':
        await encounterShow(ctx, rest[0] ?? '');
        return 0;
      case 'audit verify':
        return await auditVerify(ctx);
      case 'extract':
        extractCommand(ctx, { transcript: values.transcript });
        return 0;
      case 'translate':
        await translateCommand(ctx, {
          transcript: values.transcript,
          model: values.model,
          from: values.from,
          precision: values.precision,
          threads: values.threads,
        });
        return 0;
      case 'note':
        await noteCommand(
          ctx,
          {
            transcript: values.transcript,
            template: values.template,
            llm: values.llm,
            precision: values.precision,
            threads: values.threads,
            maxPromptTokens: values['max-prompt-tokens'],
            llmSections: values['llm-sections'],
          },
          io.stderr,
        );
        return 0;
      case 'eval notes':
        evalNotes(ctx, { data: values.data, predictions: values.predictions, out: values.out });
        return 0;
      case 'eval sections':
        evalSections(ctx, { data: values.data });
        return 0;
      case 'check':
        checkCommand(ctx, { transcript: values.transcript, note: values.note });
        return 0;
      case 'eval consistency':
        evalConsistency(ctx, { data: values.data });
        return 0;
      case 'eval negation':
        evalNegation(ctx, { data: values.data });
        return 0;
      case 'bench notes': {
        const minSeconds = Number(values['min-seconds']);
        if (!(minSeconds >= 0 && minSeconds <= 600)) throw new UsageError('--min-seconds must be 0..600.');
        benchNotes(ctx, { data: values.data, minSeconds });
        return 0;
      }
      case 'models list':
        modelsList(ctx, {
          modelsDir: values['models-dir'],
          variant: values.variant,
          allowNonCommercial: values['allow-non-commercial'],
        });
        return 0;
      case 'models import':
        await modelsImport(ctx, {
          modelsDir: values['models-dir'],
          variant: values.variant,
          from: rest[0],
          id: values.id,
          allowNonCommercial: values['allow-non-commercial'],
          stderr: io.stderr,
        });
        return 0;
      case 'models verify':
        return await modelsVerify(ctx, { modelsDir: values['models-dir'], variant: values.variant, id: rest[0] });
      case 'models confirm':
        await modelsConfirm(ctx, { modelsDir: values['models-dir'], variant: values.variant, id: rest[0] });
        return 0;
      case 'models download':
        await modelsDownload(ctx, {
          modelsDir: values['models-dir'],
          variant: values.variant,
          id: rest[0],
          baseUrl: values['base-url'],
          allowNonCommercial: values['allow-non-commercial'],
          stderr: io.stderr,
        });
        return 0;
      case 'audio probe':
        await audioProbe(ctx, rest[0]);
        return 0;
      case 'bench audio': {
        const minSeconds = Number(values['min-seconds']);
        if (!(minSeconds >= 0 && minSeconds <= 600)) throw new UsageError('--min-seconds must be 0..600.');
        await benchAudio(ctx, { audio: values.audio, minSeconds });
        return 0;
      }
      case 'transcribe':
        await transcribeCommand(ctx, speechArgs(values));
        return 0;
      case 'bench asr': {
        const minSeconds = Number(values['min-seconds']);
        if (!(minSeconds >= 0 && minSeconds <= 7200)) throw new UsageError('--min-seconds must be 0..7200.');
        await benchAsr(ctx, { ...speechArgs(values), minSeconds });
        return 0;
      }
      case 'bench llm': {
        const promptWords = Number(values['prompt-words']);
        const newTokens = Number(values['new-tokens']);
        if (!Number.isInteger(promptWords) || promptWords < 1 || promptWords > 100_000)
          throw new UsageError('--prompt-words must be 1..100000.');
        if (!Number.isInteger(newTokens) || newTokens < 1 || newTokens > 4096)
          throw new UsageError('--new-tokens must be 1..4096.');
        await benchLlm(ctx, {
          model: values.model,
          precision: values.precision,
          threads: values.threads,
          promptWords,
          newTokens,
          withAsr: values['with-asr'],
        });
        return 0;
      }
      case 'bench live': {
        const minSeconds = Number(values['min-seconds']);
        if (!(minSeconds >= 1 && minSeconds <= 7200)) throw new UsageError('--min-seconds must be 1..7200.');
        const pace = Number(values.pace);
        if (!(pace > 0 && pace <= 1000)) throw new UsageError('--pace must be > 0.');
        const speech = speechArgs(values);
        await benchLive(ctx, {
          audio: speech.audio,
          model: speech.model,
          precision: parsePrecision(speech.precision),
          threads: parseThreads(speech.threads),
          minSeconds,
          pace,
        });
        return 0;
      }
      default:
        throw new UsageError(`Unknown command: ${command}`);
    }
  } catch (error) {
    const usage =
      error instanceof UsageError ||
      (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    const code = isAppError(error) ? error.code : usage ? 'USAGE' : 'INTERNAL';
    const known = isAppError(error) || usage;
    const message =
      known && error instanceof Error ? error.message : 'An unexpected error occurred (see the log for its code).';
    if (json) io.stdout(`${JSON.stringify({ error: { code, message } })}\n`);
    io.stderr(`quietchart: ${message}\n${usage ? `\n${USAGE}` : ''}`);
    return usage ? 2 : 1;
  }
};
