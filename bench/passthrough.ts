// The floor for a checking proxy, built for the bench only: the least any proxy that signs and
// checks does. It signs each request with the same official signer the console uses (AK/SK,
// SDK-HMAC-SHA256), parses the upstream answer and serializes it again; no path or query checks,
// no schema, no audit, no identity. The console proxy's CPU per request is measured against it.
import Fastify from 'fastify';
import { request } from 'undici';
import { signedHeaders } from '../src/shared/signer.ts';
import { EMULATOR_DEFAULTS } from '../src/emulator/config.ts';

const upstream = process.env.PASSTHROUGH_UPSTREAM!;
const credentials = { accessKey: EMULATOR_DEFAULTS.accessKey, secretKey: EMULATOR_DEFAULTS.secretKey };
const app = Fastify({ logger: false });
app.get('/api/*', async (req, reply) => {
  const url = new URL(`${upstream}${req.url.slice('/api'.length)}`);
  const answer = await request(url, { headers: signedHeaders(credentials, { method: 'GET', url }) });
  const body: unknown = await answer.body.json();
  return reply.code(answer.statusCode).type('application/json').send(JSON.stringify(body));
});
await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address() as { port: number };
console.log(`passthrough on http://127.0.0.1:${port}`);
// Ctrl-C (the bench's stop) exits normally, so a --cpu-prof profile is written.
process.once('SIGINT', () => process.exit(0));
