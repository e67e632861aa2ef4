import path from 'node:path';
import { findSectionModelPath, setSectionModelPath } from '../language/sections/default-model';
import { runCli } from './main';
import { appVersion } from './version';

// Entry point of `quietchart` / `npm run cli`: the only place that touches process globals.

// The committed section model sits at <project>/models; find it from this script, not the caller's cwd.
try {
  setSectionModelPath(findSectionModelPath(path.dirname(process.argv[1] ?? '.')));
} catch {
  // Left unset: the pipeline reports the missing model itself when (and only if) it is needed.
}
runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stdin: process.stdin,
  env: process.env,
  version: appVersion(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
