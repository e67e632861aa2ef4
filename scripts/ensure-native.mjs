#!/usr/bin/env node
// Usage: node scripts/ensure-native.mjs node|electron
//
// better-sqlite3-multiple-ciphers calls V8 directly, so its compiled binding works in one runtime at
// a time: Node (tests, CLI) or Electron (the app). This makes the binding match the runtime about to
// run, rebuilding only when it does not, and records the result in `.native-runtime` (git-ignored).
// The Electron rebuild downloads Electron's headers, so it belongs to `npm start` / packaging, never
// to `postinstall` (which must work offline).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MODULE = 'better-sqlite3-multiple-ciphers';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const markerFile = path.join(root, '.native-runtime');
const require = createRequire(path.join(root, 'package.json'));

const readMarker = () => {
  try {
    return fs.readFileSync(markerFile, 'utf8').trim();
  } catch {
    return '';
  }
};
const writeMarker = (value) => fs.writeFileSync(markerFile, `${value}\n`);

const run = (command, args, options = {}) => {
  console.error(`ensure-native: ${[path.basename(command), ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    ...options,
  });
  if (result.status !== 0) {
    console.error(`ensure-native: that failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
};

/** Opens an in-memory database in a fresh process: the only reliable "does it load" test. */
const PROBE = `const D = require(${JSON.stringify(MODULE)}); new D(':memory:').close();`;
const loadsIn = (binary, env = process.env) => {
  const result = spawnSync(binary, ['-e', PROBE], { cwd: root, encoding: 'utf8', env });
  return { ok: result.status === 0, stderr: result.stderr ?? '' };
};
const loadsInNode = () => loadsIn(process.execPath);

/** The Electron binary, when it has been downloaded (node_modules/electron/path.txt exists). */
const electronBinary = () => {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
};

const ensureNode = () => {
  const wanted = `node-abi${process.versions.modules}`;
  const probe = loadsInNode();
  if (probe.ok) {
    if (readMarker() !== wanted) writeMarker(wanted);
    return;
  }
  // Anything but an ABI mismatch (or a missing build) is a real error: do not hide it behind a rebuild.
  if (!/NODE_MODULE_VERSION|was compiled against a different|Could not locate the bindings file/.test(probe.stderr)) {
    process.stderr.write(probe.stderr);
    console.error(`ensure-native: ${MODULE} does not load in Node, and not because of its ABI.`);
    process.exit(1);
  }
  console.error(`ensure-native: ${MODULE} was built for another runtime; rebuilding for Node ${process.version}.`);
  run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['rebuild', MODULE]);
  if (!loadsInNode().ok) {
    console.error(`ensure-native: ${MODULE} still does not load after the rebuild.`);
    process.exit(1);
  }
  writeMarker(wanted);
};

const ensureElectron = () => {
  const electronVersion = require('electron/package.json').version;
  const wanted = `electron-${electronVersion}`;
  const binary = electronBinary();
  // With the binary at hand, ask Electron itself (running as Node) whether the binding loads;
  // without it (packaging on a fresh machine) trust the marker.
  const loads = binary ? loadsIn(binary, { ...process.env, ELECTRON_RUN_AS_NODE: '1' }).ok : readMarker() === wanted;
  if (loads) {
    if (readMarker() !== wanted) writeMarker(wanted);
    return;
  }
  console.error(`ensure-native: rebuilding ${MODULE} for Electron ${electronVersion} (downloads Electron's headers).`);
  const local = path.join(root, 'node_modules', '@electron', 'rebuild', 'lib', 'cli.js');
  const args = ['-f', '-v', electronVersion, '-o', MODULE, '-m', root];
  if (fs.existsSync(local)) run(process.execPath, [local, ...args]);
  else run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', '@electron/rebuild', ...args]);
  if (binary && !loadsIn(binary, { ...process.env, ELECTRON_RUN_AS_NODE: '1' }).ok) {
    console.error(`ensure-native: ${MODULE} still does not load in Electron after the rebuild.`);
    process.exit(1);
  }
  writeMarker(wanted);
};

const target = process.argv[2];
if (target === 'node') ensureNode();
else if (target === 'electron') ensureElectron();
else {
  console.error('usage: node scripts/ensure-native.mjs node|electron');
  process.exit(2);
}
