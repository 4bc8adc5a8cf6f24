import type { Locale } from '../roles.ts';

type Params = Record<string, string | number>;

// One sentence per audited action, so the log reads in the reader's language.
const templates: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    'community.create': '新建小区“{name}”（{slug}）',
    'community.seed': '写入演示小区（{preset}）',
  },
  en: {
    'community.create': 'created community "{name}" ({slug})',
    'community.seed': 'seeded the demo community ({preset})',
  },
};

/** The summary of an audit entry in a language; null when the action has no template. */
export function auditSummary(locale: Locale, action: string, params: Params): string | null {
  const template = templates[locale][action];
  if (!template) return null;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}

export const auditedActions = () => Object.keys(templates.en);
