// The web server: participant task pages by signed link, the secretariat's dashboard and the auditor's read-only
// view, server-rendered and usable without JavaScript. Security headers, CSRF protection for signed-in users,
// upload limits, rate limits on links, and no stack traces to users.
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { readinessProblems, readinessText } from '../readiness';
import { registerAuditPages } from './audit-pages';
import { registerAccessibilityPage } from './accessibility-page';
import { registerCompliancePage } from './compliance-page';
import { CSS, html, page } from './html';
import { registerParticipantPages } from './participant/routes';
import { registerSecretariatPages } from './secretariat';
import { registerAccountsPage } from './accounts-page';
import { registerOidc } from './oidc';
import { registerScope } from './scope';
import { registerSession } from './session';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, MAX_DRAFT_BYTES } from '../../core/contracts';
import { staffLanguage } from './staff-language';
import { MAX_UPLOAD_BYTES, type WebDeps } from './web-deps';
import { STAFF_WORDS } from './words/staff';

export async function buildWebServer(deps: WebDeps): Promise<FastifyInstance> {
  // Task links carry a signed token of about 200 characters in the path.
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_UPLOAD_BYTES * 2,
    // Behind a proxy (SOPU_TRUST_PROXY) the client's address comes from X-Forwarded-For: rate limits and
    // throttling then count people, not the proxy.
    trustProxy: deps.config.web.trustProxy,
    routerOptions: { maxParamLength: 1024 },
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        // Signing out of Sopu goes on to the identity provider's own sign-out.
        formAction: ["'self'", ...(deps.config.web.oidc ? [new URL(deps.config.web.oidc.issuer).origin] : [])],
        frameAncestors: ["'none'"],
      },
    },
  });
  const { sessionSecret } = deps.config.web;
  if (!sessionSecret) throw new Error('the web server needs SOPU_SESSION_SECRET (32+ random characters)');
  await app.register(fastifyCookie, { secret: sessionSecret });
  await app.register(fastifyCsrf, {
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/' },
    getToken: (request) => {
      const field = (request.body as Record<string, unknown> | undefined)?._csrf;
      return typeof field === 'object' && field !== null
        ? String((field as { value: unknown }).value)
        : (field as string | undefined);
    },
  });
  await app.register(fastifyFormbody, { bodyLimit: MAX_UPLOAD_BYTES * 2 });
  await app.register(fastifyMultipart, {
    attachFieldsToBody: true,
    // A draft or an attachment may be 25 MB, and an answer may carry ten; each use checks its own limit again.
    limits: { fileSize: Math.max(MAX_DRAFT_BYTES, MAX_ATTACHMENT_BYTES), files: MAX_ATTACHMENTS, fields: 400 },
  });
  await app.register(fastifyRateLimit, { global: false });

  // Pages show people's names, answers and decisions: no browser or proxy keeps a copy.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    // A server error is logged with an id the page shows, so a report from a person can be found in the log.
    const errorId = randomUUID().slice(0, 8);
    if (status === 500) console.error(`[sopu web] error ${errorId} on ${request.method} ${request.url}:`, error);
    const lang = staffLanguage(request, reply);
    const e = STAFF_WORDS[lang].error;
    const message =
      status === 403
        ? e.forbidden
        : status === 413
          ? e.tooLarge
          : status === 429
            ? e.tooMany
            : status === 500
              ? e.server(errorId)
              : e.notUnderstood;
    return reply
      .code(status)
      .type('text/html')
      .send(
        page({
          lang,
          title: e.heading(status),
          body: html`<h1>${e.heading(status)}</h1><div class="error" role="alert">${message}</div>`,
        }),
      );
  });
  app.setNotFoundHandler((request, reply) => {
    const lang = staffLanguage(request, reply);
    const heading = STAFF_WORDS[lang].notFound.heading;
    return reply
      .code(404)
      .type('text/html')
      .send(page({ lang, title: heading, body: html`<h1>${heading}</h1>` }));
  });

  app.get('/static/sopu.css', (_request, reply) =>
    reply.type('text/css').header('cache-control', 'public, max-age=3600').send(CSS),
  );
  app.get('/', (_request, reply) => reply.redirect('/cycles'));
  // For a load balancer or an orchestrator: alive (the process answers), and ready (its database and Temporal do).
  app.get('/healthz', (_request, reply) => reply.type('text/plain').send('ok\n'));
  app.get('/readyz', async (_request, reply) => {
    const problems = await readinessProblems(deps.db, deps.client);
    return reply
      .code(problems.length ? 503 : 200)
      .type('text/plain')
      .send(readinessText(problems));
  });

  registerSession(app, deps);
  registerOidc(app, deps);
  registerScope(app, deps);
  await app.register(async (links) => {
    await links.register(fastifyRateLimit, { max: 60, timeWindow: '1 minute' });
    registerParticipantPages(links, deps);
  });
  registerSecretariatPages(app, deps);
  registerAccountsPage(app, deps);
  registerAuditPages(app, deps);
  registerCompliancePage(app, deps);
  registerAccessibilityPage(app, deps);
  return app;
}
