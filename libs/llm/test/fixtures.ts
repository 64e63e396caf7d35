/** Settings of one provider of each kind pointed at local fake servers; keys are test values. */
export const KEYS = {
  openai: 'sk-test-openai-0001',
  azure: 'azure-test-key-0002',
  anthropic: 'sk-ant-test-0003',
  gemini: 'gemini-test-key-0004',
} as const;
