import type { TemplateModel } from '@zj/shared';
import { useMemo } from 'react';
import type { FieldInfo } from './SubmissionView.js';
import { useUi } from './ui-context.js';

/** Each field's label, in the UI language, and unit by field key: what SubmissionView shows beside a figure. */
export function useFieldInfo(template: TemplateModel | null): ReadonlyMap<string, FieldInfo> {
  const { lang } = useUi();
  return useMemo(() => new Map((template?.fields ?? []).map((f) => [f.key, { label: f.label[lang], unit: f.unit }])), [template, lang]);
}
