import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TGroupBuyItem } from '../../../shared/api/group-buys.ts';
import { formatFen } from './group-buys-format.ts';

export type Quantities = Record<string, number>;

/** Σ price × units of what is being ordered, in fen. */
export const amountOf = (items: TGroupBuyItem[], quantities: Quantities) =>
  items.reduce((sum, item) => sum + item.priceFen * (quantities[item.id] ?? 0), 0);

/** The lines an order sends: only items with at least one unit. */
export const linesOf = (quantities: Quantities) =>
  Object.entries(quantities)
    .filter(([, quantity]) => quantity > 0)
    .map(([itemId, quantity]) => ({ itemId, quantity }));

/**
 * A − count + row per item, with big buttons for thumbs and older hands; the count is announced
 * (aria-live) as it changes. The household's limit caps the + button.
 */
export function QuantitySteppers({
  items,
  quantities,
  onChange,
  disabled = false,
}: {
  items: TGroupBuyItem[];
  quantities: Quantities;
  onChange: (next: Quantities) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const set = (itemId: string, quantity: number) => onChange({ ...quantities, [itemId]: quantity });
  return (
    <ul className="gb-steppers">
      {items.map((item) => {
        const quantity = quantities[item.id] ?? 0;
        const max = item.perHouseholdLimit ?? 10_000;
        return (
          <li key={item.id} className="gb-stepper" data-testid="gb-stepper">
            <div className="gb-stepper-what">
              <strong>{item.name}</strong>
              <span>
                {t('groupBuys.price', { price: formatFen(item.priceFen), unit: item.unit })}
                {item.perHouseholdLimit
                  ? ` · ${t('groupBuys.limit', { count: item.perHouseholdLimit, unit: item.unit })}`
                  : ''}
              </span>
            </div>
            <div className="gb-stepper-controls">
              <Button
                size="large"
                shape="circle"
                icon={<MinusOutlined aria-hidden />}
                aria-label={t('groupBuys.order.less', { name: item.name })}
                disabled={disabled || quantity <= 0}
                onClick={() => set(item.id, quantity - 1)}
              />
              <output
                className="gb-stepper-count"
                aria-live="polite"
                aria-label={t('groupBuys.order.countOf', { name: item.name })}
              >
                {quantity}
              </output>
              <Button
                size="large"
                shape="circle"
                icon={<PlusOutlined aria-hidden />}
                aria-label={t('groupBuys.order.more', { name: item.name })}
                disabled={disabled || quantity >= max}
                onClick={() => set(item.id, quantity + 1)}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
