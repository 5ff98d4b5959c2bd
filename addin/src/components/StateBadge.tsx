import { Badge } from '@fluentui/react-components';
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

export function StateBadge(props: { state: ReturnState }) {
  const { t } = useUi();
  return (
    <Badge appearance="tint" color={COLOR[props.state]} data-testid="state">
      {t(`state_${props.state}`)}
    </Badge>
  );
}
