import type { TFunction } from 'i18next';
import { zhCN } from '../../locales/zh-CN.ts';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type ActionName = Leaves<typeof zhCN.audit.actions>;
type TargetKey = keyof typeof zhCN.audit.targetTypes;
type RoleKey = keyof typeof zhCN.roles;

function leaves(table: object, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leaves(value as object, `${prefix}${key}.`),
  );
}

/** Actions the UI can name; the filter offers them before any entry has been loaded. */
export const KNOWN_ACTIONS: readonly string[] = leaves(zhCN.audit.actions);

const isKnownAction = (action: string): action is ActionName => KNOWN_ACTIONS.includes(action);
const has = (table: object, key: string) => Object.hasOwn(table, key);

/** A known action in words; an unknown one (from a newer server) as its raw name. */
export function actionLabel(t: TFunction, action: string): string {
  return isKnownAction(action) ? t(`audit.actions.${action}`) : action;
}

export function targetLabel(t: TFunction, targetType: string): string {
  return has(zhCN.audit.targetTypes, targetType)
    ? t(`audit.targetTypes.${targetType as TargetKey}`)
    : targetType;
}

export function roleLabel(t: TFunction, role: string): string {
  return has(zhCN.roles, role) ? t(`roles.${role as RoleKey}`) : role;
}

/** Entries written by the platform itself (seeding, jobs) rather than by a person. */
export const isSystem = (entry: { role: string }) => entry.role === 'system';
