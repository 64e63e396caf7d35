import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '@dagwright/testkit';
import { startEngine, type RunningEngine } from './support/engine.ts';
import { simpleGraph, summarizer } from './support/fixtures.ts';
import { headers, startGateway, token, type TestGateway } from './support/gateway.ts';

let engine: RunningEngine;
let gw: TestGateway;
const client = uniqueName('tags');
let h: Record<string, string>;

beforeAll(async () => {
  engine = await startEngine();
  gw = await startGateway(engine.address);
  h = headers({ bearer: await token({ client }) }, { client });
  await gw.http.inject({ method: 'PUT', url: '/api/v2/agents/summarizer', headers: h, payload: summarizer });
}, 60_000);
afterAll(async () => {
  await gw.close();
  await engine.close();
});

type WorkflowView = { id: string; version: number; description: string; tags: string[] };

const create = async (name: string, tags: string[]) => {
  const payload = { name, description: `about ${name}`, graph: simpleGraph, tags };
  const response = await gw.http.inject({ method: 'POST', url: '/api/v2/workflows', headers: h, payload });
  expect(response.statusCode).toBe(201);
  return response.json<WorkflowView>().id;
};
const put = async (id: string, body: object) =>
  gw.http.inject({
    method: 'PUT',
    url: `/api/v2/workflows/${id}`,
    headers: h,
    payload: { graph: simpleGraph, ...body },
  });
const tagged = async (tag: string) => {
  const response = await gw.http.inject({
    method: 'GET',
    url: `/api/v2/workflows?tag=${encodeURIComponent(tag)}`,
    headers: h,
  });
  expect(response.statusCode).toBe(200);
  return response
    .json<{ items: WorkflowView[] }>()
    .items.map((w) => w.id)
    .sort();
};

// Issue 4: `GET /api/v2/workflows?tag=t` answered nothing although workflows had been created with tag t. The
// filter itself worked; a PUT that left `tags` out had stored the new version with no tags at all.
describe('the tag filter through the gateway (issue 4)', () => {
  it('lists exactly the workflows whose latest version carries the tag', async () => {
    const [a, b] = [await create('A', ['t']), await create('B', ['u', 't'])];
    await create('C', ['u']);
    await create('D', ['team:ops']);
    expect(await tagged('t')).toEqual([a, b].sort());
    expect(await tagged('team:ops')).toHaveLength(1);
    expect(await tagged('T')).toEqual([]);
  });

  it('keeps the tags and description of a workflow updated without them, and clears them when sent empty', async () => {
    const id = await create('E', ['keep']);
    const updated = await put(id, { name: 'E2' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ version: 2, tags: ['keep'], description: 'about E' });
    expect(await tagged('keep')).toEqual([id]);
    const retagged = await put(id, { name: 'E3', tags: ['other'], description: '' });
    expect(retagged.json()).toMatchObject({ version: 3, tags: ['other'], description: '' });
    expect(await tagged('keep')).toEqual([]);
    expect(await tagged('other')).toEqual([id]);
    expect((await put(id, { name: 'E4', tags: [] })).json()).toMatchObject({ version: 4, tags: [] });
  });

  it('still refuses a stale expectedVersion when it fills in omitted fields', async () => {
    const id = await create('F', ['f']);
    expect((await put(id, { name: 'F2' })).statusCode).toBe(200);
    const stale = await put(id, { name: 'F3', expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'VERSION_MISMATCH' } });
    expect((await put('no-such-workflow', { name: 'x' })).statusCode).toBe(404);
  });
});
