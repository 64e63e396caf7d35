import type { RouteRequirement } from '../../src/auth/rbac.ts';

/** Ids a route is called with. */
export interface RouteIds {
  workflow: string;
  agent: string;
  run: string;
  key: string;
  template: string;
}

/** One route of the API as the matrices call it. */
export interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: (ids: RouteIds) => string;
  permission: RouteRequirement;
  /** A body that passes schema validation (so the engine decides), when the route takes one. */
  body?: object;
}

/** A template body that passes schema validation. */
export const TEMPLATE = {
  id: 'matrix-template',
  name: 'Matrix template',
  description: 'A template the matrices create.',
  domains: ['support'],
  keywords: ['ticket'],
  phases: [{ name: 'read', description: 'Read the ticket', capabilities: ['fetch'] }],
  patterns: [],
  validationRules: [],
  requiredAgentTypes: [],
};

/** Every API route (/api/v2 and the legacy /generate) with the permission docs/api.md gives it. */
export const ROUTES: RouteCase[] = [
  { method: 'GET', path: () => '/api/v2/me', permission: 'authenticated' },
  { method: 'GET', path: () => '/api/v2/workflows', permission: 'workflows:read' },
  {
    method: 'POST',
    path: () => '/api/v2/workflows',
    permission: 'workflows:create',
    body: { name: 'n', graph: {} },
  },
  { method: 'GET', path: (i) => `/api/v2/workflows/${i.workflow}`, permission: 'workflows:read' },
  {
    method: 'PUT',
    path: (i) => `/api/v2/workflows/${i.workflow}`,
    permission: 'workflows:update',
    body: { name: 'n', graph: {} },
  },
  { method: 'DELETE', path: (i) => `/api/v2/workflows/${i.workflow}`, permission: 'workflows:delete' },
  { method: 'GET', path: (i) => `/api/v2/workflows/${i.workflow}/versions`, permission: 'workflows:read' },
  {
    method: 'POST',
    path: (i) => `/api/v2/workflows/${i.workflow}/execute`,
    permission: 'workflows:execute',
    body: {},
  },
  {
    method: 'POST',
    path: () => '/api/v2/workflows/generate/enhanced',
    permission: 'ai:generate',
    body: { problemStatement: 'Summarise the text', agentIds: ['missing-agent'] },
  },
  {
    method: 'POST',
    path: () => '/api/v2/workflows/generate/batch',
    permission: 'ai:generate',
    body: { requests: [{ problemStatement: 'Summarise the text', agentIds: ['missing-agent'] }] },
  },
  {
    method: 'POST',
    path: () => '/generate',
    permission: 'ai:generate',
    body: { problemStatement: 'Summarise the text', agentIds: ['missing-agent'] },
  },
  { method: 'GET', path: () => '/api/v2/templates', permission: 'workflows:read' },
  { method: 'GET', path: (i) => `/api/v2/templates/${i.template}`, permission: 'workflows:read' },
  { method: 'POST', path: () => '/api/v2/templates', permission: 'workflows:create', body: TEMPLATE },
  {
    method: 'PUT',
    path: (i) => `/api/v2/templates/${i.template}`,
    permission: 'workflows:update',
    body: { ...TEMPLATE, id: undefined },
  },
  { method: 'DELETE', path: (i) => `/api/v2/templates/${i.template}`, permission: 'workflows:delete' },
  { method: 'GET', path: () => '/api/v2/agents', permission: 'workflows:read' },
  { method: 'GET', path: (i) => `/api/v2/agents/${i.agent}`, permission: 'workflows:read' },
  {
    method: 'PUT',
    path: (i) => `/api/v2/agents/${i.agent}`,
    permission: 'workflows:create',
    body: { name: 'x' },
  },
  { method: 'DELETE', path: (i) => `/api/v2/agents/${i.agent}`, permission: 'workflows:delete' },
  { method: 'GET', path: () => '/api/v2/runs', permission: 'workflows:read' },
  { method: 'GET', path: (i) => `/api/v2/runs/${i.run}`, permission: 'workflows:read' },
  { method: 'GET', path: (i) => `/api/v2/runs/${i.run}/logs`, permission: 'workflows:read' },
  { method: 'GET', path: (i) => `/api/v2/runs/${i.run}/events`, permission: 'workflows:read' },
  { method: 'POST', path: (i) => `/api/v2/runs/${i.run}/events/ticket`, permission: 'workflows:read' },
  {
    method: 'POST',
    path: (i) => `/api/v2/runs/${i.run}/resume`,
    permission: 'workflows:execute',
    body: { blockId: 'review', decision: 'reject' },
  },
  { method: 'POST', path: (i) => `/api/v2/runs/${i.run}/cancel`, permission: 'workflows:execute', body: {} },
  { method: 'GET', path: () => '/api/v2/api-keys', permission: 'admin:manage_users' },
  { method: 'POST', path: () => '/api/v2/api-keys', permission: 'admin:manage_users', body: { name: 'k' } },
  { method: 'DELETE', path: (i) => `/api/v2/api-keys/${i.key}`, permission: 'admin:manage_users' },
  { method: 'GET', path: () => '/api/v2/audit-log', permission: 'admin:audit_logs' },
];
