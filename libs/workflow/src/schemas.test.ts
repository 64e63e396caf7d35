import { describe, expect, it } from 'vitest';
import { validateData } from './schemas.ts';

describe('validateData', () => {
  it('checks data against a draft 2020-12 schema, with formats, reporting INVALID_DATA with paths', () => {
    const schema = {
      type: 'object',
      required: ['email', 'age'],
      properties: { email: { type: 'string', format: 'email' }, age: { type: 'integer', minimum: 0 } },
    };
    expect(validateData(schema, { email: 'ada@example.com', age: 36 })).toEqual([]);
    const issues = validateData(schema, { email: 'not-an-email', age: -1 }, '/input');
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'INVALID_DATA /input/email',
      'INVALID_DATA /input/age',
    ]);
    expect(validateData(schema, {}).map((i) => i.path)).toEqual(['/email', '/age']);
  });

  it('understands draft-07 schemas that say so', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'array',
      items: [{ type: 'string' }, { type: 'number' }],
    };
    expect(validateData(schema, ['a', 1])).toEqual([]);
    expect(validateData(schema, [1, 'a']).map((i) => i.path)).toEqual(['/0', '/1']);
  });
});
