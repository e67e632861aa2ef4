import { channels, isChannel, type Channel, type ParsedRequestOf, type ResponseOf } from '../../common/contract';
import { AppError, toErrorPayload } from '../../common/errors';
import { fail, ok, type IpcResult } from '../../common/result';
import type { Logger } from '../log/logger';

/** Per-call context: which window (or bridge session) asked, for audit and job routing. */
export type CallContext = { senderId: number };

export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>, ctx: CallContext) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

/**
 * The single path from an untrusted (channel, payload) pair to a service call. Electron IPC and the
 * E2E bridge both call this, so validation and error shaping cannot drift between them.
 * Unknown channels and malformed payloads are rejected before any handler runs: nothing is written.
 */
export const dispatch = async (
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
  ctx: CallContext,
  log: Logger,
): Promise<IpcResult<unknown>> => {
  if (!isChannel(channel)) {
    log.warn('ipc.unknown_channel');
    return fail({ code: 'UNKNOWN_CHANNEL', message: 'Unknown channel.' });
  }
  const parsed = channels[channel].request.safeParse(payload ?? {});
  if (!parsed.success) {
    log.warn('ipc.invalid_request', { channel, issues: parsed.error.issues.length });
    const where = parsed.error.issues[0]?.path.join('.') || '(root)';
    return fail({ code: 'VALIDATION_FAILED', message: `Invalid request for ${channel} at ${where}.` });
  }
  const started = performance.now();
  try {
    const handler = handlers[channel] as (req: unknown, ctx: CallContext) => Promise<unknown>;
    const value = await handler(parsed.data, ctx);
    // Responses are checked too: a service bug must not leak unexpected fields to the renderer.
    const checked = channels[channel].response.safeParse(value);
    if (!checked.success) {
      log.error('ipc.invalid_response', { channel, issues: checked.error.issues.length });
      throw new AppError('INTERNAL', 'The service returned an unexpected response.');
    }
    log.debug('ipc.ok', { channel, ms: Math.round(performance.now() - started) });
    return ok(checked.data);
  } catch (error) {
    const payloadOut = toErrorPayload(error);
    log.warn('ipc.error', { channel, code: payloadOut.code, ms: Math.round(performance.now() - started) });
    return fail(payloadOut);
  }
};
