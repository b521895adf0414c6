import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = fileURLToPath(new URL('../../../dist', import.meta.url));

/** Vite names built assets by their content hash: a new build never reuses a name, so they may be kept a year. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(\.br|\.gz)?$/;

/**
 * Serves the built web app from dist/: the precompressed `.br` / `.gz` copies the build wrote (scripts/precompress.ts)
 * when the browser accepts them, hashed assets cached for a year as immutable, and everything else (index.html,
 * which names the current assets) revalidated on every load so that a new release is picked up at once.
 */
export async function registerWebApp(app: FastifyInstance, root = WEB_DIST): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    // Files are looked up per request, so a rebuilt dist/ is served without a restart.
    wildcard: true,
    preCompressed: true,
    cacheControl: false,
    setHeaders(reply, filePath) {
      reply.header(
        'cache-control',
        HASHED_ASSET.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}
