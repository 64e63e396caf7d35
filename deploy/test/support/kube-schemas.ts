import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import ts from 'typescript';
import type { KubeObject } from './chart.ts';

interface Validatable {
  validate(): void;
}

/**
 * Every kind the chart renders: its kubernetes-models class (JSON schema: types, required fields, enums,
 * formats) and the module and interface that type it (for unknown fields, which the schemas let through).
 */
const MODELS: Record<string, { model: new (data: never) => Validatable; module: string; type: string }> = {
  'v1/ConfigMap': { model: ConfigMap, module: 'kubernetes-models/v1/ConfigMap', type: 'IConfigMap' },
  'v1/Secret': { model: Secret, module: 'kubernetes-models/v1/Secret', type: 'ISecret' },
  'v1/Service': { model: Service, module: 'kubernetes-models/v1/Service', type: 'IService' },
  'v1/ServiceAccount': {
    model: ServiceAccount,
    module: 'kubernetes-models/v1/ServiceAccount',
    type: 'IServiceAccount',
  },
  'apps/v1/Deployment': {
    model: Deployment,
    module: 'kubernetes-models/apps/v1/Deployment',
    type: 'IDeployment',
  },
  'autoscaling/v2/HorizontalPodAutoscaler': {
    model: HorizontalPodAutoscaler,
    module: 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
    type: 'IHorizontalPodAutoscaler',
  },
  'batch/v1/Job': { model: Job, module: 'kubernetes-models/batch/v1/Job', type: 'IJob' },
  'networking.k8s.io/v1/Ingress': {
    model: Ingress,
    module: 'kubernetes-models/networking.k8s.io/v1/Ingress',
    type: 'IIngress',
  },
  'networking.k8s.io/v1/NetworkPolicy': {
    model: NetworkPolicy,
    module: 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy',
    type: 'INetworkPolicy',
  },
  'policy/v1/PodDisruptionBudget': {
    model: PodDisruptionBudget,
    module: 'kubernetes-models/policy/v1/PodDisruptionBudget',
    type: 'IPodDisruptionBudget',
  },
  'monitoring.coreos.com/v1/ServiceMonitor': {
    model: ServiceMonitor,
    module: '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor',
    type: 'IServiceMonitor',
  },
};

const modelOf = (object: KubeObject) => {
  const entry = MODELS[`${object.apiVersion}/${object.kind}`];
  if (entry === undefined) {
    throw new Error(
      `no Kubernetes schema for ${object.apiVersion} ${object.kind}: add its model to kube-schemas.ts`,
    );
  }
  return entry;
};

const label = (object: KubeObject) => `${object.kind}/${object.metadata.name}`;

/** Problems of each object against the Kubernetes JSON schemas (kubernetes-models `.validate()`). */
export function schemaProblems(objects: KubeObject[]): string[] {
  const problems: string[] = [];
  for (const object of objects) {
    try {
      new (modelOf(object).model)(object as never).validate();
    } catch (err) {
      problems.push(`${label(object)}: ${(err as Error).message}`);
    }
  }
  return problems;
}

/**
 * Fields the Kubernetes API types do not have (a misspelt `readOnlyRootFileSystem` passes the JSON
 * schemas above, and the API server would drop or refuse it). Each object becomes an object literal typed
 * by its kubernetes-models interface; TypeScript's excess-property check reports every unknown field at
 * any depth, and its type check every value of the wrong type.
 */
export function unknownFieldProblems(objects: KubeObject[]): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  // Inside this package, so `kubernetes-models` resolves from its node_modules; never written to disk.
  const virtualFile = join(here, '__rendered_objects__.ts');
  const aliases = new Map<string, string>();
  const lines: string[] = [];
  const owners: string[] = [];
  objects.forEach((object, i) => {
    const { module } = modelOf(object);
    if (!aliases.has(module)) aliases.set(module, `T${aliases.size}`);
    const literal = `export const o${i}: ${aliases.get(module) ?? ''} = ${JSON.stringify(object, null, 1)};`;
    for (const line of literal.split('\n')) {
      lines.push(line);
      owners.push(label(object));
    }
  });
  for (const object of objects) {
    const { module, type } = modelOf(object);
    const alias = aliases.get(module);
    if (alias === undefined) continue;
    aliases.delete(module);
    lines.unshift(`import type { ${type} as ${alias} } from '${module}';`);
    owners.unshift('(imports)');
  }
  const source = lines.join('\n');

  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  };
  const disk = ts.createCompilerHost(options);
  const host: ts.CompilerHost = {
    ...disk,
    getSourceFile: (fileName, languageVersion, ...rest) =>
      fileName === virtualFile
        ? ts.createSourceFile(fileName, source, languageVersion)
        : disk.getSourceFile(fileName, languageVersion, ...rest),
    fileExists: (fileName) => fileName === virtualFile || disk.fileExists(fileName),
    readFile: (fileName) => (fileName === virtualFile ? source : disk.readFile(fileName)),
  };

  const program = ts.createProgram([virtualFile], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where =
      d.file?.fileName === virtualFile && d.start !== undefined
        ? (owners[d.file.getLineAndCharacterOfPosition(d.start).line] ?? '?')
        : (d.file?.fileName ?? 'compiler');
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}
