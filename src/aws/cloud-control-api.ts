import {
  GetResourceCommand,
  ListResourcesCommand,
  type CloudControlClient,
  type GetResourceInput,
  type GetResourceOutput,
  type ListResourcesInput,
  type ListResourcesOutput,
} from '@aws-sdk/client-cloudcontrol';

/** The two Cloud Control operations a read makes, for one account and region. */
export interface CloudControlApi {
  listResources(input: ListResourcesInput): Promise<ListResourcesOutput>;
  getResource(input: GetResourceInput): Promise<GetResourceOutput>;
}

/** The SDK's client as a CloudControlApi (watch's re-reads, and endpoints the wire client does not make). */
export function sdkCloudControlApi(client: CloudControlClient): CloudControlApi {
  return {
    listResources: (input) => client.send(new ListResourcesCommand(input)),
    getResource: (input) => client.send(new GetResourceCommand(input)),
  };
}
