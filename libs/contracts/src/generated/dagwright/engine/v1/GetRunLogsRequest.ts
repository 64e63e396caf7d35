// Original file: dagwright/engine/v1/engine.proto


export interface GetRunLogsRequest {
  'id'?: (string);
}

export interface GetRunLogsRequest__Output {
  'id': (string);
}
