/** The kinds of the scale benchmark: read with ListResources alone, so the bench measures aws2port, not GetResource calls. */
export const SCALE_KINDS = ['AWS::EC2::Instance', 'AWS::SQS::Queue', 'AWS::Lambda::Function', 'AWS::DynamoDB::Table', 'AWS::SNS::Topic'];

/** The seed's cloudResource mapping for each scale kind, plus the accounts, reading `regions`. */
export function scaleConfigText(regions: readonly string[]): string {
  const cloudResource = (kind: string) => `  - kind: ${kind}
    selector:
      query: 'true'
    port:
      entity:
        mappings:
          identifier: .Properties.Arn // .Identifier
          title: .Identifier
          blueprint: '"cloudResource"'
          properties:
            kind: .__Kind
            region: .__Region
            tags: .Properties.Tags
            arn: .Properties.Arn
            link: .Properties | select(.Arn != null) | "https://console.aws.amazon.com/go/view?arn=" + .Arn
          relations:
            account: .__AccountId
`;
  return `aws:
  regions: [${regions.join(', ')}]
resources:
  - kind: AWS::Organizations::Account
    selector:
      query: 'true'
    port:
      entity:
        mappings:
          identifier: .Id
          title: .Name
          blueprint: '"awsAccount"'
          properties:
            arn: .Arn
            email: .Email
            status: .Status
            joined_method: .JoinedMethod
            joined_timestamp: .JoinedTimestamp | sub(" "; "T")
${SCALE_KINDS.map(cloudResource).join('')}`;
}
