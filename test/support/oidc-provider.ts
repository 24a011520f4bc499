// A real OpenID Connect provider on loopback for the tests (oidc-provider, with its development sign-in pages: any
// login name, any password): the people it knows, their email and their groups, as an organisation's Entra ID
// would give them. Never a stubbed token: Sopu discovers it, is redirected to it and exchanges codes with it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestProvider {
  issuer: string;
  close(): Promise<void>;
}

export async function startTestProvider(options: {
  client: { id: string; secret: string; redirectUri: string; afterSignOut: string };
  people: Record<string, { email: string; groups: string[] }>;
}): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
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
  server.on('request', provider.callback());
  return {
    issuer,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
