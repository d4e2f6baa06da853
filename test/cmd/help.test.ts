import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir();

/** `aws2port ARGS` with stdout not a terminal and the width set by COLUMNS, as `ls` reads it. */
async function help(args: readonly string[], columns: number): Promise<string> {
  const run = await runCli(args, { cwd: dir, env: { COLUMNS: String(columns) } });
  assert.equal(run.code, 0, run.stderr);
  return run.stdout;
}

/** The commands a help text lists (`aws2port state list` gives `state list`), `completion` aside. */
function listedCommands(text: string): string[] {
  const section = text.split('\n\n').find((block) => block.startsWith('Commands:')) ?? '';
  return [...section.matchAll(/^ {2}aws2port ((?:[a-z]+ ?)+?)(?: [[<].*?)? {2,}/gm)].map((m) => m[1]!.trim()).filter((c) => c !== 'completion');
}

/** Every command with its own help, subcommands included. */
async function everyCommand(): Promise<string[]> {
  const nested = await Promise.all(
    listedCommands(await help(['--help'], 80)).map(async (command) => {
      const sub = listedCommands(await help([...command.split(' '), '--help'], 80));
      return sub.length > 0 ? sub : [command];
    }),
  );
  return nested.flat();
}

/** Each line's width, for a readable failure. */
const widest = (text: string) => Math.max(...text.split('\n').map((line) => line.length));

/** The text with its line breaks and runs of spaces folded to one space: words cut in two stay apart. */
const flowed = (text: string) => text.replace(/\s+/g, ' ');

describe('aws2port --help', () => {
  it('fits 80 columns without cutting a word in two', async () => {
    const text = await help(['--help'], 80);
    assert.ok(widest(text) <= 80, `a line of ${widest(text)} columns:\n${text}`);
    for (const description of ['Read AWS, map, diff against the state, show the plan', 'Read our entities back from Port and record drift in the state', 'Apply AWS events from an SQS queue as they come, with periodic full resyncs']) {
      assert.ok(flowed(text).includes(description), `"${description}" is cut:\n${text}`);
    }
  });

  it("uses a 120-column terminal's width for a command's flags", async () => {
    const text = await help(['plan', '--help'], 120);
    assert.ok(widest(text) > 80 && widest(text) <= 120, `widest line ${widest(text)}:\n${text}`);
    assert.match(text, /^ {2}--detailed-exitcode +0 no changes, 1 error, 2 changes +\[boolean\] \[default: false\]$/m);
  });

  it('wraps the same flags at 80 columns, at spaces', async () => {
    const text = await help(['watch', '--help'], 80);
    assert.ok(widest(text) <= 80, `a line of ${widest(text)} columns:\n${text}`);
    assert.ok(flowed(text).includes('SQS queue of AWS events (env AWS2PORT_QUEUE_URL)'), text);
  });

  it("gives every command's help an example line", async () => {
    const commands = await everyCommand();
    assert.ok(commands.includes('plan') && commands.includes('state unlock'), commands.join(', '));
    await Promise.all(
      commands.map(async (command) => {
        const text = await help([...command.split(' '), '--help'], 120);
        assert.match(text, new RegExp(`^Examples:\\n {2}aws2port ${command}\\b`, 'm'), `${command} --help:\n${text}`);
      }),
    );
  });
});
