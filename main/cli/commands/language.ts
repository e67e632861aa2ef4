import { analyseTranscript } from '../../language/pipeline';
import { draftNote } from '../../notes/draft-note';
import { isTemplateId, TEMPLATE_IDS } from '../../notes/templates';
import { UsageError, type CliContext } from '../context';
import { loadTranscriptFile } from '../transcript-file';

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

/** `note --transcript FILE [--template soap]`: the composer's draft, with evidence in --json. */
export const noteCommand = (ctx: CliContext, args: { transcript: string | undefined; template: string }): void => {
  if (!isTemplateId(args.template)) throw new UsageError(`--template must be one of: ${TEMPLATE_IDS.join(', ')}.`);
  const transcript = loadTranscriptFile(args.transcript);
  const analysis = analyseTranscript(transcript.segments);
  const draft = draftNote(transcript.segments, analysis, args.template);
  ctx.out.result({ template: args.template, text: draft.text, note: draft.note }, () => draft.text);
};
