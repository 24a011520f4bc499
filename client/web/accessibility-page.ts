// The accessibility statement, for everyone (no sign-in), in the language asked for; every page's footer links to it.
import type { FastifyInstance } from 'fastify';
import { LANGUAGES, type Language } from '../../core/contracts';
import { html, page } from './html';
import type { WebDeps } from './web-deps';
import { ACCESSIBILITY_WORDS } from './words/accessibility';

export function registerAccessibilityPage(app: FastifyInstance, deps: WebDeps): void {
  app.get<{ Querystring: { lang?: string } }>('/accessibility', (request, reply) => {
    const lang: Language = LANGUAGES.includes(request.query.lang as Language) ? (request.query.lang as Language) : 'fi';
    const a = ACCESSIBILITY_WORDS[lang];
    const contact = deps.config.web.accessibilityContact;
    const body = html`<h1>${a.title}</h1><p>${a.scope}</p>
      <h2>${a.conformanceHeading}</h2><p>${a.conformance}</p>
      <h2>${a.gapsHeading}</h2><ul>${a.gaps.map((gap) => html`<li>${gap}</li>`)}</ul>
      <h2>${a.madeHeading}</h2><p>${a.made}</p>
      <h2>${a.feedbackHeading}</h2><p>${a.feedback(contact ?? a.noContact)}</p>
      <h2>${a.enforcementHeading}</h2><p>${a.enforcement}</p>`;
    return reply.type('text/html').send(page({ lang, title: a.title, body }));
  });
}
