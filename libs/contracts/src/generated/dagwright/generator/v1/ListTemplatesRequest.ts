// Original file: dagwright/generator/v1/generator.proto

import type { PageRequest as _dagwright_common_v1_PageRequest, PageRequest__Output as _dagwright_common_v1_PageRequest__Output } from '../../../dagwright/common/v1/PageRequest.ts';

export interface ListTemplatesRequest {
  'page'?: (_dagwright_common_v1_PageRequest | null);
  /**
   * Only templates fitting this domain, when set.
   */
  'domain'?: (string);
}

export interface ListTemplatesRequest__Output {
  'page': (_dagwright_common_v1_PageRequest__Output | null);
  /**
   * Only templates fitting this domain, when set.
   */
  'domain': (string);
}
