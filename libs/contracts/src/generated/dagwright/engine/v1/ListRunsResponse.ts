// Original file: dagwright/engine/v1/engine.proto

import type { Run as _dagwright_engine_v1_Run, Run__Output as _dagwright_engine_v1_Run__Output } from '../../../dagwright/engine/v1/Run.ts';
import type { PageResponse as _dagwright_common_v1_PageResponse, PageResponse__Output as _dagwright_common_v1_PageResponse__Output } from '../../../dagwright/common/v1/PageResponse.ts';

export interface ListRunsResponse {
  'runs'?: (_dagwright_engine_v1_Run)[];
  'page'?: (_dagwright_common_v1_PageResponse | null);
}

export interface ListRunsResponse__Output {
  'runs': (_dagwright_engine_v1_Run__Output)[];
  'page': (_dagwright_common_v1_PageResponse__Output | null);
}
