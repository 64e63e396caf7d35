import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { IService } from 'kubernetes-models/v1/Service';
import { beforeAll, describe, expect, it } from 'vitest';
import { fleetPlan, SERVICES, type ServicePlan } from '../../scripts/fleet.ts';
import { find, ofKind, renderChart, type KubeObject } from './support/chart.ts';
import { configShapeOf, defaultsOf, localDefaults } from './support/config.ts';

/** Who calls whom (ARCHITECTURE §1 and the issue): the NetworkPolicies must allow exactly these calls. */
const CALLERS: Record<(typeof SERVICES)[number], string[]> = {
  gateway: [],
  'workflow-engine': ['gateway', 'nlp', 'generator', 'optimizer', 'testing'],
  generator: ['gateway', 'nlp'],
  optimizer: ['gateway', 'nlp'],
  testing: ['gateway', 'nlp'],
  learning: ['gateway', 'nlp'],
  nlp: ['gateway'],
};

/** Variables read by libraries rather than by a service's config schema. */
const LIBRARY_VARIABLES = /^OTEL_/;

const containerOf = (deployment: IDeployment): IContainer => {
  const container = deployment.spec?.template.spec?.containers[0];
  if (container === undefined) throw new Error(`${deployment.metadata?.name}: no container`);
  return container;
};

/** The container port a probe targets, by number or by the name of a container port. */
const probePort = (container: IContainer, probe: IProbe | undefined): number | undefined => {
  const port = probe?.grpc?.port ?? probe?.httpGet?.port;
  if (typeof port === 'number') return port;
  return container.ports?.find((p) => p.name === port)?.containerPort;
};

let objects: KubeObject[];
let plans: ServicePlan[];

beforeAll(async () => {
  objects = renderChart('default');
  plans = await fleetPlan();
});

