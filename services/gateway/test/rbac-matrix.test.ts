import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '@dagwright/testkit';
import { allows, ROLES } from '../src/auth/rbac.ts';
import { startEngine, startGenerator, type RunningEngine, type RunningGenerator } from './support/engine.ts';
import { headers, startGateway, token, type TestGateway } from './support/gateway.ts';
import { ROUTES, type RouteIds } from './support/routes.ts';

let engine: RunningEngine;
let generator: RunningGenerator;
let gw: TestGateway;
const client = uniqueName('rbac');
// Ids that exist nowhere: an allowed call reaches the engine and gets 404/400, a refused one stops at 403.
const MISSING: RouteIds = {
  workflow: 'missing-wf',
  agent: 'missing-agent',
  run: 'run_missing',
  key: 'key_000000000000000000000',
  template: 'missing-template',
};

beforeAll(async () => {
  engine = await startEngine();
  generator = await startGenerator(engine.address);
  gw = await startGateway(engine.address, { generatorAddress: generator.address });
}, 60_000);
afterAll(async () => {
  await gw.close();
  await generator.close();
  await engine.close();
});

const ROLE_SETS = [...Object.keys(ROLES).map((r) => [r]), [], ['unknown-role']];

describe('RBAC over every route and role', () => {
  it.each(ROLE_SETS.map((roles) => [roles.join(',') || '(none)', roles] as const))(
    'role %s',
    async (_label, roles) => {
      const h = headers({ bearer: await token({ client, roles }) }, { client });
      for (const route of ROUTES) {
        const response = await gw.http.inject({
          method: route.method,
          url: route.path(MISSING),
          headers: h,
          ...(route.body === undefined ? {} : { payload: route.body }),
        });
        const what = `${roles.join(',')} ${route.method} ${route.path(MISSING)} → ${response.statusCode} ${response.body.slice(0, 160)}`;
        if (allows(roles, route.permission)) {
          expect([401, 403], what).not.toContain(response.statusCode);
        } else {
          expect(response.statusCode, what).toBe(403);
          expect(response.json<{ error: { code: string } }>().error.code, what).toBe('PERMISSION_DENIED');
        }
      }
    },
  );

  it('lists every route of the API in the matrix', async () => {
    const doc = (await gw.http.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, object>;
    }>();
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/') || path === '/generate')
      .flatMap(([, ops]) => Object.keys(ops).filter((m) => m !== 'head'));
    expect(operations.length).toBe(ROUTES.length);
  });
});
