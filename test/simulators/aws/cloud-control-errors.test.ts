import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as cloudControlSdk from '@aws-sdk/client-cloudcontrol';
import { CloudControlClient, GeneralServiceException, GetResourceCommand, ListResourcesCommand } from '@aws-sdk/client-cloudcontrol';
import { CLOUD_CONTROL_ERROR_MESSAGE_MEMBER, CLOUD_CONTROL_ERRORS } from './cloud-control-errors.js';
import { expectAwsError } from './expect-aws-error.js';
import type { GetResourceError } from './faults.js';
import { MANAGEMENT } from './fixture-estate.js';
import { missingResourceModelMessage } from './list-parents.js';
import { startAwsSimulator, type AwsSimulator, type Estate } from './index.js';

/**
 * An error schema as the SDK ships it (`X$` exports of the client): `[-3, namespace, name, traits,
 * memberNames, memberSchemas]`, traits holding `error` (the fault) and `httpError` (the status).
 */
type ErrorSchema = [number, string, string, { error?: string; httpError?: number }, string[], unknown[]];

/** Every modelled error of the installed Cloud Control client: name -> status, fault, members. */
function sdkErrorModel(): Map<string, { status: number | undefined; fault: string | undefined; members: string[] }> {
  const model = new Map<string, { status: number | undefined; fault: string | undefined; members: string[] }>();
  for (const [exportName, value] of Object.entries(cloudControlSdk)) {
    if (!exportName.endsWith('$') || !Array.isArray(value) || value[0] !== -3) continue;
    const [, , name, traits, members] = value as ErrorSchema;
    if (name === 'CloudControlServiceException') continue; // the base class, not an answer
    model.set(name, { status: traits.httpError, fault: traits.error, members });
  }
  return model;
}

describe('Cloud Control errors: the simulator against the SDK model', () => {
  it('answers every modelled error at the model\'s status and fault, with the model\'s one member', () => {
    const model = sdkErrorModel();
    assert.ok(model.size >= 20, `the SDK model lists ${model.size} errors`);
    assert.deepEqual(Object.keys(CLOUD_CONTROL_ERRORS).sort(), [...model.keys()].sort());
    for (const [name, { status, fault, members }] of model) {
      assert.deepEqual(CLOUD_CONTROL_ERRORS[name as keyof typeof CLOUD_CONTROL_ERRORS], { status, fault }, name);
      assert.deepEqual(members, [CLOUD_CONTROL_ERROR_MESSAGE_MEMBER], name);
    }
  });

  describe('over the wire', () => {
    let sim: AwsSimulator;
    const estate: Estate = {
      organization: { id: 'o-abcdefghij', managementAccountId: MANAGEMENT },
      accounts: [{ Id: MANAGEMENT, Name: 'management', Email: 'm@example.com', State: 'ACTIVE', JoinedMethod: 'CREATED', JoinedTimestamp: 1700000000 }],
      regions: ['us-east-1'],
      resources: [
        { type: 'AWS::EKS::Nodegroup', account: MANAGEMENT, region: 'us-east-1', identifier: 'ng-1', properties: { ClusterName: 'blue', NodegroupName: 'ng-1' } },
        { type: 'AWS::EKS::Nodegroup', account: MANAGEMENT, region: 'us-east-1', identifier: 'ng-2', properties: { ClusterName: 'green', NodegroupName: 'ng-2' } },
        { type: 'AWS::ECS::Cluster', account: MANAGEMENT, region: 'us-east-1', identifier: 'web', properties: { ClusterName: 'web' } },
      ],
    };
    const client = () => new CloudControlClient({ ...sim.clientConfig(MANAGEMENT, 'us-east-1'), maxAttempts: 1 });
    const failGet = async (error: GetResourceError) => {
      sim.faults.getResourceErrors = [{ type: 'AWS::ECS::Cluster', identifier: 'web', error }];
      try {
        await client().send(new GetResourceCommand({ TypeName: 'AWS::ECS::Cluster', Identifier: 'web' }));
      } catch (thrown) {
        return thrown as Error & { $fault?: string; $metadata: { httpStatusCode?: number } };
      } finally {
        sim.faults.getResourceErrors = [];
      }
      return assert.fail('GetResource succeeded');
    };

    before(async () => {
      sim = await startAwsSimulator({ estate });
    });
    after(() => sim.close());

    it('wraps downstream errors in GeneralServiceException, which the SDK builds as its own client-fault class', async () => {
      for (const [downstream, wording] of [
        ['notFound', /does not exist \(Service: ECS, Status Code: 400, Request ID: /],
        ['accessDenied', /is not authorized to perform: ecs:DescribeClusters .*\(Service: ECS, Status Code: 403, Request ID: /],
        ['other', /\(Service: ECS, Status Code: 400, Request ID: /],
      ] as const) {
        const error = await failGet(downstream);
        assert.ok(error instanceof GeneralServiceException, `${downstream}: ${error.name}`);
        assert.equal(error.$fault, 'client');
        assert.equal(error.$metadata.httpStatusCode, 400);
        assert.match(error.message, wording);
      }
    });

    it('answers handler faults under their own names, server faults in the SDK', async () => {
      for (const name of ['HandlerInternalFailureException', 'NetworkFailureException', 'ServiceInternalErrorException'] as const) {
        const error = await failGet(name);
        assert.equal(error.name, name);
        assert.equal(error.$fault, 'server', name);
        assert.equal(error.$metadata.httpStatusCode, 502);
      }
    });

    it('refuses to list a type whose list handler needs a parent, unless the ResourceModel names it', async () => {
      const error = await expectAwsError(client().send(new ListResourcesCommand({ TypeName: 'AWS::EKS::Nodegroup' })), 'InvalidRequestException', 400);
      assert.equal(error.message, missingResourceModelMessage('AWS::EKS::Nodegroup'));
      assert.equal(error.message, 'Missing Or Invalid ResourceModel property in AWS::EKS::Nodegroup list handler request input');
      const page = await client().send(new ListResourcesCommand({ TypeName: 'AWS::EKS::Nodegroup', ResourceModel: JSON.stringify({ ClusterName: 'blue' }) }));
      assert.deepEqual(page.ResourceDescriptions?.map((d) => d.Identifier), ['ng-1']);
    });
  });
});
