import path from 'node:path';
import { createWorkerHost } from '../../inference/worker-host';
import { analyseTranscript } from '../../language/pipeline';
import { workerLlmClient } from '../../llm/llm-client';
import { LLM_PRECISIONS, type LlmPrecision } from '../../llm/llm-engine';
import { writeDraft } from '../../notes/write-draft';
import { isTemplateId, TEMPLATE_IDS } from '../../notes/templates';
import { UsageError, type CliContext } from '../context';
import { loadTranscriptFile } from '../transcript-file';
import { cliWorkerEntry } from '../worker-entry';

/** `extract --transcript FILE`: segments, findings and checklist results, no store involved. */
export const extractCommand = (ctx: CliContext, args: { transcript: string | undefined }): void => {
  const transcript = loadTranscriptFile(args.transcript);
  const analysis = analyseTranscript(transcript.segments);
  const value = {
    format: transcript.format,
    warnings: transcript.warnings,
    segments: transcript.segments.map((s, i) => ({ ...s, section: analysis.sections[i]?.label ?? 'none' })),
    findings: analysis.findings,
    checklists: analysis.checklists,
  };
  ctx.out.result(value, () => {
    const byKind = new Map<string, number>();
    for (const f of analysis.findings) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
    return [
      `${transcript.segments.length} segments (${transcript.format}), ${analysis.findings.length} findings:`,
      ...[...byKind].map(([kind, n]) => `  ${kind}: ${n}`),
      ...analysis.checklists.map(
        (c) =>
          `Checklist ${c.name}: ${c.items.filter((i) => i.state !== 'not-mentioned').length}/${c.items.length} mentioned`,
      ),
    ].join('\n');
  });
};

export type NoteArgs = {
  transcript: string | undefined;
  template: string;
  llm: string | undefined;
  precision: string | undefined;
  threads: string | undefined;
  maxPromptTokens: string | undefined;
  llmSections: string | undefined;
};

/**
 * `note --transcript FILE [--template soap] [--llm DIR]`: the composer's draft, or an LLM's written from
 * it in the inference worker (sections reported on stderr as they finish). Without --llm, or when the
 * LLM fails, the composer's draft is printed and the reason given; every draft carries its flags.
 */
export const noteCommand = async (ctx: CliContext, args: NoteArgs, stderr: (t: string) => void): Promise<void> => {
  if (!isTemplateId(args.template)) throw new UsageError(`--template must be one of: ${TEMPLATE_IDS.join(', ')}.`);
  const precision = (args.precision ?? 'q4') as LlmPrecision;
  if (!LLM_PRECISIONS.includes(precision))
    throw new UsageError(`--precision must be one of ${LLM_PRECISIONS.join(', ')}.`);
  const threads = Number(args.threads ?? '2');
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UsageError('--threads must be 1..64.');
  const maxPromptTokens = args.maxPromptTokens === undefined ? undefined : Number(args.maxPromptTokens);
  if (maxPromptTokens !== undefined && (!Number.isInteger(maxPromptTokens) || maxPromptTokens < 64))
    throw new UsageError('--max-prompt-tokens must be an integer of at least 64.');
  const sections = args.llmSections ?? 'narrative';
  if (sections !== 'narrative' && sections !== 'all') throw new UsageError('--llm-sections must be narrative or all.');
  const transcript = loadTranscriptFile(args.transcript);
  const analysis = analyseTranscript(transcript.segments);
  const host = args.llm === undefined ? null : createWorkerHost({ entry: cliWorkerEntry(ctx) });
  try {
    const modelDir = args.llm === undefined ? null : path.resolve(args.llm);
    const draft = await writeDraft(transcript.segments, analysis, args.template, {
      llm:
        host && modelDir
          ? {
              client: workerLlmClient(host, { modelDir, precision, threads }),
              modelVersion: `llm:${path.basename(modelDir)}/${precision}`,
              sections,
              ...(maxPromptTokens === undefined ? {} : { budget: { maxPromptTokens } }),
            }
          : undefined,
      onEvent: (event) => {
        if (event.type === 'section-done') stderr(`  ${event.sectionId}: ${event.source}\n`);
      },
    });
    if (draft.note.sections.length === 0)
      stderr('Nothing in this transcript could be written into a note section (no findings or statements found).\n');
    else if (args.llm === undefined) stderr('No --llm given: the composer wrote this draft.\n');
    const unsupported = draft.note.sections.flatMap((x) => x.sentences).filter((x) => x.unsupported === true).length;
    if (unsupported > 0)
      stderr(
        `${String(unsupported)} sentences are not supported by the transcript (marked "unsupported" in --json).\n`,
      );
    if (draft.fallback)
      stderr(`The language model could not write the draft (${draft.fallback.code}): the composer's draft follows.\n`);
    ctx.out.result(
      {
        template: args.template,
        source: draft.source,
        model: draft.modelVersion,
        fallback: draft.fallback,
        text: draft.text,
        note: draft.note,
        flags: draft.flags,
        sections: draft.sections,
      },
      () => draft.text,
    );
  } finally {
    await host?.shutdown();
  }
};
