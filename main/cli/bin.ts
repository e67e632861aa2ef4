import { runCli } from './main';
import { appVersion } from './version';

// Entry point of `quietchart` / `npm run cli`: the only place that touches process globals.
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
