import { useTranslation } from 'react-i18next';

/** A full number becomes a tap-to-call link; a masked one (138****5678) is only shown. */
export function PhoneNumber({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (!value) return <span className="muted">{t('registry.none')}</span>;
  if (value.includes('*')) return <span className="phone-number">{value}</span>;
  return (
    <a className="phone-number" href={`tel:${value}`}>
      {value}
    </a>
  );
}
