import { Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular, CheckmarkRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useUi } from './ui-context.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** Approve (审核通过) or return (退回, with a comment) the latest version. */
export function ReviewForm(props: { busy: boolean; onDecide(decision: 'approve' | 'return', comment: string): void }) {
  const styles = useStyles();
  const { t } = useUi();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <div className={styles.root}>
      <Field label={t('review_comment')} validationState={missing ? 'error' : 'none'} validationMessage={missing ? t('review_comment_placeholder') : undefined}>
        <Textarea
          value={comment}
          placeholder={t('review_comment_placeholder')}
          onChange={(_e, d) => {
            setComment(d.value);
            setMissing(false);
          }}
          data-testid="review-comment"
        />
      </Field>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<CheckmarkRegular />}
          disabled={props.busy}
          onClick={() => props.onDecide('approve', comment.trim())}
          data-testid="approve"
        >
          {t('review_approve')}
        </Button>
        <Button
          icon={<ArrowUndoRegular />}
          disabled={props.busy}
          onClick={() => (comment.trim() === '' ? setMissing(true) : props.onDecide('return', comment.trim()))}
          data-testid="return"
        >
          {t('review_return')}
        </Button>
      </div>
    </div>
  );
}
