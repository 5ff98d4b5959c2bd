import { Badge, makeStyles } from '@fluentui/react-components';
import type { ReturnState } from '@zj/shared';
import { useUi } from './ui-context.js';

const COLOR: Record<ReturnState, 'informative' | 'success' | 'warning' | 'danger' | 'subtle' | 'brand'> = {
  not_started: 'subtle',
  draft: 'informative',
  submitted: 'brand',
  returned: 'warning',
  approved: 'success',
  late: 'danger',
};

// A badge is one line high: its words must not wrap out of it ("Not submitted" at 320 px).
const useStyles = makeStyles({ badge: { whiteSpace: 'nowrap' } });

export function StateBadge(props: { state: ReturnState }) {
  const { t } = useUi();
  const styles = useStyles();
  return (
    <Badge className={styles.badge} appearance="tint" color={COLOR[props.state]} data-testid="state">
      {t(`state_${props.state}`)}
    </Badge>
  );
}
