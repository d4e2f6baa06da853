import assert from 'node:assert/strict';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { SignatureV4 } from '@smithy/signature-v4';
import { SigV4Signer } from '../../src/aws/sigv4.js';

const REQUEST = {
  host: 'cloudcontrolapi.eu-west-1.amazonaws.com',
  path: '/',
  headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'CloudApiService.ListResources' },
  body: '{"TypeName":"AWS::S3::Bucket","NextToken":"abc=="}',
};
const AT = new Date('2026-12-04T18:42:39.123Z');

/** The signature the SDK's own signer gives the same request. */
async function sdkSignature(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, region: string): Promise<string> {
  const signer = new SignatureV4({ service: 'cloudcontrolapi', region, credentials, sha256: Sha256 as never });
  const signed = await signer.sign(
    { method: 'POST', protocol: 'https:', hostname: REQUEST.host, path: REQUEST.path, query: {}, headers: { ...REQUEST.headers, host: REQUEST.host }, body: REQUEST.body },
    { signingDate: AT },
  );
  return signed.headers.authorization!;
}

/** node:crypto's SHA-256 (an HMAC when given a secret) in the shape the SDK's signer takes. */
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | Uint8Array) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', secret);
  }
  update(data: string | Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

describe(SigV4Signer.name, () => {
  it("signs a Cloud Control request as the SDK's signer does, with and without a session token, across secrets and regions", async () => {
    const signer = new SigV4Signer('cloudcontrolapi');
    const cases = [
      [{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }, 'eu-west-1'],
      [{ accessKeyId: 'ASIA111111111111', secretAccessKey: 'another-secret', sessionToken: 'token/with+chars==' }, 'eu-west-1'],
      [{ accessKeyId: 'ASIA111111111111', secretAccessKey: 'another-secret', sessionToken: 'token/with+chars==' }, 'us-gov-west-1'],
    ] as const;
    for (const [credentials, region] of cases) {
      const headers = signer.sign(REQUEST, credentials, region, AT);
      assert.equal(headers.authorization, await sdkSignature(credentials, region));
      assert.equal(headers['x-amz-date'], '20261204T184239Z');
      assert.equal(headers['x-amz-security-token'], 'sessionToken' in credentials ? credentials.sessionToken : undefined);
    }
  });
});
