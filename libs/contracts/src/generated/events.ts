import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { BlockMetrics as _dagwright_events_v1_BlockMetrics, BlockMetrics__Output as _dagwright_events_v1_BlockMetrics__Output } from './dagwright/events/v1/BlockMetrics.ts';
import type { CloudEventEnvelope as _dagwright_events_v1_CloudEventEnvelope, CloudEventEnvelope__Output as _dagwright_events_v1_CloudEventEnvelope__Output } from './dagwright/events/v1/CloudEventEnvelope.ts';
import type { WorkflowCreated as _dagwright_events_v1_WorkflowCreated, WorkflowCreated__Output as _dagwright_events_v1_WorkflowCreated__Output } from './dagwright/events/v1/WorkflowCreated.ts';
import type { WorkflowExecuted as _dagwright_events_v1_WorkflowExecuted, WorkflowExecuted__Output as _dagwright_events_v1_WorkflowExecuted__Output } from './dagwright/events/v1/WorkflowExecuted.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  dagwright: {
    events: {
      v1: {
        BlockMetrics: MessageTypeDefinition<_dagwright_events_v1_BlockMetrics, _dagwright_events_v1_BlockMetrics__Output>
        CloudEventEnvelope: MessageTypeDefinition<_dagwright_events_v1_CloudEventEnvelope, _dagwright_events_v1_CloudEventEnvelope__Output>
        WorkflowCreated: MessageTypeDefinition<_dagwright_events_v1_WorkflowCreated, _dagwright_events_v1_WorkflowCreated__Output>
        WorkflowExecuted: MessageTypeDefinition<_dagwright_events_v1_WorkflowExecuted, _dagwright_events_v1_WorkflowExecuted__Output>
      }
    }
  }
}

