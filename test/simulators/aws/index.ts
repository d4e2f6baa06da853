/**
 * The AWS simulator: one HTTP server on 127.0.0.1 that the real AWS SDK v3 clients aws2port uses
 * (Cloud Control, Organizations, STS, SQS, Account) talk to through an endpoint override. It serves
 * an estate (accounts, regions, resources), pages like AWS (empty pages included), knows who calls
 * from the signature, issues and expires assumed-role credentials, runs SQS queues with long polls,
 * visibility timeouts and dead-letter queues, and injects faults on demand. Behaviour: SPEC.md.
 */
export { startAwsSimulator } from './aws-simulator.js';
export type { AwsSimulator, AwsSimulatorOptions, CallRecord, SimulatorClientConfig } from './aws-simulator.js';
export type { AwsService } from './aws-service.js';
export { DEFAULT_TYPE_BEHAVIOURS, defaultAccountId, typeBehaviour } from './estate.js';
export type { Estate, EstateAccount, EstateOrganization, EstateResource, RegionOptStatus, TypeBehaviour } from './estate.js';
export { noFaults } from './faults.js';
export type { AwsFaults, DenyRule, ThrottleSetting, TypeRegionRule } from './faults.js';
export { parseEstate } from './parse-estate.js';
export type { CreateQueueOptions } from './sqs-queues.js';
export type { QueueDepth } from './sqs-queue.js';
export { accountOfAccessKey } from './identify-caller.js';
export { buildResource } from './build-resource.js';
export type { ResourceSpec } from './build-resource.js';
export { generateEstate } from './generate-estate.js';
export type { GenerateEstateOptions } from './generate-estate.js';
