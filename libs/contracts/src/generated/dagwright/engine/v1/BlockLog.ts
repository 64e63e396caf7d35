// Original file: dagwright/engine/v1/engine.proto

import type { LogAttempt as _dagwright_engine_v1_LogAttempt, LogAttempt__Output as _dagwright_engine_v1_LogAttempt__Output } from '../../../dagwright/engine/v1/LogAttempt.ts';

export interface BlockLog {
  'blockId'?: (string);
  'type'?: (string);
  'status'?: (string);
  'attempts'?: (_dagwright_engine_v1_LogAttempt)[];
}

export interface BlockLog__Output {
  'blockId': (string);
  'type': (string);
  'status': (string);
  'attempts': (_dagwright_engine_v1_LogAttempt__Output)[];
}
