import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse, parseAllDocuments } from 'yaml';
import { parseArguments } from '../../cmd/arguments.js';
import { EXAMPLES_DIR } from '../support/world.js';

type Json = Record<string, any>;

const documents = parseAllDocuments(readFileSync(join(EXAMPLES_DIR, 'k8s', 'shards', 'aws2port-shards.yml'), 'utf8')).map((d) => d.toJS() as Json);
const cronJob = documents.find((d) => d.kind === 'CronJob')!;
const job = cronJob.spec.jobTemplate.spec as Json;
const pod = job.template.spec as Json;
const container = pod.containers[0] as Json;

/** The `aws2port` words of the container's shell line for pod `index` (JOB_COMPLETION_INDEX). */
function commandOfPod(index: number): string[] {
  const script = (container.args as string[]).join(' ').replaceAll('$((JOB_COMPLETION_INDEX + 1))', String(index + 1));
  const line = script.slice(script.indexOf('exec aws2port ') + 'exec aws2port '.length);
  return line.replaceAll('"$shard', `"${index + 1}`).replaceAll('"', '').split(/\s+/).filter((word) => word !== '');
}

describe('examples/k8s/shards', () => {
  it('runs each shard on a state that lives with its pod, rebuilt from Port by the installation its config names', async () => {
    assert.ok(!documents.some((d) => d.kind === 'PersistentVolumeClaim'), 'no shared volume');
    const config = parse(documents.find((d) => d.kind === 'ConfigMap')!.data['aws2port.yml']) as Json;
    assert.match(config.installationId, /^[\w.-]+$/);
    for (let index = 0; index < job.completions; index++) {
      const args = await parseArguments(commandOfPod(index), { env: {}, isStdoutTty: false }, '0.0.0');
      assert.ok(args.command === 'apply' && args.isAutoApprove);
      assert.deepEqual(args.shard, { index: index + 1, count: job.completions });
      const mount = (container.volumeMounts as Json[]).find((m) => args.state.startsWith(`${m.mountPath}/`))!;
      assert.deepEqual((pod.volumes as Json[]).find((v) => v.name === mount.name)!.emptyDir, {});
    }
  });
});
