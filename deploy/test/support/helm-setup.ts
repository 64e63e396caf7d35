import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths.ts';

/**
 * Vitest global setup: finds helm (scripts/helm.sh: $HELM, a v3 helm on PATH, or one it builds from the Go
 * module proxy into .tools/helm) once for every test file, and hands its path on in DAGWRIGHT_HELM.
 */
export function setup(): void {
  const result = spawnSync('bash', [join(ROOT, 'scripts', 'helm.sh'), '--path'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const path = result.stdout.trim();
  if (result.status !== 0 || path === '') {
    throw new Error(
      'no helm binary: scripts/helm.sh found none on PATH and could not build one (needs Go >= 1.24 and ' +
        'the Go module proxy); its messages are above. Set HELM=/path/to/helm to use another.',
    );
  }
  process.env.DAGWRIGHT_HELM = path;
}
