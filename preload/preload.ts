import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './api';

// Sandboxed preload entry: bundled by esbuild into one CJS file (zod included). The page gets only
// this frozen object — never ipcRenderer itself.
contextBridge.exposeInMainWorld('quietchart', Object.freeze(createPreloadApi(ipcRenderer)));
