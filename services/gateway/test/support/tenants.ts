import { uniqueName } from '@dagwright/testkit';
import { humanGraph, summarizer } from './fixtures.ts';
import { headers, token, type TestGateway } from './gateway.ts';
import { TEMPLATE, type RouteIds } from './routes.ts';

/** A tenant with one of everything, and the strings that must never show up in another tenant's answers. */
export interface SeededTenant {
  client: string;
  jwt: string;
  apiKey: string;
  ids: RouteIds;
  /** Names and ids private to this tenant. */
  secrets: string[];
  /** The names among them (what no id-echoing answer can contain either). */
  names: string[];
}

/** Creates an agent, a workflow, a run waiting for a person, a template and an API key in a fresh client. */
export async function seedTenant(gw: TestGateway, label: string): Promise<SeededTenant> {
  const client = uniqueName(`client_${label}`);
  const jwt = await token({ client, roles: ['admin'] });
  const h = headers({ bearer: jwt }, { client });
  const call = async (method: 'POST' | 'PUT', url: string, payload: object, expected: number) => {
    const response = await gw.http.inject({ method, url, headers: h, payload });
    if (response.statusCode !== expected)
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json<Record<string, unknown>>();
  };
  const agent = uniqueName(`agent_${label}`);
  const agentName = `agent-name-${uniqueName(label)}`;
  await call('PUT', `/api/v2/agents/${agent}`, { ...summarizer, name: agentName }, 200);
  const workflowName = `workflow-name-${uniqueName(label)}`;
  const workflow = String(
    (await call('POST', '/api/v2/workflows', { name: workflowName, graph: humanGraph }, 201)).id,
  );
  const run = String((await call('POST', `/api/v2/workflows/${workflow}/execute`, {}, 202)).id);
  const template = uniqueName(`template_${label}`);
  const templateName = `template-name-${uniqueName(label)}`;
  await call('POST', '/api/v2/templates', { ...TEMPLATE, id: template, name: templateName }, 201);
  const created = await call('POST', '/api/v2/api-keys', { name: `key-${label}`, roles: ['admin'] }, 201);
  const key = (created.apiKey as { id: string }).id;
  return {
    client,
    jwt,
    apiKey: String(created.key),
    ids: { workflow, agent, run, key, template },
    secrets: [client, agent, agentName, workflow, workflowName, run, key, template, templateName],
    names: [client, agentName, workflowName, templateName],
  };
}
