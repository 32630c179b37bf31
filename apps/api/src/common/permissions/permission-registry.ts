import { Injectable } from '@nestjs/common';
import type { Action, Rule, RuleSet } from './permission.types.js';

/** Every action's rule, registered by the feature module that owns the action. */
@Injectable()
export class PermissionRegistry {
  private readonly rules = new Map<string, Rule<Action>>();

  register<A extends Action>(rules: RuleSet<A>): void {
    for (const [action, rule] of Object.entries(rules) as Array<[string, Rule<Action>]>) {
      if (this.rules.has(action)) throw new Error(`Permission rule for "${action}" is registered twice`);
      this.rules.set(action, rule);
    }
  }

  rule<A extends Action>(action: A): Rule<A> {
    const rule = this.rules.get(action);
    // A missing rule is a programming error (the feature module did not register): never allow by default.
    if (!rule) throw new Error(`No permission rule registered for "${action}"`);
    return rule as Rule<A>;
  }

  actions(): string[] {
    return [...this.rules.keys()].sort();
  }
}
