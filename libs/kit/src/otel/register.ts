/**
 * OpenTelemetry bootstrap, loaded before any app code with `node --import @dagwright/kit/otel`.
 * Tracing is on only when OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT) is set; otherwise nothing is
 * loaded, so services pay nothing for it.
 */
import { startTelemetry } from './telemetry.ts';

await startTelemetry(process.env);
