import { join } from 'node:path';
import { parseConfig, type ConfigShape } from '@dagwright/kit';
import { ROOT } from './paths.ts';

/** The config schema of a package (`services/<name>` or `deploy/docker/migrate`), from its src/config.ts. */
export async function configShapeOf(dir: string): Promise<ConfigShape> {
  const module = (await import(join(ROOT, dir, 'src', 'config.ts'))) as { configShape: ConfigShape };
  return module.configShape;
}

/** What a config schema gives when nothing is set. */
export function defaultsOf(shape: ConfigShape): Record<string, unknown> {
  const parsed = parseConfig(shape, {});
  if (!parsed.ok) throw new Error(`config without defaults: ${parsed.problems.map((p) => p.key).join(', ')}`);
  return parsed.config;
}

/** Settings whose default points at this machine (127.0.0.1, localhost): wrong inside a container. */
export function localDefaults(shape: ConfigShape): string[] {
  const defaults = defaultsOf(shape);
  return Object.keys(defaults).filter((key) => /127\.0\.0\.1|localhost/.test(JSON.stringify(defaults[key])));
}
