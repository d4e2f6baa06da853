import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Estate, EstateResource } from '../simulators/aws/index.js';
import { EXAMPLES_DIR } from './world.js';

export const ACCOUNTS = ['111111111111', '222222222222'];
export const REGIONS = ['us-east-1', 'eu-west-1'];
const EXAMPLE_DIR = join(EXAMPLES_DIR, 'child-kinds');
const EXAMPLE_CONFIG = readFileSync(join(EXAMPLE_DIR, 'aws2port.yml'), 'utf8');

/** The example's config, reading the test's regions, with its blueprints file named absolutely. */
export function exampleConfig(): string {
  return `aws:\n  regions: [${REGIONS.join(', ')}]\n${EXAMPLE_CONFIG.replace('blueprints: blueprints.json', `blueprints: ${join(EXAMPLE_DIR, 'blueprints.json')}`)}`;
}

/** In each account and region: 2 EKS clusters with 2 node groups each, an ECS cluster with 3 services, 2 load balancers with 2 listeners each. */
export function childEstate(): Estate {
  const resources: EstateResource[] = [];
  for (const account of ACCOUNTS) {
    for (const region of REGIONS) {
      const put = (type: string, identifier: string, properties: Record<string, unknown>) => resources.push({ type, account, region, identifier, properties });
      for (const c of [1, 2]) {
        const cluster = `k8s-${c}`;
        put('AWS::EKS::Cluster', cluster, { Name: cluster, Arn: `arn:aws:eks:${region}:${account}:cluster/${cluster}`, Version: '1.31' });
        for (const n of [1, 2]) {
          const id = `${cluster}/ng-${n}`;
          put('AWS::EKS::Nodegroup', id, { Id: id, ClusterName: cluster, NodegroupName: `ng-${n}`, InstanceTypes: ['m7g.large'] });
        }
      }
      const ecsCluster = `arn:aws:ecs:${region}:${account}:cluster/apps`;
      put('AWS::ECS::Cluster', 'apps', { ClusterName: 'apps', Arn: ecsCluster });
      for (const s of [1, 2, 3]) {
        const serviceArn = `arn:aws:ecs:${region}:${account}:service/apps/svc-${s}`;
        put('AWS::ECS::Service', `${serviceArn}|${ecsCluster}`, { ServiceArn: serviceArn, ServiceName: `svc-${s}`, Cluster: ecsCluster, DesiredCount: s });
      }
      for (const l of [1, 2]) {
        const lb = `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/app/web-${l}/${l}0000`;
        put('AWS::ElasticLoadBalancingV2::LoadBalancer', lb, { LoadBalancerArn: lb, LoadBalancerName: `web-${l}`, Scheme: 'internet-facing' });
        for (const port of [80, 443]) {
          const listener = `arn:aws:elasticloadbalancing:${region}:${account}:listener/app/web-${l}/${l}0000/${port}`;
          put('AWS::ElasticLoadBalancingV2::Listener', listener, { ListenerArn: listener, LoadBalancerArn: lb, Port: port, Protocol: port === 80 ? 'HTTP' : 'HTTPS' });
        }
      }
    }
  }
  const accounts = ACCOUNTS.map((Id) => ({ Id, Name: `acct-${Id}`, Email: `${Id}@example.com`, State: 'ACTIVE', JoinedMethod: 'CREATED', JoinedTimestamp: 1700000000 }));
  return { organization: { id: 'o-child12345', managementAccountId: ACCOUNTS[0]! }, accounts, regions: REGIONS, resources };
}