describe('one Deployment and one Service per service, listening where its config says', () => {
  it('renders exactly the services of the fleet', () => {
    const names = (kind: string) =>
      ofKind(objects, kind)
        .map((o) => o.metadata.name)
        .sort();
    expect(names('Deployment')).toEqual([...SERVICES].sort());
    expect(names('Service')).toEqual([...SERVICES].sort());
  });

  it.each(SERVICES)('%s: container ports, Service ports and probes match its src/config.ts', (name) => {
    const plan = plans.find((p) => p.name === name);
    if (plan === undefined) throw new Error(`${name}: not in fleetPlan()`);
    const deployment = find<IDeployment>(objects, 'Deployment', name);
    const service = find<IService>(objects, 'Service', name);
    const container = containerOf(deployment);
    const portName = plan.protocol === 'grpc' ? 'grpc' : 'http';

    // The container listens on the config's ports.
    const containerPorts = Object.fromEntries(
      (container.ports ?? []).map((p) => [p.name ?? '', p.containerPort]),
    );
    expect(containerPorts).toEqual({ [portName]: plan.port, admin: plan.adminPort });

    // The Service forwards the same ports to them.
    const servicePorts = Object.fromEntries(
      (service.spec?.ports ?? []).map((p) => [p.name ?? '', [p.port, p.targetPort]]),
    );
    expect(servicePorts).toEqual({ [portName]: [plan.port, portName], admin: [plan.adminPort, 'admin'] });

    if (plan.protocol === 'grpc') {
      // grpc.health.v1 on the gRPC port; headless, so clients balance each call over every pod.
      for (const probe of [container.startupProbe, container.livenessProbe, container.readinessProbe]) {
        expect(probe?.grpc?.port).toBe(plan.port);
      }
      expect(service.spec?.clusterIP).toBe('None');
    } else {
      expect(container.livenessProbe?.httpGet?.path).toBe('/healthz');
      expect(container.startupProbe?.httpGet?.path).toBe('/healthz');
      expect(container.readinessProbe?.httpGet?.path).toBe('/readyz');
      for (const probe of [container.startupProbe, container.livenessProbe, container.readinessProbe]) {
        expect(probePort(container, probe)).toBe(plan.adminPort);
      }
    }
  });

  it.each(SERVICES)('%s: the environment the chart sets is what its config reads', async (name) => {
    const plan = plans.find((p) => p.name === name);
    const shape = await configShapeOf(`services/${name}`);
    const defaults = defaultsOf(shape);
    const config = find<IConfigMap>(objects, 'ConfigMap', name).data ?? {};
    const container = containerOf(find<IDeployment>(objects, 'Deployment', name));
    const set = new Set([...Object.keys(config), ...(container.env ?? []).map((e) => e.name)]);

    // Every variable the chart sets is one the service reads (a typo would silently fall back to a default).
    const unread = [...set].filter((key) => !(key in shape) && !LIBRARY_VARIABLES.test(key));
    expect(unread, 'variables set by the chart but not in the config schema').toEqual([]);
    // Every setting whose default points at this machine is set: in a pod, 127.0.0.1 is the pod itself.
    expect(
      localDefaults(shape).filter((key) => !set.has(key)),
      'settings left at a local default',
    ).toEqual([]);
    for (const key of ['MONGO_URL', 'MONGO_DB', 'KAFKA_BROKERS', 'REDIS_URL'].filter((k) => k in shape)) {
      expect(set.has(key), key).toBe(true);
    }
    // Identity and addresses agree with the code.
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.SERVICE_NAME).toBe(defaults.SERVICE_NAME);
    expect(config.ADMIN_PORT).toBe(String(plan?.adminPort));
    expect(config[plan?.protocol === 'grpc' ? 'GRPC_PORT' : 'HTTP_PORT']).toBe(String(plan?.port));
    if ('MONGO_DB' in shape) expect(config.MONGO_DB, 'the database the service owns').toBe(defaults.MONGO_DB);
  });

  it.each(SERVICES)(
    '%s: calls other services at their headless address, and only those that accept it',
    (name) => {
      const config = find<IConfigMap>(objects, 'ConfigMap', name).data ?? {};
      for (const [key, value] of Object.entries(config).filter(([, v]) => v.startsWith('dns:///'))) {
        const match = /^dns:\/\/\/([a-z0-9-]+)\.dagwright\.svc\.cluster\.local:(\d+)$/.exec(value);
        expect(match, `${key}=${value}`).not.toBeNull();
        const callee = plans.find((p) => p.name === match?.[1]);
        expect(callee?.protocol, `${key}: a gRPC service of the fleet`).toBe('grpc');
        expect(Number(match?.[2]), `${key}: the callee's gRPC port`).toBe(callee?.port);
        const callers: string[] = CALLERS[(callee?.name ?? 'gateway') as keyof typeof CALLERS];
        expect(callers, `${key}: the callee's NetworkPolicy admits ${name}`).toContain(name);
        const service = find<IService>(objects, 'Service', callee?.name ?? '');
        expect(service.spec?.clusterIP, 'headless, so the client balances over every pod').toBe('None');
      }
    },
  );

  it('the gateway reaches the engine and checks tokens as configured', () => {
    const gateway = find<IConfigMap>(objects, 'ConfigMap', 'gateway').data ?? {};
    expect(gateway.ENGINE_URL).toBe('dns:///workflow-engine.dagwright.svc.cluster.local:50051');
    expect(gateway).toMatchObject({ DAGWRIGHT_ENV: 'production', NODE_ENV: 'production' });
    const production = find<IConfigMap>(renderChart('production'), 'ConfigMap', 'gateway').data ?? {};
    expect(production.JWT_JWKS_URL).toBe('https://login.example.com/.well-known/jwks.json');
    const development = renderChart('development', ['auth.jwt.existingSecret=dev-jwt']);
    expect(find<IConfigMap>(development, 'ConfigMap', 'gateway').data?.DAGWRIGHT_ENV).toBe('development');
    const env = containerOf(find<IDeployment>(development, 'Deployment', 'gateway')).env ?? [];
    expect(env.find((e) => e.name === 'JWT_SECRET')?.valueFrom?.secretKeyRef).toEqual({
      name: 'dev-jwt',
      key: 'jwt-secret',
    });
  });

  it('the migrations Job sets only what deploy/docker/migrate reads', async () => {
    const shape = await configShapeOf('deploy/docker/migrate');
    const job = find<IJob>(objects, 'Job', 'dagwright-migrate');
    const env = job.spec?.template.spec?.containers[0]?.env ?? [];
    expect(env.map((e) => e.name).filter((key) => !(key in shape) && !LIBRARY_VARIABLES.test(key))).toEqual(
      [],
    );
    expect(env.find((e) => e.name === 'KAFKA_BROKERS')?.value).toBe('kafka:9092');
    expect(job.metadata?.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
  });
});

