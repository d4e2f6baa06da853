import assert from 'node:assert/strict';

/** Asserts that `promise` rejects with the SDK error `name` (and HTTP `status`, when given); returns the error. */
export async function expectAwsError(promise: Promise<unknown>, name: string, status?: number): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    const sdkError = error as Error & { $metadata?: { httpStatusCode?: number } };
    assert.equal(sdkError.name, name, `expected ${name}, got ${sdkError.name}: ${sdkError.message}`);
    if (status !== undefined) assert.equal(sdkError.$metadata?.httpStatusCode, status);
    return sdkError;
  }
  assert.fail(`expected ${name}, but the call succeeded`);
}
