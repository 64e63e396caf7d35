import { request as httpRequest } from 'node:http';

/** One Server-Sent Event as received. */
export interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
}

/** A stream read to its end: the status, content type, the raw body and the events in it. */
export interface SseResponse {
  status: number;
  contentType: string | undefined;
  body: string;
  events: SseEvent[];
}

/** Opens `path` on a listening gateway with exactly `headers` (none, as a browser's EventSource) and reads it to its end. */
export function readEvents(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<SseResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'],
          body,
          events: body
            .split('\n\n')
            .filter((block) => block.includes('data:'))
            .map(
              (block) =>
                Object.fromEntries(
                  block.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]),
                ) as SseEvent,
            ),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}
