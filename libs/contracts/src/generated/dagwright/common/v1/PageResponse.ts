// Original file: dagwright/common/v1/common.proto


export interface PageResponse {
  /**
   * Empty on the last page.
   */
  'nextPageToken'?: (string);
}

export interface PageResponse__Output {
  /**
   * Empty on the last page.
   */
  'nextPageToken': (string);
}
