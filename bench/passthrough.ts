// The floor for a Node proxy: a bare pass-through to the emulator, built for the bench only. No
// checks, no signing (the emulator's static token), no validation, no audit: an undici request
// and `reply.send` of its body. The console proxy's CPU per request is measured against it.
import Fastify from 'fastify';
import { request } from 'undici';
import { EMULATOR_DEFAULTS } from '../src/emulator/config.ts';

const upstream = process.env.PASSTHROUGH_UPSTREAM!;
const app = Fastify({ logger: false });
app.get('/api/*', async (req, reply) => {
  const answer = await request(`${upstream}${req.url.slice('/api'.length)}`, { headers: { 'x-auth-token': EMULATOR_DEFAULTS.token } });
  return reply.code(answer.statusCode).type('application/json').send(answer.body);
});
await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address() as { port: number };
console.log(`passthrough on http://127.0.0.1:${port}`);
// Ctrl-C (the bench's stop) exits normally, so a --cpu-prof profile is written.
process.once('SIGINT', () => process.exit(0));
