// A real OpenID Connect provider (oidc-provider) for Gateway.Tests, shaped like the county's Keycloak realm:
// access tokens are JWTs for the audience `kim-platform` and carry `tenant`, `organisation` and
// `realm_access.roles`, for users (authorization code with PKCE, refresh tokens) and for machine clients
// (client credentials). Usage: node server.mjs <config.json>; prints "ready <issuer>" when it listens.
//
// config.json: { port, keys: [private JWKs, the first signs], clients: [client metadata + tenant, organisation,
// roles], accounts: { id: { name, tenant, organisation, roles } }, accessTokenTtl }
// The test picks who signs in next with POST /test/next-login { "account": "<id>" }; the login and consent
// interactions then complete without a form.
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const issuer = `http://127.0.0.1:${config.port}`;
const resources = {
  'urn:kim-platform': 'kim-platform',
  'urn:other-api': 'other-api',
};
const clientClaims = Object.fromEntries(config.clients.map((client) => [client.client_id, client]));
let nextLogin = Object.keys(config.accounts)[0];

const kimClaims = (subject) => subject && {
  tenant: subject.tenant,
  organisation: subject.organisation,
  realm_access: { roles: subject.roles },
};

const provider = new Provider(issuer, {
  jwks: { keys: config.keys },
  clients: config.clients.map(({ tenant, organisation, roles, ...metadata }) => metadata),
  findAccount: (ctx, id) => config.accounts[id] && {
    accountId: id,
    claims: () => ({ sub: id, name: config.accounts[id].name }),
  },
  claims: { openid: ['sub'], profile: ['name'] },
  scopes: ['openid', 'profile', 'offline_access'],
  pkce: { required: () => true },
  ttl: { AccessToken: config.accessTokenTtl ?? 300, ClientCredentials: config.accessTokenTtl ?? 300 },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    revocation: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: (ctx, client, oneOf) => oneOf ?? 'urn:kim-platform',
      useGrantedResource: () => true,
      getResourceServerInfo: (ctx, indicator) => {
        if (!resources[indicator]) throw new Error(`unknown resource ${indicator}`);
        return { scope: 'kim', audience: resources[indicator], accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
      },
    },
  },
  extraTokenClaims: (ctx, token) => token.kind === 'ClientCredentials'
    ? kimClaims(clientClaims[token.clientId])
    : kimClaims(config.accounts[token.accountId]),
  issueRefreshToken: (ctx, client) => client.grantTypeAllowed('refresh_token'),
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['kim-gateway-tests'] },
});

// Test controls and the interactions that a real provider would show as pages.
provider.use(async (ctx, next) => {
  if (ctx.method === 'POST' && ctx.path === '/test/next-login') {
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    nextLogin = JSON.parse(Buffer.concat(chunks).toString('utf8')).account;
    ctx.status = 204;
    return;
  }
  if (ctx.method === 'GET' && ctx.path.startsWith('/interaction/')) {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (details.prompt.name === 'login') {
      await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: nextLogin } }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    grant.addOIDCScope('openid profile offline_access');
    grant.addResourceScope('urn:kim-platform', 'kim');
    const grantId = await grant.save();
    await provider.interactionFinished(ctx.req, ctx.res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }
  await next();
});

provider.listen(config.port, '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
