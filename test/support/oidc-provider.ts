// A real OpenID Connect provider on loopback for the tests (oidc-provider, with its development sign-in pages: any
// login name, any password): the people it knows, their email and their groups, as an organisation's Entra ID
// would give them. Never a stubbed token: Sopu discovers it, is redirected to it and exchanges codes with it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import Provider from 'oidc-provider';

export interface TestProvider {
  issuer: string;
  /** From now on, the ID tokens the token endpoint hands out are these claims instead, signed with the provider's
   * own key: a provider gone wrong (a token for another application, an expired one). null: as issued. */
  tamper(change: ((claims: JWTPayload) => JWTPayload) | null): void;
  close(): Promise<void>;
}

export async function startTestProvider(options: {
  client: { id: string; secret: string; redirectUri: string; afterSignOut: string };
  people: Record<string, { email: string; groups: string[] }>;
}): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The provider's signing key is the test's, so that a tampered token is signed exactly as a real one.
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const provider = new Provider(issuer, {
    jwks: { keys: [jwk] },
    clients: [
      {
        client_id: options.client.id,
        client_secret: options.client.secret,
        redirect_uris: [options.client.redirectUri],
        post_logout_redirect_uris: [options.client.afterSignOut],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // Groups come in the ID token, as Entra ID sends them when the application asks for them.
    claims: { openid: ['sub'], email: ['email'], profile: ['name', 'groups'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['test-provider-cookie-key-0123456789'] },
    findAccount: (_ctx, id) => {
      const person = options.people[id];
      return person
        ? { accountId: id, claims: () => ({ sub: id, email: person.email, name: id, groups: person.groups }) }
        : undefined;
    },
  });
  let tamper: ((claims: JWTPayload) => JWTPayload) | null = null;
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (tamper && ctx.path === '/token' && body?.id_token) {
      const claims = tamper(decodeJwt(body.id_token));
      const idToken = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).sign(privateKey);
      ctx.body = { ...body, id_token: idToken };
    }
  });
  server.on('request', provider.callback());
  return {
    issuer,
    tamper: (change) => void (tamper = change),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
