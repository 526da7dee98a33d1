// The bench's server process: the app as `npm start` builds it (buildApp with the settings of
// analytics/cli/start.ts, from the environment), listening on PORT at 127.0.0.1 — without the start
// command's demo bootstrap and start-up warming, so "cold" means the first call after a start.
import { readConfig } from '../../analytics/config.ts';
import { appOptionsFrom, buildApp } from '../../api/app.ts';

const config = readConfig();
const app = await buildApp(appOptionsFrom(config));
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
await app.listen({ port: config.port, host: '127.0.0.1' });
console.log(`bench server is ready on port ${config.port}`);
