// Original file: dagwright/engine/v1/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface Agent {
  'id'?: (string);
  'name'?: (string);
  'description'?: (string);
  /**
   * "agentic" or "tool".
   */
  'kind'?: (string);
  'capabilities'?: (string)[];
  'domains'?: (string)[];
  'inputSchemaJson'?: (string);
  'outputSchemaJson'?: (string);
  'costPerCall'?: (number | string);
  'avgLatencyMs'?: (number | string | Long);
  'model'?: (string);
  'implementationJson'?: (string);
  'updatedAt'?: (string);
}

export interface Agent__Output {
  'id': (string);
  'name': (string);
  'description': (string);
  /**
   * "agentic" or "tool".
   */
  'kind': (string);
  'capabilities': (string)[];
  'domains': (string)[];
  'inputSchemaJson': (string);
  'outputSchemaJson': (string);
  'costPerCall': (number);
  'avgLatencyMs': (string);
  'model': (string);
  'implementationJson': (string);
  'updatedAt': (string);
}
