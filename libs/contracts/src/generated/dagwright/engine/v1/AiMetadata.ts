// Original file: dagwright/engine/v1/engine.proto


export interface AiMetadata {
  /**
   * "manual", "ai_generated", "template" or "legacy".
   */
  'generationMethod'?: (string);
  'confidence'?: (number | string);
  /**
   * JSON arrays, as the optimizer, testing and learning services write them.
   */
  'optimizationHistoryJson'?: (string);
  'testResultsJson'?: (string);
  'feedbackDataJson'?: (string);
}

export interface AiMetadata__Output {
  /**
   * "manual", "ai_generated", "template" or "legacy".
   */
  'generationMethod': (string);
  'confidence': (number);
  /**
   * JSON arrays, as the optimizer, testing and learning services write them.
   */
  'optimizationHistoryJson': (string);
  'testResultsJson': (string);
  'feedbackDataJson': (string);
}
