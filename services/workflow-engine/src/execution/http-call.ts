import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { Agent, fetch } from 'undici';
import { BlockError } from './block-handler.ts';

/** Limits and exceptions of outgoing HTTP calls. */
export interface HttpPolicy {
  /** Hosts (names or IPs) allowed even when they resolve to private, loopback or metadata addresses. */
  allowHosts: string[];
  timeoutMs: number;
  maxResponseBytes: number;
}

/** A request as an `http` block or the `http.fetch` tool describes it. */
export interface HttpRequest {
  url: string;
  method: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Address ranges a workflow may not reach unless allow-listed: everything but the public internet. */
function isBlockedAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  const parsed = ipaddr.process(address);
  return parsed.range() !== 'unicast';
}

/**
 * Resolves and checks every address at connect time (not before), so a DNS answer that changes between a
 * check and the connection cannot smuggle a request to a private address.
 */
function guardedAgent(policy: HttpPolicy): Agent {
  return new Agent({
    connect: {
      lookup: (hostname, options, callback) => {
        dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
          if (error) {
            callback(error, '', 0);
            return;
          }
          const allowed = policy.allowHosts.includes(hostname);
          const bad = addresses.find(
            (a) => !allowed && !policy.allowHosts.includes(a.address) && isBlockedAddress(a.address),
          );
          if (bad !== undefined) {
            callback(
              new BlockError(
                `${hostname} resolves to ${bad.address}, a private, loopback or metadata address`,
                false,
              ),
              '',
              0,
            );
            return;
          }
          const first = addresses[0];
          if (first === undefined) callback(new Error(`no address for ${hostname}`), '', 0);
          else callback(null, first.address, first.family);
        });
      },
    },
  });
}

/** Calls a URL under the policy: blocked targets refused, a time limit, a response size cap, the idempotency key sent. */
export async function httpCall(
  policy: HttpPolicy,
  request: HttpRequest,
  idempotencyKey: string,
  signal: AbortSignal,
): Promise<{ status: number; headers: Record<string, string>; body: unknown }> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new BlockError(`not a URL: ${request.url}`, false);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new BlockError(`only http and https URLs are allowed, not ${url.protocol}`, false);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host) && isBlockedAddress(host) && !policy.allowHosts.includes(host)) {
    throw new BlockError(`${host} is a private, loopback or metadata address`, false);
  }
  const dispatcher = guardedAgent(policy);
  const body =
    request.body === undefined || request.method === 'GET' || request.method === 'HEAD'
      ? undefined
      : typeof request.body === 'string'
        ? request.body
        : JSON.stringify(request.body);
  try {
    const response = await fetch(url, {
      method: request.method,
      headers: {
        ...(typeof request.body === 'object' && request.body !== null
          ? { 'content-type': 'application/json' }
          : {}),
        ...request.headers,
        'idempotency-key': idempotencyKey,
      },
      body,
      dispatcher,
      redirect: 'manual',
      signal: AbortSignal.any([signal, AbortSignal.timeout(policy.timeoutMs)]),
    });
    const chunks: Buffer[] = [];
    let size = 0;
    if (response.body) {
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > policy.maxResponseBytes)
          throw new BlockError(`response larger than ${policy.maxResponseBytes} bytes`, false);
        chunks.push(chunk as Buffer);
      }
    }
    const text = Buffer.concat(chunks).toString('utf8');
    const type = response.headers.get('content-type') ?? '';
    let parsed: unknown = text;
    if (type.includes('json') && text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    if (response.status >= 500 || response.status === 429)
      throw new BlockError(`HTTP ${response.status} from ${url.host}`, true);
    if (response.status >= 400) throw new BlockError(`HTTP ${response.status} from ${url.host}`, false);
    return { status: response.status, headers: Object.fromEntries(response.headers), body: parsed };
  } catch (error) {
    if (error instanceof BlockError) throw error;
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof BlockError) throw cause;
    const timedOut = (error as Error).name === 'TimeoutError';
    throw new BlockError(
      timedOut
        ? `no answer from ${url.host} within ${policy.timeoutMs} ms`
        : `request to ${url.host} failed: ${(error as Error).message}`,
      true,
      error,
    );
  } finally {
    await dispatcher.close();
  }
}
