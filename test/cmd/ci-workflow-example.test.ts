import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { parseArguments, type Args } from '../../cmd/arguments.js';
import { isAws2PortError } from '../../src/errors/index.js';
import { PLAN_COMMENT_MARKER } from '../../src/plan/index.js';
import { EXAMPLES_DIR } from '../support/world.js';

type Json = Record<string, any>;

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Json;
  env?: Record<string, string>;
}

const workflow = parse(readFileSync(join(EXAMPLES_DIR, 'ci', 'aws2port-plan.yml'), 'utf8')) as Json;
const env = workflow.env as Record<string, string>;
const jobs = workflow.jobs as Record<string, { if: string; permissions: Record<string, string>; concurrency: Json; steps: Step[] }>;
const stepUsing = (job: string, action: string) => jobs[job]!.steps.find((s) => s.uses?.startsWith(`${action}@`));
const indexOfStep = (job: string, match: (s: Step) => boolean) => jobs[job]!.steps.findIndex(match);

/** One `aws2port ...` command of a `run:` script, its words with the workflow's variables expanded. */
interface CliCommand {
  job: string;
  argv: string[];
  /** Where `>` sends its stdout, if anywhere. */
  stdoutTo?: string;
}

/**
 * The aws2port commands of a `run:` script, as the shell would split them: quotes removed, `$VAR`
 * from the workflow's, job's and step's env, `${{ ... }}` as a placeholder, `\` continuations joined.
 */
function aws2portCommands(script: string, variables: Record<string, string>, job: string): CliCommand[] {
  const words = shellWords(script.replace(/\\\n/g, ' '), variables);
  const commands: CliCommand[] = [];
  let current: CliCommand | undefined;
  let redirect = false;
  for (const word of words) {
    if (word.operator) {
      if (word.text === '>' || word.text === '>>') redirect = true;
      else current = undefined;
      continue;
    }
    if (redirect) {
      if (current) current.stdoutTo = word.text;
      redirect = false;
    } else if (current) {
      current.argv.push(word.text);
    } else if (word.text === 'aws2port') {
      current = { job, argv: [] };
      commands.push(current);
    }
  }
  return commands;
}

interface ShellWord {
  text: string;
  operator: boolean;
}

