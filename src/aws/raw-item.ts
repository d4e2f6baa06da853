/**
 * One AWS resource as the mapping sees it: Cloud Control's description with its Properties parsed,
 * plus where it came from. `AWS::Organizations::Account` items carry the Organizations account fields
 * instead of Identifier/Properties.
 */
export interface RawItem {
  Identifier?: string;
  Properties?: Record<string, unknown>;
  __Kind: string;
  __AccountId: string;
  __Region: string;
  [field: string]: unknown;
}
