import { UPPER_ALNUM, type SeededRandom } from './seeded-random.js';

/** Temporary credentials handed out by AssumeRole, remembered so that later calls signed with them can be checked. */
export interface AssumedSession {
  /** `ASIA`, the account's 12 digits, then 4 characters starting with a letter (so the digit run stays 12 long). */
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  account: string;
  /** `aws`, `aws-cn`, ... as in the role ARN. */
  partition: string;
  /** The role name without its path. */
  roleName: string;
  sessionName: string;
  /** Epoch milliseconds after which calls signed with this session fail with an expired-token error. */
  expiresAtMs: number;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The sessions AssumeRole issued, by session token. */
export class SessionStore {
  readonly #byToken = new Map<string, AssumedSession>();

  constructor(
    private readonly random: SeededRandom,
    private readonly nowMs: () => number,
  ) {}

  /** Issues and remembers a session lasting `lifetimeSeconds` from now. */
  issue(who: Omit<AssumedSession, 'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'expiresAtMs'>, lifetimeSeconds: number): AssumedSession {
    const session: AssumedSession = {
      ...who,
      accessKeyId: `ASIA${who.account}${this.random.chars(1, LETTERS)}${this.random.chars(3, UPPER_ALNUM)}`,
      secretAccessKey: this.random.chars(40, SECRET_ALPHABET),
      sessionToken: `IQoJb3JpZ2luX2Vj${this.random.chars(160, SECRET_ALPHABET)}`,
      expiresAtMs: this.nowMs() + lifetimeSeconds * 1000,
    };
    this.#byToken.set(session.sessionToken, session);
    return session;
  }

  /** The session a token belongs to; undefined for a token never issued. */
  find(sessionToken: string): AssumedSession | undefined {
    return this.#byToken.get(sessionToken);
  }
}
