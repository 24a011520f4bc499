// Staff sign-in through the organisation's OpenID Connect provider (Microsoft Entra ID or any other), with
// openid-client: the authorisation code flow with PKCE, `state` and `nonce` kept in a signed, short-lived cookie and
// used once, the ID token checked (issuer, audience, expiry, signature by the provider's keys), and the person's role
// and counties from their groups as SOPU_OIDC_GROUPS maps them. A person in no mapped group is refused with a page
// that says so; every sign-in and refusal is kept. Signing out ends the session at the provider too.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import type { OidcConfig } from '../../core/config';
import type { StaffRole } from '../../core/contracts';
import { recordStaffEvent } from '../../db/staff-accounts';
import { html, page } from './html';
import { landing, safeNext, startSession, type StaffUser } from './staff-session';
import { staffLanguage } from './staff-language';
import type { WebDeps } from './web-deps';
import { STAFF_WORDS } from './words/staff';

const FLOW_COOKIE = 'sopu_oidc';
const FLOW_MINUTES = 10;
const CALLBACK = '/login/oidc/callback';

/** One role a session: a person in several groups gets the first of these that one of them gives. */
const ROLE_ORDER: StaffRole[] = ['secretariat', 'administrator', 'auditor'];

/** What a person's groups give: a role (by ROLE_ORDER) and the counties of every group of that role (null when one
 * of them gives every county); null when no group is mapped. */
export function grantOf(config: OidcConfig, groups: unknown): Pick<StaffUser, 'role' | 'counties'> | null {
  const names = Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
  const grants = names.flatMap((g) => (config.groups[g] ? [config.groups[g]] : []));
  const role = ROLE_ORDER.find((r) => grants.some((g) => g.role === r));
  if (!role) return null;
  const ofRole = grants.filter((g) => g.role === role);
  const counties = ofRole.some((g) => g.counties === null)
    ? null
    : [...new Set(ofRole.flatMap((g) => g.counties ?? []))].sort();
  return { role, counties };
}

/** Plain http is for a provider on this machine only (the tests' one); anywhere else it must be https. */
const loopback = (url: URL) => url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/** The provider's configuration, discovered once per configured provider; a failed discovery is tried again on the
 * next sign-in rather than kept as broken. */
const discovered = new WeakMap<OidcConfig, Promise<oidc.Configuration>>();
function discover(settings: OidcConfig): Promise<oidc.Configuration> {
  const known = discovered.get(settings);
  if (known) return known;
  const issuer = new URL(settings.issuer);
  const found = oidc
    .discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
      execute: loopback(issuer) ? [oidc.allowInsecureRequests] : [],
    })
    .catch((err: unknown) => {
      discovered.delete(settings);
      throw err;
    });
  discovered.set(settings, found);
  return found;
}

export function registerOidc(app: FastifyInstance, deps: WebDeps): void {
  const settings = deps.config.web.oidc;
  if (!settings) return;
  const provider = () => discover(settings);
  const redirectUri = new URL(CALLBACK, deps.config.publicUrl).toString();
  const secure = deps.config.publicUrl.startsWith('https:');

  function refused(request: FastifyRequest, reply: FastifyReply, why: 'no-group' | 'invalid-token') {
    const lang = staffLanguage(request, reply);
    const w = STAFF_WORDS[lang];
    const text = why === 'no-group' ? w.signIn.noGroup(settings!.name) : w.signIn.providerRefused(settings!.name);
    return reply
      .code(403)
      .type('text/html')
      .send(
        page({
          lang,
          title: w.signIn.heading,
          body: html`<h1>${w.signIn.heading}</h1><div class="error" role="alert">${text}</div><p><a href="/login">${w.signIn.tryAgain}</a></p>`,
        }),
      );
  }

  app.get<{ Querystring: { next?: string } }>('/login/oidc', async (request, reply) => {
    const config = await provider();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const flow = JSON.stringify({ verifier, state, nonce, next: safeNext(request.query.next) });
    // Lax: the provider sends the person back with a top-level GET from its own site.
    void reply.setCookie(FLOW_COOKIE, flow, {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: CALLBACK,
      maxAge: FLOW_MINUTES * 60,
    });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return reply.redirect(url.toString(), 303);
  });

  app.get(CALLBACK, async (request, reply) => {
    const raw = request.cookies[FLOW_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : null;
    // Used once: a replayed callback finds no flow and is refused.
    void reply.clearCookie(FLOW_COOKIE, { path: CALLBACK, secure });
    const flow = unsigned?.valid && unsigned.value ? (JSON.parse(unsigned.value) as Record<string, string>) : null;
    const address = request.ip;
    let claims: oidc.IDToken | undefined;
    let idToken: string | undefined;
    try {
      if (!flow) throw new Error('no sign-in under way in this browser');
      const current = new URL(request.url, deps.config.publicUrl);
      const tokens = await oidc.authorizationCodeGrant(await provider(), current, {
        pkceCodeVerifier: flow.verifier!,
        expectedState: flow.state!,
        expectedNonce: flow.nonce!,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      idToken = tokens.id_token;
    } catch (err) {
      request.log.warn({ err }, 'identity provider sign-in refused');
      await recordStaffEvent(deps.db, {
        email: '(unknown)',
        event: 'refused',
        provider: 'oidc',
        address,
        reason: 'invalid-token',
      });
      return refused(request, reply, 'invalid-token');
    }
    const email = String(claims?.email ?? claims?.preferred_username ?? claims?.sub ?? '').toLowerCase();
    const grant = grantOf(settings, claims?.[settings.groupsClaim]);
    if (!grant) {
      await recordStaffEvent(deps.db, { email, event: 'refused', provider: 'oidc', address, reason: 'no-group' });
      return refused(request, reply, 'no-group');
    }
    await startSession(deps, request, reply, { email, ...grant, provider: 'oidc', idToken });
    // A page, not a redirect: the session cookie is SameSite=Strict, and the next request must be one of this site's
    // own for the browser to send it.
    const next = landing(grant.role, flow!.next ?? '/cycles');
    const lang = staffLanguage(request, reply);
    return reply.type('text/html').send(
      page({
        lang,
        title: STAFF_WORDS[lang].signIn.heading,
        goTo: next,
        body: html`<p><a href="${next}">${STAFF_WORDS[lang].signIn.continue}</a></p>`,
      }),
    );
  });
}

/** Where a person signed in through the provider goes after signing out of Sopu: the provider's own sign-out. */
export async function providerSignOut(deps: WebDeps, idToken: string | null): Promise<string | null> {
  const settings = deps.config.web.oidc;
  if (!settings || !idToken) return null;
  try {
    const config = await discover(settings);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return oidc
      .buildEndSessionUrl(config, {
        id_token_hint: idToken,
        post_logout_redirect_uri: new URL('/login', deps.config.publicUrl).toString(),
      })
      .toString();
  } catch {
    return null;
  }
}
