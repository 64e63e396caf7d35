// Original file: dagwright/engine/v1/engine.proto

import type { PageRequest as _dagwright_common_v1_PageRequest, PageRequest__Output as _dagwright_common_v1_PageRequest__Output } from '../../../dagwright/common/v1/PageRequest.ts';

export interface ListRunsRequest {
  'page'?: (_dagwright_common_v1_PageRequest | null);
  'workflowId'?: (string);
  'status'?: (string);
}

export interface ListRunsRequest__Output {
  'page': (_dagwright_common_v1_PageRequest__Output | null);
  'workflowId': (string);
  'status': (string);
}
