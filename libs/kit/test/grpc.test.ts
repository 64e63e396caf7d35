import { fileURLToPath } from 'node:url';
import {
  loadPackageDefinition,
  Metadata,
  status,
  type Client,
  type ServiceClientConstructor,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callUnary,
  checkGrpcHealth,
  ConflictError,
  createGrpcClient,
  createLogger,
  createMetrics,
  NotFoundError,
  startGrpcServer,
  UserError,
  type CallContext,
  type ClientConstructor,
  type RunningGrpcServer,
} from '../src/index.ts';

const protoFile = fileURLToPath(new URL('fixtures/echo.proto', import.meta.url));
const definition = loadSync(protoFile, { longs: Number, defaults: true });
const pkg = loadPackageDefinition(definition) as unknown as {
  dagwright: { kittest: { v1: { EchoService: ServiceClientConstructor } } };
};
const EchoService = pkg.dagwright.kittest.v1.EchoService;

interface EchoRequest {
  text: string;
  mode: string;
}
interface EchoResponse {
  text: string;
  clientId: string;
  userId: string;
  roles: string[];
  requestId: string;
  deadlineLeftMs: number;
}
type EchoClient = Client & {
  echo: (
    req: EchoRequest,
    md: Metadata,
    opts: object,
    cb: (e: ServiceError | null, r?: EchoResponse) => void,
  ) => void;
  count: (req: { upTo: number }, md: Metadata) => NodeJS.ReadableStream;
};

const ctx: CallContext = {
  tenant: { clientId: 'client-a', projectId: 'project-1', workspaceId: 'ws-1' },
  userId: 'user-7',
  roles: ['developer', 'viewer'],
  requestId: 'req-123',
  deadline: undefined,
};

const metrics = createMetrics('kit-test');
let server: RunningGrpcServer;
let client: EchoClient;

function reply(request: EchoRequest, call: CallContext, text = request.text): EchoResponse {
  return {
    text,
    clientId: call.tenant.clientId,
    userId: call.userId ?? '',
    roles: call.roles,
    requestId: call.requestId,
    deadlineLeftMs: call.deadline ? call.deadline.getTime() - Date.now() : -1,
  };
}

beforeAll(async () => {
  server = await startGrpcServer({
    host: '127.0.0.1',
    port: 0,
    packageDefinition: definition,
    logger: createLogger({ service: 'kit-test', level: 'silent' }),
    metrics,
    services: [
      {
        name: 'dagwright.kittest.v1.EchoService',
        definition: EchoService.service,
        handlers: {
          Echo: async (request: EchoRequest, call: CallContext): Promise<EchoResponse> => {
            switch (request.mode) {
              case 'not_found':
                throw new NotFoundError('workflow', request.text);
              case 'conflict':
                throw new ConflictError('the run changed meanwhile');
              case 'bug':
                throw new TypeError('secret internal detail: db password is hunter2');
              case 'forward':
                // Calls itself again, as a service calls the next one: identity and deadline travel along.
                return callUnary(client, client.echo, { text: `${request.text}+`, mode: 'echo' }, call);
              default:
                return Promise.resolve(reply(request, call));
            }
          },
          Count: async (request: { upTo: number }, call: CallContext, send: (m: EchoResponse) => void) => {
            if (request.upTo < 0) throw new NotFoundError('counter', String(request.upTo));
            for (let i = 1; i <= request.upTo; i++) send(reply({ text: String(i), mode: '' }, call));
            return Promise.resolve();
          },
        },
      },
    ],
  });
  client = createGrpcClient<EchoClient>(
    EchoService as unknown as ClientConstructor<EchoClient>,
    `127.0.0.1:${server.port}`,
    {
      serviceName: 'dagwright.kittest.v1.EchoService',
      idempotentMethods: ['Echo'],
    },
  );
});

afterAll(async () => {
  client.close();
  await server.close(1000);
});

const rawEcho = (req: EchoRequest, md: Metadata) =>
  new Promise<EchoResponse>((resolve, reject) => {
    client.echo(req, md, {}, (err, res) => (err ? reject(err) : resolve(res as EchoResponse)));
  });

