import type { IssueParams, Lang } from '../issues/issue.js';
import type { MessageTable } from './message-table.js';
import { FIGURE_MESSAGES } from '../figures/figure-messages.js';
import { RULE_MESSAGES } from '../rules/rule-messages.js';
import { TEMPLATE_MESSAGES } from '../templates/template-messages.js';
import { API_MESSAGES } from '../api/errors.js';
import { EVALUATION_MESSAGES } from '../evaluation/evaluation-messages.js';
import { PERIOD_MESSAGES } from '../periods/period-messages.js';
import { formatFigure } from '../figures/format-figure.js';
import { findUnit } from '../figures/units.js';
import { ONBOARDING_MESSAGES } from '../onboarding/onboarding-messages.js';

const TABLES: readonly MessageTable[] = [
  FIGURE_MESSAGES,
  RULE_MESSAGES,
  TEMPLATE_MESSAGES,
  API_MESSAGES,
  EVALUATION_MESSAGES,
  PERIOD_MESSAGES,
  ONBOARDING_MESSAGES,
];

/** Every issue code has a message in each language; a test checks both tables have the same keys. */
export const MESSAGE_TABLES: Record<Lang, Readonly<Record<string, string>>> = {
  zh: Object.assign({}, ...TABLES.map((t) => t.zh)),
  en: Object.assign({}, ...TABLES.map((t) => t.en)),
};

/** The params that hold a unit code of the unit table (never what a user typed: that is `typedUnit`). */
const UNIT_PARAMS = new Set(['unit', 'from', 'to']);

/** The params that hold a figure: a number there is shown as formatFigure shows it (41,472,000), never a year or a size. */
const FIGURE_PARAMS = new Set(['value', 'previous']);

/**
 * Fills `{name}` placeholders. An unknown code is a programming error: it throws. In English a
 * unit is named as formatFigure names it beside a figure ("142 pieces", "10k yuan"); % stays %.
 * A figure (value, previous) given as a number has its thousands grouped as formatFigure does.
 */
export function formatMessage(code: string, params: IssueParams, lang: Lang): string {
  const template = MESSAGE_TABLES[lang][code];
  if (template === undefined) throw new Error(`no ${lang} message for issue code "${code}"`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (lang === 'en' && UNIT_PARAMS.has(name)) {
      const unit = findUnit(String(v));
      if (unit !== undefined && unit.dimension !== 'percent') return unit.name.en;
    }
    if (typeof v === 'number' && FIGURE_PARAMS.has(name) && Number.isFinite(v)) return formatFigure(v, '', lang, { withUnit: false });
    return String(v);
  });
}
