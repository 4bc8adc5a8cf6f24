import type { TFunction } from 'i18next';
import type { TResident } from '../../../shared/api/registry.ts';

export const sexLabel = (t: TFunction, sex: TResident['sex']) =>
  sex === 'M' ? t('registry.male') : sex === 'F' ? t('registry.female') : '';
