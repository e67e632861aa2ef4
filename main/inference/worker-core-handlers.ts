import { z } from 'zod';
import { defineHandler, type HandlerModule } from './worker-registry';

/** Handlers every worker has: liveness and memory figures for diagnostics. */
export const coreHandlers: HandlerModule = {
  name: 'core',
  handlers: {
    'worker.ping': defineHandler(z.unknown(), () => ({
      pid: process.pid,
      uptimeMs: Math.round(process.uptime() * 1000),
    })),
    'worker.memory': defineHandler(z.unknown(), () => {
      const usage = process.memoryUsage();
      return { rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external, arrayBuffers: usage.arrayBuffers };
    }),
  },
};
