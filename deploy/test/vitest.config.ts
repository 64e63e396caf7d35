import { defineProject } from 'vitest/config';

/**
 * Checks of the deployment artifacts: the Helm chart (lint, render, Kubernetes schemas, ports and probes
 * from the services' code), the image recipe, compose.yaml, skaffold.yaml and the migrations run.
 */
export default defineProject({
  test: {
    name: 'deploy',
    include: ['*.test.ts'],
    // helm first (built from the Go module proxy when missing: minutes, once), then the infrastructure.
    globalSetup: ['./support/helm-setup.ts', '../../libs/testkit/src/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
