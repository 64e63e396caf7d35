// Original file: dagwright/common/v1/common.proto


/**
 * One problem in a request: what kind, where (a JSON path into the request) and why.
 */
export interface ErrorDetail {
  'code'?: (string);
  'path'?: (string);
  'message'?: (string);
}

/**
 * One problem in a request: what kind, where (a JSON path into the request) and why.
 */
export interface ErrorDetail__Output {
  'code': (string);
  'path': (string);
  'message': (string);
}
