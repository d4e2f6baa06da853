import { randomBytes } from 'node:crypto';

/** What `verify` concluded about a bearer token. */
export type TokenCheck = { isValid: true; clientId: string } | { isValid: false; reason: string };

/**
 * Access tokens of the simulator. One credential has one active token at a time: issuing a new one
 * makes the previous one unknown, as in Port.
 */
export class TokenRegistry {
  private readonly activeByClient = new Map<string, { token: string; expiresAtMs: number }>();

  /**
   * @param ttlSeconds lifetime of each token.
   * @param now clock in epoch milliseconds.
   */
  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number,
  ) {}

  /** A fresh token for the client; the client's previous token stops working. */
  issue(clientId: string): { accessToken: string; expiresIn: number } {
    const token = randomBytes(24).toString('base64url');
    this.activeByClient.set(clientId, { token, expiresAtMs: this.now() + this.ttlSeconds * 1000 });
    return { accessToken: token, expiresIn: this.ttlSeconds };
  }

  /** Checks an `Authorization` header value (`Bearer <token>`). */
  verify(authorization: string | undefined): TokenCheck {
    const match = /^Bearer (\S+)$/i.exec(authorization ?? '');
    if (!match) return { isValid: false, reason: 'Missing Authorization: Bearer header' };
    const token = match[1];
    for (const [clientId, active] of this.activeByClient) {
      if (active.token !== token) continue;
      if (this.now() >= active.expiresAtMs) return { isValid: false, reason: 'Access token expired' };
      return { isValid: true, clientId };
    }
    return { isValid: false, reason: 'Access token unknown or superseded by a newer one' };
  }
}
