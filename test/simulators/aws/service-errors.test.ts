import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as account from '@aws-sdk/client-account';
import * as organizations from '@aws-sdk/client-organizations';
import * as sqs from '@aws-sdk/client-sqs';
import * as sts from '@aws-sdk/client-sts';
import { EXPIRED_TOKEN_ERROR_CODES } from '../../../src/aws/constants.js';
import { commonError } from './common-errors.js';

/** The modelled errors of an SDK client: name -> fault (and the awsQuery code, for SQS and STS). */
function modelledErrors(client: Record<string, unknown>): Map<string, { fault: string | undefined; queryCode: string | undefined }> {
  const errors = new Map<string, { fault: string | undefined; queryCode: string | undefined }>();
  for (const [name, value] of Object.entries(client)) {
    if (!name.endsWith('$') || !Array.isArray(value) || value[0] !== -3) continue;
    const traits = value[3] as { error?: string; awsQueryError?: [string, number] };
    errors.set(value[2] as string, { fault: traits.error, queryCode: traits.awsQueryError?.[0] });
  }
  return errors;
}

/**
 * The service-specific errors the simulator answers (test/simulators/aws/*.ts), by service. The
 * errors every service shares (common-errors.ts: bad or expired credentials, throttling, internal
 * failure, unknown operation) are the AWS common errors, not in each model, and left out here.
 */
const SIMULATOR_ERRORS = {
  organizations: { client: organizations, names: ['AWSOrganizationsNotInUseException', 'AccessDeniedException', 'InvalidInputException'] },
  account: { client: account, names: ['AccessDeniedException', 'ValidationException'] },
  sqs: {
    client: sqs,
    names: ['QueueDoesNotExist', 'ReceiptHandleIsInvalid', 'MessageNotInflight', 'EmptyBatchRequest', 'TooManyEntriesInBatchRequest', 'InvalidBatchEntryId', 'BatchEntryIdsNotDistinct'],
  },
} as const;

describe('AWS simulator: error names against the SDK models', () => {
  for (const [service, { client, names }] of Object.entries(SIMULATOR_ERRORS)) {
    it(`answers only ${service} errors its model defines, each a client fault`, () => {
      const model = modelledErrors(client as unknown as Record<string, unknown>);
      for (const name of names) {
        assert.ok(model.has(name), `${service} models ${name}`);
        assert.equal(model.get(name)!.fault, 'client', name);
      }
    });
  }

  it("spells SQS's query codes as the model does (the simulator's x-amzn-query-error)", () => {
    const model = modelledErrors(sqs as unknown as Record<string, unknown>);
    assert.equal(model.get('QueueDoesNotExist')!.queryCode, 'AWS.SimpleQueueService.NonExistentQueue');
    assert.equal(model.get('MessageNotInflight')!.queryCode, 'AWS.SimpleQueueService.MessageNotInflight');
  });

  it("takes both spellings of an expired token as expired: STS's modelled one and the common one the simulator answers", () => {
    // STS models ExpiredTokenException (wire code the same); an expired session answers the common `ExpiredToken`.
    const modelled = modelledErrors(sts as unknown as Record<string, unknown>).get('ExpiredTokenException')!.queryCode!;
    assert.equal(modelled, 'ExpiredTokenException');
    assert.deepEqual([...EXPIRED_TOKEN_ERROR_CODES].sort(), [commonError('expiredToken', 'sts').code, modelled].sort());
  });
});
