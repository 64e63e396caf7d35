// Original file: dagwright/engine/v1/engine.proto

import type { Workflow as _dagwright_engine_v1_Workflow, Workflow__Output as _dagwright_engine_v1_Workflow__Output } from '../../../dagwright/engine/v1/Workflow.ts';
import type { PageResponse as _dagwright_common_v1_PageResponse, PageResponse__Output as _dagwright_common_v1_PageResponse__Output } from '../../../dagwright/common/v1/PageResponse.ts';

export interface ListWorkflowVersionsResponse {
  'versions'?: (_dagwright_engine_v1_Workflow)[];
  'page'?: (_dagwright_common_v1_PageResponse | null);
}

export interface ListWorkflowVersionsResponse__Output {
  'versions': (_dagwright_engine_v1_Workflow__Output)[];
  'page': (_dagwright_common_v1_PageResponse__Output | null);
}
