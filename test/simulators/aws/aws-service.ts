/** The services the simulator answers. */
export type AwsService = 'cloudcontrol' | 'organizations' | 'sts' | 'sqs' | 'account';
