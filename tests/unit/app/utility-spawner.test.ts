import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createUtilityProcessSpawner, type UtilityChildLike } from '../../../main/app/utility-spawner';

/** A stand-in for Electron's UtilityProcess (the Electron boundary is the one place fakes are used). */
class FakeChild extends EventEmitter implements UtilityChildLike {
  readonly pid = 4242;
  readonly sent: unknown[] = [];
  killed = false;
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  kill(): boolean {
    this.killed = true;
    this.emit('exit', 1);
    return true;
  }
}

describe('the utilityProcess worker spawner', () => {
  it('forks the bundled worker with its flags and bridges messages and exit', () => {
    const child = new FakeChild();
    const forks: unknown[] = [];
    const spawn = createUtilityProcessSpawner({
      fork: (...args) => {
        forks.push(args);
        return child;
      },
    });
    const proc = spawn({
      entry: '/app/dist/app/inference-worker.cjs',
      args: ['--x'],
      execArgv: ['--max-old-space-size=2048'],
      env: { A: '1' },
      serviceName: 'Quietchart inference',
    });
    expect(forks).toEqual([
      [
        '/app/dist/app/inference-worker.cjs',
        ['--x'],
        {
          execArgv: ['--max-old-space-size=2048'],
          env: { A: '1' },
          serviceName: 'Quietchart inference',
          stdio: 'inherit',
        },
      ],
    ]);
    expect(proc.pid).toBe(4242);
    const pcm = new Float32Array([0.5]);
    proc.send({ id: 1, method: 'asr.transcribeWindow', params: { pcm } });
    expect(child.sent).toEqual([{ id: 1, method: 'asr.transcribeWindow', params: { pcm } }]);
    const received: unknown[] = [];
    proc.onMessage((m) => received.push(m));
    child.emit('message', { id: 1, ok: true, value: 2 });
    expect(received).toEqual([{ id: 1, ok: true, value: 2 }]);
    const exits: unknown[] = [];
    proc.onExit((e) => exits.push(e));
    proc.kill();
    expect(child.killed).toBe(true);
    expect(exits).toEqual([{ code: 1, signal: null }]);
  });
});
