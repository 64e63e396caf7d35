// Original file: dagwright/engine/v1/engine.proto

import type { PageRequest as _dagwright_common_v1_PageRequest, PageRequest__Output as _dagwright_common_v1_PageRequest__Output } from '../../../dagwright/common/v1/PageRequest.ts';

export interface ListWorkflowsRequest {
  'page'?: (_dagwright_common_v1_PageRequest | null);
  /**
   * Only workflows carrying this tag, when set.
   */
  'tag'?: (string);
}

export interface ListWorkflowsRequest__Output {
  'page': (_dagwright_common_v1_PageRequest__Output | null);
  /**
   * Only workflows carrying this tag, when set.
   */
  'tag': (string);
}
