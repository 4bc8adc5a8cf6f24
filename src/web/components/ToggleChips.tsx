import { CheckOutlined } from '@ant-design/icons';

interface Props<T extends string> {
  options: readonly { value: T; label: string }[];
  // Optional because antd's Form.Item supplies them to a field it wraps.
  value?: readonly T[];
  onChange?: (value: T[]) => void;
  id?: string;
  label: string;
}

/**
 * Big on/off chips for "choose any": a thumb-sized target each, a tick besides the colour for the
 * chosen ones, and aria-pressed so screen readers say which are on.
 */
export function ToggleChips<T extends string>({ options, value = [], onChange, id, label }: Props<T>) {
  const toggle = (option: T) =>
    onChange?.(value.includes(option) ? value.filter((v) => v !== option) : [...value, option]);
  return (
    <fieldset id={id} className="toggle-chips">
      {/* The form shows the label above; the legend names the group for screen readers. */}
      <legend className="visually-hidden">{label}</legend>
      {options.map((option) => {
        const on = value.includes(option.value);
        return (
          <button
            key={option.value}
            type="button"
            className={on ? 'toggle-chip is-on' : 'toggle-chip'}
            aria-pressed={on}
            onClick={() => toggle(option.value)}
          >
            {on && <CheckOutlined aria-hidden />}
            {option.label}
          </button>
        );
      })}
    </fieldset>
  );
}
