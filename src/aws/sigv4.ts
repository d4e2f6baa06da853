import { createHash, createHmac } from 'node:crypto';
import type { AwsCredentialIdentity } from '@aws-sdk/types';

/** A request to sign: a POST of `body` to `path` on `host`, with its own headers (lowercase names). */
export interface SignableRequest {
  host: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Signing keys kept per (secret, day, region): a key lasts a day and serves every call of that day. */
const MAX_CACHED_KEYS = 1024;

/**
 * AWS Signature Version 4 for a JSON service's POST requests, as the SDK's SignatureV4 signs them
 * (host, x-amz-date, the payload's hash, the security token and the request's own headers signed),
 * with each day's signing key derived once per secret and region rather than on every call.
 */
export class SigV4Signer {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly service: string) {}

  /** The headers to send: the request's, `host`, `x-amz-content-sha256`, `x-amz-date`, the security token and `authorization`. */
  sign(request: SignableRequest, credentials: AwsCredentialIdentity, region: string, now: Date): Record<string, string> {
    const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const day = amzDate.slice(0, 8);
    const payloadHash = sha256Hex(request.body);
    const headers: Record<string, string> = { ...request.headers, host: request.host, 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate };
    if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;
    const names = Object.keys(headers).sort();
    const signedHeaders = names.join(';');
    // Values are trimmed, as SigV4 asks; none of these has inner runs of spaces to collapse.
    const canonicalHeaders = names.map((name) => `${name}:${headers[name]!.trim()}\n`).join('');
    const canonicalRequest = `POST\n${request.path}\n\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`;
    const scope = `${day}/${region}/${this.service}/aws4_request`;
    const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256Hex(canonicalRequest)}`;
    const signature = createHmac('sha256', this.signingKey(credentials.secretAccessKey, day, region)).update(stringToSign).digest('hex');
    headers.authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
    return headers;
  }

  private signingKey(secret: string, day: string, region: string): Buffer {
    const cacheKey = `${secret}\u0000${day}\u0000${region}`;
    let key = this.keys.get(cacheKey);
    if (!key) {
      if (this.keys.size >= MAX_CACHED_KEYS) this.keys.clear();
      const dateKey = hmac(`AWS4${secret}`, day);
      key = hmac(hmac(hmac(dateKey, region), this.service), 'aws4_request');
      this.keys.set(cacheKey, key);
    }
    return key;
  }
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

function sha256Hex(data: string): string {
  return createHash('sha256').update(data).digest('hex');
}
