// Original file: dagwright/engine/v1/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface LogAttempt {
  'attempt'?: (number);
  'startedAt'?: (string);
  'finishedAt'?: (string);
  'durationMs'?: (number | string | Long);
  'inputJson'?: (string);
  'outputJson'?: (string);
  'error'?: (string);
  'cost'?: (number | string);
  'tokens'?: (number | string | Long);
  'model'?: (string);
}

export interface LogAttempt__Output {
  'attempt': (number);
  'startedAt': (string);
  'finishedAt': (string);
  'durationMs': (string);
  'inputJson': (string);
  'outputJson': (string);
  'error': (string);
  'cost': (number);
  'tokens': (string);
  'model': (string);
}
