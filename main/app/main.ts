import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, safeStorage, session, utilityProcess, webContents } from 'electron';
import { createApp } from './composition';

// Electron entry (bundled to dist/app/main.cjs). Everything is wired in composition.ts; this file
// only hands it the real Electron API and the locations of the built files.
const quietchart = createApp(
  { app, BrowserWindow, ipcMain, protocol, safeStorage, session, webContents, utilityProcess },
  {
    rendererRoot: path.join(__dirname, '..', 'renderer'),
    preloadPath: path.join(__dirname, 'preload.cjs'),
    // Packaged: resources/app.asar/dist/app → resources/models (extraResources); in a checkout: <repo>/models.
    sectionModelPath: app.isPackaged
      ? path.join(__dirname, '..', '..', '..', 'models', 'section-classifier', 'model.json')
      : path.join(__dirname, '..', '..', 'models', 'section-classifier', 'model.json'),
    manifestPath: app.isPackaged
      ? path.join(__dirname, '..', '..', '..', 'models', 'manifest.json')
      : path.join(__dirname, '..', '..', 'models', 'manifest.json'),
    inferenceWorkerPath: path.join(__dirname, 'inference-worker.cjs'),
    version: app.getVersion(),
    platform: process.platform,
  },
);

quietchart.start().catch((error: unknown) => {
  process.stderr.write(`Quietchart failed to start: ${error instanceof Error ? error.name : 'error'}\n`);
  app.exit(1);
});
