import * as rruleModule from "rrule";

// Bundlers load rrule's ESM build (named exports); Node's own ESM loader (tsx scripts) only sees its CommonJS
// build, whose exports hide behind `default`. Reflect.get keeps bundlers from flagging a `.default` that their
// ESM build lacks.
type RRuleModule = typeof rruleModule;
const resolved: RRuleModule =
  "RRule" in rruleModule && rruleModule.RRule ? rruleModule : (Reflect.get(rruleModule, "default") as RRuleModule);

export const RRule = resolved.RRule;
export type RRule = InstanceType<typeof RRule>;
export type RRuleOptions = rruleModule.Options;
