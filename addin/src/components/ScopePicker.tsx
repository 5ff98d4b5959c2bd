import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useUi } from './ui-context.js';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
});

export interface ScopeOption {
  value: string;
  label: string;
}

/** Park and period pickers; the park list is already limited to what the user's role may see. */
export function ScopePicker(props: {
  parks: ScopeOption[];
  park: string | null;
  onPark(park: string): void;
  periods: ScopeOption[];
  period: string;
  onPeriod(period: string): void;
}) {
  const styles = useStyles();
  const { t } = useUi();
  return (
    <div className={styles.root}>
      {props.parks.length > 0 && (
        <Field label={t('park')}>
          <Select value={props.park ?? ''} disabled={props.parks.length < 2} onChange={(_e, d) => props.onPark(d.value)} data-testid="park">
            {props.parks.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={t('period')}>
        <Select value={props.period} onChange={(_e, d) => props.onPeriod(d.value)} data-testid="period">
          {props.periods.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
