import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The chart. */
export const CHART = fileURLToPath(new URL('../../../helm/dagwright', import.meta.url));
