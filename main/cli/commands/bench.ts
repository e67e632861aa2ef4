import { readAciCsv } from '../../notes/eval/aci-csv';
import type { CliContext } from '../context';
import { medianOf } from '../median';
import { readDataFile } from '../transcript-file';
import { composeFromDialogue } from './evaluate';

/**
 * `bench notes --data CSV`: notes per second for the whole path (parse → sections → findings →
 * composer) on one thread, after one warm-up pass, and the process's peak RSS. The rate is the
 * median pass's (each pass = every row once): on a shared machine a neighbour's burst slows a few
 * passes, not the median. The overall rate is reported too.
 */
export const benchNotes = (ctx: CliContext, args: { data: string | undefined; minSeconds: number }): void => {
  const rows = readAciCsv(readDataFile(args.data));
  for (const row of rows) composeFromDialogue(row.dialogue); // warm-up: JIT, lexicon and model loading
  let notes = 0;
  let words = 0;
  const passes: number[] = [];
  const started = performance.now();
  do {
    const passStarted = performance.now();
    for (const row of rows) {
      composeFromDialogue(row.dialogue);
      notes += 1;
      words += row.dialogue.split(/\s+/).length;
    }
    passes.push((performance.now() - passStarted) / 1000);
  } while (performance.now() - started < args.minSeconds * 1000);
  const seconds = (performance.now() - started) / 1000;
  const medianPass = medianOf(passes, seconds);
  const value = {
    notes,
    passes: passes.length,
    seconds: Number(seconds.toFixed(3)),
    notesPerSecond: Number((rows.length / medianPass).toFixed(1)),
    overallNotesPerSecond: Number((notes / seconds).toFixed(1)),
    meanDialogueWords: Math.round(words / Math.max(1, notes)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  ctx.out.result(
    value,
    () => `${value.notesPerSecond} notes/s over ${value.notes} notes; peak RSS ${value.peakRssMb} MB`,
  );
};
