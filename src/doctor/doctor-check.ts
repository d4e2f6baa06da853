/** How one check came out. `warn`: it works as configured, but the detail says what to look at. */
export type CheckStatus = 'pass' | 'warn' | 'fail';

/** What a check is about: a stable id that tests and scripts match on, never the wording. */
export type CheckId = 'aws-credentials' | 'organizations' | 'read-role' | 'kind' | 'port-credentials' | 'blueprint' | 'entity-validation';

/** One line of `aws2port doctor`: what was checked, how it came out, and what to do. */
export interface DoctorCheck {
  check: CheckId;
  /** What the line is about: `aws2port doctor` prints `name` as the line's start. */
  name: string;
  /** The account, kind or blueprint checked; null for checks of the whole setup. */
  subject: string | null;
  status: CheckStatus;
  /** What was found: one line, never a credential. */
  detail: string;
  /** What to do about it; null when the check passed. */
  fix: string | null;
}

/** Everything `aws2port doctor` found, in the order the checks ran. */
export interface DoctorReport {
  checks: DoctorCheck[];
  /** True when no check failed. */
  ok: boolean;
  summary: { pass: number; warn: number; fail: number };
}

/** A check that passed. */
export function passed(check: CheckId, name: string, subject: string | null, detail: string): DoctorCheck {
  return { check, name, subject, status: 'pass', detail, fix: null };
}

/** A check that failed, with its fix. */
export function failed(check: CheckId, name: string, subject: string | null, detail: string, fix: string): DoctorCheck {
  return { check, name, subject, status: 'fail', detail, fix };
}

/** A check that works as configured but deserves a look, with what to do. */
export function warned(check: CheckId, name: string, subject: string | null, detail: string, fix: string): DoctorCheck {
  return { check, name, subject, status: 'warn', detail, fix };
}

/** The report of these checks. */
export function reportOf(checks: DoctorCheck[]): DoctorReport {
  const count = (status: CheckStatus) => checks.filter((c) => c.status === status).length;
  const summary = { pass: count('pass'), warn: count('warn'), fail: count('fail') };
  return { checks, ok: summary.fail === 0, summary };
}
