import { readAciCsv } from '../../notes/eval/aci-csv';
import type { CliContext } from '../context';
import { readDataFile } from '../transcript-file';
import { composeFromDialogue } from './evaluate';

/**
 * `bench notes --data CSV`: notes per second for the whole path (parse → sections → findings →
 * composer) on one thread, after one warm-up pass, and the process's peak RSS.
 */
export const benchNotes = (ctx: CliContext, args: { data: string | undefined; minSeconds: number }): void => {
  const rows = readAciCsv(readDataFile(args.data));
  for (const row of rows) composeFromDialogue(row.dialogue); // warm-up: JIT, lexicon and model loading
  let notes = 0;
  let words = 0;
  const started = performance.now();
  do {
    for (const row of rows) {
      composeFromDialogue(row.dialogue);
      notes += 1;
      words += row.dialogue.split(/\s+/).length;
    }
  } while (performance.now() - started < args.minSeconds * 1000);
  const seconds = (performance.now() - started) / 1000;
  const value = {
    notes,
    seconds: Number(seconds.toFixed(3)),
    notesPerSecond: Number((notes / seconds).toFixed(1)),
    meanDialogueWords: Math.round(words / Math.max(1, notes)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  ctx.out.result(
    value,
    () => `${value.notesPerSecond} notes/s over ${value.notes} notes; peak RSS ${value.peakRssMb} MB`,
  );
};
