import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

/** An identity provider's keys published on a loopback JWKS endpoint. */
export interface TestIdp {
  url: string;
  rsa: { privateKey: CryptoKey; publicJwk: JWK };
  ec: { privateKey: CryptoKey; publicJwk: JWK };
  close(): Promise<void>;
}

/** Starts a JWKS endpoint with one RS256 key (kid `rsa-1`) and one ES256 key (kid `ec-1`). */
export async function startIdp(): Promise<TestIdp> {
  const rsa = await generateKeyPair('RS256', { extractable: true });
  const ec = await generateKeyPair('ES256', { extractable: true });
  const rsaJwk = { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' };
  const ecJwk = { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' };
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [rsaJwk, ecJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    rsa: { privateKey: rsa.privateKey, publicJwk: rsaJwk },
    ec: { privateKey: ec.privateKey, publicJwk: ecJwk },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
