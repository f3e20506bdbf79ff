// Test helper: asks an IAM (the emulator's) for a token with the password method, as an SDK would.
export type TokenScope = { project: { id: string } | { name: string } } | { domain: { name: string } };

export function requestToken(iamUrl: string, user: { domain: string; name: string; password: string }, scope: TokenScope) {
  return fetch(`${iamUrl}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { domain: { name: user.domain }, name: user.name, password: user.password } },
        },
        scope,
      },
    }),
  });
}
