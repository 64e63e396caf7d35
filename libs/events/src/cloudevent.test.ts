import { describe, expect, it } from 'vitest';
import { createEvent, parseEvent, tenantOf } from './cloudevent.ts';

const tenant = { clientId: 'acme', projectId: 'billing', workspaceId: 'prod' };

describe('CloudEvents envelope', () => {
  it('builds a CloudEvents 1.0 event with the tenant as extensions', () => {
    const event = createEvent({
      type: 'dagwright.workflow.created',
      source: '//dagwright/test',
      subject: 'wf-1',
      tenant,
      data: { a: 1 },
    });
    expect(event).toMatchObject({
      specversion: '1.0',
      type: 'dagwright.workflow.created',
      source: '//dagwright/test',
      subject: 'wf-1',
      datacontenttype: 'application/json',
      clientid: 'acme',
      projectid: 'billing',
      workspaceid: 'prod',
      data: { a: 1 },
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(event.time))).toBe(false);
    expect(tenantOf(event)).toEqual(tenant);
  });

  it('parses what it wrote', () => {
    const event = createEvent({
      type: 't',
      source: '//s',
      subject: 'x',
      tenant,
      data: { nested: { list: [1, 2] } },
    });
    expect(parseEvent(Buffer.from(JSON.stringify(event)))).toEqual(event);
  });

  it('rejects records that are not JSON, not CloudEvents, or carry no tenant', () => {
    expect(() => parseEvent('not json')).toThrow(/not JSON/);
    expect(() => parseEvent('"a string"')).toThrow(/not a JSON object/);
    expect(() => parseEvent(JSON.stringify({ id: '1', type: 't' }))).toThrow(/not a valid CloudEvent/);
    const event = createEvent({ type: 't', source: '//s', subject: 'x', tenant, data: {} });
    const { clientid: _drop, ...withoutClient } = event;
    expect(() => parseEvent(JSON.stringify(withoutClient))).toThrow(/carries no tenant/);
  });
});
