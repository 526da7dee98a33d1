// Security headers for every answer (helmet). The static SvelteKit build boots with an inline script,
// so scripts and styles allow 'self' plus inline; nothing is loaded from another origin.
import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

export default fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", "'unsafe-inline'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      // Plain-HTTP loopback is the default deployment; HSTS belongs behind a TLS-terminating proxy.
      strictTransportSecurity: false,
    });
  },
  { name: 'security' },
);
