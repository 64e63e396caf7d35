/**
 * Generates TypeScript types for every .proto under protos/ into src/generated/ with proto-loader-gen-types
 * (plain JavaScript from npm, nothing downloaded). With --check, generates into a temporary folder and fails
 * when src/generated/ differs, so stale types cannot land.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listProtoFiles } from '../src/load.ts';
import { GENERATOR_FLAGS, PROTO_ROOT } from '../src/options.ts';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const target = join(packageRoot, 'src', 'generated');
const generator = join(packageRoot, 'node_modules', '.bin', 'proto-loader-gen-types');

function generate(outDir: string): void {
  execFileSync(
    generator,
    [
      ...GENERATOR_FLAGS,
      '--grpcLib=@grpc/grpc-js',
      '--targetFileExtension=.ts',
      '--importFileExtension=.ts',
      '--includeDirs=.',
      `--outDir=${outDir}`,
      ...listProtoFiles(),
    ],
    // Relative to protos/, so the generated "Original file" comments are the same in every checkout.
    { cwd: PROTO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

const fresh = mkdtempSync(join(tmpdir(), 'dagwright-contracts-'));
try {
  generate(fresh);
  if (process.argv.includes('--check')) {
    const want = snapshot(fresh);
    const have = (() => {
      try {
        return snapshot(target);
      } catch {
        return new Map<string, string>();
      }
    })();
    const stale = [...new Set([...want.keys(), ...have.keys()])].filter((f) => want.get(f) !== have.get(f));
    if (stale.length > 0) {
      process.stderr.write(
        `contracts: generated types are stale (${stale.length} file(s)): ${stale.slice(0, 10).join(', ')}\n` +
          'run: pnpm contracts:generate\n',
      );
      process.exit(1);
    }
    process.stdout.write(`contracts: generated types are up to date (${want.size} files)\n`);
  } else {
    rmSync(target, { recursive: true, force: true });
    renameSync(fresh, target);
    process.stdout.write(`contracts: generated ${snapshot(target).size} files into src/generated\n`);
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
