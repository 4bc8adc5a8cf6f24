import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** A number with big − and + buttons: easier with a thumb than typing on a phone keyboard. */
export function Stepper({
  label,
  value,
  onChange,
  min,
  max,
  step = 1,
  testId,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  step?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const clamp = (n: number) => Math.min(max, Math.max(min, n));
  return (
    <div className="testing-stepper" data-testid={testId}>
      <span id={id} className="testing-stepper-label">
        {label}
      </span>
      <div className="testing-stepper-controls">
        <Button
          size="large"
          shape="circle"
          icon={<MinusOutlined aria-hidden />}
          aria-label={t('testingRounds.less', { what: label })}
          disabled={value <= min}
          onClick={() => onChange(clamp(value - step))}
        />
        <output className="testing-stepper-value" aria-labelledby={id} aria-live="polite">
          {value}
        </output>
        <Button
          size="large"
          shape="circle"
          icon={<PlusOutlined aria-hidden />}
          aria-label={t('testingRounds.more', { what: label })}
          disabled={value >= max}
          onClick={() => onChange(clamp(value + step))}
        />
      </div>
    </div>
  );
}
