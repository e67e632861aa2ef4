export { bindIpc, type BindIpcOptions } from './bind';
export { createSenderCheck, type SenderCheck } from './sender-check';
export type { EventTargetLike, FrameLike, InvokeEventLike, IpcMainLike, SenderLike } from './types';
