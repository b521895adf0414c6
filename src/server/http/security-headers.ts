import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * Helmet's headers, fitted to how the server is reached. On an office network it is often plain HTTP on a LAN
 * address: there, HSTS and CSP's `upgrade-insecure-requests` (Helmet's defaults) make the browser fetch every
 * script over https, which nothing answers, and the page stays blank. They are sent only when the deployment says
 * it is served over HTTPS (JICENG_SECURE_COOKIE=1, directly or behind a TLS proxy).
 */
export function securityHeaders(https: boolean): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd injects its CSS-in-JS as <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // Over plain HTTP on a LAN address these two only produce console warnings: the browser ignores them there.
    crossOriginOpenerPolicy: https,
    originAgentCluster: https,
  };
}
