// Original file: dagwright/engine/v1/engine.proto

import type { Agent as _dagwright_engine_v1_Agent, Agent__Output as _dagwright_engine_v1_Agent__Output } from '../../../dagwright/engine/v1/Agent.ts';

export interface PutAgentRequest {
  'agent'?: (_dagwright_engine_v1_Agent | null);
}

export interface PutAgentRequest__Output {
  'agent': (_dagwright_engine_v1_Agent__Output | null);
}
