import { z } from 'zod';
import { shiftTemplateMessagesZh } from '../../shared/api/shift-templates.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import type { Locale } from '../../shared/roles.ts';

const localeErrors = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() } as const;

type Issue = { path?: readonly PropertyKey[]; message?: string; code?: string } & Record<string, unknown>;

/** Renders zod issues as field paths with messages in the caller's language. */
export function validationDetails(issues: readonly Issue[], locale: Locale, root = ''): ErrorDetail[] {
  const render = localeErrors[locale].localeError as (
    issue: unknown,
  ) => string | { message: string } | undefined;
  return issues.map((issue) => {
    const path = [root, ...(issue.path ?? []).map(String)].filter(Boolean).join('.');
    let message = issue.message ?? '';
    if (isMissing(issue)) {
      message = locale === 'zh-CN' ? '必填' : 'Required';
    } else if (message in customZh) {
      if (locale === 'zh-CN') message = customZh[message]!;
    } else if (issue.code && issue.code !== 'custom') {
      const rendered = render({ ...issue, input: issue.input });
      if (rendered) message = typeof rendered === 'string' ? rendered : rendered.message;
    }
    return { path, message };
  });
}

// Plain words for an empty or absent field: zod's "expected string to have >=1 characters" is hard going.
function isMissing(issue: Issue): boolean {
  if (issue.code === 'invalid_type') return String(issue.message).includes('received undefined');
  return issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1;
}

// Messages our schemas set themselves (refinements, regex hints), in Chinese.
const customZh: Record<string, string> = {
  'control characters': '不能包含控制字符',
  'invalid characters': '含有无法保存的字符',
  'unknown time zone': '未知的时区',
  'lowercase letters, digits and dashes': '只能使用小写字母、数字和短横线',
  ...shiftTemplateMessagesZh,
};
