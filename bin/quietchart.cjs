#!/usr/bin/env node
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS launcher: require is the module system here */
// The `quietchart` command. It runs the bundled CLI (dist/cli/quietchart.cjs); in a checkout that has
// not been built yet, `npm run build` makes it (or use `npm run -s cli -- <args>`, which runs sources).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bundled = path.join(root, 'dist', 'cli', 'quietchart.cjs');

/** After `npm start` the SQLCipher binding is built for Electron: switch it back to this Node first. */
const ensureNodeBinding = () => {
  const script = path.join(root, 'scripts', 'ensure-native.mjs');
  let marker = '';
  try {
    marker = fs.readFileSync(path.join(root, '.native-runtime'), 'utf8').trim();
  } catch {
    return; // no marker: never switched away from the binding npm installed for Node
  }
  if (marker === `node-abi${process.versions.modules}` || !fs.existsSync(script)) return;
  const result = spawnSync(process.execPath, [script, 'node'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) process.exit(result.status || 1);
};

if (fs.existsSync(bundled)) {
  ensureNodeBinding();
  require(bundled);
} else {
  process.stderr.write(
    'quietchart: the CLI is not built yet. Run `npm run build` first, ' +
      'or use `npm run -s cli -- <args>` in a checkout.\n',
  );
  process.exitCode = 1;
}
