#!/usr/bin/env node
// `npm start`: make sure the Electron binary is there, the SQLCipher binding is built for Electron,
// the app is built, then run it.  `--package` (npm run dist) builds installers instead of running.
//
// npm 11 does not run Electron's install script (package.json does not allow it), so the binary is
// fetched here on first start; a user's machine has the internet access that needs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packaging = process.argv.includes('--package');
const passThrough = process.argv.slice(2).filter((arg) => arg !== '--package');

const step = (label, args, env = process.env) => {
  console.error(`start: ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`start: ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
};

const withoutKeys = (env, ...keys) => Object.fromEntries(Object.entries(env).filter(([key]) => !keys.includes(key)));

const ensureElectronBinary = () => {
  if (fs.existsSync(path.join(root, 'node_modules', 'electron', 'path.txt'))) return;
  // CI sets ELECTRON_SKIP_BINARY_DOWNLOAD for `npm ci`; here we do want the download.
  step('downloading the Electron binary', [path.join('node_modules', 'electron', 'install.js')], {
    ...withoutKeys(process.env, 'ELECTRON_SKIP_BINARY_DOWNLOAD'),
  });
};

const build = () => {
  step('building the renderer (vite)', [path.join('node_modules', 'vite', 'bin', 'vite.js'), 'build']);
  step('bundling main, preload and CLI (esbuild)', [path.join('scripts', 'build-node.mjs')]);
};

if (packaging) {
  build();
  // electron-builder rebuilds native modules for Electron itself (npmRebuild: true) and downloads
  // its own Electron; afterwards the binding's runtime is no longer what the marker says.
  step('packaging (electron-builder)', [
    path.join('node_modules', 'electron-builder', 'cli.js'),
    '--publish',
    'never',
    ...passThrough,
  ]);
  fs.rmSync(path.join(root, '.native-runtime'), { force: true });
  process.exit(0);
}

ensureElectronBinary();
step('matching the SQLCipher binding to Electron', [path.join('scripts', 'ensure-native.mjs'), 'electron']);
build();

const electronPath = fs.readFileSync(path.join(root, 'node_modules', 'electron', 'path.txt'), 'utf8').trim();
const binary = path.join(root, 'node_modules', 'electron', 'dist', electronPath);
// Electron's Linux sandbox needs its helper to be setuid root (or unprivileged user namespaces, which
// some distributions restrict). We never turn the sandbox off; we say how to fix it instead.
if (process.platform === 'linux') {
  const helper = path.join(path.dirname(binary), 'chrome-sandbox');
  try {
    const info = fs.statSync(helper);
    if (info.uid !== 0 || (info.mode & 0o4755) !== 0o4755) {
      console.error(
        'start: if Electron exits complaining about the SUID sandbox, run once:\n' +
          `  sudo chown root:root ${helper} && sudo chmod 4755 ${helper}`,
      );
    }
  } catch {
    // no helper shipped: user namespaces will be used
  }
}

// `electron .` reads package.json ("main": dist/app/main.cjs), so name and version are the app's.
const child = spawn(binary, ['.', ...passThrough], {
  cwd: root,
  stdio: 'inherit',
  env: withoutKeys(process.env, 'ELECTRON_RUN_AS_NODE'),
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
