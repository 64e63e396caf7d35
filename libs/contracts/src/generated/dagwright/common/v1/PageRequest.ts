// Original file: dagwright/common/v1/common.proto


/**
 * Cursor pagination for list calls.
 */
export interface PageRequest {
  /**
   * At most this many items; 0 means the service default (50); values above 500 are capped.
   */
  'pageSize'?: (number);
  /**
   * The next_page_token of the previous page; empty for the first page.
   */
  'pageToken'?: (string);
}

/**
 * Cursor pagination for list calls.
 */
export interface PageRequest__Output {
  /**
   * At most this many items; 0 means the service default (50); values above 500 are capped.
   */
  'pageSize': (number);
  /**
   * The next_page_token of the previous page; empty for the first page.
   */
  'pageToken': (string);
}
