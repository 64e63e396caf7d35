// Original file: dagwright/common/v1/common.proto

import type { ErrorDetail as _dagwright_common_v1_ErrorDetail, ErrorDetail__Output as _dagwright_common_v1_ErrorDetail__Output } from '../../../dagwright/common/v1/ErrorDetail.ts';

/**
 * What a failed call reports to its caller (also the body of REST errors).
 */
export interface ErrorInfo {
  'code'?: (string);
  'message'?: (string);
  'details'?: (_dagwright_common_v1_ErrorDetail)[];
}

/**
 * What a failed call reports to its caller (also the body of REST errors).
 */
export interface ErrorInfo__Output {
  'code': (string);
  'message': (string);
  'details': (_dagwright_common_v1_ErrorDetail__Output)[];
}
