import { runMongoGrpcService } from '@dagwright/kit';
import { buildApp } from './app.ts';
import { configShape } from './config.ts';

// The composition root: reads the environment and connects the service's database, then serves its app.
await runMongoGrpcService('learning', configShape, ({ mongo }) => buildApp({ mongo }));
