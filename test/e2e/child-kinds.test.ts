import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseConfig } from '../../src/config/index.js';
import { entitiesByNativeJq, type ComparableEntity } from '../support/expected-entities.js';
import type { Estate, EstateResource } from '../simulators/aws/index.js';
import { ACCOUNTS, childEstate, exampleConfig, REGIONS } from '../support/child-kinds-world.js';
import { startWorld, type World } from '../support/world.js';

/** The parent of each child kind of the example, and how a child names it: built here, apart from the source stage. */
const PARENT_OF: Record<string, { kind: string; identifierOf: (child: EstateResource, estate: Estate) => string }> = {
  'AWS::EKS::Nodegroup': { kind: 'AWS::EKS::Cluster', identifierOf: (child) => child.properties.ClusterName as string },
  'AWS::ElasticLoadBalancingV2::Listener': { kind: 'AWS::ElasticLoadBalancingV2::LoadBalancer', identifierOf: (child) => child.properties.LoadBalancerArn as string },
};

/** The raw items the example should read: every resource of the read regions, children with their parent in `__Parent`. */
function expectedItems(estate: Estate): Record<string, unknown>[] {
  return estate.resources
    .filter((r) => REGIONS.includes(r.region))
    .filter((r) => {
      const parent = PARENT_OF[r.type];
      return !parent || estate.resources.some((p) => p.type === parent.kind && p.account === r.account && p.region === r.region && p.identifier === parent.identifierOf(r, estate));
    })
    .map((r) => ({
      Identifier: r.identifier,
      Properties: r.properties,
      __Kind: r.type,
      __AccountId: r.account,
      __Region: r.region,
      ...(PARENT_OF[r.type] && { __Parent: { kind: PARENT_OF[r.type]!.kind, identifier: PARENT_OF[r.type]!.identifierOf(r, estate) } }),
    }));
}

function portEntities(world: World, blueprints: readonly string[]): ComparableEntity[] {
  return blueprints.flatMap((blueprint) =>
    world.port.entities(blueprint).map((e) => ({ blueprint, identifier: e.identifier, title: e.title ?? null, properties: e.properties, relations: e.relations })),
  );
}

const sortEntities = (entities: ComparableEntity[]) => [...entities].sort((a, b) => `${a.blueprint}.${a.identifier}`.localeCompare(`${b.blueprint}.${b.identifier}`));

interface PlanJson {
  resource_changes: { address: string; action: string; scope: { kind: string; account: string; region: string } }[];
  skipped_scopes: { kind: string; account: string; region: string; error: string }[];
}

