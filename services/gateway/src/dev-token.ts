/**
 * Prints a development token (HS256, signed with the gateway's development secret):
 *   node services/gateway/src/dev-token.ts --client acme --project p1 --workspace w1 --roles developer
 * Options: --sub (default dev-user), --ttl seconds (default 3600); --project/--workspace take `*` or a
 * comma-separated list. Refuses to run in production, where tokens come from the identity provider.
 */
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '@dagwright/kit';
import { mintDevToken } from './auth/dev-tokens.ts';
import { isRole } from './auth/rbac.ts';
import { configShape, DEV_JWT_SECRET, isProduction } from './config.ts';

const config = loadConfigOrExit('gateway', configShape);
if (isProduction(config)) {
  process.stderr.write('dev-token: refused in production; tokens come from the identity provider\n');
  process.exit(1);
}
const { values } = parseArgs({
  options: {
    client: { type: 'string', default: 'dev-client' },
    project: { type: 'string', default: 'dev-project' },
    workspace: { type: 'string', default: 'dev-workspace' },
    roles: { type: 'string', default: 'developer' },
    sub: { type: 'string', default: 'dev-user' },
    ttl: { type: 'string', default: '3600' },
  },
});
const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
const roles = list(values.roles);
const unknown = roles.filter((r) => !isRole(r));
if (unknown.length > 0) {
  process.stderr.write(
    `dev-token: unknown role(s) ${unknown.join(', ')}; use viewer, developer, operator, admin\n`,
  );
  process.exit(2);
}
const token = await mintDevToken({
  secret: config.JWT_SECRET ?? DEV_JWT_SECRET,
  issuer: config.JWT_ISSUER,
  audience: config.JWT_AUDIENCE,
  subject: values.sub,
  clientId: values.client,
  projectIds: list(values.project),
  workspaceIds: list(values.workspace),
  roles,
  ttlSeconds: Number(values.ttl),
});
process.stdout.write(`${token}\n`);
