import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAws2PortError } from '../../src/errors/index.js';
import { childListingOf, tableParentOf, unresolvedListProperties } from '../../src/aws/child-kind.js';

const item = (kind: string, identifier: string, properties: Record<string, unknown> = {}) => ({ Identifier: identifier, Properties: properties, __Kind: kind, __AccountId: '111111111111', __Region: 'us-east-1' });

describe('the table of child kinds (from the CloudFormation registry schemas)', () => {
  it('knows the parent of the child kinds teams want most', () => {
    const parents: Record<string, string> = {
      'AWS::EKS::Nodegroup': 'AWS::EKS::Cluster',
      'AWS::EKS::Addon': 'AWS::EKS::Cluster',
      'AWS::EKS::FargateProfile': 'AWS::EKS::Cluster',
      'AWS::EKS::AccessEntry': 'AWS::EKS::Cluster',
      'AWS::ElasticLoadBalancingV2::Listener': 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      'AWS::ElasticLoadBalancingV2::ListenerRule': 'AWS::ElasticLoadBalancingV2::Listener',
      'AWS::ApiGateway::Stage': 'AWS::ApiGateway::RestApi',
      'AWS::ApiGateway::Resource': 'AWS::ApiGateway::RestApi',
      'AWS::ApiGateway::Deployment': 'AWS::ApiGateway::RestApi',
      'AWS::Lambda::Alias': 'AWS::Lambda::Function',
      'AWS::Lambda::Version': 'AWS::Lambda::Function',
    };
    for (const [child, parent] of Object.entries(parents)) assert.equal(tableParentOf(child), parent, child);
  });

  it('lists kinds whose list handler needs nothing on their own', () => {
    // AWS::ECS::Service's list handler has no handlerSchema: it lists the clusters itself (ecs:ListClusters).
    for (const kind of ['AWS::ECS::Service', 'AWS::EKS::Cluster', 'AWS::S3::Bucket']) {
      assert.equal(childListingOf(kind), undefined, kind);
      assert.equal(unresolvedListProperties(kind), undefined, kind);
    }
  });

  it('fills the ResourceModel from the parts of a compound identifier', async () => {
    const listing = childListingOf('AWS::AppConfig::Deployment')!;
    assert.equal(listing.parentKind, 'AWS::AppConfig::Environment');
    assert.deepEqual(await listing.modelOf(item('AWS::AppConfig::Environment', 'app1|env9')), { ApplicationId: 'app1', EnvironmentId: 'env9' });
  });

  it('fills it from a parent property, and asks for full parents then', async () => {
    const listing = childListingOf('AWS::PCS::Queue')!;
    assert.equal(listing.needsFullParents, true);
    assert.deepEqual(await listing.modelOf(item('AWS::PCS::Cluster', 'arn:pcs', { Id: 'pcs_123' })), { ClusterId: 'pcs_123' });
    await assert.rejects(listing.modelOf(item('AWS::PCS::Cluster', 'arn:pcs')), (error) => isAws2PortError(error, 'ResourceModelFailed') && /AWS::PCS::Cluster arn:pcs .*property Id/.test(error.message));
    assert.equal(childListingOf('AWS::EKS::Nodegroup')!.needsFullParents, false);
  });

  it('names what an unresolved kind requires, and a user setting overrides the table', async () => {
    assert.deepEqual(unresolvedListProperties('AWS::QuickSight::Theme'), ['AwsAccountId']);
    const setting = { parentKind: 'AWS::EKS::Cluster', evaluate: async () => ({ ClusterName: 'mine' }) };
    const listing = childListingOf('AWS::EKS::Nodegroup', setting)!;
    assert.deepEqual(await listing.modelOf(item('AWS::EKS::Cluster', 'other')), { ClusterName: 'mine' });
  });
});