describe('pods run locked down', () => {
  it('every pod: non-root, read-only root filesystem, no capabilities, RuntimeDefault seccomp', () => {
    const pods = [
      ...ofKind<IDeployment>(objects, 'Deployment').map(
        (d) => [d.metadata?.name, d.spec?.template.spec] as const,
      ),
      ...ofKind<IJob>(objects, 'Job').map((j) => [j.metadata?.name, j.spec?.template.spec] as const),
    ];
    expect(pods.length).toBe(SERVICES.length + 1);
    for (const [name, pod] of pods) {
      expect(pod?.securityContext?.runAsNonRoot, name).toBe(true);
      expect(pod?.securityContext?.seccompProfile?.type, name).toBe('RuntimeDefault');
      expect(pod?.automountServiceAccountToken, name).toBe(false);
      for (const container of pod?.containers ?? []) {
        expect(container.securityContext, name).toMatchObject({
          runAsNonRoot: true,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
        expect(
          container.volumeMounts?.map((m) => m.mountPath),
          name,
        ).toContain('/tmp');
        expect(container.resources?.requests, name).toBeDefined();
      }
    }
  });

  it('a change of one service configuration rolls that service only (checksum/config)', () => {
    const checksums = (rendered: KubeObject[]) =>
      Object.fromEntries(
        ofKind<IDeployment>(rendered, 'Deployment').map((d) => [
          d.metadata?.name ?? '',
          d.spec?.template.metadata?.annotations?.['checksum/config'],
        ]),
      );
    const before = checksums(objects);
    const after = checksums(renderChart('default', ['services.generator.logLevel=debug']));
    for (const name of SERVICES) {
      expect(before[name], name).toMatch(/^[0-9a-f]{64}$/);
      if (name === 'generator') expect(after[name]).not.toBe(before[name]);
      else expect(after[name], name).toBe(before[name]);
    }
    // The shared MongoDB address rolls every service that uses it.
    const moved = checksums(renderChart('default', ['mongodb.url=mongodb://elsewhere:27017']));
    for (const name of SERVICES) expect(moved[name], name).not.toBe(before[name]);
  });
});

describe('autoscaling', () => {
  const hpa = (name: string) => find<IHorizontalPodAutoscaler>(objects, 'HorizontalPodAutoscaler', name).spec;
  const targets = (name: string) =>
    Object.fromEntries(
      (hpa(name).metrics ?? []).map((m) => [m.resource?.name ?? '', m.resource?.target.averageUtilization]),
    );

  it('follows the seed: engine 3-50, generator 2-20, optimizer 1-10, on CPU and memory at 70%', () => {
    expect([hpa('workflow-engine').minReplicas, hpa('workflow-engine').maxReplicas]).toEqual([3, 50]);
    expect([hpa('generator').minReplicas, hpa('generator').maxReplicas]).toEqual([2, 20]);
    expect([hpa('optimizer').minReplicas, hpa('optimizer').maxReplicas]).toEqual([1, 10]);
    expect(targets('workflow-engine')).toEqual({ cpu: 70, memory: 70 });
    for (const name of SERVICES) {
      expect(hpa(name).scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      // With an HPA the Deployment leaves replicas to it, so an upgrade does not scale the service back.
      expect(find<IDeployment>(objects, 'Deployment', name).spec?.replicas, name).toBeUndefined();
    }
  });
});

describe('network policies', () => {
  const component = (peer: { podSelector?: { matchLabels?: Record<string, string> } }) =>
    peer.podSelector?.matchLabels?.['app.kubernetes.io/component'];

  /** Callers allowed in by `name`'s policy on its serving port, and callees its egress allows. */
  const graph = (rendered: KubeObject[]) => {
    const ingress: Record<string, string[] | 'anyone'> = {};
    const egress: Record<string, string[]> = {};
    for (const plan of plans) {
      const policy = find<INetworkPolicy>(rendered, 'NetworkPolicy', plan.name).spec;
      const serving = (policy?.ingress ?? []).filter((r) => r.ports?.some((p) => p.port === plan.port));
      expect(serving.length, `${plan.name}: rules on its port`).toBeLessThanOrEqual(1);
      const from = serving[0]?.from;
      ingress[plan.name] =
        serving.length === 0
          ? []
          : from === undefined
            ? 'anyone'
            : from.map((p) => component(p) ?? '?').sort();
      egress[plan.name] = (policy?.egress ?? [])
        .flatMap((r) => r.to ?? [])
        .map((p) => component(p))
        .filter((c): c is string => c !== undefined)
        .sort();
    }
    return { ingress, egress };
  };

  it('only the gateway takes calls from outside; every other service only from its callers', () => {
    const { ingress } = graph(objects);
    expect(ingress.gateway).toBe('anyone');
    for (const name of SERVICES.filter((s) => s !== 'gateway')) {
      expect(ingress[name], name).toEqual([...CALLERS[name]].sort());
    }
  });

  it('each caller may reach exactly the services that accept it', () => {
    const { egress } = graph(objects);
    for (const caller of SERVICES) {
      const callees = SERVICES.filter((callee) => CALLERS[callee].includes(caller));
      expect(egress[caller], caller).toEqual([...callees].sort());
    }
  });

  it('admin ports are open to the metrics namespace only, and the gateway to the ingress controller in production', () => {
    const production = renderChart('production');
    const { ingress } = graph(production);
    expect(ingress.gateway).toEqual(['?']); // a namespaceSelector peer, not a pod of the release
    for (const plan of plans) {
      const rules = find<INetworkPolicy>(production, 'NetworkPolicy', plan.name).spec?.ingress ?? [];
      const admin = rules.filter((r) => r.ports?.some((p) => p.port === plan.adminPort));
      expect(
        admin.map((r) => r.from),
        plan.name,
      ).toEqual([[{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }]]);
    }
  });

  it('only the services that call models may reach LLM providers over HTTPS', () => {
    const https = (name: string) =>
      (find<INetworkPolicy>(objects, 'NetworkPolicy', name).spec?.egress ?? []).some((r) =>
        r.ports?.some((p) => p.port === 443),
      );
    expect(SERVICES.filter(https).sort()).toEqual(['generator', 'workflow-engine']);
  });
});
