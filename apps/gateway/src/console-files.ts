import compression from 'compression';
import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The built console, gzipped: hashed assets cached for a year, everything else answered with index.html
 * (client-side routes such as /inbox or /track), never cached so a new build is picked up.
 */
export function consoleFiles(directory: string): Router {
  const root = resolve(directory);
  const router = Router();
  router.use(compression());
  router.use('/assets', express.static(join(root, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  router.use(express.static(root, { index: false, maxAge: 0 }));
  router.get(/.*/, (_req, res) => {
    const index = join(root, 'index.html');
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send(`The console is not built: run npm start (looked in ${root})`);
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
