import { describe, expect, it } from 'vitest';
import { ServerConfig } from '../../../server/config';

describe('federation server configuration', () => {
  it('allows plain HTTP on loopback only', () => {
    expect(ServerConfig.safeParse({ db: 'fed.db', port: 8443 }).success).toBe(true);
    expect(ServerConfig.safeParse({ db: 'fed.db', port: 8443, host: '0.0.0.0' }).success).toBe(false);
  });

  it('accepts a public address with a certificate and key, never with only one of them', () => {
    expect(
      ServerConfig.safeParse({ db: 'f.db', port: 443, host: '0.0.0.0', tlsCert: 'c.pem', tlsKey: 'k.pem' }).success,
    ).toBe(true);
    expect(ServerConfig.safeParse({ db: 'f.db', port: 443, host: '127.0.0.1', tlsCert: 'c.pem' }).success).toBe(false);
  });
});
