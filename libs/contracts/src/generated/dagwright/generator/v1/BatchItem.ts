// Original file: dagwright/generator/v1/generator.proto

import type { GenerateWorkflowResponse as _dagwright_generator_v1_GenerateWorkflowResponse, GenerateWorkflowResponse__Output as _dagwright_generator_v1_GenerateWorkflowResponse__Output } from '../../../dagwright/generator/v1/GenerateWorkflowResponse.ts';
import type { ErrorInfo as _dagwright_common_v1_ErrorInfo, ErrorInfo__Output as _dagwright_common_v1_ErrorInfo__Output } from '../../../dagwright/common/v1/ErrorInfo.ts';

export interface BatchItem {
  'index'?: (number);
  'result'?: (_dagwright_generator_v1_GenerateWorkflowResponse | null);
  /**
   * Set instead of result when this generation failed.
   */
  'error'?: (_dagwright_common_v1_ErrorInfo | null);
}

export interface BatchItem__Output {
  'index': (number);
  'result': (_dagwright_generator_v1_GenerateWorkflowResponse__Output | null);
  /**
   * Set instead of result when this generation failed.
   */
  'error': (_dagwright_common_v1_ErrorInfo__Output | null);
}
