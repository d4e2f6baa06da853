/**
 * The one line that names an AWS failure in plans and logs: `AccessDeniedException: User ... is not
 * authorized`. Never includes credentials (AWS messages name principals, not keys).
 */
export function describeAwsError(error: unknown): string {
  if (error instanceof Error) {
    const name = error.name && error.name !== 'Error' ? error.name : 'Error';
    const message = error.message.split('\n')[0] ?? '';
    return message && message !== name ? `${name}: ${message}` : name;
  }
  return String(error);
}

/** The AWS error name (`__type` without namespace), or undefined for non-AWS errors. */
export function awsErrorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}
