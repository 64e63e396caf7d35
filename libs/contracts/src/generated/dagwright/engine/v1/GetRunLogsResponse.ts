// Original file: dagwright/engine/v1/engine.proto

import type { BlockLog as _dagwright_engine_v1_BlockLog, BlockLog__Output as _dagwright_engine_v1_BlockLog__Output } from '../../../dagwright/engine/v1/BlockLog.ts';

export interface GetRunLogsResponse {
  'blocks'?: (_dagwright_engine_v1_BlockLog)[];
}

export interface GetRunLogsResponse__Output {
  'blocks': (_dagwright_engine_v1_BlockLog__Output)[];
}
