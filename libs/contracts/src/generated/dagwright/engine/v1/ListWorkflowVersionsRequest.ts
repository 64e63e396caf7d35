// Original file: dagwright/engine/v1/engine.proto

import type { PageRequest as _dagwright_common_v1_PageRequest, PageRequest__Output as _dagwright_common_v1_PageRequest__Output } from '../../../dagwright/common/v1/PageRequest.ts';

export interface ListWorkflowVersionsRequest {
  'id'?: (string);
  'page'?: (_dagwright_common_v1_PageRequest | null);
}

export interface ListWorkflowVersionsRequest__Output {
  'id': (string);
  'page': (_dagwright_common_v1_PageRequest__Output | null);
}
