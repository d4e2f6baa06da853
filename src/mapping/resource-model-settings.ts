import type { RawItem, ResourceModelSetting } from '../aws/index.js';
import { Aws2PortError } from '../errors/index.js';
import type { ResourceConfig } from '../config/index.js';
import { readJqErrorMessage } from './check-expression.js';
import type { JqEngine } from './jq-engine.js';
import { jqTimeBudgetMs } from './jq-time-budget.js';

/**
 * The `selector.resourceModel` of each kind that sets one, as the source stage takes it: the jq
 * expression run over one parent item (or over the scope, `{__AccountId, __Region}`) as item programs
 * run (in jq-wasm's worker, under the time budget), its first output the ResourceModel. Rejects with
 * ResourceModelFailed, naming the resource and the parent, when the expression fails, runs out of time or gives anything
 * but an object: that scope is then incomplete, and nothing it owns is deleted.
 */
export function resourceModelSettings(resources: readonly ResourceConfig[], engine: JqEngine): Map<string, ResourceModelSetting> {
  const settings = new Map<string, ResourceModelSetting>();
  const budgetMs = jqTimeBudgetMs();
  for (const resource of resources) {
    const expression = resource.selector.resourceModel;
    if (!expression || settings.has(resource.kind)) continue;
    const { parentKind } = resource.selector;
    settings.set(resource.kind, {
      ...(parentKind !== undefined && { parentKind }),
      evaluate: async (input: RawItem) => {
        const subject = `${expression.place.path} of ${resource.kind} for ${input.Identifier ?? `${input.__AccountId}/${input.__Region}`}`;
        const result = engine.evaluate(JSON.stringify(input), `first(${expression.text})`, budgetMs);
        if ('failure' in result) throw failed(`${subject}: jq ${result.failure === 'timeout' ? 'ran out of time' : 'crashed'} (${result.message})`);
        if (result.exitCode !== 0) throw failed(`${subject}: ${readJqErrorMessage(result.stderr) || `jq exited with code ${result.exitCode}`}`);
        const model: unknown = result.stdout.trim() === '' ? null : JSON.parse(result.stdout);
        if (model === null || typeof model !== 'object' || Array.isArray(model)) {
          throw failed(`${subject} gave ${result.stdout.trim() || 'nothing'}, not an object such as {"ClusterName": "..."}`);
        }
        return model as Record<string, unknown>;
      },
    });
  }
  return settings;
}

function failed(message: string): Aws2PortError {
  return new Aws2PortError('ResourceModelFailed', message, { detail: 'Fix selector.resourceModel: it must give an object of the ResourceModel fields the kind lists by.' });
}
