import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { IIN_LENGTH, iinDigits, iinState } from './appeal-draft';

interface Props {
  value: string;
  onChange(value: string): void;
  onBlur(): void;
  /** Errors to show beside it (a missing IIN after a save attempt, the service's own). */
  errors: string[];
}

/**
 * The IIN, checked as it is typed: how many of the 12 digits are in, and as soon as all 12 are,
 * whether the control digit is right.
 */
export function IinField({ value, onChange, onBlur, errors }: Props) {
  const { t } = useTranslation('reception');
  const state = iinState(value);
  const live = state === 'invalid' ? [t('problems.iinCheckDigit')] : [];
  const hint = state === 'valid' ? t('iin.valid') : t('iin.progress', { count: value.length, total: IIN_LENGTH });
  return (
    <Field label={t('fields.iin')} hint={hint} errors={[...new Set([...live, ...errors])]}>
      {(props) => (
        <input
          {...props}
          value={value}
          name="iin"
          inputMode="numeric"
          autoComplete="off"
          onChange={(event) => onChange(iinDigits(event.target.value))}
          onBlur={onBlur}
        />
      )}
    </Field>
  );
}
