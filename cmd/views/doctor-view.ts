import type { DoctorReport } from '../../src/doctor/index.js';
import type { OutputSink, TextStyle } from '../../src/model/index.js';

/** `aws2port doctor`'s report for a person: one line per check, its fix beneath, then the counts. */
export async function renderDoctorText(report: DoctorReport, sink: OutputSink, style: TextStyle): Promise<void> {
  const label = { pass: style.create('pass'), warn: style.warn('warn'), fail: style.destroy('FAIL') } as const;
  const lines: string[] = [];
  for (const check of report.checks) {
    lines.push(`${label[check.status]}  ${style.bold(check.name)}: ${check.detail}`);
    if (check.fix) lines.push(`      fix: ${check.fix}`);
  }
  const { pass, warn, fail } = report.summary;
  lines.push('', `Doctor: ${pass} passed, ${warn} warning${warn === 1 ? '' : 's'}, ${fail} failed.${fail === 0 ? '' : ' Fix the failed checks, then run aws2port doctor again.'}`);
  await sink.write(`${lines.join('\n')}\n`);
}