describe('gRPC server from the kit', () => {
  it('answers with the caller identity taken from metadata', async () => {
    const res = await callUnary(client, client.echo, { text: 'hi', mode: 'echo' }, ctx);
    expect(res).toMatchObject({
      text: 'hi',
      clientId: 'client-a',
      userId: 'user-7',
      roles: ['developer', 'viewer'],
      requestId: 'req-123',
    });
  });

  it('refuses a call without a tenant as UNAUTHENTICATED', async () => {
    const err = (await rawEcho({ text: 'x', mode: 'echo' }, new Metadata()).catch(
      (e: unknown) => e,
    )) as ServiceError;
    expect(err.code).toBe(status.UNAUTHENTICATED);
  });

  it('refuses a malformed tenant id', async () => {
    const md = new Metadata();
    md.set('x-client-id', 'a b;drop');
    md.set('x-project-id', 'p');
    md.set('x-workspace-id', 'w');
    const err = (await rawEcho({ text: 'x', mode: 'echo' }, md).catch((e: unknown) => e)) as ServiceError;
    expect(err.code).toBe(status.UNAUTHENTICATED);
  });

  it('maps errors of the family to gRPC codes and back, keeping code and details', async () => {
    const notFound = await callUnary(client, client.echo, { text: 'wf-9', mode: 'not_found' }, ctx).catch(
      (e: unknown) => e,
    );
    expect(notFound).toBeInstanceOf(UserError);
    expect(notFound).toMatchObject({
      kind: 'not_found',
      code: 'NOT_FOUND',
      details: [{ code: 'NOT_FOUND', path: 'workflow' }],
    });
    const conflict = await callUnary(client, client.echo, { text: '', mode: 'conflict' }, ctx).catch(
      (e: unknown) => e,
    );
    expect(conflict).toMatchObject({ kind: 'conflict', code: 'CONFLICT' });
  });

  it('hides the internals of unexpected errors', async () => {
    const md = new Metadata();
    md.set('x-client-id', 'c');
    md.set('x-project-id', 'p');
    md.set('x-workspace-id', 'w');
    const err = (await rawEcho({ text: '', mode: 'bug' }, md).catch((e: unknown) => e)) as ServiceError;
    expect(err.code).toBe(status.INTERNAL);
    expect(err.details).toBe('internal error');
    expect(JSON.stringify(err)).not.toContain('hunter2');
  });

  it('passes the remaining deadline on to the next hop', async () => {
    const res = await callUnary(
      client,
      client.echo,
      { text: 'a', mode: 'forward' },
      { ...ctx, deadline: new Date(Date.now() + 3000) },
    );
    expect(res.text).toBe('a+');
    expect(res.clientId).toBe('client-a');
    expect(res.deadlineLeftMs).toBeGreaterThan(0);
    expect(res.deadlineLeftMs).toBeLessThanOrEqual(3000);
  });

  it('fails fast when the caller has no time left', async () => {
    const err = await callUnary(
      client,
      client.echo,
      { text: 'a', mode: 'echo' },
      { ...ctx, deadline: new Date(Date.now() - 1) },
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'deadline_exceeded' });
  });

  it('streams server-side messages', async () => {
    const md = new Metadata();
    md.set('x-client-id', 'c');
    md.set('x-project-id', 'p');
    md.set('x-workspace-id', 'w');
    const texts: string[] = [];
    for await (const message of client.count({ upTo: 4 }, md))
      texts.push((message as unknown as EchoResponse).text);
    expect(texts).toEqual(['1', '2', '3', '4']);
  });

  it('ends a failing stream with the error status instead of hanging', async () => {
    const md = new Metadata();
    md.set('x-client-id', 'c');
    md.set('x-project-id', 'p');
    md.set('x-workspace-id', 'w');
    const stream = client.count({ upTo: -1 }, md);
    const error = await new Promise<ServiceError>((resolve) => {
      stream.on('error', resolve);
      stream.on('data', () => undefined);
    });
    expect(error.code).toBe(status.NOT_FOUND);
  });

  it('reports SERVING on grpc.health.v1 and counts calls in RED metrics', async () => {
    const address = `127.0.0.1:${server.port}`;
    expect(await checkGrpcHealth(address)).toBe('SERVING');
    expect(await checkGrpcHealth(address, 'dagwright.kittest.v1.EchoService')).toBe('SERVING');
    const text = await metrics.registry.metrics();
    expect(text).toMatch(
      /dagwright_requests_total\{transport="grpc",method="dagwright.kittest.v1.EchoService\/Echo",code="OK",service="kit-test"\} \d+/,
    );
    expect(text).toMatch(/code="NOT_FOUND"/);
  });
});
