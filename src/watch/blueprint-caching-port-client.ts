import { PortClient, type Blueprint } from '../port/index.js';

/**
 * A Port client that remembers the blueprints it read: each apply orders blueprints by their
 * relations, and watch applies many small plans a second, so reading them every time would spend
 * Port's rate limit on answers that do not change. Forgotten at every full resync.
 */
export class BlueprintCachingPortClient extends PortClient {
  private readonly blueprints = new Map<string, Promise<Blueprint | undefined>>();

  override getBlueprint(identifier: string): Promise<Blueprint | undefined> {
    let answer = this.blueprints.get(identifier);
    if (!answer) {
      answer = super.getBlueprint(identifier);
      this.blueprints.set(identifier, answer);
      // A failed read is not remembered: the next apply asks again.
      answer.catch(() => this.blueprints.delete(identifier));
    }
    return answer;
  }

  /** Forgets every blueprint read so far. */
  forgetBlueprints(): void {
    this.blueprints.clear();
  }
}
