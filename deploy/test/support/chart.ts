import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { CHART } from './paths.ts';

/** A rendered Kubernetes object; tests narrow it with the kubernetes-models interfaces. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/** The values files the checks render with: the defaults, a development cluster, a production-like one. */
export const VALUE_SETS = {
  default: [],
  development: ['values-development.yaml'],
  production: ['values-production.yaml'],
} as const satisfies Record<string, readonly string[]>;

/** Name of one of the value sets. */
export type ValueSet = keyof typeof VALUE_SETS;

/** Release name and namespace of every render. */
export const RELEASE = { name: 'dagwright', namespace: 'dagwright' } as const;

/** The helm binary that the global setup found or built. */
export function helmBinary(): string {
  const path = process.env.DAGWRIGHT_HELM;
  if (path === undefined || path === '') {
    throw new Error('DAGWRIGHT_HELM is not set: run these tests through vitest (support/helm-setup.ts)');
  }
  return path;
}

/** Result of one helm command. */
export interface HelmResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs helm with `args`; never throws on a non-zero exit, so tests can assert failures. */
export function runHelm(args: string[]): HelmResult {
  const result = spawnSync(helmBinary(), args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error !== undefined) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** `-f` arguments for a value set (files relative to the chart). */
export function valuesArgs(set: ValueSet): string[] {
  return VALUE_SETS[set].flatMap((file) => ['-f', join(CHART, file)]);
}

/** Renders the chart as `helm template` would install it; `--set` overrides in `sets`. */
export function renderChart(set: ValueSet, sets: string[] = []): KubeObject[] {
  const args = ['template', RELEASE.name, CHART, '--namespace', RELEASE.namespace, ...valuesArgs(set)];
  for (const s of sets) args.push('--set', s);
  const result = runHelm(args);
  if (result.status !== 0) throw new Error(`helm template (${set}) failed:\n${result.stderr}`);
  const objects: KubeObject[] = [];
  for (const doc of parseAllDocuments(result.stdout)) {
    if (doc.errors.length > 0)
      throw new Error(`helm template (${set}) printed invalid YAML: ${doc.errors[0]?.message}`);
    const value: unknown = doc.toJS();
    if (value !== null && value !== undefined) objects.push(value as KubeObject);
  }
  return objects;
}

/**
 * templates/NOTES.txt as `helm install` would print it for a value set. `helm template` leaves NOTES out
 * and `helm install --dry-run` needs a cluster, so a copy of the chart renders the same text into a
 * ConfigMap instead.
 */
export function renderNotes(set: ValueSet): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'dagwright-notes-')), 'dagwright');
  try {
    cpSync(CHART, copy, { recursive: true });
    const notes = readFileSync(join(copy, 'templates', 'NOTES.txt'), 'utf8');
    rmSync(join(copy, 'templates', 'NOTES.txt'));
    writeFileSync(
      join(copy, 'templates', '_notes.tpl'),
      `{{- define "test.notes" -}}\n${notes}{{- end -}}\n`,
    );
    writeFileSync(
      join(copy, 'templates', 'notes.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes\ndata:\n  notes: |\n{{ include "test.notes" . | indent 4 }}\n',
    );
    const args = [
      'template',
      RELEASE.name,
      copy,
      '--namespace',
      RELEASE.namespace,
      '--show-only',
      'templates/notes.yaml',
    ];
    for (const file of VALUE_SETS[set]) args.push('-f', join(CHART, file));
    const result = runHelm(args);
    if (result.status !== 0) throw new Error(`rendering NOTES.txt (${set}) failed:\n${result.stderr}`);
    const rendered = parseYaml(result.stdout) as { data: { notes: string } };
    return rendered.data.notes;
  } finally {
    rmSync(join(copy, '..'), { recursive: true, force: true });
  }
}

/** The one object of `kind` named `name`; fails loudly when there is none or more than one. */
export function find<T = KubeObject>(objects: KubeObject[], kind: string, name: string): T {
  const matches = objects.filter((o) => o.kind === kind && o.metadata.name === name);
  if (matches.length !== 1) throw new Error(`expected one ${kind} named ${name}, found ${matches.length}`);
  return matches[0] as T;
}

/** Every object of `kind`. */
export function ofKind<T = KubeObject>(objects: KubeObject[], kind: string): T[] {
  return objects.filter((o) => o.kind === kind) as T[];
}

/** A values file of the chart, parsed. */
export function readValues(file: string): Record<string, unknown> {
  return parseYaml(readFileSync(join(CHART, file), 'utf8')) as Record<string, unknown>;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The values Helm installs with: `overrides` over `base` as Helm coalesces them (maps merge key by key,
 * anything else replaces, null removes the key).
 */
export function coalesce(
  base: Record<string, unknown>,
  overrides: Record<string, unknown>,
): Record<string, unknown> {
  const merged = new Map(Object.entries(structuredClone(base)));
  for (const [key, value] of Object.entries(overrides)) {
    const current = merged.get(key);
    if (value === null) merged.delete(key);
    else if (isPlainObject(value) && isPlainObject(current)) merged.set(key, coalesce(current, value));
    else merged.set(key, structuredClone(value));
  }
  return Object.fromEntries(merged);
}

/** The values of a value set: values.yaml with the set's files over it. */
export function effectiveValues(set: ValueSet): Record<string, unknown> {
  return VALUE_SETS[set].reduce(
    (values, file) => coalesce(values, readValues(file)),
    readValues('values.yaml'),
  );
}

/** The chart's values.schema.json, typed as the caller reads it. */
export function readSchema<T = Record<string, unknown>>(): T {
  return JSON.parse(readFileSync(join(CHART, 'values.schema.json'), 'utf8')) as T;
}
