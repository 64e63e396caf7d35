import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import {
  effectiveValues,
  ofKind,
  readSchema,
  readValues,
  renderChart,
  renderNotes,
  runHelm,
  VALUE_SETS,
  valuesArgs,
  type KubeObject,
  type ValueSet,
} from './support/chart.ts';
import { schemaProblems, unknownFieldProblems } from './support/kube-schemas.ts';
import { CHART } from './support/paths.ts';

const SETS = Object.keys(VALUE_SETS) as ValueSet[];

describe('helm lint --strict', () => {
  it.each(SETS)('passes with the %s values', (set) => {
    const result = runHelm(['lint', '--strict', CHART, ...valuesArgs(set)]);
    expect(result.stderr + result.stdout).toContain('0 chart(s) failed');
    expect(result.status).toBe(0);
  });
});

describe('rendered objects', () => {
  it.each(SETS)('with the %s values are valid against the Kubernetes schemas', (set) => {
    const objects = renderChart(set);
    expect(objects.length).toBeGreaterThan(40);
    expect(schemaProblems(objects)).toEqual([]);
  });

  it.each(SETS)('with the %s values have no field the Kubernetes API types lack', (set) => {
    expect(unknownFieldProblems(renderChart(set))).toEqual([]);
  });

  it('are checked: a wrong type and a misspelt field are both reported', () => {
    const [deployment] = ofKind<IDeployment>(renderChart('default'), 'Deployment');
    const pod = deployment?.spec?.template.spec;
    if (deployment === undefined || pod === undefined) throw new Error('no Deployment rendered');
    Object.assign(pod, { terminationGracePeriod: 30 });
    expect(unknownFieldProblems([deployment as KubeObject]).join('\n')).toMatch(/terminationGracePeriod/);
    Object.assign(pod, { terminationGracePeriod: undefined, terminationGracePeriodSeconds: 'thirty' });
    expect(schemaProblems([deployment as KubeObject]).join('\n')).toMatch(/terminationGracePeriodSeconds/);
  });

  it('carry the app.kubernetes.io labels and a namespace, from the one helper', () => {
    for (const object of renderChart('production')) {
      expect(object.metadata.labels, `${object.kind}/${object.metadata.name}`).toMatchObject({
        'app.kubernetes.io/name': 'dagwright',
        'app.kubernetes.io/instance': 'dagwright',
        'app.kubernetes.io/part-of': 'dagwright',
        'app.kubernetes.io/managed-by': 'Helm',
      });
      expect(object.metadata.namespace).toBe('dagwright');
    }
  });
});

describe('NOTES.txt', () => {
  it('tells how to reach the gateway and get a token, for a port-forward and for an Ingress', () => {
    const local = renderNotes('default');
    expect(local).toContain('kubectl -n dagwright port-forward svc/gateway 8080:8080');
    expect(local).toContain('WARNING: auth.jwt.jwksUrl is empty');
    const production = renderNotes('production');
    expect(production).toContain('export GATEWAY=https://dagwright.example.com');
    expect(production).toContain('https://login.example.com/.well-known/jwks.json');
    expect(production).not.toContain('WARNING');
    expect(production).not.toContain('port-forward svc/gateway');
    const development = renderNotes('development');
    expect(development).toContain('kubectl -n dagwright exec deploy/gateway -- node src/dev-token.ts');
  });
});

describe('values.schema.json', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(readSchema());

  it.each(SETS)('accepts the %s values (values.yaml with its files over it, as Helm merges them)', (set) => {
    const valid = validate(effectiveValues(set));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a misspelt key, a wrong type and an unknown service, in ajv and in helm alike', () => {
    const defaults = readValues('values.yaml');
    const cases: [string[], unknown][] = [
      [['serviceDefaults', 'replicaCont'], 2],
      [['services', 'gateway', 'protocol'], 'websocket'],
      [['services', 'nlp', 'port'], '50056'],
      [['services', 'work-engine'], { enabled: true }],
    ];
    for (const [path, value] of cases) {
      const values = structuredClone(defaults);
      let node = values;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
      node[path[path.length - 1] ?? ''] = value;
      expect(validate(values), path.join('.')).toBe(false);
    }
    const helm = runHelm(['template', 'x', CHART, '--set', 'serviceDefaults.replicaCont=2']);
    expect(helm.status).not.toBe(0);
    expect(helm.stderr).toMatch(/replicaCont/);
  });
});

/** The parts of a JSON schema node these checks read. */
interface SchemaNode {
  $ref?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  allOf?: SchemaNode[];
}

describe('values.yaml', () => {
  const schema = readSchema<SchemaNode & { $defs: Record<string, SchemaNode> }>();
  /** Follows `$ref` (keeping the referring node's own keywords). */
  const resolve = (node: SchemaNode): SchemaNode => {
    if (node.$ref === undefined) return node;
    const target = schema.$defs[node.$ref.replace('#/$defs/', '')];
    if (target === undefined) throw new Error(`dangling $ref ${node.$ref}`);
    return resolve({ ...target, ...node, $ref: target.$ref });
  };
  /** Properties of a node, including those it composes through `allOf`. */
  const propertiesOf = (node: SchemaNode): Record<string, SchemaNode> => {
    const resolved = resolve(node);
    const inherited = (resolved.allOf ?? []).map(propertiesOf);
    return Object.assign({}, ...inherited, resolved.properties ?? {}) as Record<string, SchemaNode>;
  };
  const settings = Object.keys(propertiesOf({ $ref: '#/$defs/settings' }));

  it('documents every value where it is declared', () => {
    const doc = parseDocument(readFileSync(join(CHART, 'values.yaml'), 'utf8'));
    const undocumented: string[] = [];
    const walk = (node: unknown, schemaNode: SchemaNode, path: string[], inService: boolean) => {
      if (!isMap(node)) return;
      const properties = propertiesOf(schemaNode);
      node.items.forEach((pair, index) => {
        if (!isScalar(pair.key)) return;
        const key = String(pair.key.value);
        const declared = properties[key];
        if (declared === undefined) return; // free-form content: labels, resources, peers
        // Under services.<name>, the shared settings are documented once, in serviceDefaults.
        if (inService && settings.includes(key)) return;
        const comment = pair.key.commentBefore ?? (index === 0 ? node.commentBefore : undefined);
        if (comment === undefined || comment === null || comment.trim() === '') {
          undocumented.push([...path, key].join('.'));
        }
        walk(pair.value, declared, [...path, key], inService || path[0] === 'services');
      });
    };
    walk(doc.contents, schema, [], false);
    expect(undocumented).toEqual([]);
  });

  it('describes every key of the schema', () => {
    const missing: string[] = [];
    const walk = (node: SchemaNode, path: string) => {
      for (const [key, child] of Object.entries(propertiesOf(node))) {
        if (typeof resolve(child).description !== 'string') missing.push(`${path}${key}`);
        walk(child, `${path}${key}.`);
      }
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });
});
