import { z } from 'zod';
import { ERROR_CODES } from '../../common/errors';

/**
 * Messages between the host (main process / CLI) and the inference worker process. Both sides
 * validate everything they receive: a malformed message is logged by code and dropped.
 *
 * host -> worker: {id, method, params}  |  {id, cancel: true}
 * worker -> host: {ready: true, pid, methods}  |  {id, progress}  |  {id, ok: true, value}  |  {id, ok: false, error}
 */
export const requestIdSchema = z.number().int().positive();
export const methodSchema = z.string().regex(/^[a-zA-Z][\w-]*(\.[a-zA-Z][\w-]*)+$/, 'namespace.method');

export const requestMessageSchema = z.object({ id: requestIdSchema, method: methodSchema, params: z.unknown() });
export const cancelMessageSchema = z.object({ id: requestIdSchema, cancel: z.literal(true) });
export const hostMessageSchema = z.union([requestMessageSchema.strict(), cancelMessageSchema.strict()]);
export type RequestMessage = z.infer<typeof requestMessageSchema>;
export type CancelMessage = z.infer<typeof cancelMessageSchema>;
export type HostMessage = z.infer<typeof hostMessageSchema>;

export const errorPayloadSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string().max(2000) });

export const readyMessageSchema = z.object({
  ready: z.literal(true),
  pid: z.number().int(),
  methods: z.array(methodSchema),
});
export const progressMessageSchema = z.object({ id: requestIdSchema, progress: z.unknown() });
export const successMessageSchema = z.object({ id: requestIdSchema, ok: z.literal(true), value: z.unknown() });
export const failureMessageSchema = z.object({ id: requestIdSchema, ok: z.literal(false), error: errorPayloadSchema });
export const workerMessageSchema = z.union([
  readyMessageSchema.strict(),
  successMessageSchema.strict(),
  failureMessageSchema.strict(),
  progressMessageSchema.strict(),
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;

export const isCancel = (message: HostMessage): message is CancelMessage => 'cancel' in message;