function shellWords(script: string, variables: Record<string, string>): ShellWord[] {
  const expand = (text: string) =>
    text.replace(/\$\{\{[^}]*\}\}/g, 'EXPRESSION').replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (whole, name: string) => variables[name] ?? `UNSET_${name}`);
  const words: ShellWord[] = [];
  const pattern = /\s*(?:(&&|\|\||[|;\n]|>>|2>|>|<)|((?:"[^"]*"|'[^']*'|\$\([^)]*\)|[^\s|;&<>"'])+))/gy;
  for (let match = pattern.exec(script); match && match[0] !== ''; match = pattern.exec(script)) {
    if (match[1]) words.push({ text: match[1], operator: true });
    else if (match[2]) words.push({ text: match[2].replace(/"([^"]*)"|'([^']*)'|([^"']+)/g, (_, dq?: string, sq?: string, bare?: string) => (sq ?? expand(dq ?? bare ?? ''))), operator: false });
  }
  return words;
}

/** Every aws2port command the workflow runs. */
function workflowCommands(): CliCommand[] {
  return Object.entries(jobs).flatMap(([job, { steps }]) =>
    steps.filter((s) => s.run).flatMap((s) => aws2portCommands(s.run!, { ...env, ...s.env, GITHUB_OUTPUT: 'out', GITHUB_REPOSITORY: 'o/r' }, job)),
  );
}

const parseCommand = (argv: string[]): Promise<Args> => parseArguments(argv, { env: {}, isStdoutTty: false }, '0.0.0-test');

describe('examples/ci/aws2port-plan.yml', () => {
  it('runs on pull requests that change the mapping, and when they close', () => {
    const trigger = workflow.on.pull_request as { types: string[]; paths: string[] };
    assert.deepEqual(Object.keys(workflow.on), ['pull_request']);
    for (const type of ['opened', 'synchronize', 'reopened', 'closed']) assert.ok(trigger.types.includes(type), type);
    assert.ok(trigger.paths.includes(env.AWS2PORT_CONFIG!), 'the config file is a path that triggers it');
  });

  it('plans while the pull request is open and applies only when it was merged', () => {
    assert.match(jobs.plan!.if, /github\.event\.action != 'closed'/);
    assert.match(jobs.apply!.if, /github\.event\.action == 'closed' && github\.event\.pull_request\.merged == true/);
    assert.equal(stepUsing('apply', 'actions/checkout')!.with!.ref, '${{ github.event.pull_request.merge_commit_sha }}');
  });

  it('gives each job only the permissions it needs: comments for the plan, other runs\u2019 artifacts for the apply', () => {
    assert.deepEqual(jobs.plan!.permissions, { contents: 'read', 'id-token': 'write', 'pull-requests': 'write' });
    assert.deepEqual(jobs.apply!.permissions, { contents: 'read', actions: 'read', 'id-token': 'write' });
    assert.equal(jobs.apply!.concurrency['cancel-in-progress'], false, 'an apply in progress is never cancelled');
  });

  it('uploads the plan file, and the apply downloads that artifact from the run of the pull request\u2019s last commit', () => {
    const upload = stepUsing('plan', 'actions/upload-artifact')!;
    assert.equal(upload.with!.name, '${{ env.PLAN_ARTIFACT }}');
    assert.match(upload.with!.path, /\$\{\{ env\.PLAN_FILE \}\}/);
    const find = jobs.apply!.steps.find((s) => s.id === 'plan-run')!;
    assert.equal(find.env!.HEAD_SHA, '${{ github.event.pull_request.head.sha }}');
    assert.match(find.run!, /actions\/artifacts\?name=\$PLAN_ARTIFACT/);
    const download = stepUsing('apply', 'actions/download-artifact')!;
    assert.equal(download.with!.name, upload.with!.name);
    assert.equal(download.with!['run-id'], '${{ steps.plan-run.outputs.run-id }}');
    assert.equal(download.with!['github-token'], '${{ github.token }}');
    const applyStep = indexOfStep('apply', (s) => /aws2port apply/.test(s.run ?? ''));
    assert.ok(indexOfStep('apply', (s) => s.uses?.startsWith('actions/download-artifact@') ?? false) < applyStep);
    const save = jobs.apply!.steps[applyStep + 1]!;
    assert.match(save.if!, /always\(\)/, 'the state is saved even after a partial apply');
    assert.match(save.run!, /aws s3 cp "\$AWS2PORT_STATE" "\$AWS2PORT_STATE_OBJECT"/);
  });

  it('posts one comment and updates it, found by the marker the markdown starts with', () => {
    const script = stepUsing('plan', 'actions/github-script')!.with!.script as string;
    assert.ok(script.includes(`const marker = '${PLAN_COMMENT_MARKER}';`));
    assert.match(script, /github\.paginate\(github\.rest\.issues\.listComments/);
    assert.match(script, /updateComment\(/);
    assert.match(script, /createComment\(/);
    assert.match(script, /readFileSync\(process\.env\.PLAN_COMMENT/);
  });

  it('runs only aws2port commands and flags that exist, on one plan file', async () => {
    const commands = workflowCommands();
    assert.deepEqual(commands.map((c) => `${c.job} ${c.argv[0]}`), ['plan validate', 'plan plan', 'plan show', 'apply apply']);
    const parsed = await Promise.all(commands.map((c) => parseCommand(c.argv)));
    const [, plan, show, apply] = parsed as [Args, Args, Args, Args];
    assert.ok(plan.command === 'plan' && plan.out === env.PLAN_FILE && !plan.isColor);
    assert.ok(show.command === 'show' && show.planFile === env.PLAN_FILE && show.isMarkdown);
    assert.equal(commands[2]!.stdoutTo, env.PLAN_COMMENT, 'the comment is the markdown show printed');
    assert.ok(apply.command === 'apply' && apply.planFile === env.PLAN_FILE && !apply.isAutoApprove && !apply.isMassDeleteAllowed);
  });

  it('would catch a command or a flag that does not exist', async () => {
    const [typo] = aws2portCommands('aws2port plan --outfile "$PLAN_FILE" > x', env, 'plan');
    assert.deepEqual(typo!.argv, ['plan', '--outfile', 'aws2port.plan']);
    await assert.rejects(parseCommand(typo!.argv), (error) => isAws2PortError(error, 'InvalidArgument') && /outfile/.test(error.message));
    await assert.rejects(parseCommand(['render', 'x']), (error) => isAws2PortError(error, 'InvalidArgument'));
  });
});
