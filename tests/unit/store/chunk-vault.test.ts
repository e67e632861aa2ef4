import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chunkFileName, createChunkVault } from '../../../main/store';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const makeVault = (chunkKey = randomBytes(32)) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quietchart-vault-'));
  dirs.push(dataDir);
  return { vault: createChunkVault({ dataDir, chunkKey }), dataDir, chunkKey };
};
const pcm = (): Buffer => Buffer.concat([Buffer.from('AUDIO-CANARY-7f3a'), randomBytes(3200)]);

describe('chunk vault', () => {
  it('round-trips a chunk', async () => {
    const { vault } = makeVault();
    const id = randomUUID();
    const data = pcm();
    const sealed = await vault.write(id, 3, data);
    expect(sealed.fileName).toBe('00000003.qca');
    expect(await vault.read(id, 3)).toEqual(data);
    expect(await vault.list(id)).toEqual([3]);
  });

  it('stores chunks under audio/<recording>/<padded seq>.qca with a header and no plaintext', async () => {
    const { vault, dataDir } = makeVault();
    const id = randomUUID();
    const { byteLength } = await vault.write(id, 0, pcm());
    const file = path.join(dataDir, 'audio', id, chunkFileName(0));
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBe(byteLength);
    expect(bytes.subarray(0, 4).toString('ascii')).toBe('QCAC');
    expect(bytes.includes(Buffer.from('AUDIO-CANARY'))).toBe(false);
  });

  it('uses a fresh nonce for every chunk, so equal audio seals differently', async () => {
    const { vault, dataDir } = makeVault();
    const id = randomUUID();
    const data = pcm();
    await vault.write(id, 0, data);
    await vault.write(id, 1, data);
    const read = (seq: number) => fs.readFileSync(path.join(dataDir, 'audio', id, chunkFileName(seq)));
    expect(read(0).equals(read(1))).toBe(false);
  });

  it.each([
    ['the header', 0],
    ['the nonce', 6],
    ['the ciphertext', 40],
    ['the tag', -1],
  ])('reports CHUNK_TAMPERED when a byte of %s is flipped', async (_part, offset) => {
    const { vault, dataDir } = makeVault();
    const id = randomUUID();
    await vault.write(id, 0, pcm());
    const file = path.join(dataDir, 'audio', id, chunkFileName(0));
    const bytes = fs.readFileSync(file);
    const at = offset < 0 ? bytes.length + offset : offset;
    bytes[at] = bytes[at]! ^ 0x01;
    fs.writeFileSync(file, bytes);
    await expect(vault.read(id, 0)).rejects.toMatchObject({ code: 'CHUNK_TAMPERED' });
  });

  it('reports CHUNK_TAMPERED for a truncated chunk', async () => {
    const { vault, dataDir } = makeVault();
    const id = randomUUID();
    await vault.write(id, 0, pcm());
    const file = path.join(dataDir, 'audio', id, chunkFileName(0));
    fs.truncateSync(file, 20);
    await expect(vault.read(id, 0)).rejects.toMatchObject({ code: 'CHUNK_TAMPERED' });
  });

  it('fails a chunk moved to another sequence number', async () => {
    const { vault, dataDir } = makeVault();
    const id = randomUUID();
    await vault.write(id, 0, pcm());
    const dir = path.join(dataDir, 'audio', id);
    fs.renameSync(path.join(dir, chunkFileName(0)), path.join(dir, chunkFileName(1)));
    await expect(vault.read(id, 1)).rejects.toMatchObject({ code: 'CHUNK_TAMPERED' });
  });

  it('fails a chunk copied into another recording', async () => {
    const { vault, dataDir } = makeVault();
    const a = randomUUID();
    const b = randomUUID();
    await vault.write(a, 0, pcm());
    fs.mkdirSync(path.join(dataDir, 'audio', b), { recursive: true });
    fs.copyFileSync(path.join(dataDir, 'audio', a, chunkFileName(0)), path.join(dataDir, 'audio', b, chunkFileName(0)));
    await expect(vault.read(b, 0)).rejects.toMatchObject({ code: 'CHUNK_TAMPERED' });
  });

  it('fails under a different key', async () => {
    const { vault, dataDir } = makeVault();
    const id = randomUUID();
    await vault.write(id, 0, pcm());
    const other = createChunkVault({ dataDir, chunkKey: randomBytes(32) });
    await expect(other.read(id, 0)).rejects.toMatchObject({ code: 'CHUNK_TAMPERED' });
  });

  it('refuses to overwrite a written chunk', async () => {
    const { vault } = makeVault();
    const id = randomUUID();
    const first = pcm();
    await vault.write(id, 0, first);
    await expect(vault.write(id, 0, pcm())).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await vault.read(id, 0)).toEqual(first);
  });

  it('refuses recording ids that are not UUIDs, so no path can escape the vault', async () => {
    const { vault } = makeVault();
    await expect(vault.write('../../etc', 0, pcm())).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(vault.read(randomUUID(), -1)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('reports NOT_FOUND for a missing chunk', async () => {
    const { vault } = makeVault();
    await expect(vault.read(randomUUID(), 0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('ignores and sweeps temp files left by an interrupted write', async () => {
    const { vault, dataDir } = makeVault();
    const id = randomUUID();
    await vault.write(id, 0, pcm());
    const dir = path.join(dataDir, 'audio', id);
    fs.writeFileSync(path.join(dir, `${chunkFileName(1)}.tmp-0123456789ab`), 'half a chunk');
    expect(await vault.list(id)).toEqual([0]);
    expect(await vault.sweepTempFiles(id)).toBe(1);
    expect(fs.readdirSync(dir)).toEqual([chunkFileName(0)]);
  });
});
