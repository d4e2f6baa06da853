import type { WrittenNode } from './written-node.js';

/** What a text setting must look like. */
export interface TextRule {
  /** What the value is, for messages: `an AWS region name`. */
  what: string;
  /** A valid value, for messages: `us-east-1`. */
  example: string;
  /** The shape the text must have; any non-empty text when absent. */
  pattern?: RegExp;
  /** Extra advice when the text does not match (e.g. "a role name, not an ARN"). */
  advice?: (text: string) => string | undefined;
}

/**
 * A text setting. Not written: undefined, silently (the caller knows whether it is required).
 * A number or boolean counts as the text it was written as (`externalId: 0123` is `0123`).
 * A list, a map, empty text or text off the rule's pattern is an error, and gives undefined.
 */
export function readText(node: WrittenNode, rule: TextRule): string | undefined {
  if (!node.isWritten) return undefined;
  const text = node.text?.trim();
  if (text === undefined || text === '') {
    node.error(`must be ${rule.what}, not ${node.writtenAs}. Write one such as ${rule.example}, or remove the key.`);
    return undefined;
  }
  if (rule.pattern !== undefined && !rule.pattern.test(text)) {
    node.error(`${JSON.stringify(text)} is not ${rule.what}. ${rule.advice?.(text) ?? `Write one such as ${rule.example}.`}`);
    return undefined;
  }
  return text;
}

/**
 * A list of names, each checked by `rule`; one name on its own counts as a list of one. Not
 * written: empty. Repeats are dropped (a region listed twice is read once); order is kept.
 */
export function readTextList(node: WrittenNode, rule: TextRule): string[] {
  if (!node.isWritten) return [];
  if (!node.isList) {
    if (node.isMap) {
      node.error(`must be a list, not a map. Write [${rule.example}] or one "- ${rule.example}" line per item.`);
      return [];
    }
    return optionalToList(readText(node, rule));
  }
  const names = node.items().flatMap((item) => {
    if (!item.isWritten) item.error(`is an empty list item. Write ${rule.what} such as ${rule.example}, or remove the line.`);
    return optionalToList(readText(item, rule));
  });
  return [...new Set(names)];
}

function optionalToList(value: string | undefined): string[] {
  return value === undefined ? [] : [value];
}