describe('child kinds: resources Cloud Control lists only under a parent', () => {
  it('lists every child once under its parent, and Port holds what native jq computes from the same items', async () => {
    const estate = childEstate();
    const world = await startWorld({ estate, configText: exampleConfig(), portBlueprints: [] });
    try {
      const plan = await world.run(['plan', '--json']);
      assert.equal(plan.code, 0, plan.stderr);
      const planned = JSON.parse(plan.stdout) as PlanJson;
      assert.deepEqual(planned.skipped_scopes, []);
      const addresses = planned.resource_changes.map((c) => c.address);
      assert.equal(new Set(addresses).size, addresses.length, 'each child once');
      assert.equal(planned.resource_changes.filter((c) => c.scope.kind === 'AWS::EKS::Nodegroup').length, ACCOUNTS.length * REGIONS.length * 4);
      assert.equal(planned.resource_changes.filter((c) => c.scope.kind === 'AWS::ElasticLoadBalancingV2::Listener').length, ACCOUNTS.length * REGIONS.length * 4);

      const apply = await world.run(['apply', '--auto-approve']);
      assert.equal(apply.code, 0, apply.stderr);
      const { config } = parseConfig(exampleConfig(), join(world.dir, 'aws2port.yml'));
      const expected = entitiesByNativeJq(config!.resources, expectedItems(estate));
      const blueprints = [...new Set(expected.map((e) => e.blueprint))];
      assert.deepEqual(sortEntities(portEntities(world, blueprints)), sortEntities(expected));
      assert.equal(world.port.entity('eksNodegroup', '222222222222/eu-west-1/k8s-2/ng-1')?.relations.cluster, '222222222222/eu-west-1/k8s-2');
    } finally {
      await world.close();
    }
  });

  it('deletes the children of a deleted parent, and keeps every other entity', async () => {
    const world = await startWorld({ estate: childEstate(), configText: exampleConfig(), portBlueprints: [] });
    try {
      assert.equal((await world.run(['apply', '--auto-approve'])).code, 0);
      // WHEN the cluster goes, with its node groups
      world.aws.removeResource('AWS::EKS::Cluster', '111111111111', 'k8s-1', 'us-east-1');
      for (const n of [1, 2]) world.aws.removeResource('AWS::EKS::Nodegroup', '111111111111', `k8s-1/ng-${n}`, 'us-east-1');
      const plan = await world.run(['plan', '--json']);
      const planned = JSON.parse(plan.stdout) as PlanJson;
      assert.deepEqual(
        planned.resource_changes.map((c) => `${c.action} ${c.address}`).sort(),
        ['delete eksCluster.111111111111/us-east-1/k8s-1', 'delete eksNodegroup.111111111111/us-east-1/k8s-1/ng-1', 'delete eksNodegroup.111111111111/us-east-1/k8s-1/ng-2'],
      );
      assert.equal((await world.run(['apply', '--auto-approve'])).code, 0);
      assert.equal(world.port.entity('eksNodegroup', '111111111111/us-east-1/k8s-1/ng-1'), undefined);
      assert.ok(world.port.entity('eksNodegroup', '111111111111/us-east-1/k8s-2/ng-1'));
    } finally {
      await world.close();
    }
  });

  it('skips the children of a parent scope that is denied, and keeps their entities', async () => {
    const world = await startWorld({ estate: childEstate(), configText: exampleConfig(), portBlueprints: [] });
    try {
      assert.equal((await world.run(['apply', '--auto-approve'])).code, 0);
      // WHEN the clusters of one account and region can no longer be listed, and a node group is gone meanwhile
      world.aws.faults.deny = [{ account: '222222222222', region: 'eu-west-1', type: 'AWS::EKS::Cluster', operation: 'ListResources' }];
      world.aws.removeResource('AWS::EKS::Nodegroup', '222222222222', 'k8s-1/ng-1', 'eu-west-1');
      const plan = await world.run(['plan', '--json']);
      assert.equal(plan.code, 0, plan.stderr);
      const planned = JSON.parse(plan.stdout) as PlanJson;
      assert.deepEqual(planned.resource_changes, [], 'nothing deleted on a guess');
      const skipped = planned.skipped_scopes.map((s) => `${s.kind} ${s.account} ${s.region}`).sort();
      assert.deepEqual(skipped, ['AWS::EKS::Cluster 222222222222 eu-west-1', 'AWS::EKS::Nodegroup 222222222222 eu-west-1']);
      const nodegroups = planned.skipped_scopes.find((s) => s.kind === 'AWS::EKS::Nodegroup')!;
      assert.match(nodegroups.error, /^AccessDeniedException: listing the parents \(AWS::EKS::Cluster\)/);
    } finally {
      await world.close();
    }
  });

  it('lists a child kind whose parent kind is not mapped', async () => {
    const nodegroupsOnly = exampleConfig().replace(/- kind: AWS::EKS::Cluster[\s\S]*?(?=- kind: AWS::EKS::Nodegroup)/, '');
    const world = await startWorld({ estate: childEstate(), configText: nodegroupsOnly, portBlueprints: [] });
    try {
      const plan = await world.run(['plan', '--json', '--target', 'AWS::EKS::Nodegroup']);
      assert.equal(plan.code, 0, plan.stderr);
      const planned = JSON.parse(plan.stdout) as PlanJson;
      assert.equal(planned.resource_changes.length, ACCOUNTS.length * REGIONS.length * 4);
      assert.deepEqual(planned.skipped_scopes, []);
    } finally {
      await world.close();
    }
  });

  it('lists a kind the table does not know with selector.resourceModel, from the scope or from a parent', async () => {
    const estate = childEstate();
    for (const account of ACCOUNTS) {
      estate.resources.push({ type: 'AWS::QuickSight::Theme', account, region: 'us-east-1', identifier: `${account}|dark`, properties: { AwsAccountId: account, ThemeId: 'dark' } });
    }
    const config = (resourceModel: string, parentKind = '') =>
      `aws:\n  regions: [us-east-1]\nresources:\n- kind: AWS::QuickSight::Theme\n  selector:\n    query: 'true'\n${parentKind}    resourceModel: '${resourceModel}'\n  port:\n    entity:\n      mappings:\n        identifier: .__AccountId + \"/\" + .Identifier | sub(\"[|]\"; \"-\")\n        blueprint: '"theme"'\n        properties:\n          parent: .__Parent.kind\n`;
    const world = await startWorld({ estate, configText: config('{AwsAccountId: .__AccountId}'), portBlueprints: [] });
    try {
      const plan = await world.run(['plan', '--json']);
      assert.equal(plan.code, 0, plan.stderr);
      const planned = JSON.parse(plan.stdout) as PlanJson;
      assert.deepEqual(planned.resource_changes.map((c) => c.address).sort(), ['theme.111111111111/111111111111-dark', 'theme.222222222222/222222222222-dark']);

      // AND a user's parent kind and model override the table's for a kind it knows
      const override = config('{ClusterName: .Identifier}', '    parentKind: AWS::EKS::Cluster\n').replace('AWS::QuickSight::Theme', 'AWS::EKS::Nodegroup');
      world.aws.faults.deny = [];
      const { writeFileSync } = await import('node:fs');
      writeFileSync(world.configFile, override);
      const again = await world.run(['plan', '--json']);
      assert.equal(again.code, 0, again.stderr);
      assert.equal((JSON.parse(again.stdout) as PlanJson).resource_changes.length, ACCOUNTS.length * 4);
    } finally {
      await world.close();
    }
  });

  it('validate explains a kind that needs a parent aws2port does not know', async () => {
    const world = await startWorld({
      configText: `resources:\n- kind: AWS::QuickSight::Theme\n  selector:\n    query: 'true'\n  port:\n    entity:\n      mappings:\n        identifier: .Identifier\n        blueprint: '"theme"'\n`,
    });
    try {
      const run = await world.run(['validate']);
      assert.equal(run.code, 1);
      assert.match(run.stdout, /aws2port\.yml:2: resources\[0\]\.kind: Cloud Control lists AWS::QuickSight::Theme only with a ResourceModel naming AwsAccountId.*selector\.resourceModel/);
      const json = await world.run(['validate', '--json']);
      assert.match(json.stdout, /"code":\s*"ChildKindNeedsParent"/);
    } finally {
      await world.close();
    }
  });
});
