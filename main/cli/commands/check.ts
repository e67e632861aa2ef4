import { extractFindings } from '../../language/pipeline';
import { parseTranscript } from '../../language/transcript';
import { checkConsistency } from '../../notes/consistency/check';
import type { ConsistencyFlag } from '../../notes/consistency/flags';
import { sentencesOfNote, sentencesOfText } from '../../notes/consistency/note-sentences';
import { draftNote } from '../../notes/draft-note';
import { analyseTranscript } from '../../language/pipeline';
import { readAciCsv } from '../../notes/eval/aci-csv';
import type { CliContext } from '../context';
import { loadTranscriptFile, readDataFile } from '../transcript-file';

/** `check --transcript FILE --note FILE`: one flag per note sentence that contradicts the transcript. */
export const checkCommand = (
  ctx: CliContext,
  args: { transcript: string | undefined; note: string | undefined },
): void => {
  const transcript = loadTranscriptFile(args.transcript);
  const note = readDataFile(args.note, '--note');
  const flags = checkConsistency({
    sentences: sentencesOfText(note),
    segments: transcript.segments,
    findings: extractFindings(transcript.segments),
  });
  ctx.out.result({ flags }, () =>
    flags.length === 0
      ? 'No sentence contradicts the transcript.'
      : flags.map((f) => `[${f.kind}] ${f.sentence}\n  ${f.reason}`).join('\n'),
  );
};

/**
 * `eval consistency --data CSV`: the checker over the composer's own notes for every ACI-Bench visit
 * (how many sentences it flags, by kind), with `--out` listing each flag for review by hand.
 */
export const evalConsistency = (ctx: CliContext, args: { data: string | undefined }): void => {
  const rows = readAciCsv(readDataFile(args.data));
  let sentences = 0;
  const flags: Array<ConsistencyFlag & { encounterId: string }> = [];
  for (const row of rows) {
    const segments = parseTranscript({ text: row.dialogue }).segments.map((s, i) => ({ ...s, id: `s${i}` }));
    const analysis = analyseTranscript(segments);
    const { note } = draftNote(segments, analysis);
    const noteSentences = sentencesOfNote(note);
    sentences += noteSentences.length;
    for (const flag of checkConsistency({ sentences: noteSentences, segments, findings: analysis.findings }))
      flags.push({ ...flag, encounterId: row.encounterId });
  }
  const byKind: Record<string, number> = {};
  for (const f of flags) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  const flaggedSentences = new Set(flags.map((f) => `${f.encounterId}\u0000${f.sentence}`)).size;
  const value = { n: rows.length, sentences, flaggedSentences, byKind, flags };
  ctx.out.result(value, () => `${flaggedSentences} of ${sentences} sentences flagged over ${rows.length} notes`);
};
