import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, startGenerator, type RunningEngine, type RunningGenerator } from './support/engine.ts';
import { headers, startGateway, type TestGateway } from './support/gateway.ts';
import { ROUTES } from './support/routes.ts';
import { seedTenant, type SeededTenant } from './support/tenants.ts';

let engine: RunningEngine;
let generator: RunningGenerator;
let gw: TestGateway;
let a: SeededTenant;
let b: SeededTenant;

beforeAll(async () => {
  engine = await startEngine();
  generator = await startGenerator(engine.address);
  gw = await startGateway(engine.address, { generatorAddress: generator.address });
  [a, b] = await Promise.all([seedTenant(gw, 'a'), seedTenant(gw, 'b')]);
}, 60_000);
afterAll(async () => {
  await gw.close();
  await generator.close();
  await engine.close();
});

const CREDENTIALS = ['jwt', 'apiKey'] as const;
const MODES = ['own headers, other ids', 'other tenant headers', 'own client, other project'] as const;

describe('tenant isolation over every route', () => {
  it.each(CREDENTIALS)('never lets one tenant reach or see the other (%s)', async (kind) => {
    let checked = 0;
    for (const [me, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const credential = kind === 'jwt' ? { bearer: me.jwt } : { apiKey: me.apiKey };
      for (const route of ROUTES) {
        for (const mode of MODES) {
          const tenant =
            mode === 'own headers, other ids'
              ? { client: me.client }
              : mode === 'other tenant headers'
                ? { client: other.client }
                : { client: me.client, project: 'p-not-covered' };
          const url = route.path(other.ids);
          const response = await gw.http.inject({
            method: route.method,
            url,
            headers: headers(credential, tenant),
            ...(route.body === undefined ? {} : { payload: route.body }),
          });
          const what = `${kind} ${route.method} ${url} [${mode}] → ${response.statusCode} ${response.body.slice(0, 200)}`;
          if (mode === 'own headers, other ids') {
            // Requests for the other tenant's ids may only touch one's own tenant: 404, or a listing of one's own.
            if (response.statusCode < 300)
              expect(url.includes(other.ids.workflow) || url.includes(other.ids.run), what).toBe(false);
          } else {
            expect(response.statusCode, what).toBe(403);
            expect(response.json<{ error: { code: string } }>().error.code, what).toBe('TENANT_FORBIDDEN');
          }
          // One's own audit log records the ids one sent; only the other tenant's names must never appear there.
          const secrets = url.endsWith('/audit-log') ? other.names : other.secrets;
          for (const secret of secrets.filter((s) => !url.includes(s)))
            expect(response.body, what).not.toContain(secret);
          checked++;
        }
      }
    }
    expect(checked).toBe(ROUTES.length * MODES.length * 2);
  });

  it("leaves the other tenant's resources as they were", async () => {
    for (const t of [a, b]) {
      const h = headers({ bearer: t.jwt }, { client: t.client });
      const workflow = await gw.http.inject({
        method: 'GET',
        url: `/api/v2/workflows/${t.ids.workflow}`,
        headers: h,
      });
      expect(workflow.json()).toMatchObject({ version: 1 });
      const run = await gw.http.inject({ method: 'GET', url: `/api/v2/runs/${t.ids.run}`, headers: h });
      expect(run.json<{ status: string }>().status).not.toBe('cancelled');
      const agent = await gw.http.inject({ method: 'GET', url: `/api/v2/agents/${t.ids.agent}`, headers: h });
      expect(agent.statusCode).toBe(200);
      const template = await gw.http.inject({
        method: 'GET',
        url: `/api/v2/templates/${t.ids.template}`,
        headers: h,
      });
      expect(template.statusCode).toBe(200);
      const me = await gw.http.inject({
        method: 'GET',
        url: '/api/v2/me',
        headers: headers({ apiKey: t.apiKey }, { client: t.client }),
      });
      expect(me.statusCode).toBe(200);
    }
  });
});
