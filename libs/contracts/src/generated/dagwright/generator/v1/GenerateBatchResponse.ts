// Original file: dagwright/generator/v1/generator.proto

import type { BatchItem as _dagwright_generator_v1_BatchItem, BatchItem__Output as _dagwright_generator_v1_BatchItem__Output } from '../../../dagwright/generator/v1/BatchItem.ts';
import type { Long } from '@grpc/proto-loader';

export interface GenerateBatchResponse {
  'items'?: (_dagwright_generator_v1_BatchItem)[];
  'successful'?: (number);
  'failed'?: (number);
  'totalTimeMs'?: (number | string | Long);
}

export interface GenerateBatchResponse__Output {
  'items': (_dagwright_generator_v1_BatchItem__Output)[];
  'successful': (number);
  'failed': (number);
  'totalTimeMs': (string);
}
