// Original file: dagwright/engine/v1/engine.proto


export interface ResumeRunRequest {
  'id'?: (string);
  /**
   * The human block being answered.
   */
  'blockId'?: (string);
  /**
   * "approve" or "reject".
   */
  'decision'?: (string);
  /**
   * What the person supplied; validated against the block's input schema.
   */
  'inputJson'?: (string);
  'comment'?: (string);
}

export interface ResumeRunRequest__Output {
  'id': (string);
  /**
   * The human block being answered.
   */
  'blockId': (string);
  /**
   * "approve" or "reject".
   */
  'decision': (string);
  /**
   * What the person supplied; validated against the block's input schema.
   */
  'inputJson': (string);
  'comment': (string);
}
