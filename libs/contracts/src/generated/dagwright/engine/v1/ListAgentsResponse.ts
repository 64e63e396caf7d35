// Original file: dagwright/engine/v1/engine.proto

import type { Agent as _dagwright_engine_v1_Agent, Agent__Output as _dagwright_engine_v1_Agent__Output } from '../../../dagwright/engine/v1/Agent.ts';
import type { PageResponse as _dagwright_common_v1_PageResponse, PageResponse__Output as _dagwright_common_v1_PageResponse__Output } from '../../../dagwright/common/v1/PageResponse.ts';

export interface ListAgentsResponse {
  'agents'?: (_dagwright_engine_v1_Agent)[];
  'page'?: (_dagwright_common_v1_PageResponse | null);
}

export interface ListAgentsResponse__Output {
  'agents': (_dagwright_engine_v1_Agent__Output)[];
  'page': (_dagwright_common_v1_PageResponse__Output | null);
}
