import { Server, ServerCredentials, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { loadContracts, type ProtoGrpcType } from '../../services/gateway/test/support/bench-deps.ts';

/** One constant agent, the size of a typical catalog entry. */
export const AGENT = {
  id: 'echo',
  name: 'Echo',
  description: 'answers with its input',
  kind: 'tool',
  capabilities: ['echo'],
  domains: ['bench'],
  inputSchemaJson: '{"type":"object"}',
  outputSchemaJson: '{"type":"object"}',
  costPerCall: 0,
  avgLatencyMs: '1',
  model: '',
  implementationJson: '{"tool":"echo"}',
  updatedAt: new Date(0).toISOString(),
};

/**
 * A grpc-js server speaking the engine's AgentService with no work behind it: GetAgent answers the constant
 * agent. The gateway pointed at it measures the gateway's own cost of a gRPC hop; a bare fastify route
 * calling the same server is the baseline.
 */
export async function startEchoEngine(): Promise<{ address: string; close(): Promise<void> }> {
  const { grpc } = loadContracts<ProtoGrpcType>(['dagwright/engine/v1/engine.proto']);
  const server = new Server();
  const handlers: UntypedServiceImplementation = {
    GetAgent: (_call: unknown, callback: (error: null, response: typeof AGENT) => void) =>
      callback(null, AGENT),
  };
  server.addService(grpc.dagwright.engine.v1.AgentService.service, handlers);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error === null ? resolve(bound) : reject(error),
    ),
  );
  return {
    address: `127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.tryShutdown(() => resolve())),
  };
}
