import type { JqExpression } from './types.js';
import type { WrittenNode } from './written-node.js';

/**
 * A jq expression (`WrittenJq`) with its place. Text is kept exactly as YAML gives it (folded lines joined);
 * a YAML boolean or number stands for its own jq text (`query: true` is `true`), as Port accepts.
 * Not written: undefined, and an error when `whenMissing` (what to add) is given. A map, a list or
 * blank text is an error. The text is not compiled here: the mapping stage does that.
 */
export function readJqExpression(node: WrittenNode, whenMissing?: string): JqExpression | undefined {
  if (!node.isWritten) {
    if (whenMissing !== undefined) node.error(`missing. ${whenMissing}`);
    return undefined;
  }
  const text = node.text;
  if (text === undefined) {
    node.error(`must be a jq expression (text), not ${node.writtenAs}. Quote it as one line, e.g. '.Properties.Arn'.`);
    return undefined;
  }
  if (text.trim() === '') {
    node.error(`is an empty jq expression. Write one (e.g. '.Identifier', or '"text"' for a constant), or remove the key.`);
    return undefined;
  }
  return { text, place: { path: node.path, line: node.line } };
}
