// Imported first by main.tsx: zod builds its schemas at import time and, unless told it is
// jitless, probes for eval with `new Function` — which the CSP (and Trusted Types) forbid.
import * as z from 'zod/mini';

z.config({ jitless: true });
