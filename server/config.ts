import { z } from 'zod';

/**
 * Configuration of the federation server a hospital runs (the service itself arrives with the
 * federation work). Decided here because it is a security boundary: TLS is mandatory unless the
 * server listens on loopback only.
 */
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export const ServerConfig = z
  .strictObject({
    db: z.string().min(1),
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(1).max(65_535),
    tlsCert: z.string().min(1).optional(),
    tlsKey: z.string().min(1).optional(),
  })
  .superRefine((cfg, ctx) => {
    const hasTls = cfg.tlsCert !== undefined && cfg.tlsKey !== undefined;
    if ((cfg.tlsCert === undefined) !== (cfg.tlsKey === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'Give both --tls-cert and --tls-key, or neither.', path: ['tlsCert'] });
    }
    if (!hasTls && !LOOPBACK.has(cfg.host)) {
      ctx.addIssue({
        code: 'custom',
        message: 'TLS is required unless the server listens on loopback.',
        path: ['host'],
      });
    }
  });
export type ServerConfig = z.infer<typeof ServerConfig>;

export const isLoopbackHost = (host: string): boolean => LOOPBACK.has(host);
