import type { EventName } from '../../common/contract';
import type { IpcResult } from '../../common/result';

/**
 * TEST ONLY. The wire format between bridge-client (in the page) and bridge-host (in Node).
 * page → host: a call; host → page: its answer, or an event from the runtime's event hub.
 */
export const BRIDGE_TOKEN_PARAM = 'QUIETCHART_BRIDGE_TOKEN';
export const BRIDGE_PATH = '/__bridge';
/** Bigger than any request the contract allows today; ws refuses larger frames outright. */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export type BridgeCall = { id: number | string; channel: unknown; request: unknown };
export type BridgeAnswer = { id: number | string; result: IpcResult<unknown> };
export type BridgeEvent = { event: EventName; payload: unknown };
