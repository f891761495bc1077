/**
 * The web page: `web/` served at `/` (index.html, app.js and its modules, styles.css), and the two
 * browser libraries it imports (marked, DOMPurify) under `/vendor/`. Only the files listed in
 * `vendorFiles` are reachable there; node_modules itself is never exposed. No build step: the
 * page is plain ES modules.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

export const webDir = path.resolve(import.meta.dirname, '../../web');

const require = createRequire(import.meta.url);

/** `/vendor/<name>` → the ES module build of a browser library, resolved from node_modules. */
export function vendorFiles(): Record<string, string> {
  return {
    // marked's package entry is its ES module build (lib/marked.esm.js).
    'marked.esm.js': require.resolve('marked'),
    // dompurify's CommonJS entry sits beside its ES module build in dist/.
    'purify.es.mjs': path.join(path.dirname(require.resolve('dompurify')), 'purify.es.mjs'),
  };
}

export const webRoutes: FastifyPluginAsync = async (app) => {
  // Files are looked up per request (editing or adding a file under web/ needs no restart); a
  // path with no file falls through to the JSON not-found handler.
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    wildcard: true,
    dotfiles: 'deny',
    index: ['index.html'],
    cacheControl: true,
    maxAge: 0,
    etag: true,
    lastModified: true,
  });

  for (const [name, file] of Object.entries(vendorFiles())) {
    // Read once; a library that is missing fails start-up, not the first page load.
    const body = fs.readFileSync(file);
    // Their source-map comments point at files we do not serve: drop them to keep consoles quiet.
    const text = body.toString('utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
    app.get(`/vendor/${name}`, async (_request, reply) =>
      reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400').send(text),
    );
  }
};
