import type { ReturnInput } from '../api/returns.js';
import type { Issue } from '../issues/issue.js';
import type { TemplateField, TemplateModel } from '../templates/template-model.js';
import type { RuleSpec } from './rule-spec.js';
import type { DerivedValue } from './validation-result.js';

/** What a rule sees once every figure has been parsed. */
export interface RuleContext {
  template: TemplateModel;
  input: ReturnInput;
  field(key: string): TemplateField;
  /** Parsed values (null = blank or unreadable). */
  values: Record<string, number | null>;
  /** Fields whose typed text could not be read: later rules stay silent on them. */
  unreadable: ReadonlySet<string>;
  derived: Record<string, DerivedValue>;
  baselines: Record<string, number | null>;
}

/** A rule kind declares its own behaviour: what it checks and how it is described. */
export interface RuleKindDef<K extends RuleSpec['kind']> {
  kind: K;
  description: { zh: string; en: string };
  check(rule: Extract<RuleSpec, { kind: K }>, ctx: RuleContext): Issue[];
}

export const figurePath = (key: string) => `figures.${key}`;
export const baselinePath = (key: string) => `baselines.${key}`;
