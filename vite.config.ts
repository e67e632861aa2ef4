import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The renderer bundle. It runs under `script-src 'self'; style-src 'self'`, so the build must emit
 * only external files: no inline scripts, no inline styles, no data: assets, no eval.
 * @vitejs/plugin-react is not a dependency; esbuild's automatic JSX runtime is all React needs.
 */
export default defineConfig(({ mode }) => ({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  publicDir: false,
  esbuild: { jsx: 'automatic', jsxDev: mode !== 'production', legalComments: 'none' },
  // Pin React's build flavour to the mode: a NODE_ENV inherited from a test runner ("test") must
  // never ship React's development build (double effects under StrictMode, dev-only warnings).
  define: { 'process.env.NODE_ENV': JSON.stringify(mode === 'production' ? 'production' : 'development') },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: mode !== 'production',
    // Inlined assets become data: URLs, which the CSP does not allow.
    assetsInlineLimit: 0,
    // The polyfill is dead weight in Chromium and Electron, which support modulepreload natively.
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    reportCompressedSize: false,
  },
  server: { strictPort: true },
}));
