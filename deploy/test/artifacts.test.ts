import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fleetPlan, SERVICES, type ServicePlan } from '../../scripts/fleet.ts';
import { readValues } from './support/chart.ts';
import { configShapeOf, localDefaults } from './support/config.ts';
import { CHART, ROOT } from './support/paths.ts';

// compose.yaml and skaffold.yaml must build and run the same fleet, on the ports the services' code declares.

/** Everything that is built from deploy/docker/Dockerfile: the services and the migrations run. */
const IMAGES = [...SERVICES, 'migrate'];

/** The parts of a compose service these checks read. */
interface ComposeService {
  profiles?: string[];
  build?: { context: string; dockerfile: string; args: Record<string, string> };
  environment?: Record<string, string>;
  ports?: string[];
  read_only?: boolean;
  cap_drop?: string[];
  depends_on?: Record<string, { condition: string }>;
}

/** The parts of skaffold.yaml these checks read. */
interface Skaffold {
  build: {
    artifacts: { image: string; docker: { dockerfile: string; buildArgs: Record<string, string> } }[];
  };
  deploy: { helm: { releases: { chartPath: string; setValueTemplates: Record<string, string> }[] } };
  profiles: {
    name: string;
    activation?: unknown;
    patches?: { op: string; path: string; value: unknown }[];
    portForward?: { resourceName: string; port: number; localPort: number }[];
  }[];
}

const readYaml = (file: string): unknown => parse(readFileSync(join(ROOT, file), 'utf8'), { merge: true });

let plans: ServicePlan[];
beforeAll(async () => {
  plans = await fleetPlan();
});
const planOf = (name: string): ServicePlan => {
  const plan = plans.find((p) => p.name === name);
  if (plan === undefined) throw new Error(`${name} is not in fleetPlan()`);
  return plan;
};

describe('deploy/compose.yaml', () => {
  const compose = readYaml('deploy/compose.yaml') as { services: Record<string, ComposeService> };
  const service = (name: string): ComposeService => {
    const found = compose.services[name];
    if (found === undefined) throw new Error(`compose.yaml has no service ${name}`);
    return found;
  };

  it('starts only MongoDB, Kafka and Redis by default (what deploy/local/infra.sh starts), on the same host ports', () => {
    const defaults = Object.entries(compose.services)
      .filter(([, s]) => s.profiles === undefined)
      .map(([name]) => name)
      .sort();
    expect(defaults).toEqual(['kafka', 'mongo', 'redis']);
    expect(service('mongo').ports).toEqual(['127.0.0.1:27117:27017']);
    expect(service('kafka').ports).toEqual(['127.0.0.1:19092:19092']);
    expect(service('redis').ports).toEqual(['127.0.0.1:16379:6379']);
  });

  it('gives containers a Kafka listener of their own and keeps the host one', () => {
    const advertised = (service('kafka').environment?.KAFKA_ADVERTISED_LISTENERS ?? '').split(',');
    expect(advertised).toContain('PLAINTEXT://127.0.0.1:19092');
    expect(advertised).toContain('INTERNAL://kafka:9092');
  });

  it.each(IMAGES)('builds and runs %s in the fleet profile, from the Dockerfile, locked down', (name) => {
    const { profiles, build, read_only, cap_drop, environment } = service(name);
    expect(profiles).toEqual(['fleet']);
    expect(build).toEqual({ context: '..', dockerfile: 'deploy/docker/Dockerfile', args: { SERVICE: name } });
    expect(existsSync(join(ROOT, 'deploy', build?.context ?? '', build?.dockerfile ?? ''))).toBe(true);
    expect(read_only).toBe(true);
    expect(cap_drop).toEqual(['ALL']);
    expect(environment?.KAFKA_BROKERS).toBe('kafka:9092');
  });

  it.each(SERVICES)(
    'runs %s on the ports of its config, against the infrastructure by name',
    async (name) => {
      const plan = planOf(name);
      const { environment: env = {}, depends_on, ports } = service(name);
      expect(env[plan.protocol === 'grpc' ? 'GRPC_PORT' : 'HTTP_PORT']).toBe(String(plan.port));
      expect(env.ADMIN_PORT).toBe(String(plan.adminPort));
      expect(env.MONGO_URL).toBe('mongodb://mongo:27017/?directConnection=true');
      expect(env.REDIS_URL).toBe('redis://redis:6379');
      expect(depends_on?.migrate).toEqual({ condition: 'service_completed_successfully' });
      // Settings whose default is this machine point at the other containers instead (HOST: the image's).
      const local = localDefaults(await configShapeOf(`services/${name}`)).filter((key) => key !== 'HOST');
      expect(
        local.filter((key) => env[key] === undefined),
        'settings left at a local default',
      ).toEqual([]);
      // Only the gateway is published on the host.
      expect(ports).toEqual(name === 'gateway' ? [`127.0.0.1:${plan.port}:${plan.port}`] : undefined);
    },
  );
});

describe('skaffold.yaml', () => {
  const skaffold = readYaml('skaffold.yaml') as Skaffold;
  const release = skaffold.deploy.helm.releases[0];
  const values = readValues('values.yaml') as { services: Record<string, { image?: unknown }> };

  it('has one artifact per service and the migrations run, each built from the Dockerfile', () => {
    const { artifacts } = skaffold.build;
    expect(artifacts.map((a) => a.image).sort()).toEqual(IMAGES.map((n) => `dagwright/${n}`).sort());
    for (const artifact of artifacts) {
      expect(artifact.docker.dockerfile).toBe('deploy/docker/Dockerfile');
      expect(`dagwright/${artifact.docker.buildArgs.SERVICE ?? ''}`).toBe(artifact.image);
    }
  });

  it('deploys the chart with the image it built for each service', () => {
    expect(join(ROOT, release?.chartPath ?? '')).toBe(join(CHART));
    const templates = release?.setValueTemplates ?? {};
    for (const name of SERVICES) {
      const artifact = `dagwright_${name.replace(/-/g, '_')}`;
      expect(templates[`services.${name}.image.repository`]).toBe(`{{.IMAGE_REPO_${artifact}}}`);
      expect(templates[`services.${name}.image.tag`]).toBe(`{{.IMAGE_TAG_${artifact}}}`);
      expect(values.services[name]?.image, `services.${name}.image in values.yaml`).toBeDefined();
    }
    expect(templates['migrations.image.repository']).toBe('{{.IMAGE_REPO_dagwright_migrate}}');
  });

  it('forwards every service port and admin port in the dev profile, with the numbers of ./dw up', () => {
    const dev = skaffold.profiles.find((p) => p.name === 'dev');
    expect(dev?.activation).toEqual([{ command: 'dev' }]);
    const valuesFiles = dev?.patches?.find((p) => p.path === '/deploy/helm/releases/0/valuesFiles')?.value;
    expect(Array.isArray(valuesFiles)).toBe(true);
    for (const file of valuesFiles as string[]) expect(existsSync(join(ROOT, file)), file).toBe(true);
    const forwards = (dev?.portForward ?? []).map((f) => `${f.resourceName}:${f.port}:${f.localPort}`).sort();
    const expected = plans.flatMap((p) => [
      `${p.name}:${p.port}:${p.port}`,
      `${p.name}:${p.adminPort}:${p.adminPort}`,
    ]);
    expect(forwards).toEqual(expected.sort());
  });
});
